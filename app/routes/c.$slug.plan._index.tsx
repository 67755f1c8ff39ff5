// The public plan (issue 9): the draft open for comment or the approved plan — its introduction, the funnel table,
// and each commitment's sheet in the OGP template with where it came from, the differences between versions with the
// comments that led to each change, the comments with their public answers, and a comment form. No script at all:
// forms post and the page answers with the receipt (a cheap phone, with or without JavaScript).
import { stageStateOn, todayInGuatemala } from "../domain/phases";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { BadFormBody, isBadFormBody } from "../components/BadFormBody";
import { CommentForm, COMMENT_INTENT, type CommentPosted } from "../components/plan/CommentForm";
import { CommentList } from "../components/plan/CommentList";
import { FunnelTable } from "../components/plan/FunnelTable";
import { RevisionHistory } from "../components/plan/RevisionHistory";
import { TemplateSheet } from "../components/plan/TemplateSheet";
import { formatReceiptCode } from "../domain/opinion";
import { commentRefusal, isFrozen, isPublic } from "../domain/plan";
import { translate } from "../i18n";
import { useFormatDate, useLang, useT } from "../i18n/react";
import type { IslandHandle } from "../island-script";
import type { ActionResult } from "../lib/action-result";
import { handleIntakeForm } from "../lib/intake-form.server";
import { funnelTable, planContext } from "../lib/plan.server";
import { keepRetryAfter } from "../lib/retry-after";

export const headers = keepRetryAfter;

