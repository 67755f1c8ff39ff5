// Text revisions of a proposal: before the first edit the original text is kept as revision 1, then every edit
// adds the next revision, so the public sheet can show what changed between any two.
import { randomUUID } from "node:crypto";
import { templateFromRow } from "../../app/domain/proposals/template";
import type { ProposalTemplate } from "../../app/domain/schemas/proposal";
import type { ProposalRow } from "./proposal-store.server";
import type { Trx } from "./types";

export async function recordRevision(
  trx: Trx,
  row: ProposalRow,
  next: ProposalTemplate,
  meta: { note: string; editedBy: string | null; now: string },
): Promise<number> {
  const last = await trx
    .selectFrom("proposal_versions")
    .select((eb) => eb.fn.max("revision").as("max"))
    .where("proposal_id", "=", row.id)
    .executeTakeFirst();
  let revision = Number(last?.max ?? 0);
  if (revision === 0) {
    const milestones = await trx.selectFrom("milestones").selectAll().where("proposal_id", "=", row.id).orderBy("position").execute();
    const original = templateFromRow(row, milestones);
    revision = 1;
    await trx
      .insertInto("proposal_versions")
      .values({
        id: randomUUID(),
        proposal_id: row.id,
        revision,
        template: JSON.stringify(original),
        note: "",
        edited_by: row.proponent_user_id,
        edited_at: row.updated_at,
      })
      .execute();
  }
  revision += 1;
  await trx
    .insertInto("proposal_versions")
    .values({ id: randomUUID(), proposal_id: row.id, revision, template: JSON.stringify(next), note: meta.note, edited_by: meta.editedBy, edited_at: meta.now })
    .execute();
  return revision;
}
