// Departmental forums (stage 3): limits and the pure rules that decide what may happen at a worktable.
// No zod here: the facilitator's phone page imports this file and must stay light.

export const CAPTURE_TEXT_MAX = 2_000;
export const TAG_MAX_LENGTH = 40;
export const TAGS_MAX = 10;
export const HEAD_COUNT_MAX = 500;

/**
 * A capture queued on a phone while the forum was open may reach the server after the forum closed.
 * It is still taken if the device says it was made before closing and it arrives within this window.
 */
export const LATE_SYNC_GRACE_HOURS = 24;

export const FORUM_STATUSES = ["pending", "open", "closed"] as const;
export type ForumStatus = (typeof FORUM_STATUSES)[number];

/** Worktable short codes avoid look-alikes (0/O, 1/I/L) so they can be read aloud and typed on a phone. */
export const SHORT_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const SHORT_CODE_LENGTH = 6;

export function makeShortCode(random: (n: number) => number): string {
  let code = "";
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) code += SHORT_CODE_ALPHABET[random(SHORT_CODE_ALPHABET.length)];
  return code;
}

/** Short codes are typed by people: accept lower case, spaces and dashes. */
export function normalizeShortCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, "");
}

/** Tags as facilitators type them ("Salud, salud ,agua") become a clean, de-duplicated list. */
export function normalizeTags(raw: readonly string[] | string): string[] {
  const parts = typeof raw === "string" ? raw.split(/[,;#\n]/) : raw;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of parts) {
    const tag = part.trim().replace(/\s+/g, " ").toLocaleLowerCase("es");
    if (!tag || seen.has(tag)) continue;
    seen.add(tag);
    out.push(tag);
  }
  return out;
}

export type ForumTransition = { ok: true; status: ForumStatus } | { ok: false; reason: "already_open" | "already_closed" | "not_open" };

/** A forum opens from pending or closed (it may be reopened) and closes only when open. */
export function forumTransition(from: ForumStatus, to: "open" | "closed"): ForumTransition {
  if (to === "open") return from === "open" ? { ok: false, reason: "already_open" } : { ok: true, status: "open" };
  if (from === "closed") return { ok: false, reason: "already_closed" };
  if (from !== "open") return { ok: false, reason: "not_open" };
  return { ok: true, status: "closed" };
}

export interface ForumTiming {
  status: ForumStatus;
  closed_at: string | null;
}

export type CaptureDecision = { ok: true; late: boolean } | { ok: false; reason: "forum_pending" | "forum_closed" };

/**
 * Whether a new capture is taken: always while the forum is open; after it closed only when the device
 * captured it before closing and it syncs within the grace window (a phone that was offline at the end).
 */
export function mayCapture(forum: ForumTiming, now: string, capturedAt?: string | null): CaptureDecision {
  if (forum.status === "open") return { ok: true, late: false };
  if (forum.status === "pending") return { ok: false, reason: "forum_pending" };
  if (capturedAt && forum.closed_at && capturedAt <= forum.closed_at) {
    const graceEnds = Date.parse(forum.closed_at) + LATE_SYNC_GRACE_HOURS * 3_600_000;
    if (Date.parse(now) <= graceEnds) return { ok: true, late: true };
  }
  return { ok: false, reason: "forum_closed" };
}

export type ChangeDecision = { ok: true } | { ok: false; reason: "not_own" | "forum_not_open" | "withdrawn" | "summarized" };

/**
 * A facilitator edits or withdraws only their own captures, only while the forum is open, and not once a
 * systematizer has taken the capture up in a summary (the summary would silently change meaning).
 */
export function mayChangeCapture(
  input: { captured_by: string | null; status: string; summaryId: string | null },
  forum: { status: ForumStatus },
  userId: string,
): ChangeDecision {
  if (input.captured_by !== userId) return { ok: false, reason: "not_own" };
  if (forum.status !== "open") return { ok: false, reason: "forum_not_open" };
  if (input.status === "withdrawn") return { ok: false, reason: "withdrawn" };
  if (input.summaryId) return { ok: false, reason: "summarized" };
  return { ok: true };
}
