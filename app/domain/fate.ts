// The fate of one citizen input (an online opinion or a forum capture): forward from what was said to what became
// of it — the summary that grouped it, the proposals that respond to it, what they were merged or split into, the
// commitment they were adopted as — or the recorded reason it went no further. Pure: the facts come from
// db/queries/fate.server.ts, the words from app/i18n/messages/fate.ts.
import { isFrozen, isPublic, type PlanStatus } from "./plan";
import { SUPERSEDED } from "./proposals/states";

/** The consultation's plan as far as a commitment's place goes: its status and the number of each proposal in it. */
export interface PlanFacts {
  status: PlanStatus;
  /** Number in the plan by proposal id (commitments removed from the plan are left out). */
  numbers: Record<string, string>;
}

/**
 * Where an adopted proposal stands: commitment N of a published plan; adopted by the technical roundtable and
 * waiting for the plan (none assembled, not yet published, or published before this adoption); or adopted after
 * the plan was frozen without it.
 */
export type CommitmentPlace = { in: "plan"; number: string } | { in: "awaiting_plan" } | { in: "outside_frozen_plan" };

export const COMMITMENT_PLACES = ["plan", "awaiting_plan", "outside_frozen_plan"] as const satisfies ReadonlyArray<CommitmentPlace["in"]>;

export function commitmentPlace(proposalId: string, plan: PlanFacts | null | undefined): CommitmentPlace {
  if (!plan) return { in: "awaiting_plan" };
  const number = plan.numbers[proposalId];
  // A plan still being assembled is not public: its numbers are not yet the plan's.
  if (number !== undefined && isPublic(plan.status)) return { in: "plan", number };
  return isFrozen(plan.status) ? { in: "outside_frozen_plan" } : { in: "awaiting_plan" };
}

export interface FateProposalFact {
  id: string;
  title: string;
  state: string;
  stage: string;
  /** Recorded with a rejection or a withdrawal. */
  stateReason?: string | null;
}

export interface FateOperationFact {
  id: string;
  kind: "merge" | "split";
  at: string;
  sourceIds: string[];
  resultIds: string[];
  /** Undone operations are ignored: their sources stand again. */
  undone?: boolean;
}

export interface FateFacts {
  input: { id: string; status: string; statusReason: string | null };
  /** The summary that took the input up (an input is in one summary at most). */
  summary: { id: string; title: string } | null;
  /** Proposals that respond to that summary or to the input itself, with how they reach it. */
  responders: Array<{ proposalId: string; via: "summary" | "input" }>;
  /** Every proposal the responders lead to, by id (the responders included). */
  proposals: Record<string, FateProposalFact>;
  /** Merges and splits from the responders forward. */
  operations: FateOperationFact[];
  /** Status of the systematization stage ("pending" | "open" | "closed"), null when the consultation has none. */
  systematization: string | null;
  /** The consultation's plan, when one exists: tells an adopted proposal's place (commitment N, or awaiting the plan). */
  plan?: PlanFacts | null;
}

export type FateStep =
  | { kind: "summary"; id: string; title: string }
  | { kind: "proposal"; id: string; title: string; state: string; stage: string; via: "summary" | "input" }
  | { kind: "merged_into" | "split_into"; id: string; title: string; state: string; stage: string; fromId: string; at: string }
  | { kind: "commitment"; id: string; title: string; stage: string; place: CommitmentPlace };

/** Where one route ends: a commitment, a proposal that left the process, or still under way. */
export type RouteEnding =
  { ended: "commitment"; id: string } | { ended: "withdrawn" | "rejected"; id: string; reason: string | null } | { pending: true; id: string };

/** One way forward: from a proposal that responds to the input to what stands for it today. */
export interface FateRoute {
  steps: FateStep[];
  ending: RouteEnding;
}

export type FateEnding =
  /** Moderated away (hidden online opinion, withdrawn capture) with the recorded reason. */
  | { ended: "hidden" | "withdrawn"; reason: string | null }
  /** Systematization closed and no summary took the input up (and no proposal responds to it directly). */
  | { ended: "not_taken_up" }
  /** At least one route was adopted; `numbers`: the commitments of the published plan among them (empty: awaiting it). */
  | { ended: "commitment"; ids: string[]; numbers: string[] }
  /** Every route ended without a commitment (withdrawn or rejected). */
  | { ended: "not_adopted" }
  /** Still on its way: waiting for a summary, for a proposal, or for the roundtables to decide. */
  | { pending: true; waitingFor: "summary" | "proposal" | "decision" };

