// What became of one forum capture, for the consultation's staff (forum pages are staff pages): the capture and
// its fate — the summary that grouped it, the proposals answering it, merges, the commitment — or why it stopped.
// Opened from the board's cards. Live; works without JavaScript.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FateView } from "../components/fate/FateSteps";
import { forumPlace, metaTranslator } from "../components/forums/format";
import { LiveBadge } from "../components/LiveBadge";
import { fateOfInput } from "../domain/fate";
import { useFormatDate, useT } from "../i18n/react";
import { requireForumStaff } from "../lib/forum-access.server";
import { fateFollowups, inputFate } from "../lib/queries.server";
import { useLiveConsultation } from "../live/useLive";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${metaTranslator(matches)("fate.title_capture")} · ${forumPlace(data.forum)}` : "Cocrea" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { forum } = await requireForumStaff(context, request, params.forumId);
  const found = await inputFate(context.db, params.inputId!);
  if (!found || found.head.channel !== "forum" || found.head.forum_id !== forum.id) throw new Response("Not found", { status: 404 });
  const fate = fateOfInput(found.facts);
  const followups = "ids" in fate.ending ? await fateFollowups(context.db, found.head.consultation_id, fate.ending.ids) : [];
  return json({ forum, capture: found.head, fate, followups });
}

export default function CaptureFate() {
  const t = useT();
  const date = useFormatDate();
  const { forum, capture, fate, followups } = useLoaderData<typeof loader>();
  const live = useLiveConsultation(forum.consultation_id, { staff: true });
  return (
    <article className="capture-fate narrow">
      <header className="page-head">
        <p className="crumb">
          <Link to={`/forums/${forum.id}/board`}>{t("fate.capture_back")}</Link>
        </p>
        <h1>{t("fate.title_capture")}</h1>
        <LiveBadge status={live} />
        <p className="muted">
          {forumPlace(forum)} · {date(capture.created_at)}
        </p>
      </header>
      {capture.text !== null ? (
        <blockquote className="opinion-text" data-testid="capture-text">
          {capture.text}
        </blockquote>
      ) : null}
      <FateView fate={fate} slug={capture.consultation_slug} subject="capture" followups={followups} />
    </article>
  );
}
