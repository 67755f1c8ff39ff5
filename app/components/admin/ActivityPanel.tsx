// The dashboard's recent activity: what happened (named as people say it), who did it and when, to the minute.
import { useCommandName } from "../CommandName";
import { useFormatDateTime, useT } from "../../i18n/react";

export interface ActivityRow {
  seq: number;
  command_type: string;
  actor_label: string;
  created_at: string;
}

export function ActivityPanel({ activity }: { activity: ActivityRow[] }) {
  const t = useT();
  const when = useFormatDateTime();
  const what = useCommandName();
  const who = (label: string) => (label === "anonymous" ? t("activity.actor.anonymous") : label.startsWith("system:") ? t("activity.actor.system") : label);
  return (
    <section className="panel" aria-labelledby="activity-h">
      <h2 id="activity-h">{t("admin.activity")}</h2>
      {activity.length === 0 ? (
        <p className="empty">{t("admin.activity_empty")}</p>
      ) : (
        <ol className="list compact" data-testid="activity">
          {activity.map((a) => (
            <li key={a.seq} data-command-type={a.command_type}>
              <strong>{what(a.command_type)}</strong> · {who(a.actor_label)} · <time dateTime={a.created_at}>{when(a.created_at)}</time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
