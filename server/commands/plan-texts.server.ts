// A commitment's text in the plan: the technical roundtable revises it while the draft is open (naming the comments
// that led to the change), and after approval only a recorded amendment with a reason changes it. Both reuse the
// proposal's versions (proposal-versions.server.ts): every text is kept and the public sheet shows the differences.
import { randomUUID } from "node:crypto";
import { textChangeRefusal } from "../../app/domain/plan";
import { templateFromRow } from "../../app/domain/proposals/template";
import { amendPlanCommitmentSchema, revisePlanCommitmentSchema } from "../../app/domain/schemas/plan";
import type { ProposalTemplate } from "../../app/domain/schemas/proposal";
import { CommandError, conflict } from "./errors";
import { announcePlan, consultationOfPlan, planRow, requireCommitment } from "./plan-lookup.server";
import { assertComplete, assertMilestoneCap, maxMilestonesOf, replaceMilestones, templateColumns } from "./proposal-store.server";
import { recordRevision } from "./proposal-versions.server";
import { userIdOf } from "./technical-lookup.server";
import { defineCommand, type CommandContext, type Trx } from "./types";

type Change = Partial<ProposalTemplate> & { planId: string; proposalId: string; expectedVersion?: number };

function planStatusError(refusal: "frozen" | "not_frozen", status: string): CommandError {
  return new CommandError("conflict", `plan.error.${refusal}_text`, { status: `@plan.status.${status}` });
}

/** Applies the sent fields over the commitment's current text, keeps the new version and answers its revision. */
async function changeText(trx: Trx, ctx: CommandContext, p: Change, how: "revision" | "amendment", note: string) {
  const plan = await planRow(trx, p.planId);
  const refusal = textChangeRefusal(plan.status, how);
  if (refusal) throw planStatusError(refusal, plan.status);
  await requireCommitment(trx, plan.id, p.proposalId);
  const row = await trx.selectFrom("proposals").selectAll().where("id", "=", p.proposalId).executeTakeFirstOrThrow();
  if (p.expectedVersion !== undefined && p.expectedVersion !== row.version) throw conflict("plan.error.stale", { title: row.title });
  const milestones = await trx.selectFrom("milestones").selectAll().where("proposal_id", "=", row.id).orderBy("position").execute();
  const current = templateFromRow(row, milestones);
  const { planId: _plan, proposalId: _proposal, expectedVersion: _version, ...sent } = p;
  const changes = Object.fromEntries(Object.entries(sent).filter(([k, v]) => v !== undefined && k in current)) as Partial<ProposalTemplate>;
  const next: ProposalTemplate = { ...current, ...changes };
  assertMilestoneCap(next.milestones.length, await maxMilestonesOf(trx, row.consultation_id));
  assertComplete(next);
  if (JSON.stringify(next) === JSON.stringify(current)) throw new CommandError("invalid", "plan.error.no_change", { title: row.title });
  const revision = await recordRevision(trx, row, next, { note, editedBy: userIdOf(ctx), now: ctx.now });
  const version = row.version + 1;
  await trx
    .updateTable("proposals")
    .set({ ...templateColumns(next), version, updated_at: ctx.now })
    .where("id", "=", row.id)
    .execute();
  // Milestones are rewritten only when they changed: their rows carry the follow-up's progress.
  if (changes.milestones && JSON.stringify(changes.milestones) !== JSON.stringify(current.milestones)) await replaceMilestones(trx, row.id, next.milestones);
  return { plan, row, revision, version };
}

export const revisePlanCommitment = defineCommand({
  type: "plan.revise",
  summary:
    "Revise a commitment's text in the draft plan, naming the comments that led to it; every version is kept (technical roundtable, point of contact; not once approved).",
  schema: revisePlanCommitmentSchema,
  access: { roles: ["point_of_contact", "technical_member"] },
  consultationOf: (trx, p) => consultationOfPlan(trx, p.planId),
  async handle(trx, p, ctx) {
    const { commentIds, note, ...change } = p;
    if (commentIds.length) {
      const comments = await trx.selectFrom("plan_comments").select(["id", "plan_id"]).where("id", "in", commentIds).execute();
      const issues = commentIds.flatMap((id, i) =>
        comments.some((c) => c.id === id && c.plan_id === p.planId) ? [] : [{ path: ["commentIds", i], code: "custom", message: "plan.issue.unknown_comment" }],
      );
      if (issues.length) throw new CommandError("invalid", "error.invalid_payload", {}, issues);
    }
    const { plan, row, revision, version } = await changeText(trx, ctx, change, "revision", note);
    for (const commentId of new Set(commentIds)) {
      await trx.insertInto("plan_revision_comments").values({ proposal_id: row.id, revision, comment_id: commentId }).execute();
    }
    announcePlan(ctx, plan.consultation_id, plan.status);
    return { proposalId: row.id, revision, version };
  },
});

export const amendPlanCommitment = defineCommand({
  type: "plan.amend",
  summary: "Amend a commitment of the approved plan, with the reason; the previous text stays readable (point of contact).",
  schema: amendPlanCommitmentSchema,
  access: { roles: ["point_of_contact"] },
  consultationOf: (trx, p) => consultationOfPlan(trx, p.planId),
  async handle(trx, p, ctx) {
    const { reason, ...change } = p;
    const { plan, row, revision, version } = await changeText(trx, ctx, change, "amendment", reason);
    const id = randomUUID();
    await trx
      .insertInto("plan_amendments")
      .values({ id, plan_id: plan.id, proposal_id: row.id, revision, reason, amended_by: userIdOf(ctx), amended_at: ctx.now })
      .execute();
    announcePlan(ctx, plan.consultation_id, plan.status);
    return { amendmentId: id, proposalId: row.id, revision, version };
  },
});

export const planTextCommands = [revisePlanCommitment, amendPlanCommitment];
