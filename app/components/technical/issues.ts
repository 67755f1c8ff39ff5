// Field errors of the technical roundtable's commands carry translation keys ("technical.issue.block_reason_required"):
// spell them out before the shared form pieces show them.
import { isMessageKey, type Translate } from "../../i18n";
import type { ActionResult } from "../../lib/action-result";

export function translatedResult(t: Translate, result: ActionResult | undefined): ActionResult | undefined {
  if (!result || result.ok || !result.error.issues) return result;
  return { ...result, error: { ...result.error, issues: result.error.issues.map((i) => (isMessageKey(i.message) ? { ...i, message: t(i.message) } : i)) } };
}
