// The technical roundtable's consensus votes, live: every "vote:tally" event of the consultation's public room is
// kept by vote id, so a page shows the tally move in place (no reload) — counts only while a vote is open.
import { useEffect, useState } from "react";
import type { Socket } from "socket.io-client";
import { getSocket } from "./useLive";
import type { ReasonFigures } from "../domain/consensus/outcome";
import { VOTE_EVENTS, type VoteTallyCounts, type VoteTallyEvent } from "./vote-events";

export function useLiveVotes(consultationId: string): Record<string, VoteTallyEvent> {
  const [tallies, setTallies] = useState<Record<string, VoteTallyEvent>>({});
  useEffect(() => {
    let socket: Socket | null = null;
    let cancelled = false;
    const subscribe = () => socket?.emit("subscribe", { consultationId, staff: false });
    const onTally = (event: VoteTallyEvent) => {
      if (!cancelled) setTallies((all) => ({ ...all, [event.voteId]: event }));
    };
    getSocket().then((s) => {
      if (cancelled) return;
      socket = s;
      s.on(VOTE_EVENTS.tally, onTally);
      s.on("connect", subscribe);
      if (s.connected) subscribe();
    });
    return () => {
      cancelled = true;
      socket?.off(VOTE_EVENTS.tally, onTally);
      socket?.off("connect", subscribe);
    };
  }, [consultationId]);
  return tallies;
}

/** A vote as the loader read it, with the latest live event (if any) laid over its tally, status and outcome. */
export function withLiveTally<
  V extends { id: string; status: string; tally: VoteTallyCounts; outcome: string | null; grade: string | null; figures?: Partial<ReasonFigures> },
>(vote: V, live: Record<string, VoteTallyEvent>): V {
  const event = live[vote.id];
  if (!event) return vote;
  // A vote the loader already read as closed is final: nothing live can reopen it.
  if (vote.status === "closed" && event.status === "open") return vote;
  return {
    ...vote,
    status: event.status,
    tally: event.tally,
    outcome: event.outcome ?? vote.outcome,
    grade: event.grade ?? vote.grade,
    // The reason's figures arrive with the close, so the outcome reads in full before the page reloads its data.
    ...(event.figures && vote.figures !== undefined ? { figures: event.figures } : {}),
  };
}
