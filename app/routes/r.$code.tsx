// An opinion's receipt: what the citizen said, its status, and what became of it — step by step to the summary,
// the proposals, merges and the commitment, or the recorded reason it went no further (app/domain/fate.ts). Live.
import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FateView } from "../components/fate/FateSteps";
import { useInputChanges } from "../components/fate/useInputChanges";
import { OpinionMeta } from "../components/intake/OpinionCard";
import { LiveBadge } from "../components/LiveBadge";
import { fateOfInput } from "../domain/fate";
import { formatReceiptCode, isReceiptCode, normalizeReceiptCode } from "../domain/opinion";
import { translate, type MessageKey } from "../i18n";
import { useT } from "../i18n/react";
import { fateFollowups, inputFate, opinionReceipt } from "../lib/queries.server";
import { commentByReceipt } from "../lib/plan.server";
import { useLiveConsultation } from "../live/useLive";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Cocrea" }, { name: "robots", content: "noindex" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const code = normalizeReceiptCode(params.code ?? "");
  const receipt = isReceiptCode(code) ? await opinionReceipt(context.db, code) : null;
  const title = `${translate(context.lang, "intake.receipt_title")} ${formatReceiptCode(code)} · Cocrea`;
  const found = receipt ? await inputFate(context.db, receipt.id) : null;
  if (!receipt && isReceiptCode(code)) {
    // Comments on the draft plan share the receipt codes' space: their receipt lives beside the plan.
    const comment = await commentByReceipt(context.db, code);
    if (comment) throw redirect(`/c/${comment.slug}/plan/recibo/${code}`);
  }
  if (!receipt || !found) throw json({ title }, { status: 404 });
  const fate = fateOfInput(found.facts);
  const followups = "ids" in fate.ending ? await fateFollowups(context.db, found.head.consultation_id, fate.ending.ids) : [];
  return json({ title, code, receipt, consultationId: found.head.consultation_id, fate, followups });
}

export default function Receipt() {
  const t = useT();
  const { code, receipt, consultationId, fate, followups } = useLoaderData<typeof loader>();
  // Merges, adoptions and summaries reach the consultation's public room; hiding reaches its opinion channel.
  const live = useLiveConsultation(consultationId);
  useInputChanges(receipt.id);
  const statusKey = `intake.status.${receipt.status}` as MessageKey;
  return (
    <article className="receipt narrow">
      <header className="page-head">
        <p className="crumb">
          <Link to={`/c/${receipt.consultation_slug}`}>{receipt.consultation_title}</Link>
        </p>
        <h1>
          {t("intake.receipt_title")}{" "}
          <span className="receipt-code" data-testid="receipt-code">
            {formatReceiptCode(code)}
          </span>
        </h1>
        <LiveBadge status={live} />
      </header>
      <OpinionMeta opinion={receipt} />
      <p>
        {t("intake.receipt_status")}:{" "}
        <strong className={`status status-${receipt.status}`} data-testid="receipt-status">
          {t(statusKey)}
        </strong>
      </p>
      {receipt.text !== null ? (
        <blockquote className="opinion-text" data-testid="receipt-text">
          {receipt.text}
        </blockquote>
      ) : (
        <div className="intake-notice">
          <p>{t("intake.receipt_hidden_text")}</p>
          {receipt.status_reason ? <p>{t("intake.receipt_hidden_reason", { reason: receipt.status_reason })}</p> : null}
        </div>
      )}
      <FateView fate={fate} slug={receipt.consultation_slug} followups={followups} />
      <p>
        <Link to={`/c/${receipt.consultation_slug}/opinar`}>{t("intake.title")}</Link>
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  const t = useT();
  return (
    <section className="error-page">
      <h1>{t("intake.receipt_title")}</h1>
      <p role="alert">{t("intake.receipt_not_found")}</p>
      <form method="get" action="/r" className="row receipt-lookup">
        <label htmlFor="receipt-lookup">{t("intake.receipt_lookup_code")}</label>
        <input id="receipt-lookup" name="code" placeholder="XXXX-XXXX" maxLength={12} required />
        <button type="submit">{t("intake.receipt_lookup_submit")}</button>
      </form>
    </section>
  );
}