// Each ending and each wait as a list (pages word each one; tests/unit/wordings.test.ts walks them).
export const FATE_ENDINGS = ["hidden", "withdrawn", "not_taken_up", "commitment", "not_adopted"] as const satisfies ReadonlyArray<
  Extract<FateEnding, { ended: string }>["ended"]
>;
export const FATE_WAITS = ["summary", "proposal", "decision"] as const satisfies ReadonlyArray<Extract<FateEnding, { pending: true }>["waitingFor"]>;

export interface Fate {
  /** Shared by every route: the summary that grouped the input. */
  steps: FateStep[];
  routes: FateRoute[];
  ending: FateEnding;
}

const isSuperseded = (state: string) => (SUPERSEDED as readonly string[]).includes(state);

/** Proposals a route does not start from: drafts are not public, undone results no longer stand. */
const unlisted = (state: string | undefined) => state === undefined || state === "draft" || state === "undone";

export function fateOfInput(facts: FateFacts): Fate {
  const steps: FateStep[] = facts.summary ? [{ kind: "summary", id: facts.summary.id, title: facts.summary.title }] : [];
  const ops = facts.operations.filter((o) => !o.undone);
  const consumer = (id: string) => ops.find((o) => o.sourceIds.includes(id));

  // A responder reached from another responder (a merge result that also names the summary) is not a second start.
  const descendants = new Set<string>();
  const collect = (id: string, seen: Set<string>) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const r of consumer(id)?.resultIds ?? []) {
      descendants.add(r);
      collect(r, seen);
    }
  };
  const starts: Array<{ proposalId: string; via: "summary" | "input" }> = [];
  for (const r of facts.responders) {
    if (unlisted(facts.proposals[r.proposalId]?.state) || starts.some((s) => s.proposalId === r.proposalId)) continue;
    starts.push(r);
  }
  for (const s of starts) collect(s.proposalId, new Set());

  const routes: FateRoute[] = [];
  const walk = (id: string, path: FateStep[], seen: Set<string>) => {
    const p = facts.proposals[id];
    if (!p || seen.has(id)) return; // a cycle cannot happen (invariantViolations); never loop if it did
    const next = new Set(seen).add(id);
    if (isSuperseded(p.state)) {
      const op = consumer(id);
      const results = op?.resultIds.filter((r) => facts.proposals[r]) ?? [];
      if (op && results.length) {
        for (const r of results) {
          const q = facts.proposals[r];
          walk(
            r,
            [
              ...path,
              { kind: op.kind === "split" ? "split_into" : "merged_into", id: q.id, title: q.title, state: q.state, stage: q.stage, fromId: id, at: op.at },
            ],
            next,
          );
        }
        return;
      }
    }
    if (p.state === "adopted") {
      const place = commitmentPlace(p.id, facts.plan);
      routes.push({ steps: [...path, { kind: "commitment", id: p.id, title: p.title, stage: p.stage, place }], ending: { ended: "commitment", id: p.id } });
    } else if (p.state === "withdrawn" || p.state === "rejected") {
      routes.push({ steps: path, ending: { ended: p.state, id: p.id, reason: p.stateReason ?? null } });
    } else {
      routes.push({ steps: path, ending: { pending: true, id: p.id } });
    }
  };
  for (const s of starts) {
    if (descendants.has(s.proposalId)) continue;
    const p = facts.proposals[s.proposalId];
    walk(p.id, [{ kind: "proposal", id: p.id, title: p.title, state: p.state, stage: p.stage, via: s.via }], new Set());
  }

  return { steps, routes, ending: endingOf(facts, routes) };
}

function endingOf(facts: FateFacts, routes: FateRoute[]): FateEnding {
  const { status, statusReason } = facts.input;
  if (status === "hidden" || status === "withdrawn") return { ended: status, reason: statusReason };
  if (routes.length === 0) {
    if (facts.summary) return { pending: true, waitingFor: "proposal" };
    return facts.systematization === "closed" ? { ended: "not_taken_up" } : { pending: true, waitingFor: "summary" };
  }
  const commitments = [...new Set(routes.flatMap((r) => ("ended" in r.ending && r.ending.ended === "commitment" ? [r.ending.id] : [])))];
  if (commitments.length) {
    const numbers = commitments.flatMap((id) => {
      const place = commitmentPlace(id, facts.plan);
      return place.in === "plan" ? [place.number] : [];
    });
    return { ended: "commitment", ids: commitments, numbers };
  }
  if (routes.some((r) => "pending" in r.ending)) return { pending: true, waitingFor: "decision" };
  return { ended: "not_adopted" };
}
