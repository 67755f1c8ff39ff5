// The technical roundtable's consensus vote on a proposal, as pure rules: the tally, the quorum and the outcome.
// The command handlers load the members' current answers inside their transaction and ask these functions.
//
// Rules:
// - Each member keeps one current answer: answers must have distinct userIds, duplicates throw an Error (the
//   caller keeps one current answer per member). The outcome never depends on the order of the answers (the
//   blocks are listed sorted by userId).
// - Quorum first. needed = ceil(share × eligible − 1e-9), 0 when share is 0. Every answer counts as present,
//   stand-asides too. Each sector minimum must be met by answers of that sector. Not met → `no_quorum`
//   (missingSectors sorted by sector).
// - `full_consensus`: any block → rejected "blocked"; else stand_aside / answered > standAsideMaxShare (with a
//   1e-9 tolerance) → not_adopted "stand_asides" (nobody objected: the proposal stays at the table to be refined
//   and voted again; only a reasoned block or the chair's rejection rejects it); else adopted "full_consensus".
// - `consent`: any block → rejected "blocked"; else adopted "consent" (reservations and stand-asides allowed).
// - `fallback`: round 1 → any block → `second_round` (with the blocks), else adopted "consent".
//   Round 2 → no block → adopted "consent"; else inFavour = agree + reservations, cast = inFavour + block
//   (stand-asides are not cast); inFavour / cast ≥ supermajorityShare − 1e-9 → adopted "supermajority", else
//   rejected "supermajority_not_reached".
// - A block's reason is `reason ?? ""`, trimmed.

export const ANSWERS = ["agree", "reservations", "stand_aside", "block"] as const;
export type Answer = (typeof ANSWERS)[number];

export const DECISION_RULES = ["full_consensus", "consent", "fallback"] as const;
export type DecisionRule = (typeof DECISION_RULES)[number];

export interface QuorumSettings {
  /** 0..1 of the eligible members who must answer. */
  share: number;
  /** Answers needed from each sector, e.g. `{ public: 1, civil_society: 1 }`. */
  sectorMinimums: Record<string, number>;
}

export interface DecisionSettings {
  rule: DecisionRule;
  /** full_consensus: stand-asides may be at most this share of the answers given. */
  standAsideMaxShare: number;
  /** fallback, second round: share of the votes cast in favour needed (e.g. 2/3). */
  supermajorityShare: number;
  quorum: QuorumSettings;
}

export interface VoteAnswer {
  userId: string;
  sector: string;
  answer: Answer;
  reason?: string | null;
}

export interface Tally {
  agree: number;
  reservations: number;
  stand_aside: number;
  block: number;
  answered: number;
  eligible: number;
}

export interface QuorumCheck {
  met: boolean;
  needed: number;
  answered: number;
  missingSectors: { sector: string; needed: number; answered: number }[];
}

// Every code a closed vote records, as readers see it through the translation layer (technical.outcome.*,
// technical.grade.* and technical.reason.* in app/i18n/messages/technical.ts): keep these lists and the wordings together.
/** consensus_votes.outcome once closed. "cancelled" is the chair's way out (vote.cancel), never decided by the answers. */
export const VOTE_OUTCOMES = ["adopted", "rejected", "not_adopted", "second_round", "no_quorum", "cancelled"] as const;
export type VoteOutcome = (typeof VOTE_OUTCOMES)[number];
/** How an adopted proposal was adopted. */
export const ADOPTION_GRADES = ["full_consensus", "consent", "supermajority"] as const;
export type Grade = (typeof ADOPTION_GRADES)[number];
/** Why a vote rejected the proposal (it leaves the table): only objections do that. */
export const REJECTION_REASONS = ["blocked", "supermajority_not_reached"] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];
/** Why a vote did not adopt a proposal that stays active at the table (it may be refined and voted again). */
export const NOT_ADOPTED_REASONS = ["stand_asides", "plan_full"] as const;
export type NotAdoptedReason = (typeof NOT_ADOPTED_REASONS)[number];
/** Every value of consensus_votes.grade: the adoption's grade, or the reason it was not adopted. */
export const VOTE_GRADES = [...ADOPTION_GRADES, ...REJECTION_REASONS, ...NOT_ADOPTED_REASONS] as const;
export type VoteGrade = (typeof VOTE_GRADES)[number];

