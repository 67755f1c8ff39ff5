// Shown after an opinion is received: the short code and the link to its receipt page.
import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { formatReceiptCode } from "../../domain/opinion";
import { useT } from "../../i18n/react";

export function ReceiptBox({ receiptCode, duplicate }: { receiptCode: string; duplicate: boolean }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  // Screen readers and small screens: bring the receipt into view once it appears.
  useEffect(() => box.current?.focus(), [receiptCode]);
  return (
    <div className="receipt-box" role="status" tabIndex={-1} ref={box} data-testid="receipt">
      <p className="form-ok">{t("intake.thanks")}</p>
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
