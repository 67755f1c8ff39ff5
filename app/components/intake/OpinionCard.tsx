// One published opinion: what it is about, the text exactly as typed (React escapes it: never HTML), where
// from and when; anyone may report it to the moderators.
import { useFetcher } from "@remix-run/react";
import { FormBasics } from "../forms";
import type { IntakeResult } from "./FieldShell";
import { opinionHooks } from "./island-hooks";
import { useFormatDateTime, useIntakeLabels } from "./labels";

export interface OpinionCardData {
  id: string;
  subject: string;
  axis: string | null;
  theme_name: string | null;
  text: string;
  department: string | null;
  created_at: string;
}

export function OpinionMeta({
  opinion,
}: {
  opinion: Pick<OpinionCardData, "subject" | "axis" | "theme_name" | "created_at"> & { department?: string | null };
}) {
  const L = useIntakeLabels();
  const date = useFormatDateTime();
  return (
    <p className="opinion-meta">
      <strong>{L.about({ subject: opinion.subject, axis: opinion.axis, themeName: opinion.theme_name })}</strong>
      {opinion.department ? ` · ${opinion.department}` : ""} ·{" "}
      <time dateTime={opinion.created_at} suppressHydrationWarning>
        {date(opinion.created_at)}
      </time>
    </p>
  );
}

/** `reportedHere`: the page was re-rendered after a report of this opinion sent without JavaScript. */
export function OpinionCard({ opinion, reportedHere }: { opinion: OpinionCardData; reportedHere?: boolean }) {
  const { t } = useIntakeLabels();
  const fetcher = useFetcher<IntakeResult>();
  const reported = reportedHere || (fetcher.data?.ok && fetcher.data.intent === "report");
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.error.message : null;
  return (
    <li className="opinion-card" data-testid="opinion" {...opinionHooks(opinion.id, Boolean(reported))}>
      <OpinionMeta opinion={opinion} />
      <p className="opinion-text">{opinion.text}</p>
      {reported ? (
        <p className="form-ok" role="status">
          {t("intake.reported")}
        </p>
      ) : (
        <details className="report">
          <summary>{t("intake.report")}</summary>
          <fetcher.Form method="post" className="stack">
            <FormBasics intent="report" />
            <input type="hidden" name="inputId" value={opinion.id} />
            <label htmlFor={`report-${opinion.id}`}>{t("intake.report_reason")}</label>
            <input id={`report-${opinion.id}`} name="reason" required minLength={3} maxLength={500} />
            {error ? (
              <p className="form-error" role="alert">
                {error}
              </p>
            ) : null}
            <button type="submit" disabled={fetcher.state !== "idle"}>
              {t("intake.report_submit")}
            </button>
          </fetcher.Form>
        </details>
      )}
    </li>
  );
}
