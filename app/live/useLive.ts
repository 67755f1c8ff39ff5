// Live pages: subscribe to socket.io rooms and reload the page's data when something changes there.
// socket.io-client is loaded on demand so citizen pages stay light and work without JavaScript.
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { Socket } from "socket.io-client";

export type LiveStatus = "connecting" | "live" | "offline";

let shared: Promise<Socket> | null = null;

/** One socket per tab, shared by every live component on the page. */
export function getSocket(): Promise<Socket> {
  shared ??= import("socket.io-client").then(({ io }) => io({ transports: ["websocket", "polling"] }));
  return shared;
}

/**
 * Joins a room with `subscribeEvent`/`subscribePayload` (again after every reconnect), reloads the loaders on
 * `consultation:changed` and once after reconnecting (whatever happened meanwhile is in the loaders).
 */
function useLiveRoom(subscribeEvent: string, subscribePayload: object | null, onEvent?: (event: string, data: unknown) => void): LiveStatus {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const listener = useRef(onEvent);
  listener.current = onEvent;
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const key = subscribePayload ? JSON.stringify(subscribePayload) : null;

  useEffect(() => {
    if (key === null) return;
    let socket: Socket | null = null;
    let cancelled = false;
    const subscribe = () => socket?.emit(subscribeEvent, JSON.parse(key), () => setStatus("live"));
    const onChanged = (data: unknown) => {
      listener.current?.("consultation:changed", data);
      revalidate.current();
    };
    const onDisconnect = () => setStatus("offline");
    const onConnect = () => {
      subscribe();
      revalidate.current();
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
export function useLiveConsultation(consultationId: string | null, options: { staff?: boolean; onEvent?: (event: string, data: unknown) => void } = {}): LiveStatus {
  return useLiveRoom("subscribe", consultationId ? { consultationId, staff: Boolean(options.staff) } : null, options.onEvent);
}

/** The list of consultations: any public change in any consultation reloads it. */
export function useLiveConsultationList(): LiveStatus {
  return useLiveRoom("subscribe:all", {});
}
