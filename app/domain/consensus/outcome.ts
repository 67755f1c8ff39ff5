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
//   1e-9 tolerance) → rejected "stand_asides"; else adopted with grade "full_consensus".
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

export type Grade = "full_consensus" | "consent" | "supermajority";

export type Outcome =
  | { kind: "adopted"; grade: Grade; tally: Tally }
  | { kind: "rejected"; because: "blocked" | "stand_asides" | "supermajority_not_reached"; blocks: { userId: string; reason: string }[]; tally: Tally }
  | { kind: "second_round"; blocks: { userId: string; reason: string }[]; tally: Tally }
  | { kind: "no_quorum"; quorum: QuorumCheck; tally: Tally };

// The codes a closed vote leaves, as lists (pages word each one: tests/unit/wordings.test.ts walks them). The checks
// below fail the build when an outcome, grade or reason is added to the types above and not to these lists.
export const VOTE_OUTCOMES = ["adopted", "rejected", "second_round", "no_quorum"] as const satisfies ReadonlyArray<Outcome["kind"]>;
export const GRADES = ["full_consensus", "consent", "supermajority"] as const satisfies readonly Grade[];
export type RejectionReason = Extract<Outcome, { kind: "rejected" }>["because"];
export const REJECTION_REASONS = ["blocked", "stand_asides", "supermajority_not_reached"] as const satisfies readonly RejectionReason[];
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : { missing: Exclude<All, Listed> };
export const everyCodeListed: [
  Missing<Outcome["kind"], (typeof VOTE_OUTCOMES)[number]>,
  Missing<Grade, (typeof GRADES)[number]>,
  Missing<RejectionReason, (typeof REJECTION_REASONS)[number]>,
] = [true, true, true];

export function isRejectionReason(reason: string | null | undefined): reason is RejectionReason {
  return (REJECTION_REASONS as readonly string[]).includes(reason ?? "");
}

/**
 * A recorded reason as a reader reads it: a rejection recorded by a vote without a written reason stores its code
 * (`stand_asides`), which is worded; a reason people wrote is shown as written.
 */
export function reasonInWords(t: (key: `technical.reason.${RejectionReason}`) => string, reason: string): string {
  return isRejectionReason(reason) ? t(`technical.reason.${reason}`) : reason;
}

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
      if (standAsideShare > settings.standAsideMaxShare + EPSILON) return { kind: "rejected", because: "stand_asides", blocks, tally };
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
