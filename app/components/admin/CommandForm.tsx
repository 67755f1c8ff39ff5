// Staff forms post with a fetcher: no reload, per-form pending state and errors next to the form.
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useT } from "../../i18n/react";
import type { ActionResult } from "../../lib/action-result";
import { FormBasics, FormError } from "../forms";

export function useCommandFetcher(key?: string) {
  return useFetcher<ActionResult>(key ? { key } : undefined);
}

interface CommandFormProps {
  intent: string;
  hidden?: Record<string, string>;
  children: (result: ActionResult | undefined) => ReactNode;
  submitLabel: string;
  className?: string;
  resetOnSuccess?: boolean;
  onSuccess?: (result: ActionResult) => void;
}

export function CommandForm({ intent, hidden = {}, children, submitLabel, className, resetOnSuccess, onSuccess }: CommandFormProps) {
  const t = useT();
  const fetcher = useCommandFetcher();
  const form = useRef<HTMLFormElement>(null);
  const result = fetcher.data;
  useEffect(() => {
    if (fetcher.state === "idle" && result?.ok) {
      if (resetOnSuccess) form.current?.reset();
      onSuccess?.(result);
    }
  }, [fetcher.state, result]); // eslint-disable-line react-hooks/exhaustive-deps
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post" ref={form} className={className ?? "stack"}>
      <FormBasics intent={intent} />
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <FormError result={result} intent={intent} />
      {children(result)}
      <button type="submit" disabled={busy} aria-busy={busy}>
        {busy ? t("common.saving") : submitLabel}
      </button>
    </fetcher.Form>
  );
}

/**
 * A single button that runs one command (open a stage, archive a theme…). With `confirm`, a required checkbox so
 * labelled ("Sí, cerrar la etapa") must be ticked first: the browser asks for it without JavaScript too, and the
 * action refuses the post without `confirm=yes`.
 */
export function CommandButton({
  intent,
  hidden,
  label,
  className,
  confirm,
}: {
  intent: string;
  hidden: Record<string, string>;
  label: string;
  className?: string;
  confirm?: string;
}) {
  const fetcher = useCommandFetcher();
  const busy = fetcher.state !== "idle";
  const result = fetcher.data;
  return (
    <fetcher.Form method="post" className={confirm ? "inline confirm" : "inline"}>
      <FormBasics intent={intent} />
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {confirm ? (
        <label className="check">
          <input type="checkbox" name="confirm" value="yes" required /> {confirm}
        </label>
      ) : null}
      <button type="submit" className={className} disabled={busy} aria-busy={busy}>
        {label}
      </button>
      {result && !result.ok ? (
        <span className="form-error" role="alert">
          {result.error.message}
        </span>
      ) : null}
    </fetcher.Form>
  );
}
