// Properties of the consensus vote over random tables, answers and settings: more agreement never hurts, one reasoned
// block always stops consensus and consent, only a block rejects (stand-asides leave the proposal at the table), the
// order of the answers never matters, the tally adds up. Seeds are fixed so a failure replays; each property counts
// how often its interesting branch ran, so a generator that stopped reaching it fails instead of passing vacuously.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ANSWERS, DECISION_RULES, decideOutcome, tallyAnswers, type Answer, type DecisionSettings, type VoteAnswer } from "../../app/domain/consensus/outcome";

const SECTORS = ["public", "civil_society", "academia", "private_sector"] as const;

const sector = fc.constantFrom(...SECTORS);
const reason = fc.option(fc.string({ maxLength: 12 }), { nil: null });
const answerOf = (kinds: readonly Answer[]) =>
  fc.record({ userId: fc.integer({ min: 0, max: 60 }).map((n) => `m${n}`), sector, answer: fc.constantFrom(...kinds), reason });
const answerList = (kinds: readonly Answer[] = ANSWERS, maxLength = 14) => fc.uniqueArray(answerOf(kinds), { selector: (a) => a.userId, maxLength });

const settingsArb: fc.Arbitrary<DecisionSettings> = fc.record({
  rule: fc.constantFrom(...DECISION_RULES),
  standAsideMaxShare: fc.constantFrom(0, 0.1, 0.25, 1 / 3, 0.5, 1),
  supermajorityShare: fc.constantFrom(0.5, 0.6, 2 / 3, 0.75, 1),
  quorum: fc.record({
    share: fc.constantFrom(0, 0.3, 0.5, 2 / 3, 0.7, 1),
    sectorMinimums: fc.constantFrom<Record<string, number>>({}, { public: 1, civil_society: 1 }, { public: 2 }, { academia: 1, civil_society: 1 }),
  }),
});
const round = fc.constantFrom<1 | 2>(1, 2);

describe("consensus vote properties", () => {
  it("(a) an 'agree' from a member who had not answered never turns an adoption into anything else", () => {
    let adoptedBefore = 0;
    fc.assert(
      fc.property(answerList(), fc.nat(8), sector, settingsArb, round, fc.boolean(), (answers, extra, newSector, settings, r, joined) => {
        // The newcomer was already eligible (and had not answered), or has just joined the table.
        const eligible = answers.length + 1 + extra;
        const before = decideOutcome({ round: r, eligible, answers }, settings);
        const more: VoteAnswer[] = [...answers, { userId: "newcomer", sector: newSector, answer: "agree" }];
        const after = decideOutcome({ round: r, eligible: joined ? eligible + 1 : eligible, answers: more }, settings);
        if (before.kind === "adopted") {
          adoptedBefore++;
          expect(after.kind).toBe("adopted");
        }
      }),
      { numRuns: 500, seed: 17 },
    );
    expect(adoptedBefore).toBeGreaterThan(25);
  });

  it("(b) one reasoned block stops full consensus and consent, and sends fallback's first round to a second round", () => {
    const nonBlocking = ["agree", "reservations", "stand_aside"] as const;
    fc.assert(
      fc.property(
        answerList(nonBlocking, 10),
        fc.constantFrom(...nonBlocking),
        fc.constantFrom(...nonBlocking),
        sector,
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0),
        fc.nat(20),
        fc.constantFrom(0, 0.5, 1),
        settingsArb,
        (others, publicAnswer, civilAnswer, blockerSector, why, spare, share, base) => {
          // A public and a civil-society member always answer, so the sector minimums are met; the eligible members
          // are at most twice those who answered when half must answer, exactly those who answered when all must.
          const answers: VoteAnswer[] = [
            { userId: "p0", sector: "public", answer: publicAnswer },
            { userId: "c0", sector: "civil_society", answer: civilAnswer },
            ...others,
            { userId: "blocker", sector: blockerSector, answer: "block", reason: why },
          ];
          const eligible = share === 1 ? answers.length : answers.length + (spare % (answers.length + 1));
          const quorum = { share, sectorMinimums: { public: 1, civil_society: 1 } };
          const expectedBlocks = [{ userId: "blocker", reason: why.trim() }];
          for (const rule of ["full_consensus", "consent"] as const) {
            for (const r of [1, 2] as const) {
              const outcome = decideOutcome({ round: r, eligible, answers }, { ...base, rule, quorum });
              expect(outcome).toMatchObject({ kind: "rejected", because: "blocked", blocks: expectedBlocks });
            }
          }
          const fallback = decideOutcome({ round: 1, eligible, answers }, { ...base, rule: "fallback", quorum });
          expect(fallback).toMatchObject({ kind: "second_round", blocks: expectedBlocks });
        },
      ),
      { numRuns: 500, seed: 17 },
    );
  });

  it("(b') only a block rejects: without one, no rule rejects, and stand-asides over the share leave the proposal not adopted, with the figures", () => {
    const nonBlocking = ["agree", "reservations", "stand_aside"] as const;
    let overShare = 0;
    fc.assert(
      fc.property(answerList(nonBlocking, 14), fc.nat(8), settingsArb, round, (answers, extra, settings, r) => {
        const eligible = answers.length + extra;
        const outcome = decideOutcome({ round: r, eligible, answers }, settings);
        expect(outcome.kind).not.toBe("rejected");
        expect(outcome.kind).not.toBe("second_round");
        if (outcome.kind === "not_adopted") {
          overShare++;
          // Written from the rule, not from the code: more stand-asides than the share of the answers allows.
          const standAsides = answers.filter((a) => a.answer === "stand_aside").length;
          expect(settings.rule).toBe("full_consensus");
          expect(outcome).toMatchObject({ because: "stand_asides", standAsides, blocks: [] });
          if (outcome.because !== "stand_asides") throw new Error("decideOutcome never applies the plan's cap");
          expect(standAsides / answers.length).toBeGreaterThan(settings.standAsideMaxShare);
          expect(outcome.allowed).toBeLessThan(standAsides);
          expect(outcome.allowed).toBeLessThanOrEqual(settings.standAsideMaxShare * answers.length + 1e-6);
        }
      }),
      { numRuns: 600, seed: 17 },
    );
    expect(overShare).toBeGreaterThan(20);
  });

  it("(c) the outcome never depends on the order of the answers", () => {
    fc.assert(
      fc.property(
        answerList().chain((answers) => fc.tuple(fc.constant(answers), fc.shuffledSubarray(answers, { minLength: answers.length, maxLength: answers.length }))),
        fc.nat(8),
        settingsArb,
        round,
        ([answers, shuffled], extra, settings, r) => {
          const eligible = answers.length + extra;
          const outcome = decideOutcome({ round: r, eligible, answers }, settings);
          expect(decideOutcome({ round: r, eligible, answers: shuffled }, settings)).toEqual(outcome);
          expect(decideOutcome({ round: r, eligible, answers: [...answers].reverse() }, settings)).toEqual(outcome);
        },
      ),
      { numRuns: 500, seed: 17 },
    );
  });

  it("(d) the tally's counts add up to the members who answered", () => {
    fc.assert(
      fc.property(answerList(ANSWERS, 30), fc.nat(10), settingsArb, round, (answers, extra, settings, r) => {
        const eligible = answers.length + extra;
        const tally = tallyAnswers(answers, eligible);
        expect(tally.agree + tally.reservations + tally.stand_aside + tally.block).toBe(tally.answered);
        expect(tally.answered).toBe(answers.length);
        expect(tally.eligible).toBe(eligible);
        expect(decideOutcome({ round: r, eligible, answers }, settings).tally).toEqual(tally);
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});
