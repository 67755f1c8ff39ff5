// The facilitator's outbox, as pure functions: command envelopes wait on the device until the server has
// acknowledged them. The envelope id is chosen on the device and is the command id, so sending one twice
// (a retry after a timeout, two tabs, a reload mid-send) is applied once by the server.

export interface Envelope {
  id: string;
  type: string;
  payload: Record<string, unknown>;
}

export interface OutboxItem {
  envelope: Envelope;
  queuedAt: string;
  attempts: number;
  state: "queued" | "failed";
  /** Why the server refused it (shown to the facilitator, who can copy the text before dismissing it). */
  error?: { code: string; message: string };
}

/**
 * What to do after one attempt: `done` (acknowledged, including a replay of an earlier success), `retry`
 * later (no network, timeout, rate limit, server trouble), `signed_out` (keep it until the person signs in
 * again) or `reject` (the server refused it for good: invalid, forbidden, forum closed…).
 */
export type SendOutcome = "done" | "retry" | "signed_out" | "reject";

export function classifyResponse(status: number | null): SendOutcome {
  if (status === null) return "retry";
  if (status >= 200 && status < 300) return "done";
  if (status === 401) return "signed_out";
  if (status === 408 || status === 429 || status >= 500) return "retry";
  return "reject";
}

/** Wait before the next attempt: 1 s, 2 s, 4 s… up to 30 s. */
export function retryDelay(attempts: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, Math.min(attempts, 10)));
}

export function enqueue(items: readonly OutboxItem[], envelope: Envelope, now: string): OutboxItem[] {
  if (items.some((i) => i.envelope.id === envelope.id)) return [...items];
  return [...items, { envelope, queuedAt: now, attempts: 0, state: "queued" }];
}

/** Records an attempt's outcome: acknowledged items leave the outbox, refused ones wait for the person. */
export function settle(items: readonly OutboxItem[], id: string, outcome: SendOutcome, error?: { code: string; message: string }): OutboxItem[] {
  if (outcome === "done") return items.filter((i) => i.envelope.id !== id);
  return items.map((i) => {
    if (i.envelope.id !== id) return i;
    if (outcome === "reject") return { ...i, attempts: i.attempts + 1, state: "failed" as const, error };
    return { ...i, attempts: i.attempts + 1 };
  });
}

export function dismiss(items: readonly OutboxItem[], id: string): OutboxItem[] {
  return items.filter((i) => i.envelope.id !== id || i.state !== "failed");
}

/** The items to send now, oldest first (captures reach the board in the order they were made). */
export function sendable(items: readonly OutboxItem[]): OutboxItem[] {
  return items.filter((i) => i.state === "queued");
}

/** Reads a stored outbox defensively: anything malformed is dropped rather than breaking the page. */
export function parseStored(raw: string | null): OutboxItem[] {
  if (!raw) return [];
  try {
    const value = JSON.parse(raw) as unknown;
    if (!Array.isArray(value)) return [];
    return value.filter(
      (i): i is OutboxItem =>
        typeof i === "object" &&
        i !== null &&
        typeof i.envelope?.id === "string" &&
        typeof i.envelope?.type === "string" &&
        (i.state === "queued" || i.state === "failed"),
    );
  } catch {
    return [];
  }
}

/** A v4 UUID from any source of random bytes: `crypto.randomUUID` exists only on https pages. */
export function uuidFromBytes(bytes: Uint8Array): string {
  const b = Array.from(bytes.slice(0, 16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = b.map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