export type Outcome =
  | { kind: "adopted"; grade: Grade; tally: Tally }
  | { kind: "rejected"; because: RejectionReason; blocks: { userId: string; reason: string }[]; tally: Tally }
  /** Stand-asides over the allowed share: `standAsides` of `tally.answered`, at most `allowed`. */
  | { kind: "not_adopted"; because: "stand_asides"; standAsides: number; allowed: number; blocks: { userId: string; reason: string }[]; tally: Tally }
  /** The answers adopted it (`wouldBe`), but the plan already holds its `max` commitments. */
  | { kind: "not_adopted"; because: "plan_full"; wouldBe: Grade; max: number; blocks: { userId: string; reason: string }[]; tally: Tally }
  | { kind: "second_round"; blocks: { userId: string; reason: string }[]; tally: Tally }
  | { kind: "no_quorum"; quorum: QuorumCheck; tally: Tally };

// Fails the build when an outcome kind is added to the type above and not to VOTE_OUTCOMES (whose wordings
// tests/unit/wordings.test.ts walks).
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : { missing: Exclude<All, Listed> };
export const everyOutcomeListed: Missing<Outcome["kind"], VoteOutcome> = true;

export const DEFAULT_DECISION_SETTINGS: DecisionSettings = {
  rule: "consent",
  standAsideMaxShare: 0.25,
  supermajorityShare: 2 / 3,
  quorum: { share: 0.5, sectorMinimums: { public: 1, civil_society: 1 } },
};

/** Tolerance for comparing shares computed in floating point (2/3 of 3 votes is exactly "2/3"). */
const EPSILON = 1e-9;

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Throws when two answers share a userId or an answer is not one of ANSWERS. */
function assertValid(answers: readonly VoteAnswer[]): void {
  const seen = new Set<string>();
  for (const a of answers) {
    if (seen.has(a.userId)) throw new Error(`Duplicate answer for member ${a.userId}: keep one current answer per member`);
    seen.add(a.userId);
    if (!(ANSWERS as readonly string[]).includes(a.answer)) throw new Error(`Unknown answer "${String(a.answer)}" from member ${a.userId}`);
  }
}

export function tallyAnswers(answers: readonly VoteAnswer[], eligible: number): Tally {
  assertValid(answers);
  const tally: Tally = { agree: 0, reservations: 0, stand_aside: 0, block: 0, answered: answers.length, eligible };
  for (const a of answers) tally[a.answer]++;
  return tally;
}

export function checkQuorum(answers: readonly VoteAnswer[], eligible: number, quorum: QuorumSettings): QuorumCheck {
  assertValid(answers);
  const needed = quorum.share <= 0 ? 0 : Math.ceil(quorum.share * eligible - EPSILON);
  const bySector = new Map<string, number>();
  for (const a of answers) bySector.set(a.sector, (bySector.get(a.sector) ?? 0) + 1);
  const missingSectors = Object.entries(quorum.sectorMinimums)
    .map(([sector, min]) => ({ sector, needed: min, answered: bySector.get(sector) ?? 0 }))
    .filter((s) => s.answered < s.needed)
    .sort((a, b) => byString(a.sector, b.sector));
  return { met: answers.length >= needed && missingSectors.length === 0, needed, answered: answers.length, missingSectors };
}

function blocksOf(answers: readonly VoteAnswer[]): { userId: string; reason: string }[] {
  return answers
    .filter((a) => a.answer === "block")
    .map((a) => ({ userId: a.userId, reason: (a.reason ?? "").trim() }))
    .sort((a, b) => byString(a.userId, b.userId));
}

