// Label, "optional" marker, hint and errors around any control, so selects and textareas match the shared Field.
import type { ReactNode } from "react";
import { useT } from "../../i18n/react";
import type { ActionResult, FieldIssue } from "../../lib/action-result";

/** A form action's answer, plus what was typed when it failed (a page re-rendered without JavaScript keeps it). */
export type IntakeResult = ActionResult & { values?: Record<string, string> };

/** Issues of a form's fields, several schema paths landing on one control (the "about" select covers three). */
export function issuesByField(result: IntakeResult | undefined, intent: string, alias: Record<string, string> = {}): Record<string, FieldIssue[]> {
  const out: Record<string, FieldIssue[]> = {};
  if (!result || result.ok || result.intent !== intent) return out;
  for (const issue of result.error.issues ?? []) {
    const field = alias[String(issue.path[0])] ?? String(issue.path[0]);
    (out[field] ??= []).push(issue);
  }
  return out;
}

/** The id of a control's hint (what aria-describedby points at). */
export const hintId = (id: string) => `${id}-hint`;

export function FieldShell(props: { id: string; label: string; optional?: boolean; hint?: ReactNode; issues?: FieldIssue[]; children: ReactNode }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={props.id}>
        {props.label}
        {props.optional ? <span className="optional"> ({t("common.optional")})</span> : null}
      </label>
      {props.children}
      {props.hint ? (
        <small className="hint" id={hintId(props.id)}>
          {props.hint}
        </small>
      ) : null}
      {props.issues?.length ? (
        <small className="field-error" id={`${props.id}-error`} data-testid={`error-${props.id}`}>
          {props.issues.map((i) => i.message).join(" ")}
        </small>
      ) : null}
    </div>
  );
}

/** aria attributes tying a control to its hint and errors. */
export function describedBy(id: string, issues: FieldIssue[] | undefined, hasHint = false) {
  const ids = [hasHint ? hintId(id) : null, issues?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return { "aria-invalid": issues?.length ? true : undefined, "aria-describedby": ids || undefined };
}
