// The citizen's comment form: a plain post (no JavaScript needed), with the intake's honeypot and length limits.
import { PLAN_COMMENT_MAX, PLAN_COMMENT_MIN } from "../../domain/plan";
import { useT } from "../../i18n/react";
import type { FieldIssue } from "../../lib/action-result";
import { FormBasics } from "../forms";

export const COMMENT_INTENT = "comment";

export interface CommentPosted {
  proposalId: string;
  message?: string;
  issues?: FieldIssue[];
  text?: string;
}

export function CommentForm({
  planId,
  proposalId,
  label,
  posted,
}: {
  planId: string;
  proposalId: string | null;
  label: string;
  posted?: CommentPosted | null;
}) {
  const t = useT();
  const key = proposalId ?? "plan";
  const id = `comment-${key}`;
  const mine = posted && posted.proposalId === (proposalId ?? "") ? posted : null;
  const issues = mine?.issues?.filter((i) => String(i.path[0]) === "text") ?? [];
  return (
    <form method="post" className="stack plan-comment-form" data-testid="comment-form" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{label}</h3>
      <FormBasics intent={COMMENT_INTENT} />
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="proposalId" value={proposalId ?? ""} />
      {mine?.message ? (
        <p className="form-error" role="alert">
          {mine.message}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={id}>{t("plan.comment_label")}</label>
        <textarea
          id={id}
          name="text"
          rows={4}
          required
          minLength={PLAN_COMMENT_MIN}
          maxLength={PLAN_COMMENT_MAX}
          defaultValue={mine?.text ?? ""}
          aria-describedby={`${id}-hint`}
          aria-invalid={issues.length ? true : undefined}
        />
        <small className="hint" id={`${id}-hint`}>
          {t("plan.comment_hint", { min: PLAN_COMMENT_MIN, max: PLAN_COMMENT_MAX })}
        </small>
        {issues.length ? <small className="field-error">{issues.map((i) => i.message).join(" ")}</small> : null}
      </div>
      {/* Honeypot: off screen and out of the tab order; people leave it empty, form-filling bots do not. */}
      <div className="hp" aria-hidden="true">
        <label htmlFor={`${id}-website`}>{t("intake.honeypot")}</label>
        <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit" className="primary">
        {t("plan.comment_submit")}
      </button>
    </form>
  );
}
