// Stepped bars, one per funnel column, rendered on the server (no script, no chart library): a light bar for the
// proposals that entered the column and a dark one for those alive there now. Each bar is a link to the proposals
// behind it, and its text says the figure, so the chart reads without seeing it.
import { Link } from "@remix-run/react";
import { isMessageKey, type MessageKey } from "../../i18n";
import { useT } from "../../i18n/react";
import type { ColumnState } from "../../domain/funnel-view";
import { columnStateText, figureHref } from "./state";

export interface ChartColumn {
  key: string;
  entered: number;
  now: number;
  state: ColumnState;
}

export function stageLabel(t: ReturnType<typeof useT>, key: string): string {
  return isMessageKey(`funnel.${key}`) ? t(`funnel.${key}` as MessageKey) : key;
}

function Bar({ base, stage, at, value, max, label }: { base: string; stage: string; at: "entered" | "now"; value: number; max: number; label: string }) {
  // The bar takes the space left by the figure (7.5rem), in proportion to the largest figure of the chart.
  const width = `calc((100% - 7.5rem) * ${max > 0 ? (value / max).toFixed(4) : 0})`;
  const content = (
    <>
      <span className={`fbar fbar-${at}`} style={{ width }} aria-hidden="true" />
      <span className="fbar-num" data-testid={`chart-${stage}-${at}`}>
        {value}
      </span>
      <span className="fbar-what">{label}</span>
    </>
  );
  return value > 0 ? (
    <Link className={`fbar-row fbar-link`} to={figureHref(base, stage, null, at)}>
      {content}
    </Link>
  ) : (
    <span className="fbar-row">{content}</span>
  );
}

export function FunnelChart({ base, columns }: { base: string; columns: ChartColumn[] }) {
  const t = useT();
  const max = Math.max(0, ...columns.map((c) => Math.max(c.entered, c.now)));
  return (
    <figure className="funnel-chart" data-testid="funnel-chart">
      <figcaption>{t("public_funnel.chart_title")}</figcaption>
      <ol className="fchart">
        {columns.map((c) => {
          const state = columnStateText(t, c.state);
          return (
            <li key={c.key} className="fchart-step" data-stage={c.key}>
              <p className="fchart-label">
                <strong>{stageLabel(t, c.key)}</strong>
                {state ? (
                  <span className="muted small" data-testid={`chart-${c.key}-state`}>
                    {" "}
                    — {state}
                  </span>
                ) : null}
              </p>
              <Bar base={base} stage={c.key} at="entered" value={c.entered} max={max} label={t("public_funnel.entered")} />
              <Bar base={base} stage={c.key} at="now" value={c.now} max={max} label={t("public_funnel.now")} />
            </li>
          );
        })}
      </ol>
      <p className="muted small">{t("public_funnel.legend")}</p>
    </figure>
  );
}