export const handle: IslandHandle = { serverOnly: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · ${data.consultation.title}` : "Cocrea" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const found = await planContext(context.db, params.slug!, context.user, context.lang);
  if (!found) throw new Response("Not found", { status: 404 });
  const plan = found.plan && isPublic(found.plan.status) ? found.plan : null;
  // The draft-plan stage on today's date: opened AND within its dates, as plan.comment decides.
  const stageToday = found.stage ? stageStateOn(found.stage, todayInGuatemala()) : null;
  const refusal = plan ? commentRefusal(plan.status, stageToday?.status === "open") : null;
  return json({
    title: translate(context.lang, "plan.public_title"),
    consultation: found.consultation,
    stageName: found.stage?.name || translate(context.lang, "phase.draft_plan"),
    plan,
    commentsOpen: Boolean(plan) && refusal === null,
    closedReason: refusal,
    stageToday,
    funnel: plan ? await funnelTable(context.db, found.consultation.id) : null,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const found = await planContext(context.db, params.slug!, context.user, context.lang);
  if (!found?.plan) throw new Response("Not found", { status: 404 });
  return handleIntakeForm(request, context, { [COMMENT_INTENT]: "plan.comment" }, () => ({ planId: found.plan!.id }));
}

type Posted = ActionResult & { values?: Record<string, string> };

export default function PublicPlan() {
  const t = useT();
  const date = useFormatDate();
  const data = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as Posted | undefined;
  const c = data.consultation;
  const plan = data.plan;
  const receipt = posted?.ok ? (posted.result as { receiptCode: string; duplicate: boolean }) : null;
  const failed: CommentPosted | null =
    posted && !posted.ok
      ? { proposalId: posted.values?.proposalId ?? "", message: posted.error.message, issues: posted.error.issues, text: posted.values?.text }
      : null;
  const exportBase = `/c/${c.slug}/plan/exportar`;

  return (
    <article className="plan-page">
      <header className="page-head">
        <p className="crumb">
          <Link to={`/c/${c.slug}`}>{c.title}</Link>
        </p>
        <h1>{t("plan.public_title")}</h1>
        {plan ? <p data-testid="plan-status">{t("plan.status_line", { status: t(`plan.status.${plan.status}`) })}</p> : null}
      </header>

      {receipt ? (
        <div className="receipt-box" role="status" data-testid="receipt">
          <p className="form-ok">{receipt.duplicate ? t("plan.receipt_duplicate") : t("plan.receipt_intro")}</p>
          <p>
            <strong className="receipt-code" data-testid="receipt-code">
              {formatReceiptCode(receipt.receiptCode)}
            </strong>
          </p>
          <p>
            <Link to={`/r/${receipt.receiptCode}`}>{t("plan.receipt_see")}</Link>
          </p>
        </div>
      ) : null}
      {failed && !data.commentsOpen ? (
        <p className="form-error" role="alert">
          {failed.message}
        </p>
      ) : null}

      {!plan ? (
        <p className="empty">{t("plan.none_public")}</p>
      ) : (
        <>
          {plan.approval ? <p data-testid="plan-approval">{t("plan.approval", { ...plan.approval, on: date(plan.approval.on) })}</p> : null}
          {plan.submission ? (
            <p data-testid="plan-submission">
              {t("plan.submission", { on: date(plan.submission.on) })}
              {plan.submission.link ? (
                <>
                  {" — "}
                  <a href={plan.submission.link} rel="noopener noreferrer">
                    {t("plan.submission_link")}
                  </a>
                </>
              ) : null}
              {plan.submission.file ? ` — ${t("plan.submission_file", { file: plan.submission.file })}` : null}
            </p>
          ) : null}
          {isFrozen(plan.status) ? (
            <p>
              <Link to={`/c/${c.slug}/plan/seguimiento`}>{t("plan.followup_link")}</Link>
            </p>
          ) : null}
          <nav className="row plan-exports" aria-label={t("plan.exports")}>
            <span>{t("plan.exports")}:</span>
            <a href={`${exportBase}/plan.pdf`} type="application/pdf">
              {t("plan.export_pdf")}
            </a>
            <a href={`${exportBase}/plan.html`}>{t("plan.export_html")}</a>
            <a href={`${exportBase}/plan.md`}>{t("plan.export_md")}</a>
            <a href={`${exportBase}/plan.json`}>{t("plan.export_json")}</a>
            <a href={`${exportBase}/plan.csv`}>{t("plan.export_csv")}</a>
            <a href={`${exportBase}/plan.html?lang=en`} hrefLang="en">
              {t("plan.export_lang")}
            </a>
            <a href={`${exportBase}/plan.pdf?lang=en`} hrefLang="en" type="application/pdf">
              {t("plan.export_pdf_en")}
            </a>
          </nav>
          {!data.commentsOpen && data.closedReason ? (
            <p className="intake-notice" data-testid="comments-closed">
              {t("plan.comment_closed", {
                reason:
                  data.closedReason === "stage"
                    ? data.stageToday?.on
                      ? t(data.stageToday.status === "closed" ? "stage.closed_on_draft_plan" : "stage.opens_on_draft_plan", { date: date(data.stageToday.on) })
                      : t("plan.error.comment_stage", { stage: data.stageName })
                    : t("plan.error.comment_frozen", { status: t(`plan.status.${plan.status}`), stage: data.stageName }),
              })}
            </p>
          ) : null}

          {plan.introduction ? (
            <section aria-labelledby="intro-h">
              <h2 id="intro-h">{t("plan.introduction")}</h2>
              <p className="pre-line">{plan.introduction}</p>
            </section>
          ) : null}

          <section aria-labelledby="funnel-h">
            <h2 id="funnel-h">{t("plan.funnel_title")}</h2>
            {data.funnel ? <FunnelTable funnel={data.funnel} /> : null}
          </section>

          <section aria-labelledby="commitments-h">
            <h2 id="commitments-h">{t("plan.commitments")}</h2>
            {plan.commitments.length === 0 ? (
              <p className="empty">{t("plan.commitments_empty")}</p>
            ) : (
              <p data-testid="plan-commitments-count">{t("plan.commitments_count", { count: plan.commitments.length })}</p>
            )}
            {plan.commitments.map((k) => (
              <section
                key={k.proposalId}
                id={`compromiso-${k.number}`}
                className="plan-commitment"
                data-testid="plan-commitment"
                aria-labelledby={`k-${k.proposalId}`}
              >
                <h3 id={`k-${k.proposalId}`}>
                  {t("plan.commitment_number", { number: k.number })}: <span data-testid="commitment-title">{k.template.title}</span>
                </h3>
                {k.amendments
                  .filter((a) => a.added)
                  .map((a) => (
                    <p key={a.amendedAt} className="amendment" data-testid="amendment-added">
                      {t("plan.amendment_added", { reason: a.reason })} · {date(a.amendedAt)}
                    </p>
                  ))}
                <TemplateSheet template={k.template} />
                <details className="plan-origin">
                  <summary>{t("plan.origin")}</summary>
                  <p>{k.roundtableName ? t("plan.origin_table", { name: k.roundtableName }) : t("plan.origin_theme", { name: k.themeName })}</p>
                  <p>
                    {t("plan.origin_inputs", { count: k.origin.inputs })} · {t("plan.origin_summaries", { count: k.origin.summaries })}
                  </p>
                  <p>{t("plan.origin_merged")}:</p>
                  {k.origin.mergedFrom.length ? (
                    <ul>
                      {k.origin.mergedFrom.map((p) => (
                        <li key={p.id}>
                          <Link to={`/c/${c.slug}/propuestas/${p.id}`}>{p.title}</Link>
                          {p.organization ? ` (${p.organization})` : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">{t("plan.origin_merged_none")}</p>
                  )}
                </details>
                <h4>{t("plan.history")}</h4>
                <RevisionHistory history={k.history} comments={k.comments} />
                {k.observations.length ? (
                  <>
                    <h4>{t("plan.observations")}</h4>
                    <ul>
                      {k.observations.map((o) => (
                        <li key={o.id}>
                          <p className="pre-line">{o.text}</p>
                          <p className="muted">{o.answer ? t("plan.observation_answer", { answer: o.answer }) : t("plan.observation_unanswered")}</p>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                <h4>{t("plan.comments")}</h4>
                <CommentList comments={k.comments} />
                {data.commentsOpen ? <CommentForm planId={plan.id} proposalId={k.proposalId} label={t("plan.comment_form")} posted={failed} /> : null}
              </section>
            ))}
          </section>

          <section aria-labelledby="general-h">
            <h2 id="general-h">{t("plan.general_comments")}</h2>
            <CommentList comments={plan.comments} />
            {data.commentsOpen ? <CommentForm planId={plan.id} proposalId={null} label={t("plan.comment_form_general")} posted={failed} /> : null}
          </section>
        </>
      )}
    </article>
  );
}

export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  const lang = useLang();
  if (isBadFormBody(error)) return <BadFormBody lang={lang} />;
  return (
    <section className="error-page">
      <h1>{t("plan.public_title")}</h1>
      <p role="alert">{t("plan.none_public")}</p>
    </section>
  );
}
