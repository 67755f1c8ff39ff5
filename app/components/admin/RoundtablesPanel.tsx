// The dashboard's thematic roundtables: one row per theme with the counts per funnel stage (derived from the
// records, live), the state of its rounds and a link to each table's live session.
import { Link } from "@remix-run/react";
import { FUNNEL_STAGES } from "../../domain/funnel";
import { useT } from "../../i18n/react";
import type { Overview } from "../roundtables/types";
import { CommandButton } from "./CommandForm";
import { TableScroll } from "../TableScroll";

export const ROUNDTABLE_INTENTS: Record<string, string> = { roundtable_create: "roundtable.create" };

/** The columns of the 2016 table that thematic roundtables fill; later stages appear once something reaches them. */
function shownStages(overview: Overview) {
  return FUNNEL_STAGES.filter((s, i) => i < 2 || overview.counts.total[s].entered > 0);
}

export function RoundtablesPanel({ overview, consultationId, canEdit }: { overview: Overview; consultationId: string; canEdit: boolean }) {
  const t = useT();
  const stages = shownStages(overview);
  const themes = overview.themes.filter((th) => !th.archived || th.roundtable);
  return (
    <section className="panel roundtables-panel" aria-labelledby="roundtables-h">
      <h2 id="roundtables-h">{t("roundtable.panel")}</h2>
      <p className="hint">{t("roundtable.panel_hint")}</p>
      <TableScroll label={t("roundtable.panel")}>
        <table className="table" data-testid="funnel">
          <thead>
            <tr>
              <th scope="col">{t("roundtable.theme")}</th>
              {stages.map((s) => (
                <th scope="col" key={s}>
                  {t(`funnel.${s}`)}
                </th>
              ))}
              <th scope="col">{t("funnel.now")}</th>
              <th scope="col">{t("roundtable.rounds")}</th>
            </tr>
          </thead>
          <tbody>
            {themes.map((th) => {
              const counts = overview.counts.byTheme[th.id];
              const now = counts ? Object.values(counts).reduce((n, c) => n + c.now, 0) : 0;
              const open = th.roundtable?.rounds.find((r) => r.status === "open");
              return (
                <tr key={th.id} data-theme-id={th.id}>
                  <th scope="row">{th.roundtable ? <Link to={`/admin/c/${consultationId}/roundtables/${th.roundtable.id}`}>{th.name}</Link> : th.name}</th>
                  {stages.map((s) => (
                    <td key={s} data-testid={`funnel-${s}`}>
                      {counts?.[s].entered ?? 0}
                    </td>
                  ))}
                  <td data-testid="funnel-now">{now}</td>
                  <td>
                    {th.roundtable ? (
                      <>
                        {open ? t("roundtable.round", { number: open.number }) + ` (${t("roundtable.round_status.open")})` : `${th.roundtable.rounds.length}`} ·{" "}
                        <Link to={`/admin/c/${consultationId}/roundtables/${th.roundtable.id}`}>{t("roundtable.open_session")}</Link>
                      </>
                    ) : canEdit && !th.archived ? (
                      <CommandButton intent="roundtable_create" hidden={{ consultationId, themeId: th.id }} label={t("roundtable.create")} className="link" />
                    ) : (
                      <span className="muted">{t("roundtable.none")}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("funnel.total")}</th>
              {stages.map((s) => (
                <td key={s} data-testid={`funnel-total-${s}`}>
                  {overview.counts.total[s].entered}
                </td>
              ))}
              <td>{Object.values(overview.counts.total).reduce((n, c) => n + c.now, 0)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </section>
  );
}
