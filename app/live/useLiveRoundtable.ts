// The live session of a thematic roundtable: join its room (again after each reconnect), reload the page's data on
// every change, keep a short feed of what just happened and the list of who is connected.
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import { ROUNDTABLE_EVENTS, type PresentPerson, type RoundtableChange, type RoundtablePresence } from "./roundtable-events";
import { getSocket, type LiveStatus } from "./useLive";

const FEED_LENGTH = 8;

export function useLiveRoundtable(roundtableId: string): { status: LiveStatus; people: PresentPerson[]; feed: RoundtableChange[] } {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [people, setPeople] = useState<PresentPerson[]>([]);
  const [feed, setFeed] = useState<RoundtableChange[]>([]);

  useEffect(() => {
    let socket: Socket | null = null;
    let cancelled = false;
    const join = () =>
      socket?.emit(ROUNDTABLE_EVENTS.join, { roundtableId }, (ack: { ok: boolean }) => {
        if (!cancelled) setStatus(ack?.ok ? "live" : "offline");
      });
    const onChanged = (change: RoundtableChange) => {
      if (change.roundtableId !== roundtableId) return;
      setFeed((f) => [change, ...f].slice(0, FEED_LENGTH));
      revalidate.current();
    };
    const onPresence = (presence: RoundtablePresence) => {
      if (presence.roundtableId === roundtableId) setPeople(presence.people);
    };
    const onDisconnect = () => setStatus("offline");
    const onConnect = () => {
      join();
      // Whatever happened while we were away is in the loader: fetch it once.
      revalidate.current();
    };
    getSocket().then((s) => {
      if (cancelled) return;
      socket = s;
      s.on(ROUNDTABLE_EVENTS.changed, onChanged);
      s.on(ROUNDTABLE_EVENTS.presence, onPresence);
      s.on("disconnect", onDisconnect);
      s.on("connect", onConnect);
      if (s.connected) join();
    });
    return () => {
      cancelled = true;
      socket?.emit(ROUNDTABLE_EVENTS.leave, { roundtableId });
      socket?.off(ROUNDTABLE_EVENTS.changed, onChanged);
      socket?.off(ROUNDTABLE_EVENTS.presence, onPresence);
      socket?.off("disconnect", onDisconnect);
      socket?.off("connect", onConnect);
    };
  }, [roundtableId]);

  return { status, people, feed };
}
