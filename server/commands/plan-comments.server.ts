// Citizens' comments on the draft plan (stage 7), on one commitment or on the plan as a whole: without an account,
// with a receipt code, under the same abuse protection as online opinions (the public rate limit, a honeypot, the
// same text from the same client taken once) and the same moderation (hide and restore with a reason, reports).
// The technical roundtable answers each comment: accepted, partly or not accepted, with a reason.
import { randomUUID } from "node:crypto";
import { DUPLICATE_WINDOW_MINUTES, normalizeForDuplicates } from "../../app/domain/opinion";
import { COMMENT_PHASE, commentRefusal } from "../../app/domain/plan";
import { answerCommentSchema, commentPlanSchema, hideCommentSchema, reportCommentSchema, restoreCommentSchema } from "../../app/domain/schemas/plan";
import { sha256 } from "../auth/crypto.server";
import { CommandError, conflict } from "./errors";
import { requireStageAccepting, announceChange } from "./lookup.server";
import { stageAccepts, todayInGuatemala } from "../../app/domain/phases";
import { clientHashOf, newReceiptCode } from "./opinions.server";
import { consultationOfComment, consultationOfPlan, planRow, requireCommitment } from "./plan-lookup.server";
import { userIdOf } from "./technical-lookup.server";
import { defineCommand, rooms, type CommandContext, type Trx } from "./types";
import { moderate } from "../../app/domain/moderation";

const moderators = { roles: ["point_of_contact", "systematizer"] } as const;

/** Staff see new comments live on the roundtable's comment view; the public page reloads on hide and restore. */
export const PLAN_COMMENT_EVENT = "plan:comment";

function announceComment(ctx: CommandContext, consultationId: string, commentId: string, change: string, scope: "public" | "staff") {
  ctx.broadcasts.push({ room: rooms.staff(consultationId), event: PLAN_COMMENT_EVENT, data: { consultationId, commentId, change, at: ctx.now } });
  announceChange(ctx, consultationId, scope);
}

export interface CommentReceipt {
  commentId: string;
  receiptCode: string;
  createdAt: string;
  duplicate: boolean;
}

export const commentPlan = defineCommand({
  type: "plan.comment",
  summary: "Comment on a commitment of the draft plan, or on the plan as a whole (anyone, while the draft-plan stage is open); answers a receipt code.",
  schema: commentPlanSchema,
  access: "public",
  consultationOf: (trx, p) => consultationOfPlan(trx, p.planId),
  async handle(trx, p, ctx): Promise<CommentReceipt> {
    if (p.website) throw new CommandError("invalid", "intake.error.honeypot");
    const plan = await planRow(trx, p.planId);
    const stage = await trx
      .selectFrom("stages")
      .select(["status", "starts_on", "ends_on"])
      .where("consultation_id", "=", plan.consultation_id)
      .where("phase", "=", COMMENT_PHASE)
      .orderBy("position")
      .executeTakeFirst();
    // Open means opened AND within its dates (app/domain/phases.ts): outside them the 409 names the day in words.
    const refusal = commentRefusal(plan.status, Boolean(stage && stageAccepts(stage, todayInGuatemala(ctx.now))));
    if (refusal === "stage") await requireStageAccepting(trx, plan.consultation_id, COMMENT_PHASE, ctx.now);
    if (refusal)
      throw new CommandError("stage_closed", `plan.error.comment_${refusal}`, { status: `@plan.status.${plan.status}`, stage: `@phase.${COMMENT_PHASE}` });
    if (p.proposalId) await requireCommitment(trx, plan.id, p.proposalId);

    const clientHash = clientHashOf(ctx.actor);
    const fingerprint = sha256(`plan\n${plan.id}\n${p.proposalId ?? ""}\n${clientHash}\n${normalizeForDuplicates(p.text)}`).slice(0, 32);
    const since = new Date(Date.parse(ctx.now) - DUPLICATE_WINDOW_MINUTES * 60_000).toISOString();
    const earlier = await trx
      .selectFrom("plan_comments")
      .select(["id", "receipt_code", "created_at"])
      .where("text_fingerprint", "=", fingerprint)
      .where("created_at", ">=", since)
      .executeTakeFirst();
    if (earlier) return { commentId: earlier.id, receiptCode: earlier.receipt_code ?? "", createdAt: earlier.created_at, duplicate: true };

    const id = randomUUID();
    let receiptCode = "";
    for (let attempt = 0; !receiptCode; attempt++) {
      if (attempt === 5) throw new Error("could not draw a free receipt code");
      const candidate = newReceiptCode();
      // Receipt codes are one space with the opinions': /r/:code finds either.
      const taken = await trx.selectFrom("citizen_inputs").select("id").where("receipt_code", "=", candidate).executeTakeFirst();
      if (taken) continue;
      const inserted = await trx
        .insertInto("plan_comments")
        .values({
          id,
          consultation_id: plan.consultation_id,
          plan_id: plan.id,
          proposal_id: p.proposalId,
          text: p.text,
          status: "visible",
          status_reason: null,
          receipt_code: candidate,
          client_hash: clientHash,
          text_fingerprint: fingerprint,
          created_at: ctx.now,
          updated_at: ctx.now,
        })
        .onConflict((oc) => oc.column("receipt_code").doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) receiptCode = candidate;
    }
    announceComment(ctx, plan.consultation_id, id, "new", "public");
    return { commentId: id, receiptCode, createdAt: ctx.now, duplicate: false };
  },
  redact: ({ website, ...rest }) => ({ ...rest, honeypotFilled: Boolean(website) }),
});

