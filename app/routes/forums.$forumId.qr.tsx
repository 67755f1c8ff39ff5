// Printable table cards: each worktable's number, theme, QR code and short link, to place on the tables
// so facilitators open their capture screen with the phone's camera.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { forumPlace, metaTranslator } from "../components/forums/format";
import { useFormatDate, useT } from "../i18n/react";
import { requireForumStaff } from "../lib/forum-access.server";
import { qrSvg } from "../lib/qr.server";
import { forumBoard } from "../lib/queries.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${metaTranslator(matches)("forum.qr_cards")} · ${forumPlace(data.forum)}` : "Cocrea" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { forum } = await requireForumStaff(context, request, params.forumId);
  const board = (await forumBoard(context.db, forum.id))!;
  const tables = await Promise.all(
    board.worktables.map(async (w) => {
      const link = `${context.publicUrl}/t/${w.shortCode}`;
      return { ...w, code: w.shortCode, link, svg: await qrSvg(link) };
    }),
  );
  return json({ forum: board.forum, tables });
}

export default function QrCards() {
  const t = useT();
  const date = useFormatDate();
  const { forum, tables } = useLoaderData<typeof loader>();
  return (
    <article className="qr-cards">
      <p className="no-print row">
        <button type="button" onClick={() => window.print()}>
          {t("report.print")}
        </button>
        <Link to={`/forums/${forum.id}/board`}>{t("forum.board")}</Link>
      </p>
      {tables.length === 0 ? <p className="empty">{t("forum.tables_empty")}</p> : null}
      {tables.map((w) => (
        <section key={w.id} className="qr-card">
          <p className="muted">
            {t("capture.where", { forum: forumPlace(forum) })} · {date(forum.held_on)}
          </p>
          <h2>{t("forum.table", { number: w.number })}</h2>
          <p className="qr-theme">{w.themeName}</p>
          {/* The SVG is made on the server by the qrcode library from our own URL. */}
          <div className="qr-big" role="img" aria-label={t("forum.table_qr", { number: w.number })} dangerouslySetInnerHTML={{ __html: w.svg }} />
          <p className="qr-code">
            <code>{w.code}</code>
          </p>
          <p className="qr-link">{w.link}</p>
        </section>
      ))}
    </article>
  );
}
