// An opinion's receipt: what the citizen said, its status, and what became of it (the traceability work
// fills in that last part; summaries that took the opinion up are already listed).
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OpinionMeta } from "../components/intake/OpinionCard";
import { formatReceiptCode, isReceiptCode, normalizeReceiptCode } from "../domain/opinion";
import { translate, type MessageKey } from "../i18n";
import { useT } from "../i18n/react";
import { opinionReceipt } from "../lib/queries.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Cocrea" }, { name: "robots", content: "noindex" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const code = normalizeReceiptCode(params.code ?? "");
  const receipt = isReceiptCode(code) ? await opinionReceipt(context.db, code) : null;
  const title = `${translate(context.lang, "intake.receipt_title")} ${formatReceiptCode(code)} · Cocrea`;
  if (!receipt) throw json({ title }, { status: 404 });
  return json({ title, code, receipt });
}

export default function Receipt() {
  const t = useT();
  const { code, receipt } = useLoaderData<typeof loader>();
  const statusKey = `intake.status.${receipt.status}` as MessageKey;
  return (
    <article className="receipt narrow">
      <header className="page-head">
        <p className="crumb"><Link to={`/c/${receipt.consultation_slug}`}>{receipt.consultation_title}</Link></p>
        <h1>{t("intake.receipt_title")} <span className="receipt-code" data-testid="receipt-code">{formatReceiptCode(code)}</span></h1>
      </header>
      <OpinionMeta opinion={receipt} />
      <p>
        {t("intake.receipt_status")}: <strong className={`status status-${receipt.status}`} data-testid="receipt-status">{t(statusKey)}</strong>
      </p>
      {receipt.text !== null ? (
        <blockquote className="opinion-text" data-testid="receipt-text">{receipt.text}</blockquote>
      ) : (
        <div className="intake-notice">
          <p>{t("intake.receipt_hidden_text")}</p>
          {receipt.status_reason ? <p>{t("intake.receipt_hidden_reason", { reason: receipt.status_reason })}</p> : null}
        </div>
      )}
      <section aria-labelledby="outcome-h">
        <h2 id="outcome-h">{t("intake.receipt_outcome")}</h2>
        {receipt.summaries.length === 0 ? (
          <p className="muted" data-testid="receipt-outcome">{t("intake.receipt_outcome_pending")}</p>
        ) : (
          <ul data-testid="receipt-outcome">
            {receipt.summaries.map((s) => <li key={s.id}>{t("intake.receipt_taken_up", { title: s.title })}</li>)}
          </ul>
        )}
      </section>
      <p><Link to={`/c/${receipt.consultation_slug}/opinar`}>{t("intake.title")}</Link></p>
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
