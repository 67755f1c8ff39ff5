// The public funnel: the participation figures, then a chart and a table of how many proposals entered each stage
// and how many are alive there now (per theme and in total, with how far the stage has come), live; every figure
// opens the items behind it. Works without JavaScript; with it, it follows merges, withdrawals and votes live.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FunnelChart, stageLabel } from "../components/funnel/FunnelChart";
import { FunnelTable } from "../components/funnel/FunnelTable";
import { ParticipationFigures } from "../components/funnel/ParticipationFigures";
import { LiveBadge } from "../components/LiveBadge";
import { useFormatDate, useT } from "../i18n/react";
import { consultationFunnel, funnelForums, funnelSummaries, publicConsultation, publicProposals } from "../lib/queries.server";
import { useLiveConsultation } from "../live/useLive";
import { useLiveParticipation } from "../live/useLiveParticipation";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.consultation.title} · Cocrea` : "Cocrea" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const view = await publicConsultation(context.db, params.slug!);
  if (!view) throw new Response("Not found", { status: 404 });
  const id = view.consultation.id;
  const url = new URL(request.url);
  const [funnel, proposals, forums, summaries] = await Promise.all([
    // The ids behind the figures only when a figure was opened (?stage=…): the list then shows those proposals.
    consultationFunnel(context.db, id, { ids: url.searchParams.has("stage") }),
    publicProposals(context.db, id),
    funnelForums(context.db, id),
    funnelSummaries(context.db, id),
  ]);
  if (!funnel) throw new Response("Not found", { status: 404 });
  const column = funnel.stages.find((s) => s.key === url.searchParams.get("stage")) ?? null;
  const theme = url.searchParams.get("theme");
  const at: "entered" | "now" = url.searchParams.get("at") === "now" ? "now" : "entered";
  const filter = column ? { stage: column.key, theme: theme && column.byTheme[theme] ? theme : null, at } : null;
  const cell = column && filter ? (filter.theme ? column.byTheme[filter.theme] : column) : null;
  const ids = cell ? new Set(at === "now" ? cell.nowIds : cell.enteredIds) : null;
  return json({
    consultation: { id, slug: view.consultation.slug, title: view.consultation.title },
    participation: funnel.participation,
    themes: funnel.themes,
    stages: funnel.stages.map((s) => ({
      key: s.key,
      entered: s.entered,
      now: s.now,
      state: s.state,
      byTheme: Object.fromEntries(Object.entries(s.byTheme).map(([k, c]) => [k, { entered: c.entered, now: c.now }])),
    })),
    filter,
    proposals: ids ? proposals.filter((p) => ids.has(p.id)) : proposals,
    registered: proposals.length,
    forums,
    summaries,
  });
}

export default function PublicFunnel() {
  const t = useT();
  const date = useFormatDate();
  const data = useLoaderData<typeof loader>();
  const live = useLiveConsultation(data.consultation.id);
  const participation = useLiveParticipation(data.consultation.id, data.participation);
  const { filter } = data;
  const base = `/c/${data.consultation.slug}/propuestas`;
  const themeName = (id: string | null) => data.themes.find((th) => th.id === id)?.name ?? t("public_funnel.all_themes");
  const listTitle = !filter
    ? t("public_funnel.list")
    : filter.at === "now"
      ? filter.theme
        ? t("public_funnel.list_now", { stage: stageLabel(t, filter.stage), theme: themeName(filter.theme) })
        : t("public_funnel.list_now_all", { stage: stageLabel(t, filter.stage) })
      : filter.theme
        ? t("public_funnel.list_filtered", { stage: stageLabel(t, filter.stage), theme: themeName(filter.theme) })
        : t("public_funnel.list_filtered_all", { stage: stageLabel(t, filter.stage) });
  return (
    <article className="public-funnel">
      <header className="page-head">
        <p>
          <Link to={`/c/${data.consultation.slug}`}>{data.consultation.title}</Link>
        </p>
        <h1>{t("public_funnel.title")}</h1>
        <LiveBadge status={live} />
        <p className="muted">{t("public_funnel.intro")}</p>
        <p>
          <Link to={`/c/${data.consultation.slug}/mesa-tecnica`}>{t("technical_page.funnel_public_link")}</Link>
        </p>
        <p>
          <Link to={`/c/${data.consultation.slug}/propuestas/instantaneas`}>{t("snapshot.funnel_link")}</Link>
        </p>
      </header>

      <ParticipationFigures slug={data.consultation.slug} participation={participation} />

      <section aria-labelledby="funnel-h">
        <h2 id="funnel-h">{t("public_funnel.title")}</h2>
        {data.registered === 0 ? <p className="empty">{t("public_funnel.empty")}</p> : null}
        <FunnelChart base={base} columns={data.stages} />
        <FunnelTable base={base} themes={data.themes} columns={data.stages} />
      </section>

      <section id="list" aria-labelledby="list-h">
        <h2 id="list-h">{listTitle}</h2>
        {filter ? (
          <p>
            <Link to={base}>{t("public_funnel.show_all")}</Link>
          </p>
        ) : null}
        {data.proposals.length === 0 && filter ? <p className="empty">{t("public_funnel.none_in_cell")}</p> : null}
        <ul className="list proposals-list" data-testid="proposal-list">
          {data.proposals.map((p) => (
            <li key={p.id}>
              <Link to={`${base}/${p.id}`}>{p.title}</Link>
              <span className="muted">
                {" "}
                — {p.theme_name}
                {p.organization_acronym ? ` · ${p.organization_acronym}` : ""} ·{" "}
              </span>
              {p.into.length > 0 ? (
                <>
                  <span className={`badge badge-${p.state}`}>{t(p.state === "split" ? "public_funnel.split_into" : "public_funnel.merged_into")}</span>{" "}
                  {p.into.map((r, i) => (
                    <span key={r.id}>
                      {i > 0 ? ", " : ""}«<Link to={`${base}/${r.id}`}>{r.title}</Link>»
                    </span>
                  ))}
                </>
              ) : (
                <span className={`badge badge-${p.state}`}>{t(`proposal.state.${p.state}` as "proposal.state.active")}</span>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section id="forums" aria-labelledby="forums-h">
        <h2 id="forums-h">{t("public_funnel.forums")}</h2>
        {data.forums.length === 0 ? (
          <p className="empty">{t("public_funnel.no_forums")}</p>
        ) : (
          <ul className="list funnel-forums" data-testid="funnel-forums">
            {data.forums.map((f) => (
              <li key={f.id}>
                <strong>{f.department}</strong>, {f.municipality} — {date(f.held_on)} — {t("public_funnel.attendance")}:{" "}
                <span data-testid={`forum-attendance-${f.id}`}>{f.attendance}</span> · {t("public_funnel.captures")}:{" "}
                <span data-testid={`forum-captures-${f.id}`}>{f.captures}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section id="summaries" aria-labelledby="summaries-h">
        <h2 id="summaries-h">{t("public_funnel.summaries_list")}</h2>
        {data.summaries.length === 0 ? (
          <p className="empty">{t("public_funnel.no_summaries")}</p>
        ) : (
          <ul className="list" data-testid="funnel-summaries">
            {data.summaries.map((s) => (
              <li key={s.id}>
                {s.title}{" "}
                <span className="muted">
                  — {s.theme_name} · {t("public_funnel.summary_inputs", { count: s.inputs })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
