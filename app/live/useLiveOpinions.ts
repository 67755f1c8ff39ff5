// Live opinion pages (form, statistics, moderation): reload the loaders when opinions arrive or change, or the
// stage opens or closes. Reloads are throttled: at a busy intake hundreds of opinions arrive each second, and
// one reload a second shows them all.
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import { getSocket, type LiveStatus } from "./useLive";
import { OPINION_EVENTS, type OpinionChange } from "./opinion-events";

export function useLiveOpinions(
  consultationId: string,
  options: { staff?: boolean; throttleMs?: number; onChange?: (change: OpinionChange) => void } = {},
): LiveStatus {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const onChange = useRef(options.onChange);
  onChange.current = options.onChange;
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const staff = Boolean(options.staff);
  const throttleMs = options.throttleMs ?? 1_000;

  useEffect(() => {
    let socket: Socket | null = null;
    let cancelled = false;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Leading and trailing: the first change shows at once, a burst ends with one more reload.
    const reload = () => {
      const wait = last + throttleMs - Date.now();
      if (wait <= 0) {
        last = Date.now();
        revalidate.current();
      } else if (!timer) {
        timer = setTimeout(() => {
          timer = null;
          last = Date.now();
          revalidate.current();
        }, wait);
      }
    };
    const onOpinion = (data: OpinionChange) => {
      onChange.current?.(data);
      reload();
    };
    const subscribe = () => socket?.emit("subscribe", { consultationId, staff }, () => setStatus("live"));
    const onDisconnect = () => setStatus("offline");
    const onConnect = () => {
      subscribe();
      reload();
    };
    getSocket().then((s) => {
      if (cancelled) return;
      socket = s;
      s.on(OPINION_EVENTS.changed, onOpinion);
      if (staff) s.on(OPINION_EVENTS.reported, onOpinion);
      s.on("consultation:changed", reload);
      s.on("disconnect", onDisconnect);
      s.on("connect", onConnect);
      if (s.connected) subscribe();
    });
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      socket?.off(OPINION_EVENTS.changed, onOpinion);
      socket?.off(OPINION_EVENTS.reported, onOpinion);
      socket?.off("consultation:changed", reload);
      socket?.off("disconnect", onDisconnect);
      socket?.off("connect", onConnect);
    };
  }, [consultationId, staff, throttleMs]);

  return status;
}

/** The loader answered data it knows to be a moment old (see opinionStatsFacets): ask again shortly. */
export function useRefreshWhenStale(data: { stale: boolean }, afterMs = 1_000): void {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  useEffect(() => {
    if (!data.stale) return;
    const timer = setTimeout(() => revalidate.current(), afterMs);
    return () => clearTimeout(timer);
  }, [data, afterMs]);
}
