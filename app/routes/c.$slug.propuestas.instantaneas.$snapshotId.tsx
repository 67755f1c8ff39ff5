// One funnel snapshot next to today's figures, per column and theme, and which proposals entered or left a figure
// since, with the commands recorded after the snapshot that named them (issue 10). Public, no personal data.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SnapshotWhat } from "../components/SnapshotWhat";
import { FUNNEL_STAGES } from "../domain/funnel";
import { useFormatDate, useT } from "../i18n/react";
import { publicConsultation, snapshotComparison } from "../lib/queries.server";
import { useCommandName } from "../components/CommandName";
import { TableScroll } from "../components/TableScroll";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.consultation.title} · Cocrea` : "Cocrea" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const view = await publicConsultation(context.db, params.slug!);
  const found = view ? await snapshotComparison(context.db, view.consultation.id, params.snapshotId!) : null;
  if (!view || !found) throw new Response("Not found", { status: 404 });
  return json({ consultation: { id: view.consultation.id, slug: view.consultation.slug, title: view.consultation.title }, ...found });
}

type Cell = { then: number; now: number };

function Figure({ cell, testId }: { cell: Cell; testId: string }) {
  const t = useT();
  const changed = cell.then !== cell.now;
  return (
    <span data-testid={testId} className={changed ? "changed" : undefined} title={`${t("snapshot.then")} → ${t("snapshot.now")}`}>
      {changed ? (
        <>
          <s>{cell.then}</s> → <strong>{cell.now}</strong>
        </>
      ) : (
        cell.then
      )}
    </span>
  );
}

export default function SnapshotPage() {
  const t = useT();
  const date = useFormatDate();
  const commandName = useCommandName();
  const { consultation, snapshot, themes, comparison, changes } = useLoaderData<typeof loader>();
  const base = `/c/${consultation.slug}/propuestas`;
  const rows = [...themes.map((th) => ({ key: th.id, name: th.name, cells: comparison.byTheme[th.id] }))].filter((r) => r.cells);
  return (
    <article className="snapshot">
      <header className="page-head">
        <p>
          <Link to={`${base}/instantaneas`}>{t("snapshot.back")}</Link>
        </p>
        <h1>{t("snapshot.detail_title", { date: date(snapshot.taken_at) })}</h1>
        <p>
          <SnapshotWhat s={snapshot} /> · <time dateTime={snapshot.taken_at}>{snapshot.taken_at}</time>
        </p>
      </header>
      <TableScroll label={t("snapshot.then_now")}>
        <table className="table funnel-table" data-testid="snapshot-table">
          <caption>{t("snapshot.then_now")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("public_funnel.theme")}</th>
              {FUNNEL_STAGES.map((s) => (
                <th scope="col" key={s}>
                  {t(`funnel.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.name}</th>
                {FUNNEL_STAGES.map((s) => (
                  <td key={s}>
                    <Figure cell={r.cells[s]} testId={`snap-${r.key}-${s}`} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("funnel.total")}</th>
              {FUNNEL_STAGES.map((s) => (
                <td key={s}>
                  <Figure cell={comparison.total[s]} testId={`snap-total-${s}`} />
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <section aria-labelledby="changes-h">
        <h2 id="changes-h">{t("snapshot.changes")}</h2>
        {changes.length === 0 ? (
          <p className="empty">{t("snapshot.no_changes")}</p>
        ) : (
          <ul className="list" data-testid="snapshot-changes">
            {changes.map((c) => (
              <li key={c.id}>
                <div data-testid={`change-${c.id}`}>
                  <Link to={`${base}/${c.id}`}>{c.title}</Link>
                  {c.state ? <span className={`badge badge-${c.state}`}> {t(`proposal.state.${c.state}` as "proposal.state.active")}</span> : null}
                  <p>
                    {[
                      ...FUNNEL_STAGES.filter((s) => comparison.total[s].entered.includes(c.id)).map((s) => t("snapshot.entered", { stage: `@funnel.${s}` })),
                      ...FUNNEL_STAGES.filter((s) => comparison.total[s].left.includes(c.id)).map((s) => t("snapshot.left", { stage: `@funnel.${s}` })),
                    ].join("; ")}
                  </p>
                  <p className="muted">
                    {t("snapshot.commands")}:{" "}
                    {c.commands.length
                      ? c.commands.map((cmd, i) => (
                          <span key={i}>
                            {i ? ", " : ""}
                            <span data-testid="command-type" data-type={cmd.type}>
                              {commandName(cmd.type)}
                            </span>{" "}
                            ({date(cmd.at)})
                          </span>
                        ))
                      : t("snapshot.no_commands")}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
