// A commitment's text history on its public sheet: each version with its differences from the one before, the
// note, the comments that led to it (quoted, linked) and, after approval, the amendment's reason.
import type { PlanComment } from "../../../db/queries/plan.server";
import type { RevisionStep } from "../../domain/plan";
import { useFormatDateTime, useT } from "../../i18n/react";
import { VersionDiff } from "../review/VersionDiff";

export function RevisionHistory({ history, comments }: { history: readonly RevisionStep[]; comments: readonly PlanComment[] }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const changes = history.slice(1);
  if (changes.length === 0) return <p className="muted">{t("plan.history_none")}</p>;
  return (
    <ol className="revision-history" data-testid="revision-history">
      <li className="muted">{t("plan.revision_original", { revision: history[0].revision })}</li>
      {changes.map((step, i) => (
        <li key={step.revision} data-testid="revision" data-revision={step.revision}>
          <p>
            <strong>{t("plan.revision", { revision: step.revision })}</strong> · <time dateTime={step.editedAt}>{formatDateTime(step.editedAt)}</time>
          </p>
          {step.amendmentReason ? (
            <p className="amendment" data-testid="amendment">
              {t("plan.amendment", { reason: step.amendmentReason })}
            </p>
          ) : step.note ? (
            <p>{t("plan.revision_note", { note: step.note })}</p>
          ) : null}
          <VersionDiff changes={step.changes} previous={history[i].revision} />
          {step.commentIds.length ? (
            <div className="revision-comments" data-testid="revision-comments">
              <p>{t("plan.revision_comments")}:</p>
              <ul>
                {step.commentIds.map((id) => {
                  const c = comments.find((x) => x.id === id);
                  return (
                    <li key={id}>
                      <a href={`#comentario-${id}`}>{c?.text ? `«${c.text.length > 140 ? `${c.text.slice(0, 140)}…` : c.text}»` : t("plan.comment_hidden")}</a>
                    </li>
                  );
                })}
              </ul>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
