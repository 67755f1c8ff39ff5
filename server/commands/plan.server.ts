// The action plan (issue 9, stages 7–10): the point of contact assembles it from the adopted commitments (order,
// numbering, an introduction), publishes the draft for comment, sends it for review and records the OGP support
// unit's observations (the roundtable answers them), records its approval (who, when, the act's reference — after
// which it is frozen) and its submission (date, a link or a file reference).
import { randomUUID } from "node:crypto";
import { commitmentNumbers, statusAfter } from "../../app/domain/plan";
import {
  answerObservationSchema,
  approvePlanSchema,
  assemblePlanSchema,
  observePlanSchema,
  planRefSchema,
  submitPlanSchema,
} from "../../app/domain/schemas/plan";
import { CommandError, conflict } from "./errors";
import { requireConsultation } from "./lookup.server";
import { announcePlan, consultationOfObservation, consultationOfPlan, planCommitments, planRow, refuseMove, requireCommitment } from "./plan-lookup.server";
import { userIdOf } from "./technical-lookup.server";
import { defineCommand } from "./types";

const pointOfContact = { roles: ["point_of_contact"] } as const;

export const assemblePlan = defineCommand({
  type: "plan.assemble",
  summary: "Assemble the action plan from the adopted commitments: their order, numbers and an introduction (point of contact; not once approved).",
  schema: assemblePlanSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => requireConsultation(trx, p.consultationId),
  async handle(trx, p, ctx) {
    const consultationId = p.consultationId;
    let plan = await trx.selectFrom("plans").selectAll().where("consultation_id", "=", consultationId).executeTakeFirst();
    if (plan) refuseMove(plan.status as never, "assemble");
    if (new Set(p.proposalIds).size !== p.proposalIds.length) {
      throw new CommandError("invalid", "error.invalid_payload", {}, [{ path: ["proposalIds"], code: "custom", message: "plan.issue.repeated" }]);
    }
    const proposals = p.proposalIds.length
      ? await trx.selectFrom("proposals").select(["id", "consultation_id", "state", "title"]).where("id", "in", p.proposalIds).execute()
      : [];
    const issues = p.proposalIds.flatMap((id, i) => {
      const row = proposals.find((r) => r.id === id);
      if (!row || row.consultation_id !== consultationId) return [{ path: ["proposalIds", i], code: "custom", message: "plan.issue.unknown_proposal" }];
      if (row.state !== "adopted") return [{ path: ["proposalIds", i], code: "custom", message: "plan.issue.not_adopted" }];
      return [];
    });
    if (issues.length) throw new CommandError("invalid", "error.invalid_payload", {}, issues);

    if (!plan) {
      plan = {
        id: randomUUID(),
        consultation_id: consultationId,
        status: "assembling",
        introduction: p.introduction,
        published_at: null,
        review_sent_at: null,
        approved_at: null,
        approved_by_name: null,
        approved_on: null,
        approval_reference: null,
        submitted_on: null,
        submission_link: null,
        submission_file: null,
        version: 1,
        created_at: ctx.now,
        updated_at: ctx.now,
      };
      await trx.insertInto("plans").values(plan).execute();
    } else {
      await trx
        .updateTable("plans")
        .set((eb) => ({ introduction: p.introduction, version: eb("version", "+", 1), updated_at: ctx.now }))
        .where("id", "=", plan!.id)
        .execute();
    }
    const planId = plan.id;
    const current = await planCommitments(trx, planId);
    const numbers = commitmentNumbers(p.proposalIds.map((_, i) => ({ number: p.numbers[i] })));
    // Taken out of the draft: marked, never deleted.
    for (const c of current.filter((c) => !p.proposalIds.includes(c.proposal_id))) {
      await trx.updateTable("plan_commitments").set({ removed_at: ctx.now }).where("id", "=", c.id).execute();
    }
    for (const [i, proposalId] of p.proposalIds.entries()) {
      const existing = current.find((c) => c.proposal_id === proposalId);
      if (existing) {
        await trx
          .updateTable("plan_commitments")
          .set({ position: i + 1, number: numbers[i] })
          .where("id", "=", existing.id)
          .execute();
      } else {
        await trx
          .insertInto("plan_commitments")
          .values({ id: randomUUID(), plan_id: planId, proposal_id: proposalId, position: i + 1, number: numbers[i], added_at: ctx.now, removed_at: null })
          .execute();
      }
    }
    announcePlan(ctx, consultationId, plan.status as never);
    return { planId, commitments: p.proposalIds.length };
  },
});

export const publishPlan = defineCommand({
  type: "plan.publish",
  summary: "Publish the assembled draft plan for public comment (point of contact; comments are taken while the draft-plan stage is open).",
  schema: planRefSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfPlan(trx, p.planId),
  async handle(trx, p, ctx) {
    const plan = await planRow(trx, p.planId);
    refuseMove(plan.status, "publish", { commitments: (await planCommitments(trx, plan.id)).length });
    await trx
      .updateTable("plans")
      .set((eb) => ({ status: statusAfter(plan.status, "publish"), published_at: ctx.now, version: eb("version", "+", 1), updated_at: ctx.now }))
      .where("id", "=", plan.id)
      .execute();
    announcePlan(ctx, plan.consultation_id, "draft");
    return { planId: plan.id, status: "draft" };
  },
});

