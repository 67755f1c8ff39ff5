// What changed between two revisions of a proposal, word by word: <ins> and <del> with a visible mark ("+", "−"),
// underline and strike-through, and a label for screen readers, so the change reads without colour too.
import type { FieldChange } from "../../domain/proposals/versions";
import { useT } from "../../i18n/react";
import { FIELD_LABELS } from "../../domain/proposals/field-labels";

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
