// Reloading a page's data when someone else changed something, without stepping on the page's own forms:
// a revalidation started while a fetcher is still reloading after its action can leave that fetcher "loading"
// for good (remix-run/remix#10668, #8298). So while a form or a reload is in flight the request is remembered,
// and made once everything is idle.
import { useFetchers, useNavigation, useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import { getSocket, type LiveStatus } from "./useLive";

export function useQuietRevalidate(): () => void {
  const revalidator = useRevalidator();
  const fetchers = useFetchers();
  const navigation = useNavigation();
  const busy = fetchers.some((f) => f.state !== "idle") || revalidator.state !== "idle" || navigation.state !== "idle";
  const state = useRef({ busy, pending: false, revalidate: revalidator.revalidate });
  state.current.busy = busy;
  state.current.revalidate = revalidator.revalidate;
  useEffect(() => {
    if (!busy && state.current.pending) {
      state.current.pending = false;
      state.current.revalidate();
    }
  }, [busy]);
  return useCallback(() => {
    if (state.current.busy) state.current.pending = true;
    else state.current.revalidate();
  }, []);
}

/** The consultation's staff room: calls `onChange` on every change and after a reconnect. */
export function useStaffChanges(consultationId: string, onChange: () => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    let socket: Socket | null = null;
    let cancelled = false;
    const subscribe = () => socket?.emit("subscribe", { consultationId, staff: true }, (ack: { ok?: boolean }) => setStatus(ack?.ok ? "live" : "offline"));
    const onChanged = () => callback.current();
    const onConnect = () => {
      subscribe();
      callback.current();
    };
    const onDisconnect = () => setStatus("offline");
    getSocket().then((s) => {
      if (cancelled) return;
      socket = s;
      s.on("consultation:changed", onChanged);
      s.on("connect", onConnect);
      s.on("disconnect", onDisconnect);
      if (s.connected) subscribe();
    });
    return () => {
      cancelled = true;
      socket?.off("consultation:changed", onChanged);
      socket?.off("connect", onConnect);
      socket?.off("disconnect", onDisconnect);
    };
  }, [consultationId]);
  return status;
}
