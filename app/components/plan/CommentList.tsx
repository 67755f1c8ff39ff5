// Citizens' comments with the technical roundtable's public answer (verdict and reason); hidden ones say so.
import type { PlanComment } from "../../../db/queries/plan.server";
import type { MessageKey } from "../../i18n";
import { useFormatDateTime, useT } from "../../i18n/react";

export function CommentAnswer({ answer }: { answer: PlanComment["answer"] }) {
  const t = useT();
  if (!answer) return <p className="muted small">{t("plan.unanswered")}</p>;
  return (
    <div className={`comment-answer verdict-${answer.verdict}`} data-testid="comment-answer">
      <p>
        <strong>
          {t("plan.answer")}: {t(`plan.verdict.${answer.verdict}` as MessageKey)}
        </strong>
      </p>
      <p className="pre-line">{answer.reason}</p>
    </div>
  );
}

export function CommentList({ comments, children }: { comments: readonly PlanComment[]; children?: (c: PlanComment) => React.ReactNode }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  if (comments.length === 0) return <p className="empty">{t("plan.comments_none")}</p>;
  return (
    <ol className="plan-comments" data-testid="plan-comments">
      {comments.map((c) => (
        <li key={c.id} id={`comentario-${c.id}`} className={`plan-comment status-${c.status}`} data-testid="plan-comment" data-status={c.status}>
          <p className="muted small">
            <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
          </p>
          {c.text !== null ? <p className="pre-line comment-text">{c.text}</p> : <p className="muted">{t("plan.comment_hidden")}</p>}
          <CommentAnswer answer={c.answer} />
          {children?.(c)}
        </li>
      ))}
    </ol>
  );
}
