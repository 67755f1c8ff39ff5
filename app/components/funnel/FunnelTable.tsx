// The funnel per theme: for every column, how many proposals entered it and how many are still there now, each
// figure a link to the proposals behind it. A table on wide screens; on a phone each theme stacks as a card.
import { Link } from "@remix-run/react";
import type { ColumnState, ThemeRounds } from "../../domain/funnel-view";
import { useT } from "../../i18n/react";
import { stageLabel } from "./FunnelChart";
import { columnStateText, figureHref, roundsText } from "./state";

export interface TableColumn {
  key: string;
  entered: number;
  now: number;
  state: ColumnState;
  byTheme: Record<string, { entered: number; now: number }>;
}

function Figure({
  base,
  stage,
  themeId,
  at,
  value,
  label,
}: {
  base: string;
  stage: string;
  themeId: string | null;
  at: "entered" | "now";
  value: number;
  label: string;
}) {
  const testId = at === "entered" ? `funnel-${themeId ?? "total"}-${stage}` : `funnel-now-${themeId ?? "total"}-${stage}`;
  return (
    <span className={`fig fig-${at}`}>
      {value === 0 ? (
        <span className="muted" data-testid={testId}>
          0
        </span>
      ) : (
        <Link to={figureHref(base, stage, themeId, at)} data-testid={testId}>
          {value}
        </Link>
      )}{" "}
      <span className="muted small">{label}</span>
    </span>
  );
}

export function FunnelTable({
  base,
  themes,
  columns,
}: {
  base: string;
  themes: Array<{ id: string; name: string; rounds: ThemeRounds }>;
  columns: TableColumn[];
}) {
  const t = useT();
  const entered = t("public_funnel.entered");
  const now = t("public_funnel.now");
  const cells = (themeId: string | null) =>
    columns.map((c) => {
      const v = themeId ? (c.byTheme[themeId] ?? { entered: 0, now: 0 }) : c;
      return (
        <td key={c.key} data-label={stageLabel(t, c.key)}>
          <Figure base={base} stage={c.key} themeId={themeId} at="entered" value={v.entered} label={entered} />
          <Figure base={base} stage={c.key} themeId={themeId} at="now" value={v.now} label={now} />
        </td>
      );
    });
  return (
    <table className="table funnel-table" data-testid="funnel-table">
      <caption>{t("public_funnel.table_caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("public_funnel.theme")}</th>
          {columns.map((c) => {
            const state = columnStateText(t, c.state);
            return (
              <th scope="col" key={c.key}>
                {stageLabel(t, c.key)}
                {state ? <span className="fstate muted small">{state}</span> : null}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {themes.map((th) => (
          <tr key={th.id} data-testid={`funnel-row-${th.id}`}>
            <th scope="row">
              {th.name}
              <span className="fstate muted small" data-testid={`funnel-rounds-${th.id}`}>
                {roundsText(t, th.rounds)}
              </span>
            </th>
            {cells(th.id)}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("funnel.total")}</th>
          {cells(null)}
        </tr>
      </tfoot>
    </table>
  );
}
