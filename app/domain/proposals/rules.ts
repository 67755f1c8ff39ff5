// Pure rules for what a roundtable may do with proposals. The command handlers load the facts inside their
// transaction and ask these functions; the in-memory lineage model (lineage.ts) asks the same ones.
import type { ProposalState } from "./states";

export interface ProposalFacts {
  id: string;
  title: string;
  state: ProposalState | string;
  consultationId: string;
  themeId: string;
  version: number;
}

export interface Scope {
  consultationId: string;
  themeId: string;
}

/** Why a change is refused. `status` is the HTTP status the command answers. */
export type Refusal =
  | { code: "too_few_sources"; status: 400; min: number }
  | { code: "duplicate_source"; status: 400; proposalId: string }
  | { code: "other_consultation"; status: 400; proposalId: string; title: string }
  | { code: "other_theme"; status: 400; proposalId: string; title: string }
  | { code: "not_active"; status: 409; proposalId: string; title: string; state: string }
  | { code: "stale"; status: 409; proposalId: string; title: string; expected: number; actual: number }
  | { code: "already_undone"; status: 409 }
  | { code: "round_closed"; status: 409 }
  | { code: "result_moved_on"; status: 409; proposalId: string; title: string; state: string }
  | { code: "not_editable"; status: 409; proposalId: string; title: string; state: string };

export const MIN_MERGE_SOURCES = 2;
export const MIN_SPLIT_RESULTS = 2;

function scopeRefusal(p: ProposalFacts, scope: Scope): Refusal | null {
  if (p.consultationId !== scope.consultationId) return { code: "other_consultation", status: 400, proposalId: p.id, title: p.title };
  if (p.themeId !== scope.themeId) return { code: "other_theme", status: 400, proposalId: p.id, title: p.title };
  return null;
}

function activeRefusal(p: ProposalFacts, expectedVersions: Record<string, number> | undefined): Refusal | null {
  if (p.state !== "active") return { code: "not_active", status: 409, proposalId: p.id, title: p.title, state: p.state };
  const expected = expectedVersions?.[p.id];
  if (expected !== undefined && expected !== p.version) {
    return { code: "stale", status: 409, proposalId: p.id, title: p.title, expected, actual: p.version };
  }
  return null;
}

/**
 * Two or more distinct, active proposals of one consultation and theme can be merged. Bad input (400) is
 * reported before conflicts with the current state (409), so a client learns first what it must fix itself.
 */
export function mergeRefusal(sources: readonly ProposalFacts[], scope: Scope, expectedVersions?: Record<string, number>): Refusal | null {
  const seen = new Set<string>();
  for (const s of sources) {
    if (seen.has(s.id)) return { code: "duplicate_source", status: 400, proposalId: s.id };
    seen.add(s.id);
  }
  if (seen.size < MIN_MERGE_SOURCES) return { code: "too_few_sources", status: 400, min: MIN_MERGE_SOURCES };
  for (const s of sources) {
    const r = scopeRefusal(s, scope);
    if (r) return r;
  }
  for (const s of sources) {
    const r = activeRefusal(s, expectedVersions);
    if (r) return r;
  }
  return null;
}

/** An active proposal can be split into two or more. */
export function splitRefusal(source: ProposalFacts, resultCount: number, scope: Scope, expectedVersion?: number): Refusal | null {
  if (resultCount < MIN_SPLIT_RESULTS) return { code: "too_few_sources", status: 400, min: MIN_SPLIT_RESULTS };
  return scopeRefusal(source, scope) ?? activeRefusal(source, expectedVersion === undefined ? undefined : { [source.id]: expectedVersion });
}

/**
 * A merge or split can be undone while its round is open and while every result is still active: once a
 * result has itself been merged, split or withdrawn, that later step must be undone first.
 */
export function undoRefusal(operation: { undone: boolean; roundOpen: boolean }, results: readonly ProposalFacts[]): Refusal | null {
  if (operation.undone) return { code: "already_undone", status: 409 };
  if (!operation.roundOpen) return { code: "round_closed", status: 409 };
  for (const r of results) {
    if (r.state !== "active") return { code: "result_moved_on", status: 409, proposalId: r.id, title: r.title, state: r.state };
  }
  return null;
}

/** Drafts and active proposals can be withdrawn; anything else has already left the table. */
export function withdrawRefusal(p: ProposalFacts): Refusal | null {
  if (p.state === "draft" || p.state === "active") return null;
  return { code: "not_active", status: 409, proposalId: p.id, title: p.title, state: p.state };
}

/** Drafts and active proposals can be edited (while their round is not closed); `expectedVersion` guards against lost updates. */
export function editRefusal(p: ProposalFacts, roundClosed: boolean, expectedVersion?: number): Refusal | null {
  if (p.state !== "draft" && p.state !== "active") return { code: "not_editable", status: 409, proposalId: p.id, title: p.title, state: p.state };
  if (roundClosed) return { code: "round_closed", status: 409 };
  if (expectedVersion !== undefined && expectedVersion !== p.version) {
    return { code: "stale", status: 409, proposalId: p.id, title: p.title, expected: expectedVersion, actual: p.version };
  }
  return null;
}

/** Who may act on a proposal as its proponent: the delegate who registered it, or a colleague of the same organization. */
export function isProponentOf(
  proposal: { proponentUserId: string | null; proponentOrganizationId: string | null },
  actor: { userId: string; organizationId: string | null },
): boolean {
  if (proposal.proponentUserId === null && proposal.proponentOrganizationId === null) return false;
  if (proposal.proponentUserId === actor.userId) return true;
  return proposal.proponentOrganizationId !== null && proposal.proponentOrganizationId === actor.organizationId;
}

/** Merge and split results belong to the table, not to a proponent. */
export function isTableOwned(proposal: { proponentUserId: string | null; proponentOrganizationId: string | null }): boolean {
  return proposal.proponentUserId === null && proposal.proponentOrganizationId === null;
}
