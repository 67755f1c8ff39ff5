// The receipt follows its own opinion being hidden or restored: those changes reach the consultation's room as
// opinion events (not `consultation:changed`, which would reload every page at a busy intake). The room is joined
// by useLiveConsultation on the same shared socket; this only listens for the one input.
import { useEffect, useRef } from "react";
import type { Socket } from "socket.io-client";
import { OPINION_EVENTS, type OpinionChange } from "../../live/opinion-events";
import { getSocket } from "../../live/useLive";
import { useQuietRevalidate } from "../../live/useQuietRevalidate";

export function useInputChanges(inputId: string): void {
  const revalidate = useQuietRevalidate();
  const callback = useRef(revalidate);
  callback.current = revalidate;
  useEffect(() => {
    let socket: Socket | null = null;
    let cancelled = false;
    const onChange = (data: OpinionChange) => {
      if (data?.inputId === inputId && data.change !== "new") callback.current();
    };
    getSocket().then((s) => {
      if (cancelled) return;
      socket = s;
      s.on(OPINION_EVENTS.changed, onChange);
    });
    return () => {
      cancelled = true;
      socket?.off(OPINION_EVENTS.changed, onChange);
    };
  }, [inputId]);
}
