// Roundtable forms post the nested OGP template with dotted field names (`milestones.0.description`); this adapter
// nests them and hands the payload to the same command path as every other form.
import type { AppLoadContext, TypedResponse } from "@remix-run/node";
import { nestFormFields } from "../domain/schemas/nested-form";
import type { ActionResult } from "./action-result";
import { formPayload, handleCommandForm } from "./command-form.server";
import { readForm } from "./read-form.server";

export async function handleRoundtableForm(
  request: Request,
  context: AppLoadContext,
  intents: Record<string, string>,
  extra: Record<string, unknown> = {},
): Promise<TypedResponse<ActionResult>> {
  const nested = nestFormFields(formPayload(await readForm(request, context.lang)), { ignoreInBlankRows: ["isNew"] });
  return handleCommandForm(request, context, intents, { ...nested, ...extra });
}
