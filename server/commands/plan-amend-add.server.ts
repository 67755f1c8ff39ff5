// The way in for a commitment after approval (issue 17): once the plan is approved it is frozen, and an adoption by
// vote is refused (409 naming the frozen plan). The point of contact records instead an amendment of the plan that
// adds the commitment, with its reason — the proposal meets the three adoption criteria at the technical roundtable,
// the plan has room under the cap — and the amendment is shown publicly with the commitment and in every export.
// The amendment row has revision 0: it changed no text, it added the commitment (a text amendment names the
// revision it made, plan-texts.server.ts).
import { randomUUID } from "node:crypto";
import { missingCriteria } from "../../app/domain/consensus/criteria";
import { isAtTechnical, stagesBetween } from "../../app/domain/funnel";
import { addByAmendmentRefusal } from "../../app/domain/plan";
import { addCommitmentByAmendmentSchema } from "../../app/domain/schemas/plan";
import { CommandError } from "./errors";
import { announcePlan, consultationOfPlan, planCommitments, planRow } from "./plan-lookup.server";
import { enterStage } from "./proposal-store.server";
import { criteriaRecords, decisionSettingsOf, userIdOf } from "./technical-lookup.server";
import { defineCommand } from "./types";

/** The revision an amendment that adds a commitment records: none of the text's. */
export const ADDED_BY_AMENDMENT = 0;

export const addCommitmentByAmendment = defineCommand({
  type: "plan.amend_add",
  summary:
    "Add a commitment to the approved plan by a recorded amendment, with the reason: a proposal meeting the three criteria at the technical roundtable, or adopted and left out (point of contact; only once approved).",
  schema: addCommitmentByAmendmentSchema,
  access: { roles: ["point_of_contact"] },
  consultationOf: (trx, p) => consultationOfPlan(trx, p.planId),
  async handle(trx, p, ctx) {
    const plan = await planRow(trx, p.planId);
    const proposal = await trx
      .selectFrom("proposals")
      .select(["id", "consultation_id", "title", "state", "stage"])
      .where("id", "=", p.proposalId)
      .executeTakeFirst();
    if (!proposal || proposal.consultation_id !== plan.consultation_id) {
      throw new CommandError("invalid", "error.invalid_payload", {}, [{ path: ["proposalId"], code: "custom", message: "plan.issue.unknown_proposal" }]);
    }
    const current = await planCommitments(trx, plan.id);
    const missing = missingCriteria(await criteriaRecords(trx, proposal.id));
    const settings = await decisionSettingsOf(trx, plan.consultation_id);
    const refusal = addByAmendmentRefusal(plan.status, {
      state: proposal.state,
      atTechnical: isAtTechnical(proposal.stage),
      inPlan: current.some((c) => c.proposal_id === proposal.id),
      missingCriteria: proposal.state === "adopted" ? 0 : missing.length,
      commitments: current.length,
      maxCommitments: settings.maxCommitments,
    });
    switch (refusal) {
      case null:
        break;
      case "not_frozen":
        throw new CommandError("conflict", "plan.error.add_not_frozen", { status: `@plan.status.${plan.status}` });
      case "already_in_plan":
        throw new CommandError("conflict", "plan.error.already_in_plan", { title: proposal.title });
      case "not_active":
        throw new CommandError("conflict", "roundtable.error.not_active", { title: proposal.title, state: `@proposal.state.${proposal.state}` });
      case "not_at_technical":
        throw new CommandError("conflict", "technical.error.not_at_technical", { title: proposal.title });
      case "criteria_missing":
        throw new CommandError("conflict", "technical.error.criteria_missing", {
          title: proposal.title,
          missing: missing.map((c) => `@technical.criterion.${c}`).join(","),
          count: missing.length,
        });
      case "commitment_cap":
        throw new CommandError("conflict", "technical.error.commitment_cap", { max: settings.maxCommitments });
    }
    if (proposal.state === "active") {
      await trx
        .updateTable("proposals")
        .set((eb) => ({ state: "adopted", state_reason: null, version: eb("version", "+", 1), updated_at: ctx.now }))
        .where("id", "=", proposal.id)
        .execute();
      // As an adoption by vote: counted in each column up to "in the plan".
      for (const stage of stagesBetween(proposal.stage, "plan")) await enterStage(trx, [proposal.id], stage, ctx.now);
    }
    const last = await trx
      .selectFrom("plan_commitments")
      .select((eb) => eb.fn.max("position").as("max"))
      .where("plan_id", "=", plan.id)
      .executeTakeFirst();
    const position = Number(last?.max ?? 0) + 1;
    const number = p.number || String(current.length + 1);
    await trx
      .insertInto("plan_commitments")
      .values({ id: randomUUID(), plan_id: plan.id, proposal_id: proposal.id, position, number, added_at: ctx.now, removed_at: null })
      .execute();
    const amendmentId = randomUUID();
    await trx
      .insertInto("plan_amendments")
      .values({
        id: amendmentId,
        plan_id: plan.id,
        proposal_id: proposal.id,
        revision: ADDED_BY_AMENDMENT,
        reason: p.reason,
        amended_by: userIdOf(ctx),
        amended_at: ctx.now,
      })
      .execute();
    await trx
      .updateTable("plans")
      .set((eb) => ({ version: eb("version", "+", 1), updated_at: ctx.now }))
      .where("id", "=", plan.id)
      .execute();
    announcePlan(ctx, plan.consultation_id, plan.status);
    return { amendmentId, proposalId: proposal.id, number, commitments: current.length + 1 };
  },
});

export const planAmendAddCommands = [addCommitmentByAmendment];
