// Turning command outcomes into the API envelope, in the caller's language.
import { translate, type Lang } from "../../app/i18n";
import type { Outcome } from "../commands/bus.server";
import { CommandError } from "../commands/errors";

export interface ErrorBody {
  ok: false;
  error: { code: string; message: string; issues?: unknown[] };
}

export function errorBody(error: CommandError, lang: Lang): ErrorBody {
  return {
    ok: false,
    error: {
      code: error.code,
      message: translate(lang, error.messageKey, error.params),
      ...(error.issues ? { issues: error.issues } : {}),
    },
  };
}

export function outcomeResponse(outcome: Outcome, lang: Lang): { status: number; body: unknown } {
  if (outcome.ok) return { status: 200, body: { ok: true, result: outcome.result, ...(outcome.replayed ? { replayed: true } : {}) } };
  return { status: outcome.error.status, body: errorBody(outcome.error, lang) };
}
