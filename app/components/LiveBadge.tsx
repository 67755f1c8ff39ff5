import type { LiveStatus } from "../live/useLive";
import { useT } from "../i18n/react";
import { liveBadgeHooks } from "./intake/island-hooks";

/** The same badge on a page without React in the browser (the opinion page): its script fills it in. */
export function IslandLiveBadge() {
  const t = useT();
  return <span className="live-badge" role="status" data-testid="live-status" hidden {...liveBadgeHooks(t("live.connected"), t("live.offline"))} />;
}

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
