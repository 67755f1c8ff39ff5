// The facilitator's outbox on the device: envelopes are written to localStorage before any attempt to send
// them, survive reloads and lost connections, and are sent by themselves (on reconnect, when the browser says
// it is online again, and on a timer with back-off) until the server acknowledges them.
import { useCallback, useEffect, useRef, useState } from "react";
import { classifyResponse, dismiss, enqueue, parseStored, retryDelay, sendable, settle, uuidFromBytes, type Envelope, type OutboxItem } from "../domain/outbox";
import { getSocket } from "./useLive";

export interface SendResult {
  status: number | null;
  body: { ok?: boolean; result?: unknown; error?: { code: string; message: string } } | null;
}

/** One attempt over the JSON API (the session cookie signs it). No answer within 15 s counts as no network. */
async function postCommand(envelope: Envelope): Promise<SendResult> {
  try {
    const res = await fetch("/api/v1/commands", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(envelope),
      signal: AbortSignal.timeout(15_000),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  } catch {
    return { status: null, body: null };
  }
}

/** A command id made on the device (crypto.randomUUID needs https; getRandomValues does not). */
export function newCommandId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return uuidFromBytes(crypto.getRandomValues(new Uint8Array(16)));
}

function read(key: string): OutboxItem[] {
  try {
    return parseStored(window.localStorage.getItem(key));
  } catch {
    return [];
  }
}

export function useOutbox(userId: string, onAcknowledged: (envelope: Envelope, result: unknown) => void) {
  const key = `cocrea.outbox.v1.${userId}`;
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [sending, setSending] = useState(false);
  const [signedOut, setSignedOut] = useState(false);
  const [online, setOnline] = useState(true);
  const flushing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const acknowledged = useRef(onAcknowledged);
  acknowledged.current = onAcknowledged;

  /** Read, change and write back in one go, so another tab's additions are never overwritten. */
  const mutate = useCallback(
    (change: (items: OutboxItem[]) => OutboxItem[]) => {
      const next = change(read(key));
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or blocked: keep going in memory; the items are still shown and sent.
      }
      setItems(next);
      return next;
    },
    [key],
  );

  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    setSending(true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    let waitFor: number | null = null;
    try {
      for (const item of sendable(read(key))) {
        const { status, body } = await postCommand(item.envelope);
        const outcome = classifyResponse(status);
        mutate((all) => settle(all, item.envelope.id, outcome, body?.error));
        if (outcome === "done") {
          setSignedOut(false);
          acknowledged.current(item.envelope, body?.result);
          continue;
        }
        if (outcome === "reject") continue;
        // No network, signed out or server trouble: stop here and keep the order for the next attempt.
        setSignedOut(outcome === "signed_out");
        waitFor = retryDelay(item.attempts + 1);
        break;
      }
    } finally {
      flushing.current = false;
      setSending(false);
    }
    if (waitFor === null && sendable(read(key)).length > 0) waitFor = 0;
    if (waitFor !== null) timer.current = setTimeout(() => void flush(), waitFor);
  }, [key, mutate]);

  useEffect(() => {
    setItems(read(key));
    setOnline(navigator.onLine);
    const onOnline = () => {
      setOnline(true);
      void flush();
    };
    const onOffline = () => setOnline(false);
    const onStorage = (e: StorageEvent) => {
      if (e.key === key) setItems(read(key));
    };
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    window.addEventListener("storage", onStorage);
    let socketCleanup = () => {};
    getSocket().then((s) => {
      const onConnect = () => void flush();
      s.on("connect", onConnect);
      socketCleanup = () => s.off("connect", onConnect);
    });
    void flush();
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("storage", onStorage);
      socketCleanup();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [key, flush]);

  const add = useCallback(
    (envelope: Envelope) => {
      mutate((all) => enqueue(all, envelope, new Date().toISOString()));
      void flush();
    },
    [mutate, flush],
  );

  return {
    items,
    waiting: items.filter((i) => i.state === "queued"),
    failed: items.filter((i) => i.state === "failed"),
    sending,
    signedOut,
    online,
    add,
    dismiss: useCallback((id: string) => void mutate((all) => dismiss(all, id)), [mutate]),
    retryNow: flush,
  };
}
