// Field errors of a command: issues from the server name a path and carry a zod message or a translation key.
import { isMessageKey } from "../../i18n";
import type { Translate } from "../../i18n";
import type { ActionResult } from "../../lib/action-result";

/** The error text for one dotted field name (e.g. `result.milestones.0.description`), or null. */
export function fieldError(t: Translate, result: ActionResult | undefined, intent: string, name: string): string | null {
  if (!result || result.ok || result.intent !== intent) return null;
  const issues = (result.error.issues ?? []).filter((i) => i.path.join(".") === name);
  if (!issues.length) return null;
  return issues
    .map((i) => {
      if (!isMessageKey(i.message)) return i.message;
      const text = t(i.message);
      // Keys with parameters (the milestone cap) are spelled out in the form's main error message.
      return text.includes("{") ? result.error.message : text;
    })
    .join(" ");
}
