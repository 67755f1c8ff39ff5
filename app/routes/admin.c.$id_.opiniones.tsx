// The one moderation queue (point of contact, systematizers): online opinions and citizens' comments on the plan,
// newest first and labelled, new ones and reports arriving live; hide with a reason or restore (opinion.hide /
// plan.comment_hide and their restores). Nothing is deleted: every change is a command in the audit log.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useRef } from "react";
import { CommandButton, CommandForm } from "../components/admin/CommandForm";
import { Field } from "../components/forms";
import { OpinionMeta } from "../components/intake/OpinionCard";
import { useIntakeLabels } from "../components/intake/labels";
import { LiveBadge } from "../components/LiveBadge";
import { PlanCommentItem } from "../components/plan/ModerationItem";
import { translate } from "../i18n";
import { handleIntakeForm } from "../lib/intake-form.server";
import { intakeContext, moderationCounts, moderationQueue, planCommentCounts, planCommentQueue } from "../lib/queries.server";
import { readPolicy } from "../lib/read-policy.server";
import { requireUser } from "../lib/require-user.server";
import { useLiveOpinions } from "../live/useLiveOpinions";

const FILTERS = ["all", "visible", "hidden", "reported"] as const;
type Filter = (typeof FILTERS)[number];
const PAGE = 50;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · ${data.consultation.title}` : "Cocrea" }];

async function requireModerator(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const { request, params, context } = args;
  const user = requireUser(context, request);
  const intake = await intakeContext(context.db, params.id!);
  if (!intake) throw new Response("Not found", { status: 404 });
  if (!(await readPolicy(context.db, user, intake.consultation.id)).canModerate) throw new Response("Forbidden", { status: 403 });
  return intake;
}

export async function loader(args: LoaderFunctionArgs) {
  const intake = await requireModerator(args);
  const url = new URL(args.request.url);
  const filter: Filter = (FILTERS as readonly string[]).includes(url.searchParams.get("filter") ?? "") ? (url.searchParams.get("filter") as Filter) : "all";
  const [at, id] = (url.searchParams.get("before") ?? "").split("|");
  const before = at && id ? { at, id } : undefined;
  const db = args.context.db;
  const consultationId = intake.consultation.id;
  const [queue, comments, counts, commentCounts] = await Promise.all([
    moderationQueue(db, consultationId, { filter, before, limit: PAGE }),
    planCommentQueue(db, consultationId, { filter, before, limit: PAGE }),
    moderationCounts(db, consultationId),
    planCommentCounts(db, consultationId),
  ]);
  // Each source answered its newest PAGE: the newest PAGE of both together are among them.
  const merged = [
    ...queue.opinions.map((o) => ({ kind: "opinion" as const, ...o })),
    ...comments.comments.map((c) => ({ kind: "plan_comment" as const, ...c })),
  ].sort((a, b) => (a.created_at === b.created_at ? b.id.localeCompare(a.id) : b.created_at.localeCompare(a.created_at)));
  const items = merged.slice(0, PAGE);
  const last = items[items.length - 1];
  const more = merged.length > PAGE || Boolean(queue.next) || Boolean(comments.next);
  return json({
    title: translate(args.context.lang, "planmod.queue_title"),
    consultation: intake.consultation,
    filter,
    paged: Boolean(at),
    items,
    next: more && last ? { at: last.created_at, id: last.id } : null,
    counts,
    commentCounts,
  });
}

export async function action(args: ActionFunctionArgs) {
  await requireModerator(args);
  return handleIntakeForm(args.request, args.context, {
    hide: "opinion.hide",
    restore: "opinion.restore",
    comment_hide: "plan.comment_hide",
    comment_restore: "plan.comment_restore",
  });
}

export default function Moderation() {
  const L = useIntakeLabels();
  const { t } = L;
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const live = useLiveOpinions(data.consultation.id, { staff: true });
  // Opinions that arrived after the page first loaded are marked, so a moderator sees what is new.
  const seen = useRef<Set<string> | null>(null);
  seen.current ??= new Set(data.items.map((o) => o.id));
  const c = data.consultation;

  return (
    <article className="moderation">
      <header className="page-head">
        <p className="crumb">
          <Link to={`/admin/c/${c.id}`}>{c.title}</Link>
        </p>
        <h1>{t("planmod.queue_title")}</h1>
        <LiveBadge status={live} />
        <p className="muted">{t("planmod.queue_intro")}</p>
        <p data-testid="mod-counts">{t("intake.mod_counts", data.counts)}</p>
        <p data-testid="mod-comment-counts">{t("planmod.counts", data.commentCounts)}</p>
        <p className="row">
          <Link to={`/c/${c.slug}/estadisticas`}>{t("intake.stats_title")}</Link>
          <Link to={`/admin/c/${c.id}/systematization?channel=online`}>{t("phase.systematization")}</Link>
          <Link to={`/admin/c/${c.id}/plan/comentarios`}>{t("planmod.comments_view")}</Link>
        </p>
      </header>
      <nav className="row filters" aria-label={t("intake.mod_filter")}>
        {FILTERS.map((f) => (
          <Link key={f} to={`?filter=${f}`} aria-current={data.filter === f ? "page" : undefined} className={data.filter === f ? "current" : undefined}>
            {t(`intake.mod_filter_${f}`)}
          </Link>
        ))}
      </nav>
      {data.items.length === 0 ? (
        <p className="empty">{t("planmod.queue_empty")}</p>
      ) : (
        <ol className="opinions moderation-queue" data-testid="moderation-queue">
          {data.items.map((o) =>
            o.kind === "plan_comment" ? (
              <PlanCommentItem key={o.id} comment={o} isNew={!seen.current!.has(o.id)} />
            ) : (
              <li
                key={o.id}
                className={`opinion-card status-${o.status}${seen.current!.has(o.id) ? "" : " is-new"}`}
                data-testid="mod-opinion"
                data-status={o.status}
              >
                <OpinionMeta opinion={o} />
                <p className="opinion-text">{o.text}</p>
                <p className="muted small">
                  {[
                    o.sector && L.sector(o.sector),
                    o.age_range && L.age(o.age_range),
                    o.gender && L.gender(o.gender),
                    o.has_contact && t("intake.mod_has_contact"),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                {o.reports > 0 ? (
                  <details className="reports">
                    <summary>{t("intake.mod_reports", { count: o.reports })}</summary>
                    <ul>
                      {o.reportReasons.map((r, i) => (
                        <li key={i}>{r}</li>
                      ))}
                    </ul>
                  </details>
                ) : null}
                {o.status === "hidden" ? (
                  <>
                    <p className="status-hidden-reason">{t("intake.mod_hidden_because", { reason: o.status_reason ?? "" })}</p>
                    <CommandButton intent="restore" hidden={{ inputId: o.id }} label={t("intake.mod_restore")} />
                  </>
                ) : (
                  <details className="hide">
                    <summary>{t("intake.mod_hide")}…</summary>
                    <CommandForm intent="hide" hidden={{ inputId: o.id }} submitLabel={t("intake.mod_hide")} className="row hide-form">
                      {(r) => <Field id={`hide-${o.id}`} name="reason" label={t("intake.mod_hide_reason")} intent="hide" result={r} required />}
                    </CommandForm>
                  </details>
                )}
              </li>
            ),
          )}
        </ol>
      )}
      <p className="row">
        {data.paged ? <Link to={`?filter=${data.filter}`}>{t("intake.mod_newest")}</Link> : null}
        {data.next ? (
          <Link to={`?filter=${params.get("filter") ?? "all"}&before=${encodeURIComponent(`${data.next.at}|${data.next.id}`)}`}>{t("intake.mod_older")}</Link>
        ) : null}
      </p>
    </article>
  );
}
