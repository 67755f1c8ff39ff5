// The demo's follow-up (decision 0009), through the command bus: the point of contact invites INAP's person
// responsible for the training commitment and assigns them; they report its progress and evidence
// (db/factories/follow-up-2016.ts). The other three commitments have no follow-up yet.
import type { CommandBus } from "../../server/commands/bus.server";
import type { Actor } from "../../server/commands/types";
import type { DB } from "../connection.server";
import { followup2016 } from "../factories/follow-up-2016";
import { demoPerson, runCommand as run } from "./run-command.server";

export async function seedFollowupDemo(
  bus: CommandBus,
  db: DB,
  consultationId: string,
  contact: Actor,
  commitmentId: string,
  /** Called between naming the responsible person and their reports (the seed moves its clock there). */
  beforeReports: () => void = () => undefined,
): Promise<void> {
  const org = await db.selectFrom("organizations").select("id").where("acronym", "=", followup2016.responsible.organizationAcronym).executeTakeFirstOrThrow();
  const person = await demoPerson(bus, consultationId, "commitment_responsible", followup2016.responsible.name, org.id);
  await run(bus, contact, "followup.assign_responsible", { proposalId: commitmentId, userId: person.userId });
  beforeReports();
  for (const r of followup2016.reports) {
    if (r.kind === "progress") {
      const { kind: _kind, ...payload } = r;
      await run(bus, person, "followup.update_milestone", { proposalId: commitmentId, ...payload });
    } else {
      await run(bus, person, "followup.add_evidence", { proposalId: commitmentId, position: r.position, url: r.url, description: r.description });
    }
  }
}
