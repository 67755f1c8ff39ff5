// Property: for random sequences of merges, splits, undos and withdrawals, every original proposal has exactly one
// current fate (alive through its successors, or ended), no cycle appears, and the graph keeps its invariants.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aliveIds,
  applyMerge,
  applySplit,
  applyUndo,
  applyWithdraw,
  fateOf,
  findCycle,
  invariantViolations,
  type LineageGraph,
  type Step,
} from "../../app/domain/proposals/lineage";

type Action =
  { kind: "merge"; picks: number[] } | { kind: "split"; pick: number; parts: number } | { kind: "undo"; pick: number } | { kind: "withdraw"; pick: number };

const pick = fc.nat({ max: 1_000 });
const action = (kinds: Action["kind"][]): fc.Arbitrary<Action> =>
  fc.oneof(
    ...kinds.map((kind): fc.Arbitrary<Action> => {
      switch (kind) {
        case "merge":
          return fc.record({ kind: fc.constant("merge" as const), picks: fc.array(pick, { minLength: 1, maxLength: 4 }) });
        case "split":
          return fc.record({ kind: fc.constant("split" as const), pick, parts: fc.integer({ min: 1, max: 3 }) });
        case "undo":
          return fc.record({ kind: fc.constant("undo" as const), pick });
        case "withdraw":
          return fc.record({ kind: fc.constant("withdraw" as const), pick });
      }
    }),
  );

/** Runs the actions from `originals` fresh proposals. Picks index into what exists, so refusals get exercised too. */
function run(originals: number, actions: Action[], check: (g: LineageGraph, step: Step | null) => void): LineageGraph {
  let graph: LineageGraph = { states: Object.fromEntries(Array.from({ length: originals }, (_, i) => [`p${i}`, "active"])), operations: [] };
  let next = 0;
  check(graph, null);
  for (const a of actions) {
    const ids = Object.keys(graph.states);
    const at = (n: number) => ids[n % ids.length];
    let step: Step;
    switch (a.kind) {
      case "merge":
        step = applyMerge(graph, a.picks.map(at), `r${next}`, `op${next}`);
        break;
      case "split":
        step = applySplit(
          graph,
          at(a.pick),
          Array.from({ length: a.parts }, (_, i) => `r${next}.${i}`),
          `op${next}`,
        );
        break;
      case "undo":
        step = graph.operations.length
          ? applyUndo(graph, graph.operations[a.pick % graph.operations.length].id)
          : { ok: false, refusal: { code: "already_undone", status: 409 } };
        break;
      case "withdraw":
        step = applyWithdraw(graph, at(a.pick));
        break;
    }
    next++;
    if (step.ok) graph = step.graph;
    check(graph, step);
  }
  return graph;
}

function originalsOf(graph: LineageGraph): string[] {
  return Object.keys(graph.states).filter((id) => id.startsWith("p"));
}

describe("lineage under random merges, splits, undos and withdrawals", () => {
  it("every original has exactly one current fate, no cycle, and the invariants hold after every step", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), fc.array(action(["merge", "split", "undo", "withdraw"]), { maxLength: 40 }), (originals, actions) => {
        run(originals, actions, (graph) => {
          expect(findCycle(graph)).toBeNull();
          expect(invariantViolations(graph)).toEqual([]);
          const alive = new Set(aliveIds(graph));
          const reached = new Set<string>();
          for (const id of originalsOf(graph)) {
            const fate = fateOf(graph, id);
            expect(fate.kind).not.toBe("adopted"); // this model never adopts (traceability.property.test.ts does)
            if (fate.kind === "current") {
              expect(fate.ids.length).toBeGreaterThan(0);
              for (const s of fate.ids) {
                expect(alive.has(s)).toBe(true);
                reached.add(s);
              }
            } else if (fate.kind === "ended") {
              expect(fate.endings.length).toBeGreaterThan(0);
              for (const e of fate.endings) expect(["withdrawn", "rejected"]).toContain(e.state);
            }
          }
          // Nothing alive comes from nowhere: every live proposal stands for at least one original.
          expect([...alive].filter((id) => !reached.has(id))).toEqual([]);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("without splits, each original has exactly one current successor or has ended", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), fc.array(action(["merge", "undo", "withdraw"]), { maxLength: 40 }), (originals, actions) => {
        const graph = run(originals, actions, () => {});
        for (const id of originalsOf(graph)) {
          const fate = fateOf(graph, id);
          if (fate.kind === "current") expect(fate.ids).toHaveLength(1);
          else if (fate.kind === "ended") expect(fate.endings).toHaveLength(1);
          else expect.unreachable("this model never adopts");
        }
      }),
      { numRuns: 500 },
    );
  });

  it("undoing the last operation restores its sources and touches nothing else", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.array(action(["merge", "split", "withdraw"]), { maxLength: 20 }), (originals, actions) => {
        const graph = run(originals, actions, () => {});
        const last = graph.operations.filter((o) => !o.undone).at(-1);
        if (!last) return;
        const undone = applyUndo(graph, last.id);
        // It applies exactly when its results are all still active (a later withdrawal blocks it).
        expect(undone.ok).toBe(last.resultIds.every((r) => graph.states[r] === "active"));
        if (!undone.ok) return;
        for (const s of last.sourceIds) expect(undone.graph.states[s]).toBe("active");
        for (const r of last.resultIds) expect(undone.graph.states[r]).toBe("undone");
        const others = Object.keys(graph.states).filter((id) => !last.sourceIds.includes(id) && !last.resultIds.includes(id));
        for (const id of others) expect(undone.graph.states[id]).toBe(graph.states[id]);
      }),
      { numRuns: 300 },
    );
  });

  it("refused steps change nothing and say why", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.array(action(["merge", "split", "undo", "withdraw"]), { maxLength: 30 }), (originals, actions) => {
        let before: LineageGraph | null = null;
        run(originals, actions, (graph, step) => {
          if (step && !step.ok) {
            expect(graph).toEqual(before);
            expect([400, 409]).toContain(step.refusal.status);
          }
          before = graph;
        });
      }),
      { numRuns: 300 },
    );
  });
});
