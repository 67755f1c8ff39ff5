// Form actions of the intake pages: the shared command-form adapter, plus two things a page without
// JavaScript needs: issue messages in the reader's language (cross-field rules carry translation keys)
// and, when the command fails, what was typed, so the re-rendered form keeps it.
import { json, type AppLoadContext } from "@remix-run/node";
import { isMessageKey, translate } from "../i18n";
import type { ActionResult, FieldIssue } from "./action-result";
import { handleCommandForm } from "./command-form.server";
import { readForm } from "./read-form.server";

const NOT_ECHOED = new Set(["_csrf", "_nonce", "intent", "website"]);
/** Fields that are picked from a list: zod's "expected one of …" would show internal values, so say it plainly. */
const CHOICES = new Set(["subject", "axis", "themeId", "department", "sector", "ageRange", "gender", "indigenousLanguage"]);

function readable(issue: FieldIssue & { code?: string }, lang: AppLoadContext["lang"]): FieldIssue {
  if (isMessageKey(issue.message)) return { ...issue, message: translate(lang, issue.message) };
  if (CHOICES.has(String(issue.path[0])) && (issue.code === "invalid_value" || issue.code === "invalid_type" || issue.code === "invalid_format")) {
    return { ...issue, message: translate(lang, "intake.error.choose") };
  }
  return issue;
}

export async function handleIntakeForm(
  request: Request,
  context: AppLoadContext,
  commands: Record<string, string>,
  extra: (intent: string) => Record<string, unknown> = () => ({}),
) {
  const form = await readForm(request, context.lang);
  const intent = String(form.get("intent") ?? "");
  const response = await handleCommandForm(request, context, commands, extra(intent));
  const body = (await response.json()) as ActionResult;
  if (body.ok) return json(body);
  const issues = body.error.issues?.map((i: FieldIssue) => readable(i, context.lang));
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !NOT_ECHOED.has(key)) values[key] = value;
  // Keep the adapter's headers: a 429 carries Retry-After, as the JSON API's does.
  return json({ ...body, error: { ...body.error, ...(issues ? { issues } : {}) }, values }, { status: response.status, headers: response.headers });
}
