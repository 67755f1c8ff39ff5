// Whether the online intake takes opinions today, and until when, or when it opens or closed (the page says so
// instead of a dead form). `state` is the stage on today's date (app/domain/phases.ts stageStateOn): an intake
// opened but past its end date reads closed, the same answer the command gives.
import type { StageStateOn } from "../../domain/phases";
import { useFormatDate, useT } from "../../i18n/react";
import { islandPart } from "./island-hooks";

export function StageNotice({ state }: { state: StageStateOn | null }) {
  const t = useT();
  const date = useFormatDate();
  if (state?.status === "open") {
    return state.on ? (
      <p className="intake-open" data-testid="intake-stage" {...islandPart("stage")}>
        {t("intake.open_until", { date: date(state.on) })}
      </p>
    ) : null;
  }
  if (state?.status === "closed") {
    return (
      <div className="intake-notice" role="status" data-testid="intake-stage" {...islandPart("stage")}>
        <p>
          <strong>{t("intake.closed_closed")}</strong>
        </p>
        {state.on ? <p>{t("stage.closed_on_opinion_intake", { date: date(state.on) })}</p> : null}
      </div>
    );
  }
  return (
    <div className="intake-notice" role="status" data-testid="intake-stage" {...islandPart("stage")}>
      <p>
        <strong>{t("intake.closed_pending")}</strong>
      </p>
      <p>{state?.on ? t("stage.opens_on_opinion_intake", { date: date(state.on) }) : t("intake.closed_pending_nodate")}</p>
    </div>
  );
}
