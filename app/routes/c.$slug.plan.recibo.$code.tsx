// The receipt of a comment on the draft plan: what the citizen wrote, on which commitment, and the technical
// roundtable's answer once given. No script (like the plan page).
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CommentAnswer } from "../components/plan/CommentList";
import { formatReceiptCode, isReceiptCode, normalizeReceiptCode } from "../domain/opinion";
import { translate } from "../i18n";
import { useFormatDateTime, useT } from "../i18n/react";
import type { IslandHandle } from "../island-script";
import { commentByReceipt } from "../lib/plan.server";

export const handle: IslandHandle = { serverOnly: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Cocrea" }, { name: "robots", content: "noindex" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const code = normalizeReceiptCode(params.code ?? "");
  const comment = isReceiptCode(code) ? await commentByReceipt(context.db, code) : null;
  if (!comment || comment.slug !== params.slug) throw new Response("Not found", { status: 404 });
  return json({ title: `${translate(context.lang, "plan.receipt_title")} ${formatReceiptCode(code)} · Cocrea`, code, comment });
}

export default function CommentReceipt() {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const { code, comment } = useLoaderData<typeof loader>();
  return (
    <article className="receipt narrow">
      <header className="page-head">
        <p className="crumb">
          <Link to={`/c/${comment.slug}`}>{comment.consultation_title}</Link>
        </p>
        <h1>
          {t("plan.receipt_title")}{" "}
          <span className="receipt-code" data-testid="receipt-code">
            {formatReceiptCode(code)}
          </span>
        </h1>
      </header>
      <p>{t("plan.receipt_on", { what: comment.proposal_title ?? t("plan.receipt_on_plan") })}</p>
      <p className="muted small">
        <time dateTime={comment.created_at}>{formatDateTime(comment.created_at)}</time>
      </p>
      {comment.text !== null ? (
        <blockquote className="opinion-text" data-testid="receipt-text">
          {comment.text}
        </blockquote>
      ) : (
        <p className="intake-notice">{t("plan.receipt_hidden")}</p>
      )}
      <CommentAnswer
        answer={comment.answer ? { verdict: comment.answer.verdict, reason: comment.answer.reason, answeredAt: comment.answer.answered_at } : null}
      />
      <p>
        <Link to={`/c/${comment.slug}/plan#comentario-${comment.id}`}>{t("plan.back_to_plan")}</Link>
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  const t = useT();
  return (
    <section className="error-page">
      <h1>{t("plan.receipt_title")}</h1>
      <p role="alert">{t("intake.receipt_not_found")}</p>
    </section>
  );
}
