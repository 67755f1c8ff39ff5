// "In the plan", defined once (issue 17): the plan's commitments. Once the point of contact has assembled the plan,
// they are the rows of plan_commitments not taken out of it (an adoption after approval enters only by a recorded
// amendment, server/commands/plan-amend-add.server.ts); before any plan exists, the plan to be is every adopted
// proposal, which is what it is assembled from. Every figure of commitments reads this query: the funnel's "in the
// plan" column, the technical roundtable's pages, the follow-up (page and API), the plan's pages, the API and every
// export. Nothing else counts commitments.
import type { DB } from "../connection.server";

export interface CommitmentInPlan {
  proposalId: string;
  themeId: string;
  /** The number shown ("1", "2"… or a typed one); before a plan exists, the position. */
  number: string;
  position: number;
}

/** The consultation's commitments in the plan, in the plan's order. */
export async function commitmentsInPlan(db: DB, consultationId: string): Promise<CommitmentInPlan[]> {
  const plan = await db.selectFrom("plans").select("id").where("consultation_id", "=", consultationId).executeTakeFirst();
  if (plan) {
    const rows = await db
      .selectFrom("plan_commitments as c")
      .innerJoin("proposals as p", "p.id", "c.proposal_id")
      .select(["c.proposal_id", "p.theme_id", "c.number", "c.position"])
      .where("c.plan_id", "=", plan.id)
      .where("c.removed_at", "is", null)
      .orderBy("c.position")
      .execute();
    return rows.map((r) => ({ proposalId: r.proposal_id, themeId: r.theme_id, number: r.number, position: r.position }));
  }
  const adopted = await db
    .selectFrom("proposals as p")
    .innerJoin("themes as t", "t.id", "p.theme_id")
    .select(["p.id", "p.theme_id"])
    .where("p.consultation_id", "=", consultationId)
    .where("p.state", "=", "adopted")
    .orderBy("t.position")
    .orderBy("p.created_at")
    .orderBy("p.id")
    .execute();
  return adopted.map((r, i) => ({ proposalId: r.id, themeId: r.theme_id, number: String(i + 1), position: i + 1 }));
}

/**
 * What an amendment may add to the approved plan (plan.amend_add): proposals at the technical roundtable, still
 * active or adopted, not in the plan now. The command checks the criteria and the cap.
 */
export async function amendmentCandidates(db: DB, consultationId: string): Promise<Array<{ id: string; title: string; state: string }>> {
  const inPlan = new Set((await commitmentsInPlan(db, consultationId)).map((c) => c.proposalId));
  const rows = await db
    .selectFrom("proposals")
    .select(["id", "title", "state"])
    .where("consultation_id", "=", consultationId)
    .where("state", "in", ["active", "adopted"])
    .where("stage", "in", ["unified", "technical", "refined", "plan"])
    .orderBy("created_at")
    .execute();
  return rows.filter((r) => !inPlan.has(r.id));
}
