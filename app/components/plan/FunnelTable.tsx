// How many proposals remained at each stage, per theme: the table the plan starts with (entered figures).
import type { MessageKey } from "../../i18n";
import { useT } from "../../i18n/react";
import { TableScroll } from "../TableScroll";

export interface FunnelTableData {
  columns: readonly string[];
  themes: ReadonlyArray<{ name: string; entered: readonly number[] }>;
  total: readonly number[];
}

export function FunnelTable({ funnel }: { funnel: FunnelTableData }) {
  const t = useT();
  if (funnel.themes.length === 0) return <p className="empty">{t("plan.funnel_empty")}</p>;
  return (
    <TableScroll label={t("plan.funnel_title")}>
      <table className="plan-funnel" data-testid="plan-funnel">
        <thead>
          <tr>
            <th scope="col">{t("plan.funnel_theme")}</th>
            {funnel.columns.map((c) => (
              <th key={c} scope="col" className="num">
                {t(`funnel.${c}` as MessageKey)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {funnel.themes.map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              {row.entered.map((n, i) => (
                <td key={i} className="num">
                  {n}
                </td>
              ))}
            </tr>
          ))}
          <tr className="total">
            <th scope="row">{t("plan.funnel_total")}</th>
            {funnel.total.map((n, i) => (
              <td key={i} className="num">
                <strong>{n}</strong>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </TableScroll>
  );
}