export function decideOutcome(vote: { round: 1 | 2; eligible: number; answers: readonly VoteAnswer[] }, settings: DecisionSettings): Outcome {
  const tally = tallyAnswers(vote.answers, vote.eligible);
  const quorum = checkQuorum(vote.answers, vote.eligible, settings.quorum);
  if (!quorum.met) return { kind: "no_quorum", quorum, tally };

  const blocks = blocksOf(vote.answers);
  switch (settings.rule) {
    case "full_consensus": {
      if (blocks.length > 0) return { kind: "rejected", because: "blocked", blocks, tally };
      const standAsideShare = tally.answered === 0 ? 0 : tally.stand_aside / tally.answered;
      if (standAsideShare > settings.standAsideMaxShare + EPSILON) {
        const allowed = Math.floor(settings.standAsideMaxShare * tally.answered + EPSILON * Math.max(1, tally.answered));
        return { kind: "not_adopted", because: "stand_asides", standAsides: tally.stand_aside, allowed, blocks, tally };
      }
      return { kind: "adopted", grade: "full_consensus", tally };
    }
    case "consent":
      if (blocks.length > 0) return { kind: "rejected", because: "blocked", blocks, tally };
      return { kind: "adopted", grade: "consent", tally };
    case "fallback": {
      if (blocks.length === 0) return { kind: "adopted", grade: "consent", tally };
      if (vote.round === 1) return { kind: "second_round", blocks, tally };
      const inFavour = tally.agree + tally.reservations;
      const cast = inFavour + tally.block;
      if (inFavour / cast >= settings.supermajorityShare - EPSILON) return { kind: "adopted", grade: "supermajority", tally };
      return { kind: "rejected", because: "supermajority_not_reached", blocks, tally };
    }
    default: {
      const rule: never = settings.rule;
      throw new Error(`Unknown decision rule "${String(rule)}"`);
    }
  }
}

/**
 * The plan's cap, applied when a vote closes: an adoption that would pass `maxCommitments` is recorded as "not
 * adopted: the plan is full" (the proposal stays active), so the chair can always close a vote — a vote opened at
 * 19 of 20 whose close comes after another vote made the 20th must not leave the table stuck.
 */
export function withinCommitmentCap(outcome: Outcome, adoptedCount: number, maxCommitments: number): Outcome {
  if (outcome.kind !== "adopted" || adoptedCount < maxCommitments) return outcome;
  return { kind: "not_adopted", because: "plan_full", wouldBe: outcome.grade, max: maxCommitments, blocks: [], tally: outcome.tally };
}

/**
 * The ballot of the next vote on a proposal, from the last one: a block under the fallback rule sends it to ballot 2;
 * a vote without quorum, cancelled, or stopped by the plan's cap is held again as the same ballot; anything else
 * (a first vote, stand-asides after which the text was refined) starts at ballot 1.
 */
export function nextBallot(last: { outcome: string | null; grade: string | null; ballot: number } | undefined): number {
  if (!last) return 1;
  if (last.outcome === "second_round") return 2;
  if (last.outcome === "no_quorum" || last.outcome === "cancelled") return last.ballot;
  if (last.outcome === "not_adopted" && last.grade === "plan_full") return last.ballot;
  return 1;
}

/** The figures a closed vote's reason is worded with, read from its recorded outcome (consensus_votes.outcome_detail). */
export interface ReasonFigures {
  standAsides: number | null;
  answered: number | null;
  allowed: number | null;
  max: number | null;
  wouldBe: string | null;
  /** A cancelled vote: the chair's reason, as written. */
  cancelReason: string | null;
}

export function reasonFigures(outcomeDetail: string | null): ReasonFigures {
  let d: Record<string, unknown> = {};
  try {
    const parsed: unknown = outcomeDetail ? JSON.parse(outcomeDetail) : {};
    if (parsed && typeof parsed === "object") d = parsed as Record<string, unknown>;
  } catch {
    // A record that does not parse is worded without figures.
  }
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  const tally = d.tally && typeof d.tally === "object" ? (d.tally as Record<string, unknown>) : {};
  return {
    standAsides: num(d.standAsides),
    answered: num(tally.answered),
    allowed: num(d.allowed),
    max: num(d.max),
    wouldBe: typeof d.wouldBe === "string" ? d.wouldBe : null,
    cancelReason: d.kind === "cancelled" && typeof d.reason === "string" ? d.reason : null,
  };
}
