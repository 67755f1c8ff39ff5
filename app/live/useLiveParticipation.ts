// The participation figures of a consultation as the server last sent them (see participation-events.ts); the
// loader's figures until then, and again whenever the loader runs anew (a navigation or a revalidation).
import { useEffect, useState } from "react";
import type { Participation } from "../domain/funnel-view";
import { PARTICIPATION_EVENTS, type ParticipationChanged } from "./participation-events";
import { getSocket } from "./useLive";

/** Listens on the page's shared socket; the room itself is joined by useLiveConsultation. */
export function useLiveParticipation(consultationId: string, fromLoader: Participation): Participation {
  const [figures, setFigures] = useState(fromLoader);
  useEffect(() => setFigures(fromLoader), [fromLoader]);
  useEffect(() => {
    let cancelled = false;
    const onChanged = (event: ParticipationChanged) => {
      if (event.consultationId === consultationId) setFigures(event.participation);
    };
    void getSocket().then((socket) => {
      if (!cancelled) socket.on(PARTICIPATION_EVENTS.changed, onChanged);
    });
    return () => {
      cancelled = true;
      void getSocket().then((socket) => socket.off(PARTICIPATION_EVENTS.changed, onChanged));
    };
  }, [consultationId]);
  return figures;
}
