// What a consensus vote says over socket.io, shared by the server and the browser. Tallies go to the consultation's
// public room: the technical roundtable's members, observers and the public page all see the count move; who
// answered what is published only once the vote closes (and not at all when the consultation keeps it private).
import type { ReasonFigures } from "../domain/consensus/outcome";

export const VOTE_EVENTS = {
  /** Server → consultation room: a vote opened, an answer changed, or the vote closed. */
  tally: "vote:tally",
} as const;

export interface VoteTallyCounts {
  agree: number;
  reservations: number;
  stand_aside: number;
  block: number;
  answered: number;
  eligible: number;
}

export interface VoteTallyEvent {
  voteId: string;
  proposalId: string;
  roundtableId: string;
  status: "open" | "closed";
  ballot: number;
  tally: VoteTallyCounts;
  /** Set once closed: one of VOTE_OUTCOMES (app/domain/consensus/outcome.ts). */
  outcome: string | null;
  grade: string | null;
  /** Once closed: what its reason is worded with (the figures of the stand-asides or the cap, the cancel reason). */
  figures?: ReasonFigures | null;
  at: string;
  /** The command that moved the tally (vote.open, vote.answer, vote.close): its sender can tell its own answer's echo. */
  commandId?: string;
}
