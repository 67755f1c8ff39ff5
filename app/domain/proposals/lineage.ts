// The lineage graph of proposals as plain data: which operation (merge or split) turned which sources into which
// results. Used by pages to show "merged into…" and every proposal's fate, by the property test as the model of
// merging, and by integration tests to check what the database holds.
import { mergeRefusal, splitRefusal, undoRefusal, withdrawRefusal, type ProposalFacts, type Refusal } from "./rules";
import { ENDED, isAlive, supersededState, type ProposalState } from "./states";

export interface GraphOperation {
  id: string;
  kind: "merge" | "split";
  sourceIds: string[];
  resultIds: string[];
  undone: boolean;
}

export interface LineageGraph {
  /** Every proposal's state, by id. */
  states: Record<string, ProposalState | string>;
  operations: GraphOperation[];
}

/**
 * What became of a proposal: adopted (itself or a successor is a commitment; `current` lists what else is still at
 * the table), still at the table itself or through its successors, or ended (withdrawn, rejected). Adoption is not
 * "still at the table": a commitment's sheet says where it stands in the plan (app/domain/fate.ts, commitmentPlace).
 */
export type Fate =
  { kind: "adopted"; ids: string[]; current: string[] } | { kind: "current"; ids: string[] } | { kind: "ended"; endings: Array<{ id: string; state: string }> };

/** Groups lineage rows (one per source → result edge) into operations. */
export function operationsFrom(
  operations: ReadonlyArray<{ id: string; kind: "merge" | "split" | string; undone_at: string | null }>,
  edges: ReadonlyArray<{ operation_id: string; source_id: string; result_id: string }>,
): GraphOperation[] {
  const byId = new Map<string, GraphOperation>();
  for (const o of operations)
    byId.set(o.id, { id: o.id, kind: o.kind === "split" ? "split" : "merge", sourceIds: [], resultIds: [], undone: o.undone_at !== null });
  for (const e of edges) {
    const op = byId.get(e.operation_id);
    if (!op) continue;
    if (!op.sourceIds.includes(e.source_id)) op.sourceIds.push(e.source_id);
    if (!op.resultIds.includes(e.result_id)) op.resultIds.push(e.result_id);
  }
  return [...byId.values()];
}

/** The operation (not undone) that consumed this proposal, if any. */
export function consumingOperation(graph: LineageGraph, id: string): GraphOperation | undefined {
  return graph.operations.find((o) => !o.undone && o.sourceIds.includes(id));
}

/** The operation (not undone) that produced this proposal, if any. */
export function producingOperation(graph: LineageGraph, id: string): GraphOperation | undefined {
  return graph.operations.find((o) => !o.undone && o.resultIds.includes(id));
}

export class LineageCycleError extends Error {
  constructor(readonly path: string[]) {
    super(`lineage cycle: ${path.join(" → ")}`);
  }
}

/** Follows a proposal forward through merges and splits to what stands for it today. */
export function fateOf(graph: LineageGraph, id: string): Fate {
  const current = new Set<string>();
  const adopted = new Set<string>();
  const endings: Array<{ id: string; state: string }> = [];
  const reached = new Set<string>(); // a split whose parts are merged again reaches the result twice: count it once
  const walk = (pid: string, path: string[]) => {
    if (path.includes(pid)) throw new LineageCycleError([...path, pid]);
    if (reached.has(pid)) return;
    reached.add(pid);
    const state = graph.states[pid];
    if (state === "merged" || state === "split") {
      const op = consumingOperation(graph, pid);
      if (!op) throw new Error(`proposal ${pid} is ${state} but no operation consumed it`);
      for (const r of op.resultIds) walk(r, [...path, pid]);
      return;
    }
    if ((ENDED as readonly string[]).includes(state)) endings.push({ id: pid, state });
    else if (state === "adopted") adopted.add(pid);
    else current.add(pid);
  };
  walk(id, []);
  if (adopted.size > 0) return { kind: "adopted", ids: [...adopted], current: [...current] };
  return current.size > 0 ? { kind: "current", ids: [...current] } : { kind: "ended", endings };
}

/** Every proposal behind this one, reached backward through operations that were not undone. */
export function ancestorIds(graph: LineageGraph, id: string): string[] {
  const producedBy = new Map<string, GraphOperation[]>();
  for (const o of graph.operations) {
    if (o.undone) continue;
    for (const r of o.resultIds) producedBy.set(r, [...(producedBy.get(r) ?? []), o]);
  }
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const pid = stack.pop()!;
    for (const o of producedBy.get(pid) ?? []) {
      for (const s of o.sourceIds) {
        if (!seen.has(s)) {
          seen.add(s);
          stack.push(s);
        }
      }
    }
  }
  seen.delete(id);
  return [...seen];
}