async function setHidden(trx: Trx, commentId: string, ctx: CommandContext, hidden: { reason: string } | null) {
  const row = await trx.selectFrom("plan_comments").select(["status"]).where("id", "=", commentId).executeTakeFirstOrThrow();
  const change = moderate(row.status, hidden);
  if (!change.ok) throw conflict(change.messageKey);
  const { status } = change;
  await trx.updateTable("plan_comments").set({ status, status_reason: change.reason, updated_at: ctx.now }).where("id", "=", commentId).execute();
  announceComment(ctx, ctx.consultationId!, commentId, status, "public");
  return { commentId, status };
}

export const hideComment = defineCommand({
  type: "plan.comment_hide",
  summary: "Hide a comment on the plan with a reason (point of contact, systematizer). Never deleted.",
  schema: hideCommentSchema,
  access: moderators,
  consultationOf: (trx, p) => consultationOfComment(trx, p.commentId),
  handle: (trx, p, ctx) => setHidden(trx, p.commentId, ctx, { reason: p.reason }),
});

export const restoreComment = defineCommand({
  type: "plan.comment_restore",
  summary: "Show a hidden comment on the plan again (point of contact, systematizer).",
  schema: restoreCommentSchema,
  access: moderators,
  consultationOf: (trx, p) => consultationOfComment(trx, p.commentId),
  handle: (trx, p, ctx) => setHidden(trx, p.commentId, ctx, null),
});

export const reportComment = defineCommand({
  type: "plan.comment_report",
  summary: "Report a comment on the plan to the moderators, with a reason (anyone).",
  schema: reportCommentSchema,
  access: "public",
  consultationOf: (trx, p) => consultationOfComment(trx, p.commentId),
  async handle(trx, p, ctx) {
    const row = await trx.selectFrom("plan_comments").select("status").where("id", "=", p.commentId).executeTakeFirstOrThrow();
    if (row.status !== "visible") throw conflict("intake.error.already_hidden");
    const id = randomUUID();
    await trx.insertInto("plan_comment_reports").values({ id, comment_id: p.commentId, reason: p.reason, created_at: ctx.now }).execute();
    announceComment(ctx, ctx.consultationId!, p.commentId, "reported", "staff");
    return { reportId: id, commentId: p.commentId };
  },
});

export const answerComment = defineCommand({
  type: "plan.comment_answer",
  summary: "Answer a citizen's comment on the plan: accepted, partly or not accepted, with a reason, shown publicly (technical roundtable, point of contact).",
  schema: answerCommentSchema,
  access: { roles: ["point_of_contact", "technical_member"] },
  consultationOf: (trx, p) => consultationOfComment(trx, p.commentId),
  async handle(trx, p, ctx) {
    const comment = await trx.selectFrom("plan_comments").select(["id", "plan_id"]).where("id", "=", p.commentId).executeTakeFirstOrThrow();
    const plan = await planRow(trx, comment.plan_id ?? "");
    if (plan.status === "approved" || plan.status === "submitted") {
      throw new CommandError("conflict", "plan.error.frozen", { status: `@plan.status.${plan.status}` });
    }
    // A changed answer supersedes the shown one: the history stays.
    await trx
      .updateTable("plan_comment_answers")
      .set({ superseded_at: ctx.now })
      .where("comment_id", "=", comment.id)
      .where("superseded_at", "is", null)
      .execute();
    const id = randomUUID();
    await trx
      .insertInto("plan_comment_answers")
      .values({ id, comment_id: comment.id, verdict: p.verdict, reason: p.reason, answered_by: userIdOf(ctx), answered_at: ctx.now, superseded_at: null })
      .execute();
    announceComment(ctx, plan.consultation_id, comment.id, "answered", "public");
    return { answerId: id, commentId: comment.id, verdict: p.verdict };
  },
});

export const planCommentCommands = [commentPlan, hideComment, restoreComment, reportComment, answerComment];
