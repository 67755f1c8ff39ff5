// The consensus vote's rules as a readable table: each row is a vote (rule, round, eligible members, answers) and the
// outcome written by hand. Answers are short strings "[userId/]sector:answer[:reason]"; without a userId the
// answers are named a, b, c… in the order written.
import { describe, expect, it } from "vitest";
import {
  ADOPTION_GRADES,
  checkQuorum,
  decideOutcome,
  DEFAULT_DECISION_SETTINGS,
  nextBallot,
  NOT_ADOPTED_REASONS,
  reasonFigures,
  REJECTION_REASONS,
  VOTE_GRADES,
  VOTE_OUTCOMES,
  withinCommitmentCap,
  tallyAnswers,
  type Answer,
  type DecisionRule,
  type DecisionSettings,
  type VoteAnswer,
} from "../../app/domain/consensus/outcome";

function answers(specs: readonly string[]): VoteAnswer[] {
  return specs.map((spec, i) => {
    const [who, rest] = spec.includes("/") ? (spec.split("/", 2) as [string, string]) : [String.fromCharCode(97 + i), spec];
    const [sector, answer, ...reason] = rest.split(":");
    return { userId: who, sector, answer: answer as Answer, reason: reason.length ? reason.join(":") : null };
  });
}

interface Row {
  name: string;
  rule: DecisionRule;
  round: 1 | 2;
  eligible: number;
  answers: string[];
  /** Overrides of the default settings (consent, 25 % stand-asides, 2/3, quorum half with one public and one civil-society member). */
  settings?: Partial<Omit<DecisionSettings, "rule">>;
  expected:
    | { kind: "adopted"; grade: "full_consensus" | "consent" | "supermajority" }
    | { kind: "rejected"; because: "blocked" | "supermajority_not_reached"; blocks: string[] }
    /** Stand-asides over the share, no block: "standAsides of answered, at most allowed"; the proposal stays at the table. */
    | { kind: "not_adopted"; because: "stand_asides"; standAsides: number; allowed: number }
    | { kind: "second_round"; blocks: string[] }
    | { kind: "no_quorum"; needed: number; missingSectors: string[] };
}

const P = "public";
const C = "civil_society";
const A = "academia";

