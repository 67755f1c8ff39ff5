// The printable forum report: date and place, attendance, worktables, every citizen input by theme and
// table, and the summaries that took it up. Every figure is counted from the records listed below it.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breakdown } from "../components/forums/AttendanceBreakdown";
import { forumPlace, metaTranslator, useFormatTime } from "../components/forums/format";
import { boardCounts, groupByTheme } from "../domain/forum-board";
import { useFormatDate, useT } from "../i18n/react";
import { requireForumStaff } from "../lib/forum-access.server";
import { forumReport } from "../lib/queries.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? metaTranslator(matches)("report.title", { forum: forumPlace(data.forum) }) : "Cocrea" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { forum } = await requireForumStaff(context, request, params.forumId);
  return json({ ...(await forumReport(context.db, forum.id))!, generatedAt: new Date().toISOString() });
}

export default function Report() {
  const t = useT();
  const date = useFormatDate();
  const time = useFormatTime();
  const data = useLoaderData<typeof loader>();
  const { forum, consultation, themes, worktables, captures, summaries } = data;
  const counts = boardCounts(
    captures,
    worktables.map((w) => w.id),
    themes.map((th) => th.id),
  );
  const themeName = new Map(themes.map((th) => [th.id, th.name]));

  return (
    <article className="forum-report">
      <p className="no-print row">
        <button type="button" onClick={() => window.print()}>
          {t("report.print")}
        </button>
        <Link to={`/forums/${forum.id}/board`}>{t("forum.board")}</Link>
      </p>
      <header>
        <p className="muted">{consultation.title}</p>
        <h1>{t("report.title", { forum: forumPlace(forum) })}</h1>
      </header>

      <section aria-labelledby="r-when">
        <h2 id="r-when">{t("report.when_where")}</h2>
        <p>
          {date(forum.held_on)} · {forum.venue}, {forum.municipality}, {forum.department}
        </p>
      </section>

      <section aria-labelledby="r-attendance">
        <h2 id="r-attendance">{t("report.attendance")}</h2>
        <p>
          <strong data-testid="report-attendance">{data.attendance.forum}</strong> {t("report.people")}
          {forum.expected_attendance ? ` ${t("forum.expected", { count: forum.expected_attendance })}` : ""} · {t("forum.all_forums")}: {data.attendance.total}
        </p>
        <Breakdown totals={data.attendanceTotals} />
      </section>

      <section aria-labelledby="r-tables">
        <h2 id="r-tables">{t("report.tables")}</h2>
        <table className="table">
          <thead>
            <tr>
              <th>{t("board.filter_table")}</th>
              <th>{t("forum.table_theme")}</th>
              <th>{t("forum.facilitators")}</th>
              <th className="num">{t("board.captures")}</th>
            </tr>
          </thead>
          <tbody>
            {worktables.map((w) => (
              <tr key={w.id}>
                <td>{w.number}</td>
                <td>{w.themeName}</td>
                <td>{w.facilitators.join(", ")}</td>
                <td className="num">{counts.byTable[w.id] ?? 0}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={3}>{t("board.total")}</th>
              <th className="num" data-testid="report-total">
                {counts.total}
              </th>
            </tr>
          </tfoot>
        </table>
      </section>

      <section aria-labelledby="r-captures">
        <h2 id="r-captures">{t("report.captures")}</h2>
        {groupByTheme(captures, themes).map((g) => (
          <section key={g.theme?.id ?? "none"} className="report-theme">
            <h3>
              {g.theme?.name ?? t("board.no_theme")} ({g.captures.length})
            </h3>
            {g.captures.length === 0 ? <p className="empty">{t("report.none")}</p> : null}
            <ol className="report-list">
              {[...g.captures].reverse().map((c) => (
                <li key={c.id}>
                  {c.text}
                  <span className="muted">
                    {" "}
                    — {t("forum.table", { number: c.tableNumber })}, {time(c.createdAt)}
                    {c.speakerSector ? `, ${t(`sector.${c.speakerSector}` as "sector.citizen")}` : ""}
                    {c.tags.length ? `, #${c.tags.join(" #")}` : ""}
                  </span>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </section>

      {summaries.length > 0 ? (
        <section aria-labelledby="r-summaries">
          <h2 id="r-summaries">{t("report.summaries")}</h2>
          {summaries.map((s) => (
            <section key={s.id} className="report-summary">
              <h3>
                {s.title} <span className="muted">· {themeName.get(s.theme_id) ?? ""}</span>
              </h3>
              <p className="prose">{s.text}</p>
              <p className="muted">
                {t("report.summary_of", { count: s.inputs })} ({s.fromThisForum.length} {t("forum.this_forum").toLowerCase()})
              </p>
            </section>
          ))}
        </section>
      ) : null}

      <footer className="muted">{t("report.generated", { date: `${date(data.generatedAt)} ${time(data.generatedAt)}` })}</footer>
    </article>
  );
}
