// A command fails with one of these; adapters turn it into an HTTP status or a socket ack.
export type ErrorCode =
  "invalid" | "unknown_command" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "stage_closed" | "too_large" | "rate_limited";

export const STATUS_OF: Record<ErrorCode, number> = {
  invalid: 400,
  unknown_command: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stage_closed: 409,
  too_large: 413,
  rate_limited: 429,
};

export interface Issue {
  path: Array<string | number>;
  code: string;
  message: string;
}

export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Translation key of the message (app/i18n). */
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
    readonly issues?: Issue[],
  ) {
    super(messageKey);
  }
  get status(): number {
    return STATUS_OF[this.code];
  }
}

export const notFound = (what: string) => new CommandError("not_found", "error.not_found", { what });
export const forbidden = () => new CommandError("forbidden", "error.forbidden");
export const conflict = (key: string, params: Record<string, string | number> = {}) => new CommandError("conflict", key, params);
