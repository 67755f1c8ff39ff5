// Live pages: subscribe to socket.io rooms and reload the page's data when something changes there.
// socket.io-client is loaded on demand so citizen pages stay light and work without JavaScript.
import { useEffect, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import { useQuietRevalidate } from "./useQuietRevalidate";

export type LiveStatus = "connecting" | "live" | "offline";

let shared: Promise<Socket> | null = null;

/** One socket per tab, shared by every live component on the page. */
export function getSocket(): Promise<Socket> {
  shared ??= import("socket.io-client").then(({ io }) => io({ transports: ["websocket", "polling"] }));
  return shared;
}

/**
 * Joins a room with `subscribeEvent`/`subscribePayload` (again after every reconnect) and calls `onChange` on
 * `consultation:changed` and once after reconnecting (whatever happened meanwhile is in the loaders). By default
 * `onChange` reloads the page's data, waiting for the page's own forms to settle (see useQuietRevalidate).
 */
function useLiveRoom(subscribeEvent: string, subscribePayload: object | null, onChange?: () => void): LiveStatus {
  const quietRevalidate = useQuietRevalidate();
  const callback = useRef(onChange ?? quietRevalidate);
  callback.current = onChange ?? quietRevalidate;
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const key = subscribePayload ? JSON.stringify(subscribePayload) : null;

  useEffect(() => {
    if (key === null) return;
    let socket: Socket | null = null;
    let cancelled = false;
    const subscribe = () => socket?.emit(subscribeEvent, JSON.parse(key), (ack: { ok?: boolean }) => setStatus(ack?.ok === false ? "offline" : "live"));
    const onChanged = () => callback.current();
    const onDisconnect = () => setStatus("offline");
    const onConnect = () => {
      subscribe();
      callback.current();
    };
    getSocket().then((s) => {
      if (cancelled) return;
      socket = s;
      s.on("consultation:changed", onChanged);
      s.on("disconnect", onDisconnect);
      s.on("connect", onConnect);
      if (s.connected) subscribe();
    });
    return () => {
      cancelled = true;
      socket?.off("consultation:changed", onChanged);
      socket?.off("disconnect", onDisconnect);
      socket?.off("connect", onConnect);
    };
  }, [subscribeEvent, key]);

  return status;
}

/** A consultation's public page (or, with `staff`, its dashboard). */
export function useLiveConsultation(consultationId: string | null, options: { staff?: boolean } = {}): LiveStatus {
  return useLiveRoom("subscribe", consultationId ? { consultationId, staff: Boolean(options.staff) } : null);
}

/** The consultation's staff room: calls `onChange` on every change and after a reconnect. */
export function useStaffChanges(consultationId: string, onChange: () => void): LiveStatus {
  return useLiveRoom("subscribe", { consultationId, staff: true }, onChange);
}

/** The list of consultations: any public change in any consultation reloads it. */
export function useLiveConsultationList(): LiveStatus {
  return useLiveRoom("subscribe:all", {});
}
