// The participation figures that come before the proposals, each a link to what is behind it: the opinion
// statistics, the forums (attendance and captures per forum) and the systematization summaries.
import { Link } from "@remix-run/react";
import type { Participation } from "../../domain/funnel-view";
import type { MessageKey } from "../../i18n";
import { useFormatNumber, useT } from "../../i18n/react";

export function ParticipationFigures({ slug, participation }: { slug: string; participation: Participation }) {
  const t = useT();
  const number = useFormatNumber();
  const items: Array<{ key: keyof Participation; label: MessageKey; to: string }> = [
    { key: "opinionsOnline", label: "public_funnel.opinions_online", to: `/c/${slug}/estadisticas` },
    { key: "forumAttendance", label: "public_funnel.forum_attendance", to: "#forums" },
    { key: "forumCaptures", label: "public_funnel.forum_captures", to: "#forums" },
    { key: "summaries", label: "public_funnel.summaries", to: "#summaries" },
  ];
  return (
    <section aria-labelledby="participation-h">
      <h2 id="participation-h">{t("public_funnel.participation")}</h2>
      <ul className="participation" data-testid="participation">
        {items.map((i) => (
          <li key={i.key}>
            {i.to.startsWith("#") ? (
              <a href={i.to} className="pfig" data-testid={`participation-${i.key}`}>
                {number(participation[i.key])}
              </a>
            ) : (
              <Link to={i.to} className="pfig" data-testid={`participation-${i.key}`}>
                {number(participation[i.key])}
              </Link>
            )}{" "}
            <span>{t(i.label, { count: participation[i.key] })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
