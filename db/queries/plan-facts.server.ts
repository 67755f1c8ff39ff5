// The plan as a commitment's place needs it (app/domain/fate.ts, commitmentPlace): the status of the consultation's
// plan and the number each of the given proposals carries in it. One statement for any number of proposals.
import type { PlanFacts } from "../../app/domain/fate";
import type { PlanStatus } from "../../app/domain/plan";
import type { DB } from "../connection.server";

/** The plan of the consultation these proposals belong to, or null when none was assembled (or no ids are given). */
export async function planFactsFor(db: DB, proposalIds: readonly string[]): Promise<PlanFacts | null> {
  if (proposalIds.length === 0) return null;
  const rows = await db
    .selectFrom("proposals as p")
    .innerJoin("plans as pl", "pl.consultation_id", "p.consultation_id")
    .leftJoin("plan_commitments as k", (j) => j.onRef("k.plan_id", "=", "pl.id").onRef("k.proposal_id", "=", "p.id").on("k.removed_at", "is", null))
    .select(["p.id", "pl.status", "k.number"])
    .where("p.id", "in", [...new Set(proposalIds)])
    .execute();
  if (rows.length === 0) return null;
  const numbers: Record<string, string> = {};
  for (const r of rows) if (r.number !== null) numbers[r.id] = r.number;
  return { status: rows[0].status as PlanStatus, numbers };
}
