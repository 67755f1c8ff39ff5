// Who may answer a consensus vote, and when a vote may be opened: pure rules over facts the commands load inside
// their transaction. Each refusal carries the HTTP status the command answers and what to tell the person.
import type { Criterion } from "./criteria";

export type AnswerRefusal =
  | { code: "vote_closed"; status: 409 }
  | { code: "observer"; status: 403 }
  | { code: "not_member"; status: 403 }
  | { code: "absent"; status: 403 }
  | { code: "recused"; status: 403; reason: string };

export interface AnswerFacts {
  voteOpen: boolean;
  /** Holds the technical-roundtable member role in the consultation. */
  isMember: boolean;
  isObserver: boolean;
  /** Recorded present at the vote's session. */
  present: boolean;
  /** The member's declared conflict of interest on this proposal, if any. */
  recusal: string | null;
}

/** A closed vote is final (409) before anything about the person is checked; observers never vote. */
export function answerRefusal(f: AnswerFacts): AnswerRefusal | null {
  if (!f.voteOpen) return { code: "vote_closed", status: 409 };
  if (!f.isMember) return f.isObserver ? { code: "observer", status: 403 } : { code: "not_member", status: 403 };
  if (f.recusal !== null) return { code: "recused", status: 403, reason: f.recusal };
  if (!f.present) return { code: "absent", status: 403 };
  return null;
}

export type OpenVoteRefusal =
  | { code: "not_active"; status: 409; state: string }
  | { code: "not_at_technical"; status: 409 }
  | { code: "vote_already_open"; status: 409 }
  | { code: "criteria_missing"; status: 409; missing: Criterion[] }
  | { code: "commitment_cap"; status: 409; max: number };

export interface OpenVoteFacts {
  state: string;
  /** The proposal reached the technical roundtable (unified at its thematic table, or later). */
  atTechnical: boolean;
  hasOpenVote: boolean;
  missing: readonly Criterion[];
  adoptedCount: number;
  maxCommitments: number;
}

/**
 * A vote opens on an active proposal at the technical table with every criterion met (the open session is the rule
 * of every act of the table, checked before: requireOpenSession in server/commands/technical-lookup.server.ts).
 */
export function openVoteRefusal(f: OpenVoteFacts): OpenVoteRefusal | null {
  if (f.state !== "active") return { code: "not_active", status: 409, state: f.state };
  if (!f.atTechnical) return { code: "not_at_technical", status: 409 };
  if (f.hasOpenVote) return { code: "vote_already_open", status: 409 };
  if (f.missing.length > 0) return { code: "criteria_missing", status: 409, missing: [...f.missing] };
  if (f.adoptedCount >= f.maxCommitments) return { code: "commitment_cap", status: 409, max: f.maxCommitments };
  return null;
}