// prettier-ignore
const rows: Row[] = [
  // ---- quorum (checked first, whatever the rule) ----
  { name: "quorum: 4 of 10 answered, half needed", rule: "consent", round: 1, eligible: 10,
    answers: [`${P}:agree`, `${C}:agree`, `${A}:agree`, `${P}:agree`],
    expected: { kind: "no_quorum", needed: 5, missingSectors: [] } },
  { name: "quorum: share met but no civil-society member answered", rule: "consent", round: 1, eligible: 4,
    answers: [`${P}:agree`, `${P}:agree`, `${A}:agree`],
    expected: { kind: "no_quorum", needed: 2, missingSectors: ["civil_society 0/1"] } },
  { name: "quorum: both sector minimums missing, listed by sector", rule: "full_consensus", round: 1, eligible: 3,
    answers: [`${A}:agree`, `${A}:agree`],
    expected: { kind: "no_quorum", needed: 2, missingSectors: ["civil_society 0/1", "public 0/1"] } },
  { name: "quorum: exactly half of 6 (3) is enough", rule: "consent", round: 1, eligible: 6,
    answers: [`${P}:agree`, `${C}:agree`, `${A}:agree`],
    expected: { kind: "adopted", grade: "consent" } },
  { name: "quorum: half of 5 rounds up to 3, 3 answered", rule: "consent", round: 1, eligible: 5,
    answers: [`${P}:agree`, `${C}:agree`, `${A}:reservations`],
    expected: { kind: "adopted", grade: "consent" } },
  { name: "quorum: half of 7 rounds up to 4, only 3 answered", rule: "consent", round: 1, eligible: 7,
    answers: [`${P}:agree`, `${C}:agree`, `${A}:agree`],
    expected: { kind: "no_quorum", needed: 4, missingSectors: [] } },
  { name: "quorum: 0.7 of 10 is 7 (not 8 from floating point), 7 answered", rule: "consent", round: 1, eligible: 10,
    settings: { quorum: { share: 0.7, sectorMinimums: {} } },
    answers: [`${P}:agree`, `${C}:agree`, `${A}:agree`, `${A}:agree`, `${A}:agree`, `${A}:agree`, `${A}:agree`],
    expected: { kind: "adopted", grade: "consent" } },
  { name: "quorum: stand-asides count as present", rule: "consent", round: 1, eligible: 4,
    answers: [`${P}:stand_aside`, `${C}:stand_aside`],
    expected: { kind: "adopted", grade: "consent" } },
  { name: "quorum: blocks count as present too (a table cannot dodge a block by quorum)", rule: "consent", round: 1, eligible: 4,
    answers: [`${P}:agree`, `${C}:block:no es viable`],
    expected: { kind: "rejected", because: "blocked", blocks: ["b: no es viable"] } },
  { name: "quorum: share 0 and no minimums needs nobody", rule: "consent", round: 1, eligible: 9,
    settings: { quorum: { share: 0, sectorMinimums: {} } },
    answers: [`${A}:agree`],
    expected: { kind: "adopted", grade: "consent" } },
  { name: "quorum: a sector minimum of 2 needs two answers of that sector", rule: "consent", round: 1, eligible: 4,
    settings: { quorum: { share: 0.5, sectorMinimums: { public: 2, civil_society: 1 } } },
    answers: [`${P}:agree`, `${C}:agree`, `${A}:agree`],
    expected: { kind: "no_quorum", needed: 2, missingSectors: ["public 1/2"] } },
  { name: "quorum is checked before a block (fallback round 1)", rule: "fallback", round: 1, eligible: 10,
    answers: [`${P}:agree`, `${C}:block:no`],
    expected: { kind: "no_quorum", needed: 5, missingSectors: [] } },

  // ---- full consensus ----
  { name: "full consensus: everyone agrees", rule: "full_consensus", round: 1, eligible: 4,
    answers: [`${P}:agree`, `${C}:agree`, `${A}:agree`, `${P}:agree`],
    expected: { kind: "adopted", grade: "full_consensus" } },
  { name: "full consensus: reservations do not stop it", rule: "full_consensus", round: 1, eligible: 4,
    answers: [`${P}:agree`, `${C}:reservations`, `${A}:reservations`],
    expected: { kind: "adopted", grade: "full_consensus" } },
  { name: "full consensus: one block rejects it", rule: "full_consensus", round: 1, eligible: 4,
    answers: [`${P}:agree`, `${C}:agree`, `${A}:block:  sin presupuesto  `],
    expected: { kind: "rejected", because: "blocked", blocks: ["c: sin presupuesto"] } },
  { name: "full consensus: a block wins over too many stand-asides", rule: "full_consensus", round: 1, eligible: 4,
    answers: [`${P}:stand_aside`, `${C}:stand_aside`, `${A}:block`],
    expected: { kind: "rejected", because: "blocked", blocks: ["c: "] } },
  { name: "full consensus: 2 stand-asides of 4 answers (50 % > 25 %): not adopted, not rejected", rule: "full_consensus", round: 1, eligible: 4,
    answers: [`${P}:agree`, `${C}:agree`, `${A}:stand_aside`, `${A}:stand_aside`],
    expected: { kind: "not_adopted", because: "stand_asides", standAsides: 2, allowed: 1 } },
  { name: "full consensus: 1 stand-aside of 4 answers is exactly 25 %", rule: "full_consensus", round: 1, eligible: 4,
    answers: [`${P}:agree`, `${C}:agree`, `${A}:agree`, `${A}:stand_aside`],
    expected: { kind: "adopted", grade: "full_consensus" } },
  { name: "full consensus: 1 stand-aside of 3 answers (33 %) is too many: none allowed", rule: "full_consensus", round: 1, eligible: 4,
    answers: [`${P}:agree`, `${C}:agree`, `${A}:stand_aside`],
    expected: { kind: "not_adopted", because: "stand_asides", standAsides: 1, allowed: 0 } },
  { name: "full consensus: 1 of 3 stand aside, limit written 0.3333333333 (within the 1e-9 tolerance)", rule: "full_consensus", round: 1, eligible: 3,
    settings: { standAsideMaxShare: 0.3333333333 },
    answers: [`${P}:agree`, `${C}:agree`, `${A}:stand_aside`],
    expected: { kind: "adopted", grade: "full_consensus" } },
  { name: "full consensus: 1 of 3 stand aside, limit 0.33 (beyond the tolerance)", rule: "full_consensus", round: 1, eligible: 3,
    settings: { standAsideMaxShare: 0.33 },
    answers: [`${P}:agree`, `${C}:agree`, `${A}:stand_aside`],
    expected: { kind: "not_adopted", because: "stand_asides", standAsides: 1, allowed: 0 } },
  { name: "full consensus: 3 stand-asides of 8 answers, at most 2 allowed (25 %)", rule: "full_consensus", round: 1, eligible: 8,
    answers: [`${P}:agree`, `${C}:agree`, `${A}:agree`, `${P}:reservations:plazos`, `${C}:agree`, `${A}:stand_aside`, `${C}:stand_aside`, `${P}:stand_aside`],
    expected: { kind: "not_adopted", because: "stand_asides", standAsides: 3, allowed: 2 } },
  { name: "full consensus: 2 stand-asides of 8 answers is exactly the 2 allowed", rule: "full_consensus", round: 1, eligible: 8,
    answers: [`${P}:agree`, `${C}:agree`, `${A}:agree`, `${P}:agree`, `${C}:agree`, `${A}:agree`, `${C}:stand_aside`, `${P}:stand_aside`],
    expected: { kind: "adopted", grade: "full_consensus" } },
  { name: "full consensus: the round does not matter", rule: "full_consensus", round: 2, eligible: 4,
    answers: [`${P}:agree`, `${C}:block:no`],
    expected: { kind: "rejected", because: "blocked", blocks: ["b: no"] } },

  // ---- consent ----
  { name: "consent: reservations and stand-asides (even half) are no objection", rule: "consent", round: 1, eligible: 4,
    answers: [`${P}:agree`, `${C}:reservations`, `${A}:stand_aside`, `${A}:stand_aside`],
    expected: { kind: "adopted", grade: "consent" } },
  { name: "consent: one block rejects it", rule: "consent", round: 1, eligible: 4,
    answers: [`${P}:agree`, `${C}:block:la institución no lo acepta`, `${A}:agree`],
    expected: { kind: "rejected", because: "blocked", blocks: ["b: la institución no lo acepta"] } },
  { name: "consent: blocks are listed by userId, not by answer order", rule: "consent", round: 1, eligible: 4,
    answers: [`zoe/${P}:block:tarde`, `ana/${C}:block:pronto`, `luis/${A}:agree`],
    expected: { kind: "rejected", because: "blocked", blocks: ["ana: pronto", "zoe: tarde"] } },
  { name: "consent: no second round even in round 2", rule: "consent", round: 2, eligible: 4,
    answers: [`${P}:agree`, `${C}:agree`, `${A}:block:no`],
    expected: { kind: "rejected", because: "blocked", blocks: ["c: no"] } },

  // ---- fallback: consent first, a supermajority in the second round ----
  { name: "fallback round 1: a block sends it to a second round", rule: "fallback", round: 1, eligible: 4,
    answers: [`${P}:agree`, `${C}:agree`, `${A}:block:falta base legal`],
    expected: { kind: "second_round", blocks: ["c: falta base legal"] } },
  { name: "fallback round 1: no block is consent", rule: "fallback", round: 1, eligible: 4,
    answers: [`${P}:agree`, `${C}:reservations`, `${A}:stand_aside`],
    expected: { kind: "adopted", grade: "consent" } },
  { name: "fallback round 2: no block is consent", rule: "fallback", round: 2, eligible: 4,
    answers: [`${P}:agree`, `${C}:agree`, `${A}:stand_aside`],
    expected: { kind: "adopted", grade: "consent" } },
  { name: "fallback round 2: 2 in favour of 3 cast is exactly 2/3", rule: "fallback", round: 2, eligible: 4,
    answers: [`${P}:agree`, `${C}:reservations`, `${A}:block:no`],
    expected: { kind: "adopted", grade: "supermajority" } },
  { name: "fallback round 2: stand-asides are not cast (2 of 3 cast, 2 stand aside)", rule: "fallback", round: 2, eligible: 6,
    answers: [`${P}:agree`, `${C}:agree`, `${A}:block:no`, `${A}:stand_aside`, `${A}:stand_aside`],
    expected: { kind: "adopted", grade: "supermajority" } },
  { name: "fallback round 2: 2 of 3 against a threshold stored as 0.6666666667 (within the tolerance)", rule: "fallback", round: 2, eligible: 3,
    settings: { supermajorityShare: 0.6666666667 },
    answers: [`${P}:agree`, `${C}:agree`, `${A}:block:no`],
    expected: { kind: "adopted", grade: "supermajority" } },
  { name: "fallback round 2: 3 in favour of 5 cast (60 %) is just under 2/3", rule: "fallback", round: 2, eligible: 6,
    answers: [`${P}:agree`, `${C}:agree`, `${A}:agree`, `${A}:block:uno`, `${A}:block:dos`],
    expected: { kind: "rejected", because: "supermajority_not_reached", blocks: ["d: uno", "e: dos"] } },
  { name: "fallback round 2: 1 in favour of 2 cast, with stand-asides, is under 2/3", rule: "fallback", round: 2, eligible: 5,
    answers: [`${P}:agree`, `${C}:block:no`, `${A}:stand_aside`, `${A}:stand_aside`],
    expected: { kind: "rejected", because: "supermajority_not_reached", blocks: ["b: no"] } },
  { name: "fallback round 2: only blocks", rule: "fallback", round: 2, eligible: 2,
    answers: [`${P}:block:a`, `${C}:block:b`],
    expected: { kind: "rejected", because: "supermajority_not_reached", blocks: ["a: a", "b: b"] } },
  { name: "fallback round 2: a 3/4 threshold, 3 of 4 cast", rule: "fallback", round: 2, eligible: 4,
    settings: { supermajorityShare: 0.75 },
    answers: [`${P}:agree`, `${C}:agree`, `${A}:agree`, `${A}:block`],
    expected: { kind: "adopted", grade: "supermajority" } },
];

