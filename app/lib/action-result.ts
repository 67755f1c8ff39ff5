// What a form action answers: the page shows it next to the form that sent it (with or without JavaScript).
export interface FieldIssue {
  path: Array<string | number>;
  message: string;
}

export type ActionResult =
  { ok: true; intent: string; result?: unknown } | { ok: false; intent: string; error: { code: string; message: string; issues?: FieldIssue[] } };
