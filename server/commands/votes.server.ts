// The technical roundtable's consensus vote, live: the chair opens a vote on a proposal that meets the three
// criteria; each present, non-recused member answers (agree, agree with reservations, stand aside, block with a
// reason) and may change the answer until the chair closes the vote; closing computes the outcome with one pure
// function (app/domain/consensus/outcome.ts) over the answers, the rule and the quorum, as set when the vote opened.
// The chair can always end a vote: closing records its outcome (at the plan's cap, "not adopted: the plan is full"),
// or cancelling records the chair's reason. Every act here happens in an open session (requireOpenSession).
import { randomUUID } from "node:crypto";
import { missingCriteria } from "../../app/domain/consensus/criteria";
import { answerRefusal, openVoteRefusal } from "../../app/domain/consensus/eligibility";
import { decideOutcome, nextBallot, tallyAnswers, withinCommitmentCap, type DecisionSettings } from "../../app/domain/consensus/outcome";
import { isAtTechnical, stagesBetween } from "../../app/domain/funnel";
import { hasAnyRole } from "../../app/domain/roles";
import { answerVoteSchema, cancelVoteSchema, openVoteSchema, voteRefSchema } from "../../app/domain/schemas/technical";
import { CommandError, notFound } from "./errors";
import { refuseAdoptionIfFrozen } from "./plan-lookup.server";
import { enterStage } from "./proposal-store.server";
import { actingUser, actorLabel, announceRoundtable, consultationOfProposal } from "./roundtable-lookup.server";
import {
  chairAtOpenTable,
  announceTally,
  criteriaRecords,
  currentAnswers,
  decisionSettingsOf,
  eligibleMemberCount,
  requireChairOrContact,
  requireOpenSession,
  userIdOf,
} from "./technical-lookup.server";
import { defineCommand, type CommandContext, type Trx } from "./types";

async function consultationOfVote(trx: Trx, voteId: string): Promise<string> {
  const row = await trx.selectFrom("consensus_votes").select("consultation_id").where("id", "=", voteId).executeTakeFirst();
  if (!row) throw notFound("vote");
  return row.consultation_id;
}

