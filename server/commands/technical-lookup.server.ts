// Reads shared by the technical roundtable's commands: its table, chair and open session, who may run the
// session, the members eligible to vote, and the live tally of a vote.
import { reasonFigures, tallyAnswers, type DecisionSettings, type VoteAnswer } from "../../app/domain/consensus/outcome";
import type { CriterionRecord } from "../../app/domain/consensus/criteria";
import { VOTE_EVENTS, type VoteTallyEvent } from "../../app/live/vote-events";
import { hasAnyRole } from "../../app/domain/roles";
import { CommandError, notFound } from "./errors";
import { requireStageOpen } from "./lookup.server";
import { rooms, type CommandContext, type Trx } from "./types";

export const TECHNICAL_PHASE = "technical_roundtable";

export async function requireTechnicalTable(trx: Trx, roundtableId: string) {
  const row = await trx.selectFrom("roundtables").selectAll().where("id", "=", roundtableId).executeTakeFirst();
  if (!row) throw notFound("roundtable");
  if (row.kind !== "technical") throw new CommandError("invalid", "technical.error.not_technical");
  return row;
}

/** The consultation's technical roundtable, or 409 "set it up first". */
export async function technicalTableOf(trx: Trx, consultationId: string) {
  const row = await trx.selectFrom("roundtables").selectAll().where("consultation_id", "=", consultationId).where("kind", "=", "technical").executeTakeFirst();
  if (!row) throw new CommandError("conflict", "technical.error.no_table");
  return row;
}

export async function openSessionOf(trx: Trx, roundtableId: string) {
  return trx.selectFrom("rounds").selectAll().where("roundtable_id", "=", roundtableId).where("status", "=", "open").executeTakeFirst();
}

/**
 * The one rule for every act of the table — merge, split, revise, reject, open, close or cancel a vote: it happens in
 * an open session of the technical roundtable. Otherwise 409 naming the session to open (the next one scheduled), or
 * saying to schedule one.
 */
export async function requireOpenSession(trx: Trx, roundtableId: string) {
  const open = await openSessionOf(trx, roundtableId);
  if (open) return open;
  const next = await trx
    .selectFrom("rounds")
    .select("number")
    .where("roundtable_id", "=", roundtableId)
    .where("status", "=", "pending")
    .orderBy("number")
    .executeTakeFirst();
  if (next) throw new CommandError("conflict", "technical.error.no_open_session_pending", { number: next.number });
  throw new CommandError("conflict", "technical.error.no_open_session");
}

export async function requireTechnicalSession(trx: Trx, roundId: string) {
  const row = await trx
    .selectFrom("rounds as r")
    .innerJoin("roundtables as t", "t.id", "r.roundtable_id")
    .selectAll("r")
    .select(["t.kind as table_kind", "t.chair_user_id", "t.consultation_id"])
    .where("r.id", "=", roundId)
    .executeTakeFirst();
  if (!row) throw notFound("round");
  if (row.table_kind !== "technical") throw new CommandError("invalid", "technical.error.not_technical");
  return row;
}

/** The point of contact (or a platform admin, or the system) runs the session; so does the chair. */
export function isChairOrContact(ctx: CommandContext, table: { chair_user_id: string | null }): boolean {
  if (ctx.actor.kind === "system") return true;
  if (ctx.actor.kind !== "user") return false;
  if (ctx.actor.isPlatformAdmin || hasAnyRole(ctx.roles, ["point_of_contact"])) return true;
  return hasAnyRole(ctx.roles, ["technical_member"]) && table.chair_user_id === ctx.actor.userId;
}

export function requireChairOrContact(ctx: CommandContext, table: { chair_user_id: string | null }): void {
  if (!isChairOrContact(ctx, table)) throw new CommandError("forbidden", "technical.error.chair_only");
}

/** The consultation's technical table, for a step its chair (or the point of contact) takes while the stage is open. */
export async function chairAtOpenTable(trx: Trx, ctx: CommandContext) {
  const table = await technicalTableOf(trx, ctx.consultationId!);
  requireChairOrContact(ctx, table);
  await requireStageOpen(trx, ctx.consultationId!, TECHNICAL_PHASE);
  return table;
}

export function userIdOf(ctx: CommandContext): string | null {
  return ctx.actor.kind === "user" ? ctx.actor.userId : null;
}

