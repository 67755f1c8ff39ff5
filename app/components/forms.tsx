// Form pieces shared by every page: CSRF and nonce fields, labelled inputs and errors next to fields.
import { useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "../i18n/react";
import type { ActionResult, FieldIssue } from "../lib/action-result";

interface RootData {
  csrfToken: string;
  nonce: string;
}

export function useRootData(): RootData {
  return (useRouteLoaderData("root") as RootData | undefined) ?? { csrfToken: "", nonce: "" };
}

/** Hidden fields every state-changing form carries: CSRF token, the page nonce (idempotency) and the intent. */
export function FormBasics({ intent }: { intent: string }) {
  const { csrfToken, nonce } = useRootData();
  return (
    <>
      <input type="hidden" name="_csrf" value={csrfToken} />
      <input type="hidden" name="_nonce" value={nonce} />
      <input type="hidden" name="intent" value={intent} />
    </>
  );
}

export function issuesFor(result: ActionResult | undefined, intent: string, field: string): FieldIssue[] {
  if (!result || result.ok || result.intent !== intent) return [];
  return (result.error.issues ?? []).filter((i) => String(i.path[0]) === field);
}

export function FormError({ result, intent }: { result: ActionResult | undefined; intent: string }) {
  if (!result || result.ok || result.intent !== intent) return null;
  return (
    <p className="form-error" role="alert">
      {result.error.message}
    </p>
  );
}

interface FieldProps {
  name: string;
  label: string;
  intent: string;
  result?: ActionResult;
  hint?: string;
  optional?: boolean;
  children?: ReactNode;
  type?: string;
  defaultValue?: string | number | null;
  required?: boolean;
  multiline?: boolean;
  min?: number;
  max?: number;
  /** For number inputs: "any" when the prefilled value may carry decimals (the browser blocks a value off the step). */
  step?: number | "any";
  id?: string;
}

/** A labelled input (or textarea, or the select passed as children) with its errors beneath. */
export function Field(props: FieldProps) {
  const t = useT();
  const id = props.id ?? `${props.intent}-${props.name}`;
  const issues = issuesFor(props.result, props.intent, props.name);
  const errorId = issues.length ? `${id}-error` : undefined;
  const common = {
    id,
    name: props.name,
    defaultValue: props.defaultValue ?? undefined,
    required: props.required,
    "aria-invalid": issues.length ? true : undefined,
    "aria-describedby": errorId,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {props.optional ? <span className="optional"> ({t("common.optional")})</span> : null}
      </label>
      {props.children ??
        (props.multiline ? (
          <textarea {...common} rows={4} />
        ) : (
          <input {...common} type={props.type ?? "text"} min={props.min} max={props.max} step={props.step} />
        ))}
      {props.hint ? <small className="hint">{props.hint}</small> : null}
      {issues.length ? (
        <small className="field-error" id={errorId}>
          {issues.map((i) => i.message).join(" ")}
        </small>
      ) : null}
    </div>
  );
}
