// Field errors of a command: issues from the server name a path and carry their text, already in the reader's
// language (app/lib/command-form.server.ts spells out the translation keys commands use).
import type { Translate } from "../../i18n";
import type { ActionResult } from "../../lib/action-result";

/** The error text for one dotted field name (e.g. `result.milestones.0.description`), or null. */
export function fieldError(_t: Translate, result: ActionResult | undefined, intent: string, name: string): string | null {
  if (!result || result.ok || result.intent !== intent) return null;
  const issues = (result.error.issues ?? []).filter((i) => i.path.join(".") === name);
  return issues.length ? issues.map((i) => i.message).join(" ") : null;
}
