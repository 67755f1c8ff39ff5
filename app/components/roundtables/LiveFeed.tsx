// What just happened at the table, as the live events arrive (newest first).
import { isMessageKey } from "../../i18n";
import { useT } from "../../i18n/react";
import type { RoundtableChange } from "../../live/roundtable-events";

export function LiveFeed({ feed }: { feed: RoundtableChange[] }) {
  const t = useT();
  if (feed.length === 0) return null;
  return (
    <section className="live-feed" aria-labelledby="feed-h">
      <h2 id="feed-h">{t("roundtable.feed")}</h2>
      <ol className="list compact" role="log" aria-live="polite" data-testid="live-feed">
        {feed.map((f) => (
          <li key={`${f.at}-${f.key}`}>
            <strong>{f.actor}</strong>: {isMessageKey(f.key) ? t(f.key, f.params) : f.key}
          </li>
        ))}
      </ol>
    </section>
  );
}
