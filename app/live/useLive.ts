// Live pages: subscribe to a consultation's socket.io room and reload the page's data when it changes.
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

export function useLiveConsultation(consultationId: string | null, options: { staff?: boolean; onEvent?: (event: string, data: unknown) => void } = {}): LiveStatus {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const onEvent = useRef(options.onEvent);
  onEvent.current = options.onEvent;
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const staff = Boolean(options.staff);

  useEffect(() => {
    if (!consultationId) return;
    let socket: Socket | null = null;
    let cancelled = false;
    const subscribe = () => socket?.emit("subscribe", { consultationId, staff }, () => setStatus("live"));
    const onChanged = (data: unknown) => {
      onEvent.current?.("consultation:changed", data);
      revalidate.current();
    };
    const onDisconnect = () => setStatus("offline");
    const onConnect = () => {
      subscribe();
      // Whatever happened while we were away is in the loaders: fetch it once on reconnect.
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
  }, [consultationId, staff]);

  return status;
}