/** A cycle in the graph of operations that were not undone, or null. */
export function findCycle(graph: LineageGraph): string[] | null {
  const next = new Map<string, string[]>();
  for (const o of graph.operations) {
    if (o.undone) continue;
    for (const s of o.sourceIds) next.set(s, [...(next.get(s) ?? []), ...o.resultIds]);
  }
  const color = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  const visit = (id: string, path: string[]): string[] | null => {
    color.set(id, 1);
    for (const n of next.get(id) ?? []) {
      if (color.get(n) === 1) return [...path, id, n];
      if (!color.has(n)) {
        const found = visit(n, [...path, id]);
        if (found) return found;
      }
    }
    color.set(id, 2);
    return null;
  };
  for (const id of next.keys()) {
    if (!color.has(id)) {
      const found = visit(id, []);
      if (found) return found;
    }
  }
  return null;
}

/**
 * What must always hold, whatever sequence of merges, splits, undos and withdrawals happened. Answers the broken
 * rules as sentences (empty when all is well).
 */
export function invariantViolations(graph: LineageGraph): string[] {
  const problems: string[] = [];
  const cycle = findCycle(graph);
  if (cycle) problems.push(`cycle ${cycle.join(" → ")}`);
  for (const [id, state] of Object.entries(graph.states)) {
    const consumers = graph.operations.filter((o) => !o.undone && o.sourceIds.includes(id));
    const producers = graph.operations.filter((o) => !o.undone && o.resultIds.includes(id));
    if (consumers.length > 1) problems.push(`${id} consumed by ${consumers.length} operations`);
    if (producers.length > 1) problems.push(`${id} produced by ${producers.length} operations`);
    const superseded = state === "merged" || state === "split";
    if (superseded && consumers.length !== 1) problems.push(`${id} is ${state} without one consuming operation`);
    if (superseded && consumers[0] && supersededState(consumers[0].kind) !== state)
      problems.push(`${id} is ${state} but was consumed by a ${consumers[0].kind}`);
    if (!superseded && consumers.length > 0) problems.push(`${id} is ${state} yet consumed by ${consumers[0].id}`);
    const undoneProducer = graph.operations.some((o) => o.undone && o.resultIds.includes(id));
    if (state === "undone" && (!undoneProducer || producers.length > 0)) problems.push(`${id} is undone but its operation is not`);
    if (undoneProducer && state !== "undone") problems.push(`${id} came from an undone operation but is ${state}`);
  }
  return problems;
}

// ---- The model: the same transitions the command handlers make, on plain data ----

export type Step = { ok: true; graph: LineageGraph } | { ok: false; refusal: Refusal };

const scope = { consultationId: "c", themeId: "t" };
const facts = (graph: LineageGraph, id: string): ProposalFacts => ({ id, title: id, state: graph.states[id] ?? "missing", ...scope, version: 1 });

export function applyMerge(graph: LineageGraph, sourceIds: string[], resultId: string, operationId: string): Step {
  const refusal = mergeRefusal(
    sourceIds.map((id) => facts(graph, id)),
    scope,
  );
  if (refusal) return { ok: false, refusal };
  const states = { ...graph.states, [resultId]: "active" };
  for (const s of sourceIds) states[s] = "merged";
  return {
    ok: true,
    graph: { states, operations: [...graph.operations, { id: operationId, kind: "merge", sourceIds: [...sourceIds], resultIds: [resultId], undone: false }] },
  };
}

export function applySplit(graph: LineageGraph, sourceId: string, resultIds: string[], operationId: string): Step {
  const refusal = splitRefusal(facts(graph, sourceId), resultIds.length, scope);
  if (refusal) return { ok: false, refusal };
  const states = { ...graph.states, [sourceId]: "split" };
  for (const r of resultIds) states[r] = "active";
  return {
    ok: true,
    graph: { states, operations: [...graph.operations, { id: operationId, kind: "split", sourceIds: [sourceId], resultIds: [...resultIds], undone: false }] },
  };
}

export function applyUndo(graph: LineageGraph, operationId: string, roundOpen = true): Step {
  const op = graph.operations.find((o) => o.id === operationId);
  if (!op) return { ok: false, refusal: { code: "already_undone", status: 409 } };
  const refusal = undoRefusal(
    { undone: op.undone, roundOpen },
    op.resultIds.map((id) => facts(graph, id)),
  );
  if (refusal) return { ok: false, refusal };
  const states = { ...graph.states };
  for (const r of op.resultIds) states[r] = "undone";
  for (const s of op.sourceIds) states[s] = "active";
  return { ok: true, graph: { states, operations: graph.operations.map((o) => (o.id === operationId ? { ...o, undone: true } : o)) } };
}

export function applyWithdraw(graph: LineageGraph, id: string): Step {
  const refusal = withdrawRefusal(facts(graph, id));
  if (refusal) return { ok: false, refusal };
  return { ok: true, graph: { ...graph, states: { ...graph.states, [id]: "withdrawn" } } };
}

/** Alive proposals of the graph (what the table has on it now). */
export function aliveIds(graph: LineageGraph): string[] {
  return Object.entries(graph.states)
    .filter(([, s]) => isAlive(s))
    .map(([id]) => id);
}