/** The consultation's decision settings as the pure outcome function takes them. */
export async function decisionSettingsOf(trx: Trx, consultationId: string): Promise<DecisionSettings & { privateAnswers: boolean; maxCommitments: number }> {
  const c = await trx
    .selectFrom("consultations")
    .select(["decision_rule", "stand_aside_max_share", "supermajority_share", "quorum_share", "quorum_sector_minimums", "private_answers", "max_commitments"])
    .where("id", "=", consultationId)
    .executeTakeFirstOrThrow();
  return {
    rule: c.decision_rule as DecisionSettings["rule"],
    standAsideMaxShare: Number(c.stand_aside_max_share),
    supermajorityShare: Number(c.supermajority_share),
    quorum: { share: Number(c.quorum_share), sectorMinimums: JSON.parse(c.quorum_sector_minimums) as Record<string, number> },
    privateAnswers: Boolean(c.private_answers),
    maxCommitments: c.max_commitments,
  };
}

/** Technical-roundtable members of the consultation who may vote on this proposal (not recused): the quorum's base. */
export async function eligibleMemberCount(trx: Trx, consultationId: string, proposalId: string): Promise<number> {
  const row = await trx
    .selectFrom("memberships as m")
    .select((eb) => eb.fn.count<number>("m.user_id").distinct().as("n"))
    .where("m.consultation_id", "=", consultationId)
    .where("m.role", "=", "technical_member")
    .where("m.revoked_at", "is", null)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom("conflict_declarations as d").select("d.id").whereRef("d.user_id", "=", "m.user_id").where("d.proposal_id", "=", proposalId)),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function currentAnswers(trx: Trx, voteId: string): Promise<VoteAnswer[]> {
  const rows = await trx
    .selectFrom("vote_answers")
    .select(["user_id", "sector", "answer", "reason"])
    .where("vote_id", "=", voteId)
    .where("superseded_at", "is", null)
    .execute();
  return rows.map((r) => ({ userId: r.user_id, sector: r.sector, answer: r.answer, reason: r.reason }));
}

/**
 * A proposal being voted on keeps its state until the vote closes: withdrawing, merging, splitting or undoing it
 * meanwhile would let the vote's close adopt (or reject) a proposal that has already left the table. 409 naming it.
 */
export async function refuseDuringVote(trx: Trx, proposals: ReadonlyArray<{ id: string; title: string }>): Promise<void> {
  if (proposals.length === 0) return;
  const open = await trx
    .selectFrom("consensus_votes")
    .select("proposal_id")
    .where(
      "proposal_id",
      "in",
      proposals.map((p) => p.id),
    )
    .where("status", "=", "open")
    .executeTakeFirst();
  if (open) throw new CommandError("conflict", "technical.error.vote_in_progress", { title: proposals.find((p) => p.id === open.proposal_id)!.title });
}

export async function criteriaRecords(trx: Trx, proposalId: string): Promise<CriterionRecord[]> {
  const rows = await trx
    .selectFrom("proposal_criteria")
    .select(["criterion", "met", "note", "recorded_at", "seq"])
    .where("proposal_id", "=", proposalId)
    .execute();
  return rows.map((r) => ({ criterion: r.criterion, met: Boolean(r.met), note: r.note, recordedAt: r.recorded_at, seq: Number(r.seq) }));
}

/** After commit: everyone following the consultation sees the tally move (counts only while the vote is open). */
export function announceTally(
  ctx: CommandContext,
  consultationId: string,
  vote: {
    id: string;
    proposal_id: string;
    roundtable_id: string;
    status: "open" | "closed";
    ballot: number;
    outcome: string | null;
    grade: string | null;
    outcome_detail?: string | null;
  },
  answers: readonly VoteAnswer[],
  eligible: number,
): void {
  const data: VoteTallyEvent = {
    voteId: vote.id,
    proposalId: vote.proposal_id,
    roundtableId: vote.roundtable_id,
    status: vote.status,
    ballot: vote.ballot,
    tally: tallyAnswers(answers, eligible),
    outcome: vote.outcome,
    grade: vote.grade,
    figures: vote.status === "closed" ? reasonFigures(vote.outcome_detail ?? null) : null,
    at: ctx.now,
    commandId: ctx.commandId,
  };
  ctx.broadcasts.push({ room: rooms.consultation(consultationId), event: VOTE_EVENTS.tally, data });
}