describe("decideOutcome, rule by rule", () => {
  it.each(rows)("$name", (row) => {
    const settings: DecisionSettings = { ...DEFAULT_DECISION_SETTINGS, ...row.settings, rule: row.rule };
    const outcome = decideOutcome({ round: row.round, eligible: row.eligible, answers: answers(row.answers) }, settings);
    const blocks = (b: { userId: string; reason: string }[]) => b.map((x) => `${x.userId}: ${x.reason}`);
    switch (outcome.kind) {
      case "adopted":
        expect({ kind: outcome.kind, grade: outcome.grade }).toEqual(row.expected);
        break;
      case "rejected":
        expect({ kind: outcome.kind, because: outcome.because, blocks: blocks(outcome.blocks) }).toEqual(row.expected);
        break;
      case "not_adopted":
        if (outcome.because !== "stand_asides") throw new Error("decideOutcome never applies the plan's cap");
        expect({ kind: outcome.kind, because: outcome.because, standAsides: outcome.standAsides, allowed: outcome.allowed }).toEqual(row.expected);
        expect(outcome.blocks).toEqual([]);
        break;
      case "second_round":
        expect({ kind: outcome.kind, blocks: blocks(outcome.blocks) }).toEqual(row.expected);
        break;
      case "no_quorum":
        expect(outcome.quorum.met).toBe(false);
        expect({
          kind: outcome.kind,
          needed: outcome.quorum.needed,
          missingSectors: outcome.quorum.missingSectors.map((s) => `${s.sector} ${s.answered}/${s.needed}`),
        }).toEqual(row.expected);
        break;
    }
    expect(outcome.tally.answered).toBe(row.answers.length);
    expect(outcome.tally.eligible).toBe(row.eligible);
  });
});

