// Records a funnel snapshot inside the closing command's transaction: the same stage-history rows the public funnel
// counts (db/queries/roundtables.server.ts funnelCounts), read through the transaction so the snapshot sees what the
// command just wrote, tallied by the same pure function.
import { randomUUID } from "node:crypto";
import { tallyFunnel } from "../../app/domain/proposals/counts";
import { snapshotCounts } from "../../app/domain/snapshots";
import type { CommandContext, Trx } from "./types";

export async function recordSnapshot(
  trx: Trx,
  ctx: CommandContext,
  at: { consultationId: string; stageId?: string | null; roundId?: string | null },
): Promise<string> {
  const [entries, themes, last] = await Promise.all([
    trx
      .selectFrom("proposal_stage_history as h")
      .innerJoin("proposals as p", "p.id", "h.proposal_id")
      .select(["h.proposal_id as proposalId", "p.theme_id as themeId", "h.stage"])
      .where("p.consultation_id", "=", at.consultationId)
      .execute(),
    trx.selectFrom("themes").select("id").where("consultation_id", "=", at.consultationId).orderBy("position").execute(),
    trx
      .selectFrom("audit_events")
      .select((eb) => eb.fn.max("seq").as("seq"))
      .executeTakeFirst(),
  ]);
  const counts = snapshotCounts(
    tallyFunnel(
      entries,
      [],
      themes.map((t) => t.id),
    ),
  );
  const id = randomUUID();
  await trx
    .insertInto("funnel_snapshots")
    .values({
      id,
      consultation_id: at.consultationId,
      stage_id: at.stageId ?? null,
      round_id: at.roundId ?? null,
      command_type: ctx.type,
      command_id: ctx.commandId,
      taken_at: ctx.now,
      counts: JSON.stringify(counts),
      audit_seq: Number(last?.seq ?? 0),
    })
    .execute();
  return id;
}
