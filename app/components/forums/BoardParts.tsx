// Pieces shared by the systematizer board and the projection view.
import { Link } from "@remix-run/react";
import type { BoardCapture, BoardCounts } from "../../domain/forum-board";
import { useT } from "../../i18n/react";
import { useFormatTime } from "./format";

export interface BoardWorktable {
  id: string;
  number: number;
  themeId: string;
  themeName: string;
  facilitators: string[];
}

export function AttendanceCounter({ forum, total, expected }: { forum: number; total: number; expected: number }) {
  const t = useT();
  return (
    <div className="attendance-counter" data-testid="attendance">
      <p>
        <span className="big-number" data-testid="attendance-forum">
          {forum}
        </span>{" "}
        {t("forum.this_forum")}
        {expected > 0 ? <span className="muted"> {t("forum.expected", { count: expected })}</span> : null}
      </p>
      <p>
        <span className="big-number" data-testid="attendance-total">
          {total}
        </span>{" "}
        {t("forum.all_forums")}
      </p>
    </div>
  );
}

export function CountsTables({
  counts,
  worktables,
  themes,
}: {
  counts: BoardCounts;
  worktables: BoardWorktable[];
  themes: Array<{ id: string; name: string }>;
}) {
  const t = useT();
  return (
    <div className="board-counts">
      <table className="table" data-testid="counts-by-table">
        <caption>{t("board.by_table")}</caption>
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
            <tr key={w.id} data-table-number={w.number}>
              <td>{w.number}</td>
              <td>{w.themeName}</td>
              <td>{w.facilitators.join(", ") || "—"}</td>
              <td className="num" data-testid={`count-table-${w.number}`}>
                {counts.byTable[w.id] ?? 0}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={3}>{t("board.total")}</th>
            <th className="num" data-testid="count-total">
              {counts.total}
            </th>
          </tr>
        </tfoot>
      </table>
      <table className="table" data-testid="counts-by-theme">
        <caption>{t("board.by_theme")}</caption>
        <tbody>
          {themes.map((th) => (
            <tr key={th.id}>
              <td>{th.name}</td>
              <td className="num">{counts.byTheme[th.id] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CaptureCard({ capture, fresh, themeName, fateHref }: { capture: BoardCapture; fresh: boolean; themeName?: string; fateHref?: string }) {
  const t = useT();
  const time = useFormatTime();
  return (
    <li className={`board-card${fresh ? " fresh" : ""}`} data-capture-id={capture.id}>
      <p className="capture-text">{capture.text}</p>
      <p className="capture-info">
        <strong>{t("forum.table", { number: capture.tableNumber })}</strong> · {time(capture.createdAt)}
        {themeName ? <> · {themeName}</> : null}
        {capture.speakerSector ? <> · {t(`sector.${capture.speakerSector}` as "sector.citizen")}</> : null}
        {capture.tags.map((tag) => (
          <span key={tag} className="tag">
            #{tag}
          </span>
        ))}
        {capture.summaryId ? (
          <>
            {" "}
            · <span className="pill">{t("capture.summarized")}</span>
          </>
        ) : null}
        {fateHref ? (
          <>
            {" "}
            · <Link to={fateHref}>{t("fate.capture_link")}</Link>
          </>
        ) : null}
      </p>
    </li>
  );
}