describe("the tally and the quorum", () => {
  it("counts each answer and the members who answered", () => {
    const list = answers([`${P}:agree`, `${C}:reservations`, `${A}:stand_aside`, `${A}:block:no`, `${P}:agree`]);
    expect(tallyAnswers(list, 8)).toEqual({ agree: 2, reservations: 1, stand_aside: 1, block: 1, answered: 5, eligible: 8 });
    expect(tallyAnswers([], 3)).toEqual({ agree: 0, reservations: 0, stand_aside: 0, block: 0, answered: 0, eligible: 3 });
  });

  it("reports what is needed and what is missing", () => {
    expect(checkQuorum(answers([`${P}:agree`, `${A}:agree`]), 6, DEFAULT_DECISION_SETTINGS.quorum)).toEqual({
      met: false,
      needed: 3,
      answered: 2,
      missingSectors: [{ sector: "civil_society", needed: 1, answered: 0 }],
    });
    expect(checkQuorum(answers([`${P}:agree`, `${C}:stand_aside`]), 4, DEFAULT_DECISION_SETTINGS.quorum)).toEqual({
      met: true,
      needed: 2,
      answered: 2,
      missingSectors: [],
    });
  });

  it("defaults to consent, 25 % stand-asides, 2/3 and half the members with one public and one civil-society member", () => {
    expect(DEFAULT_DECISION_SETTINGS).toEqual({
      rule: "consent",
      standAsideMaxShare: 0.25,
      supermajorityShare: 2 / 3,
      quorum: { share: 0.5, sectorMinimums: { public: 1, civil_society: 1 } },
    });
  });
});

