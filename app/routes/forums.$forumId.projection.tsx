// The projection view for the room's big screen: large type, every theme's latest input, the counts and the
// attendance, updating by itself. No controls: open it on the projector's computer and leave it.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { CaptureCard } from "../components/forums/BoardParts";
import { forumPlace, metaTranslator } from "../components/forums/format";
import { boardCounts, groupByTheme } from "../domain/forum-board";
import { FORUM_EVENTS } from "../domain/forum-events";
import { useT } from "../i18n/react";
import { requireForumStaff } from "../lib/forum-access.server";
import { forumBoard } from "../lib/queries.server";
import { useForumLive } from "../live/useForumLive";
import { useQuietRevalidate } from "../live/useQuietRevalidate";

const PER_THEME = 6;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? metaTranslator(matches)("board.projection_title", { forum: forumPlace(data.forum) }) : "Cocrea" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { forum } = await requireForumStaff(context, request, params.forumId);
  return json(await forumBoard(context.db, forum.id));
}

export default function Projection() {
  const t = useT();
  const data = useLoaderData<typeof loader>()!;
  const { forum, themes, worktables } = data;
  const reload = useQuietRevalidate();
  // Tables added or reassigned meanwhile: reload the page's data (captures stay merged).
  const live = useForumLive(
    { forumId: forum.id, captures: data.captures, attendance: data.attendance, status: forum.status },
    { onEvent: (e) => e === FORUM_EVENTS.worktablesChanged && reload() },
  );
  const counts = useMemo(
    () =>
      boardCounts(
        live.captures,
        worktables.map((w) => w.id),
        themes.map((th) => th.id),
      ),
    [live.captures, worktables, themes],
  );
  const groups = groupByTheme(live.captures, themes).filter((g) => g.theme || g.captures.length);

  return (
    <article className="projection" data-live={live.live}>
      <header className="projection-head">
        <h1>{t("board.projection_title", { forum: forumPlace(forum) })}</h1>
        <p className="projection-figures">
          <span>
            <strong data-testid="attendance-forum">{live.attendance.forum}</strong> {t("board.attendance").toLowerCase()}
          </span>
          <span>
            <strong data-testid="count-total">{counts.total}</strong> {t("board.captures").toLowerCase()}
          </span>
          <span className={`status status-${live.status}`}>{t(`forum.status.${live.status}`)}</span>
        </p>
      </header>
      <div className="projection-grid">
        {groups.map((g) => (
          <section key={g.theme?.id ?? "none"} className="projection-theme" data-theme-id={g.theme?.id ?? "none"}>
            <h2>
              {g.theme?.name ?? t("board.no_theme")} <span className="count">{counts.byTheme[g.theme?.id ?? "none"] ?? g.captures.length}</span>
            </h2>
            <ol className="board-list">
              {g.captures.slice(0, PER_THEME).map((c) => (
                <CaptureCard key={c.id} capture={c} fresh={live.fresh === c.id} />
              ))}
            </ol>
          </section>
        ))}
      </div>
    </article>
  );
}
