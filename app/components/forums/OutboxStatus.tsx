// The strip under the capture screen's title: connection, how many captures wait on the device, and any
// the server refused (with their text, so nothing typed is lost without the facilitator seeing it).
import type { OutboxItem } from "../../domain/outbox";
import { useT } from "../../i18n/react";

interface Props {
  online: boolean;
  waiting: number;
  sending: boolean;
  signedOut: boolean;
  offlineReady: boolean;
  failed: OutboxItem[];
  onRetry: () => void;
  onDismiss: (id: string) => void;
}

export function OutboxStatus({ online, waiting, sending, signedOut, offlineReady, failed, onRetry, onDismiss }: Props) {
  const t = useT();
  return (
    <div className="outbox">
      <p className={`connection ${online ? "is-online" : "is-offline"}`} data-testid="connection">
        {online ? t("capture.online") : t("capture.offline")}
        {offlineReady ? (
          <span className="muted" data-testid="offline-ready">
            {" "}
            · {t("capture.offline_ready")}
          </span>
        ) : null}
      </p>
      <p className={`queue ${waiting ? "has-waiting" : ""}`} role="status" aria-live="polite" data-testid="queue" data-waiting={waiting}>
        {waiting === 0 ? t("capture.queue_synced") : waiting === 1 ? t("capture.queue_one") : t("capture.queue_waiting", { count: waiting })}
        {waiting > 0 && sending ? ` · ${t("capture.queue_sending")}` : null}
        {waiting > 0 && !sending ? (
          <>
            {" "}
            ·{" "}
            <button type="button" className="link" onClick={onRetry}>
              {t("capture.retry_now")}
            </button>
          </>
        ) : null}
      </p>
      {signedOut ? (
        <p className="form-error" role="alert">
          {t("capture.queue_signed_out")}{" "}
          <a href={`/login?redirectTo=${encodeURIComponent(typeof location === "undefined" ? "/" : location.pathname)}`}>{t("nav.login")}</a>
        </p>
      ) : null}
      {failed.length > 0 ? (
        <section className="outbox-failed" aria-labelledby="failed-h">
          <h2 id="failed-h">{t("capture.failed_title")}</h2>
          <p className="muted">{t("capture.failed_hint")}</p>
          <ul>
            {failed.map((i) => (
              <li key={i.envelope.id}>
                <p className="capture-text">{String(i.envelope.payload.text ?? "")}</p>
                <p className="form-error">{i.error?.message ?? t("capture.failed")}</p>
                <button type="button" className="link" onClick={() => onDismiss(i.envelope.id)}>
                  {t("capture.dismiss")}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