async function adoptedCount(trx: Trx, consultationId: string): Promise<number> {
  const row = await trx
    .selectFrom("proposals")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("consultation_id", "=", consultationId)
    .where("state", "=", "adopted")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const openVote = defineCommand({
  type: "vote.open",
  summary: "Open a consensus vote on a proposal that meets the three adoption criteria (the chair or the point of contact).",
  schema: openVoteSchema,
  access: { roles: ["point_of_contact", "technical_member"] },
  consultationOf: (trx, p) => consultationOfProposal(trx, p.proposalId),
  async handle(trx, p, ctx) {
    const consultationId = ctx.consultationId!;
    const table = await chairAtOpenTable(trx, ctx);
    const proposal = await trx.selectFrom("proposals").select(["id", "title", "state", "stage"]).where("id", "=", p.proposalId).executeTakeFirstOrThrow();
    const session = await requireOpenSession(trx, table.id);
    const open = await trx.selectFrom("consensus_votes").select("id").where("proposal_id", "=", proposal.id).where("status", "=", "open").executeTakeFirst();
    // A vote on an approved (frozen) plan could only adopt what the plan no longer takes: refused before it opens.
    await refuseAdoptionIfFrozen(trx, consultationId, proposal.title);
    const settings = await decisionSettingsOf(trx, consultationId);
    const missing = missingCriteria(await criteriaRecords(trx, proposal.id));
    const refusal = openVoteRefusal({
      state: proposal.state,
      atTechnical: isAtTechnical(proposal.stage),
      hasOpenVote: Boolean(open),
      missing,
      adoptedCount: await adoptedCount(trx, consultationId),
      maxCommitments: settings.maxCommitments,
    });
    if (refusal) {
      switch (refusal.code) {
        case "not_active":
          throw new CommandError("conflict", "roundtable.error.not_active", { title: proposal.title, state: `@proposal.state.${refusal.state}` });
        case "not_at_technical":
          throw new CommandError("conflict", "technical.error.not_at_technical", { title: proposal.title });
        case "vote_already_open":
          throw new CommandError("conflict", "technical.error.vote_already_open", { title: proposal.title });
        case "criteria_missing":
          throw new CommandError(
            "conflict",
            "technical.error.criteria_missing",
            {
              title: proposal.title,
              missing: refusal.missing.map((c) => `@technical.criterion.${c}`).join(","),
              count: refusal.missing.length,
            },
            refusal.missing.map((c) => ({ path: ["criteria", c], code: "criteria_missing", message: c })),
          );
        case "commitment_cap":
          throw new CommandError("conflict", "technical.error.commitment_cap", { max: refusal.max });
      }
    }
    // The fallback rule's second round follows a first ballot that ended blocked; a ballot without quorum (or
    // cancelled, or stopped by the cap) is held again as the same ballot.
    const last = await trx
      .selectFrom("consensus_votes")
      .select(["outcome", "grade", "ballot"])
      .where("proposal_id", "=", proposal.id)
      .orderBy("opened_at", "desc")
      .executeTakeFirst();
    const ballot = nextBallot(last);
    const decision: DecisionSettings = {
      rule: settings.rule,
      standAsideMaxShare: settings.standAsideMaxShare,
      supermajorityShare: settings.supermajorityShare,
      quorum: settings.quorum,
    };
    const id = randomUUID();
    const vote = {
      id,
      consultation_id: consultationId,
      roundtable_id: table.id,
      round_id: session.id,
      proposal_id: proposal.id,
      ballot,
      status: "open" as const,
      settings: JSON.stringify({ ...decision, privateAnswers: settings.privateAnswers }),
      opened_by: userIdOf(ctx),
      opened_at: ctx.now,
      closed_by: null,
      closed_at: null,
      outcome: null,
      grade: null,
      outcome_detail: null,
    };
    await trx.insertInto("consensus_votes").values(vote).execute();
    announceTally(ctx, consultationId, vote, [], await eligibleMemberCount(trx, consultationId, proposal.id));
    announceRoundtable(ctx, table.id, consultationId, actorLabel(ctx, await actingUser(trx, ctx)), "technical.feed.vote_opened", {
      title: proposal.title,
      ballot,
    });
    return { voteId: id, ballot };
  },
});

export const answerVote = defineCommand({
  type: "vote.answer",
  summary: "Answer an open consensus vote (agree, agree with reservations, stand aside, or block with a reason); answers can change until it closes.",
  schema: answerVoteSchema,
  access: { roles: ["technical_member", "observer"] },
  consultationOf: (trx, p) => consultationOfVote(trx, p.voteId),
  async handle(trx, p, ctx) {
    const consultationId = ctx.consultationId!;
    const userId = userIdOf(ctx) ?? "";
    // One read for the vote and everything about the person answering it (the hot path of a live vote).
    const vote = await trx
      .selectFrom("consensus_votes as v")
      .selectAll("v")
      .select((eb) => [
        eb.selectFrom("technical_attendance as a").select("a.present").whereRef("a.round_id", "=", "v.round_id").where("a.user_id", "=", userId).as("present"),
        eb
          .selectFrom("conflict_declarations as d")
          .select("d.reason")
          .whereRef("d.proposal_id", "=", "v.proposal_id")
          .where("d.user_id", "=", userId)
          .as("recusal"),
        eb.selectFrom("users as u").select("u.organization_id").where("u.id", "=", userId).as("organization_id"),
        eb.selectFrom("users as u").innerJoin("organizations as o", "o.id", "u.organization_id").select("o.sector").where("u.id", "=", userId).as("sector"),
      ])
      .where("v.id", "=", p.voteId)
      .executeTakeFirstOrThrow();
    const refusal = answerRefusal({
      voteOpen: vote.status === "open",
      isMember: hasAnyRole(ctx.roles, ["technical_member"]),
      isObserver: hasAnyRole(ctx.roles, ["observer"]),
      present: vote.present === 1,
      recusal: vote.recusal ?? null,
    });
    if (refusal) {
      if (refusal.code === "vote_closed") throw new CommandError("conflict", "technical.error.vote_closed");
      if (refusal.code === "recused") throw new CommandError("forbidden", "technical.error.recused", { reason: refusal.reason });
      throw new CommandError("forbidden", `technical.error.${refusal.code}`);
    }
    const user = { organization_id: vote.organization_id, sector: vote.sector };
    await trx
      .updateTable("vote_answers")
      .set({ superseded_at: ctx.now })
      .where("vote_id", "=", vote.id)
      .where("user_id", "=", userId!)
      .where("superseded_at", "is", null)
      .execute();
    await trx
      .insertInto("vote_answers")
      .values({
        vote_id: vote.id,
        user_id: userId!,
        organization_id: user.organization_id,
        sector: user.sector ?? "none",
        answer: p.answer,
        reason: p.reason,
        answered_at: ctx.now,
        superseded_at: null,
      })
      .execute();
    const answers = await currentAnswers(trx, vote.id);
    announceTally(ctx, consultationId, vote, answers, await eligibleMemberCount(trx, consultationId, vote.proposal_id));
    return { voteId: vote.id, answer: p.answer, answered: answers.length };
  },
});

/**
 * The vote that closing or cancelling ends: still open, ended by the chair or the point of contact, in an open session;
 * with its current answers and how many members may answer.
 */
async function openVoteToEnd(trx: Trx, ctx: CommandContext, voteId: string) {
  const vote = await trx.selectFrom("consensus_votes").selectAll().where("id", "=", voteId).executeTakeFirstOrThrow();
  const table = await trx.selectFrom("roundtables").select(["id", "chair_user_id"]).where("id", "=", vote.roundtable_id).executeTakeFirstOrThrow();
  requireChairOrContact(ctx, table);
  if (vote.status !== "open") throw new CommandError("conflict", "technical.error.vote_closed");
  await requireOpenSession(trx, table.id);
  const answers = await currentAnswers(trx, vote.id);
  const eligible = await eligibleMemberCount(trx, ctx.consultationId!, vote.proposal_id);
  return { vote, answers, eligible };
}

export const closeVote = defineCommand({
  type: "vote.close",
  summary:
    "Close a consensus vote: the outcome (adopted and its grade, rejected with the blocks' reasons, not adopted — too many stand-asides, or the plan is full — with the proposal still at the table, second round, or no quorum) is computed and final.",
  schema: voteRefSchema,
  access: { roles: ["point_of_contact", "technical_member"] },
  consultationOf: (trx, p) => consultationOfVote(trx, p.voteId),
  async handle(trx, p, ctx) {
    const consultationId = ctx.consultationId!;
    const { vote, answers, eligible } = await openVoteToEnd(trx, ctx, p.voteId);
    const settings = await decisionSettingsOf(trx, consultationId);
    // The cap is checked again here: an adoption past it is recorded as "not adopted: the plan is full" (never a 409
    // that would leave the vote, the proposal and the session stuck).
    const outcome = withinCommitmentCap(
      decideOutcome({ round: vote.ballot === 2 ? 2 : 1, eligible, answers }, JSON.parse(vote.settings) as DecisionSettings),
      await adoptedCount(trx, consultationId),
      settings.maxCommitments,
    );
    const proposal = await trx.selectFrom("proposals").select(["id", "title", "stage", "state"]).where("id", "=", vote.proposal_id).executeTakeFirstOrThrow();
    if (outcome.kind === "adopted") {
      // Unreachable through the commands today (plan.approve waits for open votes to end), kept as the rule's guard.
      await refuseAdoptionIfFrozen(trx, consultationId, proposal.title);
      await trx
        .updateTable("proposals")
        .set((eb) => ({ state: "adopted", state_reason: null, version: eb("version", "+", 1), updated_at: ctx.now }))
        .where("id", "=", proposal.id)
        .execute();
      // A commitment in the plan passed every checkpoint: it is counted in each column up to "in the plan".
      for (const stage of stagesBetween(proposal.stage, "plan")) await enterStage(trx, [proposal.id], stage, ctx.now);
    } else if (outcome.kind === "rejected") {
      const reasons = outcome.blocks
        .map((b) => b.reason)
        .filter(Boolean)
        .join(" · ");
      await trx
        .updateTable("proposals")
        .set((eb) => ({ state: "rejected", state_reason: reasons || outcome.because, version: eb("version", "+", 1), updated_at: ctx.now }))
        .where("id", "=", proposal.id)
        .execute();
    }
    // "not_adopted" leaves the proposal active: the table may refine it and vote again (or reject it, with a reason).
    const grade = outcome.kind === "adopted" ? outcome.grade : outcome.kind === "rejected" || outcome.kind === "not_adopted" ? outcome.because : null;
    const closed = {
      status: "closed" as const,
      closed_by: userIdOf(ctx),
      closed_at: ctx.now,
      outcome: outcome.kind,
      grade,
      outcome_detail: JSON.stringify(outcome),
    };
    await trx.updateTable("consensus_votes").set(closed).where("id", "=", vote.id).execute();
    announceTally(ctx, consultationId, { ...vote, ...closed }, answers, eligible);
    announceRoundtable(ctx, vote.roundtable_id, consultationId, actorLabel(ctx, await actingUser(trx, ctx)), `technical.feed.vote_${outcome.kind}`, {
      title: proposal.title,
      grade: grade ? `@technical.grade.${grade}` : "",
    });
    return { voteId: vote.id, proposalId: vote.proposal_id, outcome };
  },
});

export const cancelVote = defineCommand({
  type: "vote.cancel",
  summary:
    "Cancel an open consensus vote with the reason (the chair or the point of contact): no outcome, the proposal stays as it was, the answers and the reason stay in the record and are public.",
  schema: cancelVoteSchema,
  access: { roles: ["point_of_contact", "technical_member"] },
  consultationOf: (trx, p) => consultationOfVote(trx, p.voteId),
  async handle(trx, p, ctx) {
    const consultationId = ctx.consultationId!;
    const { vote, answers, eligible } = await openVoteToEnd(trx, ctx, p.voteId);
    const proposal = await trx.selectFrom("proposals").select("title").where("id", "=", vote.proposal_id).executeTakeFirstOrThrow();
    // A cancelled vote is closed without an outcome of the answers: they stay recorded (never deleted) beside the reason.
    const closed = {
      status: "closed" as const,
      closed_by: userIdOf(ctx),
      closed_at: ctx.now,
      outcome: "cancelled" as const,
      grade: null,
      outcome_detail: JSON.stringify({ kind: "cancelled", reason: p.reason, tally: tallyAnswers(answers, eligible) }),
    };
    await trx.updateTable("consensus_votes").set(closed).where("id", "=", vote.id).execute();
    announceTally(ctx, consultationId, { ...vote, ...closed }, answers, eligible);
    announceRoundtable(ctx, vote.roundtable_id, consultationId, actorLabel(ctx, await actingUser(trx, ctx)), "technical.feed.vote_cancelled", {
      title: proposal.title,
      reason: p.reason,
    });
    return { voteId: vote.id, proposalId: vote.proposal_id, outcome: { kind: "cancelled" as const, reason: p.reason } };
  },
});

export const voteCommands = [openVote, answerVote, closeVote, cancelVote];
