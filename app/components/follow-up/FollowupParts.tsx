// Pieces of the follow-up shown on the public page and the staff page alike: completion figures, a milestone's
// status, dates, lateness and evidence, and the history of reports (who — name and institution — and when).
import type { Completion, Lateness, ProgressStatus } from "../../domain/follow-up";
import { useFormatDate, useFormatDateTime, useFormatPercent, useT } from "../../i18n/react";

export function StatusBadge({ status }: { status: ProgressStatus }) {
  const t = useT();
  return <span className={`badge followup-status followup-${status}`}>{t(`followup.status.${status}`)}</span>;
}

export function LatenessText({ lateness }: { lateness: Lateness }) {
  const t = useT();
  const late = lateness.kind === "late" || lateness.kind === "done_late";
  const text =
    lateness.kind === "late" || lateness.kind === "done_late"
      ? t(`followup.lateness.${lateness.kind}`, { days: lateness.days, count: lateness.days })
      : t(`followup.lateness.${lateness.kind}`);
  return (
    <span className={late ? "followup-late" : "muted"} data-testid="lateness">
      {text}
    </span>
  );
}

/** "3 de 7 metas cumplidas · avance ponderado 52 % · nivel sustancial · 2 atrasadas", with a bar. */
export function CompletionFigures({ completion, label }: { completion: Completion; label: string }) {
  const t = useT();
  const percent = useFormatPercent();
  return (
    <dl className="followup-figures" data-testid="completion">
      <div>
        <dt>{t("followup.milestones")}</dt>
        <dd data-testid="complete-count">{t("followup.complete_count", { complete: completion.complete, count: completion.milestones })}</dd>
      </div>
      <div>
        <dt>{t("followup.progress_label")}</dt>
        <dd>
          <progress max={1} value={completion.progress} aria-label={`${label}: ${t("followup.progress_label")}`}>
            {percent(completion.progress, 0)}
          </progress>{" "}
          <span data-testid="progress">{percent(completion.progress, 0)}</span>
        </dd>
      </div>
      <div>
        <dt>{t("followup.level")}</dt>
        <dd data-testid="level">
          <StatusBadge status={completion.level} />
        </dd>
      </div>
      <div>
        <dt className="visually-hidden">{t("followup.late_count", { count: completion.late })}</dt>
        <dd data-testid="late-count" className={completion.late ? "followup-late" : "muted"}>
          {completion.late ? t("followup.late_count", { count: completion.late }) : t("followup.no_late")}
        </dd>
      </div>
    </dl>
  );
}

export function Period({ start, end }: { start: string | null; end: string | null }) {
  const t = useT();
  const date = useFormatDate();
  return <>{t("followup.period", { start: start ? date(start) : t("followup.no_date"), end: end ? date(end) : t("followup.no_date") })}</>;
}

export interface HistoryEntry {
  id: string;
  position: number;
  kind: "progress" | "evidence";
  status: string | null;
  actualStartOn: string | null;
  actualEndOn: string | null;
  evidenceUrl: string | null;
  note: string;
  milestoneDescription: string;
  authorName: string;
  authorInstitution: string;
  createdAt: string;
}

export function EvidenceLink({ url, description }: { url: string; description: string }) {
  return (
    <a href={url} rel="nofollow noopener noreferrer external" target="_blank">
      {description}
    </a>
  );
}

/** Newest first, as the query orders them; who is a name and an institution, never an e-mail. */
export function FollowupHistory({ entries, currentText }: { entries: readonly HistoryEntry[]; currentText: (position: number) => string | null }) {
  const t = useT();
  const date = useFormatDate();
  const dateTime = useFormatDateTime();
  if (entries.length === 0) return <p className="empty">{t("followup.no_history")}</p>;
  return (
    <ol className="followup-history" reversed>
      {entries.map((e) => {
        const who = e.authorInstitution ? `${e.authorName} (${e.authorInstitution})` : e.authorName;
        const changed = currentText(e.position) !== e.milestoneDescription;
        return (
          <li key={e.id} data-testid="history-entry">
            <time dateTime={e.createdAt}>{dateTime(e.createdAt)}</time> ·{" "}
            {e.kind === "progress" ? (
              <>
                {t("followup.history.progress", { who, n: e.position, status: t(`followup.status.${e.status as ProgressStatus}`) })}
                {e.actualStartOn ? <> {t("followup.started", { date: date(e.actualStartOn) })}.</> : null}
                {e.actualEndOn ? <> {t("followup.completed", { date: date(e.actualEndOn) })}.</> : null}
                {e.note ? <q className="followup-note">{e.note}</q> : null}
              </>
            ) : (
              <>
                {t("followup.history.evidence", { who, n: e.position })} <EvidenceLink url={e.evidenceUrl!} description={e.note} />
              </>
            )}
            {changed ? <small className="muted"> {t("followup.history.milestone_was", { text: e.milestoneDescription })}</small> : null}
          </li>
        );
      })}
    </ol>
  );
}
