// Hiding and restoring a citizen's text (an online opinion, a comment on the plan): the status changes, the row and
// its text stay, so the audit log and the hidden count keep it traceable. One rule for both kinds of text.
/** The statuses a citizen's text can be in: shown, hidden by moderation, withdrawn by whoever captured it. */
export const TEXT_STATUSES = ["visible", "hidden", "withdrawn"] as const;

export type ModerationResult =
  { ok: true; status: "hidden" | "visible"; reason: string | null } | { ok: false; messageKey: "intake.error.already_hidden" | "intake.error.not_hidden" };

/** Hide (`hidden` carries the reason) or restore (`hidden` is null) a text whose status is `current`. */
export function moderate(current: string, hidden: { reason: string } | null): ModerationResult {
  if (hidden) return current === "hidden" ? { ok: false, messageKey: "intake.error.already_hidden" } : { ok: true, status: "hidden", reason: hidden.reason };
  return current === "hidden" ? { ok: true, status: "visible", reason: null } : { ok: false, messageKey: "intake.error.not_hidden" };
}
