// Reads shared by the plan's commands: the plan and its commitments, and refusals worded for people.
import { adoptionRefusal, moveRefusal, type PlanMove, type PlanStatus } from "../../app/domain/plan";
import { CommandError, notFound } from "./errors";
import { announceChange } from "./lookup.server";
import type { CommandContext, Trx } from "./types";

export async function planRow(trx: Trx, planId: string) {
  const row = await trx.selectFrom("plans").selectAll().where("id", "=", planId).executeTakeFirst();
  if (!row) throw notFound("plan");
  return { ...row, status: row.status as PlanStatus };
}

export async function consultationOfPlan(trx: Trx, planId: string): Promise<string> {
  return (await planRow(trx, planId)).consultation_id;
}

export async function consultationOfComment(trx: Trx, commentId: string): Promise<string> {
  const row = await trx.selectFrom("plan_comments").select("consultation_id").where("id", "=", commentId).executeTakeFirst();
  if (!row) throw notFound("comment");
  return row.consultation_id;
}

export async function consultationOfObservation(trx: Trx, observationId: string): Promise<string> {
  const row = await trx
    .selectFrom("plan_observations as o")
    .innerJoin("plans as p", "p.id", "o.plan_id")
    .select("p.consultation_id")
    .where("o.id", "=", observationId)
    .executeTakeFirst();
  if (!row) throw notFound("observation");
  return row.consultation_id;
}

/** The commitments in the plan now, in order. */
export async function planCommitments(trx: Trx, planId: string) {
  return trx.selectFrom("plan_commitments").selectAll().where("plan_id", "=", planId).where("removed_at", "is", null).orderBy("position").execute();
}

/** 409 naming the plan's status when the move is not allowed now. */
export function refuseMove(status: PlanStatus, move: PlanMove, facts: { commitments?: number } = {}): void {
  const refusal = moveRefusal(status, move, facts);
  if (!refusal) return;
  throw new CommandError("conflict", `plan.error.${refusal}`, { status: `@plan.status.${status}` });
}

/** A commitment of this plan (not taken out of it), or 400 naming the field. */
export async function requireCommitment(trx: Trx, planId: string, proposalId: string, field = "proposalId") {
  const row = await trx
    .selectFrom("plan_commitments")
    .select(["id", "number"])
    .where("plan_id", "=", planId)
    .where("proposal_id", "=", proposalId)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  if (!row) throw new CommandError("invalid", "error.invalid_payload", {}, [{ path: [field], code: "custom", message: "plan.issue.not_in_plan" }]);
  return row;
}

/** The plan's pages are public once published: everyone reloads; staff also when it is still being assembled. */
export function announcePlan(ctx: CommandContext, consultationId: string, status: PlanStatus): void {
  announceChange(ctx, consultationId, status === "assembling" ? "staff" : "public");
}

/**
 * Once the plan is approved an adoption is refused (409 naming the frozen plan): a proposal enters it only through
 * the amendment that records it (`plan.amend_add`). Called by every path that adopts (vote.open, vote.close).
 */
export async function refuseAdoptionIfFrozen(trx: Trx, consultationId: string, title: string): Promise<void> {
  const plan = await trx.selectFrom("plans").select("status").where("consultation_id", "=", consultationId).executeTakeFirst();
  const status = (plan?.status ?? null) as PlanStatus | null;
  if (adoptionRefusal(status)) throw new CommandError("conflict", "plan.error.adoption_frozen", { title, status: `@plan.status.${status}` });
}
