// Opinion statistics (stage 2 asks for them), live as opinions arrive; links to the open data.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "../components/intake/BarChart";
import { DayChart } from "../components/intake/DayChart";
import { DepartmentMap } from "../components/intake/DepartmentMap";
import { useIntakeLabels } from "../components/intake/labels";
import { LiveBadge } from "../components/LiveBadge";
import { OPEN_DATA_LICENSE } from "../domain/opinion";
import { tallyOpinions } from "../domain/opinion-stats";
import { translate } from "../i18n";
import { intakeContext, opinionStatsFacets, themeNames } from "../lib/queries.server";
import { useLiveOpinions, useRefreshWhenStale } from "../live/useLiveOpinions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · ${data.consultation.title}` : "Cocrea" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const intake = await intakeContext(context.db, params.slug!);
  if (!intake) throw new Response("Not found", { status: 404 });
  const [{ facets, stale }, names] = await Promise.all([
    opinionStatsFacets(context.db, intake.consultation.id),
    themeNames(context.db, intake.consultation.id),
  ]);
  return json({
    title: translate(context.lang, "intake.stats_title"),
    consultation: intake.consultation,
    stats: tallyOpinions(
      facets,
      intake.themes.map((th) => th.id),
    ),
    themeNames: names,
    stale,
  });
}

export default function OpinionStatistics() {
  const L = useIntakeLabels();
  const { t } = L;
  const data = useLoaderData<typeof loader>();
  const { consultation, stats, themeNames } = data;
  const live = useLiveOpinions(consultation.id);
  useRefreshWhenStale(data);
  const api = `/api/v1/consultations/${consultation.id}/opinions`;
  const byCount = [...stats.byDepartment].sort((a, b) => b.count - a.count);
  return (
    <article className="intake-stats">
      <header className="page-head">
        <p className="crumb">
          <Link to={`/c/${consultation.slug}`}>{consultation.title}</Link>
        </p>
        <h1>{t("intake.stats_title")}</h1>
        <LiveBadge status={live} />
      </header>
      <p className="totals">
        <strong data-testid="stats-total">{t("intake.stats_total", { count: stats.visible })}</strong>
        {stats.hidden > 0 ? (
          <span className="muted" data-testid="stats-hidden">
            {" "}
            · {t("intake.stats_hidden", { count: stats.hidden })}
          </span>
        ) : null}
      </p>
      <p>
        <Link to={`/c/${consultation.slug}/opinar`}>{t("intake.cta")}</Link>
      </p>
      {stats.visible === 0 ? <p className="empty">{t("intake.stats_empty")}</p> : null}
      <div className="charts">
        <BarChart title={t("intake.stats_by_subject")} tallies={stats.bySubject} label={(k) => L.aboutKey(k ?? "", themeNames)} testId="chart-subject" />
        {stats.byDay.length > 0 ? <DayChart title={t("intake.stats_by_day")} days={stats.byDay} /> : null}
        <DepartmentMap title={t("intake.stats_map")} hint={t("intake.stats_map_hint")} tallies={stats.byDepartment} />
        <BarChart title={t("intake.stats_by_department")} tallies={byCount} label={L.department} testId="chart-department" hideEmpty />
        <BarChart title={t("intake.stats_by_sector")} tallies={stats.bySector} label={L.sector} testId="chart-sector" />
        <BarChart title={t("intake.stats_by_gender")} tallies={stats.byGender} label={L.gender} testId="chart-gender" />
        <BarChart title={t("intake.stats_by_age")} tallies={stats.byAge} label={L.age} testId="chart-age" />
        <BarChart title={t("intake.stats_by_language")} tallies={stats.byLanguage} label={L.language} testId="chart-language" />
        {stats.hiddenBySubject.length > 0 ? (
          <BarChart title={t("intake.stats_hidden_by")} tallies={stats.hiddenBySubject} label={(k) => L.aboutKey(k ?? "", themeNames)} testId="chart-hidden" />
        ) : null}
      </div>
      <section aria-labelledby="open-data-h">
        <h2 id="open-data-h">{t("intake.open_data")}</h2>
        <p>{t("intake.open_data_hint", { license: OPEN_DATA_LICENSE.name })}</p>
        <p className="row">
          <a href={`${api}.csv`} download>
            {t("intake.download_csv")}
          </a>
          <a href={`${api}.json`}>{t("intake.download_json")}</a>
        </p>
      </section>
    </article>
  );
}
