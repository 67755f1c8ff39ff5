// Form actions of the intake pages: the shared command-form adapter, plus two things a page without
// JavaScript needs: issue messages in the reader's language (cross-field rules carry translation keys)
// and, when the command fails, what was typed, so the re-rendered form keeps it.
import { json, type AppLoadContext } from "@remix-run/node";
import { isMessageKey, translate } from "../i18n";
import type { ActionResult, FieldIssue } from "./action-result";
import { handleCommandForm } from "./command-form.server";

const NOT_ECHOED = new Set(["_csrf", "_nonce", "intent", "website"]);

export async function handleIntakeForm(
  request: Request,
  context: AppLoadContext,
  commands: Record<string, string>,
  extra: (intent: string) => Record<string, unknown> = () => ({}),
) {
  const form = await request.clone().formData();
  const intent = String(form.get("intent") ?? "");
  const response = await handleCommandForm(request, context, commands, extra(intent));
  const body = (await response.json()) as ActionResult;
  if (body.ok) return json(body);
  const issues = body.error.issues?.map((i: FieldIssue) => ({ ...i, message: isMessageKey(i.message) ? translate(context.lang, i.message) : i.message }));
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !NOT_ECHOED.has(key)) values[key] = value;
  return json({ ...body, error: { ...body.error, ...(issues ? { issues } : {}) }, values }, { status: response.status });
}
