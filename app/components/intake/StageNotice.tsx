// Whether the online intake is open, and when it opens or closed (the page says so instead of a dead form).
import { useFormatDate, useT } from "../../i18n/react";
import { islandPart } from "./island-hooks";

export interface IntakeStage {
  status: string;
  starts_on: string | null;
  ends_on: string | null;
  opened_at: string | null;
  closed_at: string | null;
}

export function StageNotice({ stage }: { stage: IntakeStage | null }) {
  const t = useT();
  const date = useFormatDate();
  if (stage?.status === "open") {
    return stage.ends_on ? (
      <p className="intake-open" data-testid="intake-stage" {...islandPart("stage")}>
        {t("intake.open_until", { date: date(stage.ends_on) })}
      </p>
    ) : null;
  }
  if (stage?.status === "closed") {
    const closedOn = stage.closed_at ?? stage.ends_on;
    return (
      <div className="intake-notice" role="status" data-testid="intake-stage" {...islandPart("stage")}>
        <p>
          <strong>{t("intake.closed_closed")}</strong>
        </p>
        {closedOn ? <p>{t("intake.closed_closed_date", { date: date(closedOn) })}</p> : null}
      </div>
    );
  }
  return (
    <div className="intake-notice" role="status" data-testid="intake-stage" {...islandPart("stage")}>
      <p>
        <strong>{t("intake.closed_pending")}</strong>
      </p>
      <p>{stage?.starts_on ? t("intake.closed_pending_date", { date: date(stage.starts_on) }) : t("intake.closed_pending_nodate")}</p>
    </div>
  );
}
