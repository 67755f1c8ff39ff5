// The systematizer's board for one forum: every table's input as it arrives, grouped by theme, with counts
// per table and theme and the attendance, live.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo, useState } from "react";
import { AttendanceCounter, CaptureCard, CountsTables } from "../components/forums/BoardParts";
import { forumPlace, metaTranslator } from "../components/forums/format";
import { LiveBadge } from "../components/LiveBadge";
import { boardCounts, groupByTheme } from "../domain/forum-board";
import { FORUM_EVENTS } from "../domain/forum-events";
import { useFormatDate, useT } from "../i18n/react";
import { requireForumStaff } from "../lib/forum-access.server";
import { forumBoard } from "../lib/queries.server";
import { useForumLive } from "../live/useForumLive";
import { useQuietRevalidate } from "../live/useQuietRevalidate";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? metaTranslator(matches)("board.title", { forum: forumPlace(data.forum) }) : "Cocrea" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { forum } = await requireForumStaff(context, request, params.forumId);
  return json(await forumBoard(context.db, forum.id));
}

export default function Board() {
  const t = useT();
  const date = useFormatDate();
  const data = useLoaderData<typeof loader>()!;
  const { forum, themes, worktables } = data;
  const reload = useQuietRevalidate();
  // Tables added or reassigned meanwhile: reload the page's data (captures stay merged).
  const live = useForumLive(
    { forumId: forum.id, captures: data.captures, attendance: data.attendance, status: forum.status },
    { onEvent: (e) => e === FORUM_EVENTS.worktablesChanged && reload() },
  );
  const [table, setTable] = useState("");
  const counts = useMemo(
    () =>
      boardCounts(
        live.captures,
        worktables.map((w) => w.id),
        themes.map((th) => th.id),
      ),
    [live.captures, worktables, themes],
  );
  const shown = table ? live.captures.filter((c) => c.worktableId === table) : live.captures;
  const groups = groupByTheme(shown, themes);

  return (
    <article className="forum-board">
      <header className="page-head">
        <h1>{t("board.title", { forum: forumPlace(forum) })}</h1>
        <LiveBadge status={live.live} />
        <p>
          <span className={`status status-${live.status}`} data-testid="forum-status">
            {t(`forum.status.${live.status}`)}
          </span>{" "}
          · {forum.venue} · {date(forum.held_on)}
        </p>
        <p className="row">
          <Link to={`/forums/${forum.id}/projection`}>{t("forum.projection")}</Link>
          <Link to={`/forums/${forum.id}/attendance`}>{t("forum.attendance")}</Link>
          <Link to={`/forums/${forum.id}/report`}>{t("forum.report")}</Link>
          <a href={`/forums/${forum.id}/captures.csv`} download>
            {t("forum.csv")}
          </a>
          <Link to={`/admin/c/${forum.consultation_id}/systematization`}>{t("forum.systematization")}</Link>
        </p>
      </header>

      <section className="board-summary" aria-label={t("board.counts")}>
        <AttendanceCounter forum={live.attendance.forum} total={live.attendance.total} expected={forum.expected_attendance} />
        <CountsTables counts={counts} worktables={worktables} themes={themes} />
        <p className="muted">{t("board.summarized", { count: counts.summarized })}</p>
      </section>

      <div className="field board-filter">
        <label htmlFor="board-table">{t("board.filter_table")}</label>
        <select id="board-table" value={table} onChange={(e) => setTable(e.target.value)}>
          <option value="">{t("board.all_tables")}</option>
          {worktables.map((w) => (
            <option key={w.id} value={w.id}>
              {t("forum.table", { number: w.number })} · {w.themeName}
            </option>
          ))}
        </select>
      </div>

      <div className="theme-columns">
        {groups.map((g) => (
          <section
            key={g.theme?.id ?? "none"}
            className="theme-column"
            aria-labelledby={`theme-${g.theme?.id ?? "none"}`}
            data-theme-id={g.theme?.id ?? "none"}
          >
            <h2 id={`theme-${g.theme?.id ?? "none"}`}>
              {g.theme?.name ?? t("board.no_theme")} <span className="count">{g.captures.length}</span>
            </h2>
            {g.theme ? (
              <p>
                <Link to={`/admin/c/${forum.consultation_id}/systematization?theme=${g.theme.id}&forum=${forum.id}`}>{t("board.systematize")}</Link>
              </p>
            ) : null}
            {g.captures.length === 0 ? <p className="empty">{t("board.empty_theme")}</p> : null}
            <ol className="board-list">
              {g.captures.map((c) => (
                <CaptureCard key={c.id} capture={c} fresh={live.fresh === c.id} fateHref={`/forums/${forum.id}/captures/${c.id}`} />
              ))}
            </ol>
          </section>
        ))}
      </div>
    </article>
  );
}
