// After "adopted as a commitment": where the commitment stands in its follow-up, in words, with a link to the
// commitment on the plan's follow-up page — the last link of the chain from a citizen's words (issue 17).
import { Link } from "@remix-run/react";
import type { FateFollowup } from "../../../db/queries/follow-up.server";
import type { MessageKey } from "../../i18n";
import { useFormatDate, useT } from "../../i18n/react";

export function FateFollowups({ followups, slug }: { followups: readonly FateFollowup[]; slug: string }) {
  const t = useT();
  const date = useFormatDate();
  if (followups.length === 0) return null;
  return (
    <section className="fate-followup" aria-labelledby="fate-followup-h" data-testid="fate-followup">
      <h3 id="fate-followup-h">{t("story.followup_title")}</h3>
      <ul>
        {followups.map((f) => (
          <li key={f.id} data-fate-step="followup" data-fate-id={f.id}>
            <p>
              {t("story.followup_progress", { title: f.title, complete: f.complete, count: f.milestones })}{" "}
              {f.latest
                ? t("story.followup_latest", {
                    position: f.latest.position,
                    status: t(`followup.status.${f.latest.status}` as MessageKey),
                    date: date(f.latest.on),
                  })
                : t("story.followup_none")}
            </p>
            <p>
              <Link to={`/c/${slug}/plan/seguimiento#c-${f.id}`} data-testid="fate-followup-link">
                {t("story.followup_link")}
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
