// How many proposals remain at each stage, per theme, live; every figure links to the proposals behind it.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FUNNEL_STAGES, isFunnelStage } from "../domain/funnel";
import { LiveBadge } from "../components/LiveBadge";
import { useT } from "../i18n/react";
import { funnelCounts, publicConsultation, publicProposals } from "../lib/queries.server";
import { useLiveConsultation } from "../live/useLive";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.consultation.title} · Cocrea` : "Cocrea" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const view = await publicConsultation(context.db, params.slug!);
  if (!view) throw new Response("Not found", { status: 404 });
  const id = view.consultation.id;
  const [counts, proposals] = await Promise.all([funnelCounts(context.db, id), publicProposals(context.db, id)]);
  const url = new URL(request.url);
  const stage = url.searchParams.get("stage");
  const theme = url.searchParams.get("theme");
  const filter = stage && isFunnelStage(stage) ? { stage, theme: theme && counts.byTheme[theme] ? theme : null } : null;
  const cell = filter ? (filter.theme ? counts.byTheme[filter.theme][filter.stage] : counts.total[filter.stage]) : null;
  const shown = cell ? proposals.filter((p) => cell.enteredIds.includes(p.id)) : proposals;
  const strip = (c: { entered: number; now: number }) => ({ entered: c.entered, now: c.now });
  return json({
    consultation: { id, slug: view.consultation.slug, title: view.consultation.title },
    themes: view.themes.map((th) => ({
      id: th.id,
      name: th.name,
      counts: Object.fromEntries(FUNNEL_STAGES.map((s) => [s, strip(counts.byTheme[th.id]?.[s] ?? { entered: 0, now: 0 })])),
    })),
    total: Object.fromEntries(FUNNEL_STAGES.map((s) => [s, strip(counts.total[s])])),
    filter,
    proposals: shown,
    registered: proposals.length,
  });
}

export default function PublicFunnel() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const live = useLiveConsultation(data.consultation.id);
  const { filter } = data;
  const base = `/c/${data.consultation.slug}/propuestas`;
  const themeName = (id: string | null) => data.themes.find((th) => th.id === id)?.name ?? t("public_funnel.all_themes");
  const cellLink = (stage: string, themeId: string | null, n: number) =>
    n === 0 ? <span className="muted">0</span> : <Link to={`${base}?stage=${stage}${themeId ? `&theme=${themeId}` : ""}#list`} data-testid={`funnel-${themeId ?? "total"}-${stage}`}>{n}</Link>;
  return (
    <article className="public-funnel">
      <header className="page-head">
        <p><Link to={`/c/${data.consultation.slug}`}>{data.consultation.title}</Link></p>
        <h1>{t("public_funnel.title")}</h1>
        <LiveBadge status={live} />
        <p className="muted">{t("public_funnel.intro")}</p>
        <p><Link to={`/c/${data.consultation.slug}/mesa-tecnica`}>{t("technical_page.funnel_public_link")}</Link></p>
      </header>
      {data.registered === 0 ? <p className="empty">{t("public_funnel.empty")}</p> : null}
      <div className="table-scroll">
        <table className="table funnel-table" data-testid="funnel-table">
          <thead>
            <tr>
              <th scope="col">{t("public_funnel.theme")}</th>
              {FUNNEL_STAGES.map((s) => <th scope="col" key={s}>{t(`funnel.${s}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {data.themes.map((th) => (
              <tr key={th.id}>
                <th scope="row">{th.name}</th>
                {FUNNEL_STAGES.map((s) => <td key={s}>{cellLink(s, th.id, th.counts[s].entered)}</td>)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("funnel.total")}</th>
              {FUNNEL_STAGES.map((s) => <td key={s}><strong>{cellLink(s, null, data.total[s].entered)}</strong></td>)}
            </tr>
          </tfoot>
        </table>
      </div>

      <section id="list" aria-labelledby="list-h">
        <h2 id="list-h">
          {filter
            ? filter.theme
              ? t("public_funnel.list_filtered", { stage: t(`funnel.${filter.stage}`), theme: themeName(filter.theme) })
              : t("public_funnel.list_filtered_all", { stage: t(`funnel.${filter.stage}`) })
            : t("public_funnel.list")}
        </h2>
        {filter ? <p><Link to={base}>{t("public_funnel.show_all")}</Link></p> : null}
        {data.proposals.length === 0 && filter ? <p className="empty">{t("public_funnel.none_in_cell")}</p> : null}
        <ul className="list proposals-list" data-testid="proposal-list">
          {data.proposals.map((p) => (
            <li key={p.id}>
              <Link to={`${base}/${p.id}`}>{p.title}</Link>
              <span className="muted"> — {p.theme_name}{p.organization_acronym ? ` · ${p.organization_acronym}` : ""} · </span>
              <span className={`badge badge-${p.state}`}>{t(`proposal.state.${p.state}` as "proposal.state.active")}</span>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
