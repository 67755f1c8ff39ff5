// The states a proposal can be in, and which of them are "alive" (still on the table).
export const PROPOSAL_STATES = ["draft", "active", "merged", "split", "withdrawn", "rejected", "adopted", "undone"] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/** On the table: counted as "at the table now", can be merged, split or withdrawn. */
export const ALIVE: readonly ProposalState[] = ["active", "adopted"];
/** Ended for good: nothing descends from it. */
export const ENDED: readonly ProposalState[] = ["withdrawn", "rejected"];
/** Replaced by the results of a merge or split (the lineage tells which). */
export const SUPERSEDED: readonly ProposalState[] = ["merged", "split"];

export function isAlive(state: string): boolean {
  return (ALIVE as readonly string[]).includes(state);
}

/** The state a source takes when an operation of this kind consumes it. */
export function supersededState(kind: "merge" | "split"): ProposalState {
  return kind === "merge" ? "merged" : "split";
}

/**
 * Never shown to the public: a draft is its proponent's, and an undone merge's or split's result never happened.
 * The one rule for the public sheet, the public lists and the lineage API (GET /api/v1/items/:id/lineage).
 */
export const NOT_PUBLIC: readonly ProposalState[] = ["draft", "undone"];

export function isPublicProposal(state: string): boolean {
  return !(NOT_PUBLIC as readonly string[]).includes(state);
}
