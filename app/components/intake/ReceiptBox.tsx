// Shown after an opinion is received: the short code and the link to its receipt page.
import { Link } from "@remix-run/react";
import { formatReceiptCode } from "../../domain/opinion";
import { useT } from "../../i18n/react";
import { RECEIPT_ANCHOR } from "./island-hooks";

export function ReceiptBox({ receiptCode, duplicate }: { receiptCode: string; duplicate: boolean }) {
  const t = useT();
  return (
    <div className="receipt-box" role="status" data-testid="receipt">
      {/* On a phone the form is screens long: without a visible, focused receipt nothing confirms the opinion.
          Without JavaScript the browser focuses it (autofocus) and scrolls to it (the form's #receipt); the
          page's script does the same after it swaps in the answer (app/islands/opinion.ts). */}
      {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the one thing the citizen needs to see after sending */}
      <h2 className="form-ok" id={RECEIPT_ANCHOR} tabIndex={-1} autoFocus>
        {t("intake.thanks")}
      </h2>
      {duplicate ? <p>{t("intake.duplicate")}</p> : null}
      <p>
        {t("intake.receipt_code")}:{" "}
        <strong className="receipt-code" data-testid="receipt-code">
          {formatReceiptCode(receiptCode)}
        </strong>
      </p>
      <p className="muted">{t("intake.receipt_keep")}</p>
      <p>
        <Link to={`/r/${receiptCode}`}>{t("intake.receipt_link")}</Link>
      </p>
    </div>
  );
}
