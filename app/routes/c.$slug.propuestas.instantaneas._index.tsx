// Funnel snapshots (issue 10): the figures recorded whenever a stage, a technical session or a thematic table's last
// round closed, each opening a comparison with today's. Public, no personal data; works without JavaScript.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SnapshotWhat } from "../components/SnapshotWhat";
import { FUNNEL_STAGES } from "../domain/funnel";
import { useFormatDate, useT } from "../i18n/react";
import { funnelSnapshots, publicConsultation } from "../lib/queries.server";
import { TableScroll } from "../components/TableScroll";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.consultation.title} · Cocrea` : "Cocrea" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const view = await publicConsultation(context.db, params.slug!);
  if (!view) throw new Response("Not found", { status: 404 });
  const snapshots = await funnelSnapshots(context.db, view.consultation.id);
  return json({ consultation: { id: view.consultation.id, slug: view.consultation.slug, title: view.consultation.title }, snapshots: snapshots.reverse() });
}

export default function Snapshots() {
  const t = useT();
  const date = useFormatDate();
  const { consultation, snapshots } = useLoaderData<typeof loader>();
  const base = `/c/${consultation.slug}/propuestas`;
  return (
    <article className="snapshots">
      <header className="page-head">
        <p>
          <Link to={`/c/${consultation.slug}`}>{consultation.title}</Link> · <Link to={base}>{t("public_funnel.back")}</Link>
        </p>
        <h1>{t("snapshot.title")}</h1>
        <p className="muted">{t("snapshot.intro")}</p>
      </header>
      {snapshots.length === 0 ? (
        <p className="empty">{t("snapshot.empty")}</p>
      ) : (
        <TableScroll label={t("snapshot.title")}>
          <table className="table" data-testid="snapshot-list">
            <thead>
              <tr>
                <th scope="col">{t("snapshot.when")}</th>
                <th scope="col">{t("snapshot.what")}</th>
                {FUNNEL_STAGES.map((s) => (
                  <th scope="col" key={s}>
                    {t(`funnel.${s}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {snapshots.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`${base}/instantaneas/${s.id}`}>{date(s.taken_at)}</Link>
                  </td>
                  <td>
                    <SnapshotWhat s={s} />
                  </td>
                  {FUNNEL_STAGES.map((st) => (
                    <td key={st}>{s.total[st]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </article>
  );
}
