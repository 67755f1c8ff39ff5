// Remix actions are thin adapters: a form post becomes a command envelope for the same bus as the API.
import { json, type AppLoadContext, type TypedResponse } from "@remix-run/node";
import { isMessageKey, translate } from "../i18n";
import type { ActionResult } from "./action-result";
import { readForm } from "./read-form.server";

const RESERVED = new Set(["_csrf", "_nonce", "intent", "confirm"]);

/** Commands a page's form runs only once its "Sí, cerrar…" box is ticked (`confirm=yes`): they stop participation. */
const CONFIRMED_BY_FORM = new Set(["stage.close", "forum.close"]);

export function formPayload(form: FormData): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (!RESERVED.has(key) && typeof value === "string") payload[key] = value;
  }
  return payload;
}

/**
 * Commands may word a field's issue as a translation key ("proposal.issue.required", "technical.issue.block_reason_required"),
 * with the error's parameters (the milestone cap's `max`): spelled out here, once, so pages show the text as it comes.
 */
function issueText(lang: AppLoadContext["lang"], message: string, params: Record<string, string | number>): string {
  return isMessageKey(message) ? translate(lang, message, params) : message;
}

/**
 * Reads the form, checks its CSRF token, runs `commands[intent]` and answers the outcome with its HTTP status.
 * Unknown intents are a 400, like unknown command types on the API.
 */
export async function handleCommandForm(
  request: Request,
  context: AppLoadContext,
  commands: Record<string, string>,
  extra: Record<string, unknown> = {},
): Promise<TypedResponse<ActionResult>> {
  const form = await readForm(request, context.lang);
  const intent = String(form.get("intent") ?? "");
  if (!context.checkCsrfOk(form)) {
    return json({ ok: false, intent, error: { code: "forbidden", message: translate(context.lang, "error.csrf") } }, { status: 403 });
  }
  const type = commands[intent];
  if (!type) {
    return json(
      { ok: false, intent, error: { code: "unknown_command", message: translate(context.lang, "error.unknown_command", { type: intent }) } },
      { status: 400 },
    );
  }
  if (CONFIRMED_BY_FORM.has(type) && form.get("confirm") !== "yes") {
    return json({ ok: false, intent, error: { code: "invalid", message: translate(context.lang, "admin.confirm_needed") } }, { status: 400 });
  }
  const payload = { ...formPayload(form), ...extra };
  const outcome = await context.run(type, payload, { nonce: String(form.get("_nonce") ?? "") || undefined });
  if (outcome.ok) return json({ ok: true, intent, result: outcome.result });
  const e = outcome.error;
  return json(
    {
      ok: false,
      intent,
      error: {
        code: e.code,
        message: translate(context.lang, e.messageKey, e.params),
        issues: e.issues?.map((i) => ({ ...i, message: issueText(context.lang, i.message, e.params) })),
      },
    },
    { status: e.status, headers: e.code === "rate_limited" ? { "Retry-After": String(e.params.seconds ?? 60) } : undefined },
  );
}