describe("one current answer per member", () => {
  const dup = answers([`ana/${P}:agree`, `luis/${C}:agree`, `ana/${P}:block:cambié de opinión`]);
  it("duplicates throw in every function", () => {
    expect(() => decideOutcome({ round: 1, eligible: 4, answers: dup }, DEFAULT_DECISION_SETTINGS)).toThrow(/ana/);
    expect(() => tallyAnswers(dup, 4)).toThrow(Error);
    expect(() => checkQuorum(dup, 4, DEFAULT_DECISION_SETTINGS.quorum)).toThrow(Error);
  });
});

describe("the plan's cap when a vote closes: not adopted, the plan is full", () => {
  const tally = { agree: 3, reservations: 0, stand_aside: 0, block: 0, answered: 3, eligible: 3 };
  const adopted = { kind: "adopted" as const, grade: "consent" as const, tally };

  it("a vote opened at 19 of 20 that closes after another made the 20th: not adopted, the plan is full", () => {
    expect(withinCommitmentCap(adopted, 20, 20)).toEqual({ kind: "not_adopted", because: "plan_full", wouldBe: "consent", max: 20, blocks: [], tally });
  });

  it("below the cap the adoption stands; other outcomes never change", () => {
    expect(withinCommitmentCap(adopted, 19, 20)).toEqual(adopted);
    const blocked = { kind: "rejected" as const, because: "blocked" as const, blocks: [{ userId: "b", reason: "no" }], tally };
    expect(withinCommitmentCap(blocked, 20, 20)).toEqual(blocked);
  });
});

describe("the ballot of the next vote on a proposal", () => {
  it("ballot 2 after a block under the fallback rule; the same ballot again after no quorum, a cancellation or a full plan", () => {
    expect(nextBallot(undefined)).toBe(1);
    expect(nextBallot({ outcome: "second_round", grade: null, ballot: 1 })).toBe(2);
    expect(nextBallot({ outcome: "no_quorum", grade: null, ballot: 2 })).toBe(2);
    expect(nextBallot({ outcome: "cancelled", grade: null, ballot: 2 })).toBe(2);
    expect(nextBallot({ outcome: "not_adopted", grade: "plan_full", ballot: 2 })).toBe(2);
  });

  it("a fresh first ballot after too many stand-asides (the text was refined)", () => {
    expect(nextBallot({ outcome: "not_adopted", grade: "stand_asides", ballot: 1 })).toBe(1);
  });
});

describe("every code a closed vote records", () => {
  it("lists the outcomes and the grades or reasons, each once", () => {
    expect([...VOTE_OUTCOMES]).toEqual(["adopted", "rejected", "not_adopted", "second_round", "no_quorum", "cancelled"]);
    expect([...VOTE_GRADES]).toEqual([...ADOPTION_GRADES, ...REJECTION_REASONS, ...NOT_ADOPTED_REASONS]);
    expect(new Set(VOTE_GRADES).size).toBe(VOTE_GRADES.length);
    expect([...NOT_ADOPTED_REASONS]).toEqual(["stand_asides", "plan_full"]);
    expect([...REJECTION_REASONS]).toEqual(["blocked", "supermajority_not_reached"]);
  });

  it("reads a reason's figures from the recorded outcome, and nothing from a record that does not parse", () => {
    const closed = decideOutcome(
      {
        round: 1,
        eligible: 8,
        answers: answers([`${P}:agree`, `${C}:agree`, `${A}:agree`, `${P}:agree`, `${C}:agree`, `${A}:stand_aside`, `${C}:stand_aside`, `${P}:stand_aside`]),
      },
      { ...DEFAULT_DECISION_SETTINGS, rule: "full_consensus" },
    );
    expect(reasonFigures(JSON.stringify(closed))).toEqual({ standAsides: 3, answered: 8, allowed: 2, max: null, wouldBe: null, cancelReason: null });
    expect(reasonFigures(JSON.stringify({ kind: "cancelled", reason: "El plan se completó", tally: {} }))).toMatchObject({
      cancelReason: "El plan se completó",
    });
    expect(reasonFigures("{not json")).toEqual({ standAsides: null, answered: null, allowed: null, max: null, wouldBe: null, cancelReason: null });
  });
});
