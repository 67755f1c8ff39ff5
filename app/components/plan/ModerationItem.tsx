// A citizen's comment on the plan in the moderation queue, beside the opinions: labelled with what it comments on,
// its reports, and hide-with-reason / restore through plan.comment_hide / plan.comment_restore.
import type { PlanCommentInQueue } from "../../../db/queries/plan-moderation.server";
import { useFormatDateTime, useT } from "../../i18n/react";
import { CommandButton, CommandForm } from "../admin/CommandForm";
import { Field } from "../forms";

export function PlanCommentItem({ comment: c, isNew }: { comment: PlanCommentInQueue; isNew: boolean }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  return (
    <li className={`opinion-card plan-comment status-${c.status}${isNew ? " is-new" : ""}`} data-testid="mod-plan-comment" data-status={c.status}>
      <p className="muted small">
        <strong data-testid="mod-plan-comment-label">
          {c.commitmentNumber
            ? t("planmod.comment_on_commitment", { number: c.commitmentNumber, title: c.commitmentTitle ?? "" })
            : t("planmod.comment_on_plan")}
        </strong>{" "}
        · <time dateTime={c.created_at}>{formatDateTime(c.created_at)}</time>
      </p>
      <p className="opinion-text">{c.text}</p>
      {c.reports > 0 ? (
        <details className="reports">
          <summary>{t("intake.mod_reports", { count: c.reports })}</summary>
          <ul>
            {c.reportReasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {c.status === "hidden" ? (
        <>
          <p className="status-hidden-reason">{t("intake.mod_hidden_because", { reason: c.status_reason ?? "" })}</p>
          <CommandButton intent="comment_restore" hidden={{ commentId: c.id }} label={t("intake.mod_restore")} />
        </>
      ) : (
        <details className="hide">
          <summary>{t("intake.mod_hide")}…</summary>
          <CommandForm intent="comment_hide" hidden={{ commentId: c.id }} submitLabel={t("intake.mod_hide")} className="row hide-form">
            {(r) => <Field id={`hide-${c.id}`} name="reason" label={t("planmod.hide_reason")} intent="comment_hide" result={r} required />}
          </CommandForm>
        </details>
      )}
    </li>
  );
}
