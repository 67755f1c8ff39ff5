// What changed between two revisions of a proposal, word by word: <ins> and <del> with a visible mark ("+", "−"),
// underline and strike-through, and a label for screen readers, so the change reads without colour too.
import type { FieldChange } from "../../domain/proposals/versions";
import type { MessageKey } from "../../i18n";
import { useT } from "../../i18n/react";

/** Template field key → its label on the OGP sheet. */
const FIELD_LABELS: Record<string, MessageKey> = {
  title: "proposal.field.title",
  leadAgency: "proposal.field.lead_agency",
  responsiblePerson: "proposal.field.responsible_person",
  otherActors: "proposal.field.other_actors",
  problem: "proposal.field.problem",
  objective: "proposal.field.objective",
  description: "proposal.field.description",
  ogpChallenges: "proposal.field.ogp_challenges",
  relevance: "proposal.field.relevance",
  ambition: "proposal.field.ambition",
  milestones: "proposal.field.milestones",
};

export function VersionDiff({ changes, previous }: { changes: FieldChange[]; previous: number }) {
  const t = useT();
  return (
    <div className="version-diff">
      <p>
        <strong>{t("review.changes", { revision: previous })}</strong>
      </p>
      {changes.length === 0 ? (
        <p className="empty">{t("review.no_changes")}</p>
      ) : (
        <dl className="diff-fields">
          {changes.map((c) => (
            <div key={c.field} data-field={c.field}>
              <dt>{FIELD_LABELS[c.field] ? t(FIELD_LABELS[c.field]) : c.field}</dt>
              <dd className="diff-text">
                {c.parts.map((part, i) =>
                  part.kind === "added" ? (
                    <ins key={i} className="diff-ins">
                      <span className="review-sr">{`${t("review.inserted")}: `}</span>
                      <span className="diff-mark" aria-hidden="true">
                        +
                      </span>
                      {part.text}
                    </ins>
                  ) : part.kind === "removed" ? (
                    <del key={i} className="diff-del">
                      <span className="review-sr">{`${t("review.deleted")}: `}</span>
                      <span className="diff-mark" aria-hidden="true">
                        −
                      </span>
                      {part.text}
                    </del>
                  ) : (
                    <span key={i}>{part.text}</span>
                  ),
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