export const sendPlanForReview = defineCommand({
  type: "plan.send_review",
  summary: "Send the draft plan for review by the OGP support unit (point of contact).",
  schema: planRefSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfPlan(trx, p.planId),
  async handle(trx, p, ctx) {
    const plan = await planRow(trx, p.planId);
    refuseMove(plan.status, "send_review");
    await trx
      .updateTable("plans")
      .set((eb) => ({ status: "in_review", review_sent_at: ctx.now, version: eb("version", "+", 1), updated_at: ctx.now }))
      .where("id", "=", plan.id)
      .execute();
    announcePlan(ctx, plan.consultation_id, "in_review");
    return { planId: plan.id, status: "in_review" };
  },
});

export const observePlan = defineCommand({
  type: "plan.observe",
  summary: "Record an observation of the OGP support unit on the plan or one of its commitments (point of contact).",
  schema: observePlanSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfPlan(trx, p.planId),
  async handle(trx, p, ctx) {
    const plan = await planRow(trx, p.planId);
    if (plan.status === "assembling") refuseMove(plan.status, "send_review");
    if (p.proposalId) await requireCommitment(trx, plan.id, p.proposalId);
    const id = randomUUID();
    await trx
      .insertInto("plan_observations")
      .values({
        id,
        plan_id: plan.id,
        proposal_id: p.proposalId,
        text: p.text,
        recorded_by: userIdOf(ctx),
        recorded_at: ctx.now,
        answer: null,
        answered_by: null,
        answered_at: null,
      })
      .execute();
    announcePlan(ctx, plan.consultation_id, plan.status);
    return { observationId: id };
  },
});

export const answerObservation = defineCommand({
  type: "plan.observation_answer",
  summary:
    "Answer an observation of the OGP support unit (point of contact, technical-roundtable members); a new answer replaces the shown one, the audit keeps both.",
  schema: answerObservationSchema,
  access: { roles: ["point_of_contact", "technical_member"] },
  consultationOf: (trx, p) => consultationOfObservation(trx, p.observationId),
  async handle(trx, p, ctx) {
    const row = await trx.selectFrom("plan_observations").select(["id", "plan_id"]).where("id", "=", p.observationId).executeTakeFirstOrThrow();
    await trx
      .updateTable("plan_observations")
      .set({ answer: p.answer, answered_by: userIdOf(ctx), answered_at: ctx.now })
      .where("id", "=", row.id)
      .execute();
    const plan = await planRow(trx, row.plan_id);
    announcePlan(ctx, plan.consultation_id, plan.status);
    return { observationId: row.id };
  },
});

export const approvePlan = defineCommand({
  type: "plan.approve",
  summary: "Record the plan's approval — who, when, the act's reference. The plan and its commitments are frozen from then on (point of contact).",
  schema: approvePlanSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfPlan(trx, p.planId),
  async handle(trx, p, ctx) {
    const plan = await planRow(trx, p.planId);
    refuseMove(plan.status, "approve");
    const commitments = await planCommitments(trx, plan.id);
    if (commitments.length === 0) throw conflict("plan.error.empty", { status: `@plan.status.${plan.status}` });
    // Approval freezes the plan: a vote still open could adopt one more proposal the plan would no longer take.
    // The way out: the chair closes the vote first (its outcome is recorded), then the plan is approved.
    const openVote = await trx
      .selectFrom("consensus_votes as v")
      .innerJoin("proposals as p", "p.id", "v.proposal_id")
      .select("p.title")
      .where("v.consultation_id", "=", plan.consultation_id)
      .where("v.status", "=", "open")
      .executeTakeFirst();
    if (openVote) throw conflict("plan.error.vote_open", { title: openVote.title });
    await trx
      .updateTable("plans")
      .set((eb) => ({
        status: "approved",
        approved_at: ctx.now,
        approved_by_name: p.approvedBy,
        approved_on: p.approvedOn,
        approval_reference: p.reference,
        version: eb("version", "+", 1),
        updated_at: ctx.now,
      }))
      .where("id", "=", plan.id)
      .execute();
    announcePlan(ctx, plan.consultation_id, "approved");
    return { planId: plan.id, status: "approved" };
  },
});

export const submitPlan = defineCommand({
  type: "plan.submit",
  summary: "Record the approved plan's submission to OGP: the date and a link (http or https) or a file reference (point of contact).",
  schema: submitPlanSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfPlan(trx, p.planId),
  async handle(trx, p, ctx) {
    const plan = await planRow(trx, p.planId);
    refuseMove(plan.status, "submit");
    await trx
      .updateTable("plans")
      .set((eb) => ({
        status: "submitted",
        submitted_on: p.submittedOn,
        submission_link: p.link ?? null,
        submission_file: p.fileReference ?? null,
        version: eb("version", "+", 1),
        updated_at: ctx.now,
      }))
      .where("id", "=", plan.id)
      .execute();
    announcePlan(ctx, plan.consultation_id, "submitted");
    return { planId: plan.id, status: "submitted" };
  },
});

export const planCommands = [assemblePlan, publishPlan, sendPlanForReview, observePlan, answerObservation, approvePlan, submitPlan];
