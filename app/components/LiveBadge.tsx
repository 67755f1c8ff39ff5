import type { LiveStatus } from "../live/useLive";
import { useT } from "../i18n/react";

/** Says whether the page is receiving live updates; hidden until JavaScript runs. */
export function LiveBadge({ status }: { status: LiveStatus }) {
  const t = useT();
  if (status === "connecting") return null;
  return (
    <span className={`live-badge live-${status}`} role="status" data-testid="live-status">
      {status === "live" ? t("live.connected") : t("live.offline")}
    </span>
  );
}
