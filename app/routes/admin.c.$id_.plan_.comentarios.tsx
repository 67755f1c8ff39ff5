// The technical roundtable's view of the comments on the draft plan: each commitment's current text beside its
// comments (new ones arrive live), an answer per comment (accepted, partly, not accepted, with a reason), and a
// revision of the text naming the comments that led to it. Moderators hide and restore comments here too.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CommandButton, CommandForm } from "../components/admin/CommandForm";
import { Field } from "../components/forms";
import { LiveBadge } from "../components/LiveBadge";
import { CommentList } from "../components/plan/CommentList";
import { TemplateSheet } from "../components/plan/TemplateSheet";
import { COMMENT_VERDICTS, isFrozen } from "../domain/plan";
import { translate } from "../i18n";
import { useT } from "../i18n/react";
import { handleCommandForm } from "../lib/command-form.server";
import { planContext } from "../lib/plan.server";
import { requireStaff } from "../lib/read-policy.server";
import { useLiveConsultation } from "../live/useLive";
import { readForm } from "../lib/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · ${data.consultation.title}` : "Cocrea" }];

async function load(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const { params, context, request } = args;
  const found = await planContext(context.db, params.id!, context.user, context.lang);
  if (!found) throw new Response("Not found", { status: 404 });
  await requireStaff(context, request, found.consultation.id);
  return found;
}

export async function loader(args: LoaderFunctionArgs) {
  const found = await load(args);
  return json({
    title: translate(args.context.lang, "plan.review.title"),
    consultation: found.consultation,
    plan: found.plan,
    canAnswer: found.policy.isContact || found.policy.isTechnicalMember,
    canModerate: found.policy.canModerate,
  });
}

export async function action(args: ActionFunctionArgs) {
  const found = await load(args);
  // Several comments may be ticked: the form repeats the field.
  const form = await readForm(args.request, args.context.lang);
  const commentIds = String(form.get("intent")) === "revise" ? { commentIds: form.getAll("commentIds").map(String) } : {};
  return handleCommandForm(
    args.request,
    args.context,
    { answer: "plan.comment_answer", revise: "plan.revise", hide: "plan.comment_hide", restore: "plan.comment_restore" },
    { ...(found.plan ? { planId: found.plan.id } : {}), ...commentIds },
  );
}

export default function PlanComments() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const c = data.consultation;
  const plan = data.plan;
  const live = useLiveConsultation(c.id, { staff: true });
  const frozen = plan ? isFrozen(plan.status) : false;

  const staffTools = (comment: { id: string; status: string; text: string | null; reports: number }) => (
    <div className="stack comment-tools">
      {comment.reports > 0 ? <p className="muted small">{t("plan.review.reports", { count: comment.reports })}</p> : null}
      {data.canAnswer && !frozen ? (
        <details>
          <summary>{t("plan.review.answer")}</summary>
          <CommandForm intent="answer" hidden={{ commentId: comment.id }} submitLabel={t("plan.review.answer")}>
            {(result) => (
              <>
                <Field name="verdict" label={t("plan.review.verdict")} intent="answer" result={result} id={`verdict-${comment.id}`}>
                  <select id={`verdict-${comment.id}`} name="verdict" required>
                    {COMMENT_VERDICTS.map((v) => (
                      <option key={v} value={v}>
                        {t(`plan.verdict.${v}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field name="reason" label={t("plan.review.reason")} intent="answer" result={result} multiline required id={`reason-${comment.id}`} />
              </>
            )}
          </CommandForm>
        </details>
      ) : null}
      {data.canModerate ? (
        comment.status === "hidden" ? (
          <CommandButton intent="restore" hidden={{ commentId: comment.id }} label={t("plan.review.restore")} />
        ) : (
          <CommandForm intent="hide" hidden={{ commentId: comment.id }} submitLabel={t("plan.review.hide")} className="inline">
            {(result) => <Field name="reason" label={t("plan.review.hide_reason")} intent="hide" result={result} required id={`hide-${comment.id}`} />}
          </CommandForm>
        )
      ) : null}
    </div>
  );

  return (
    <article className="plan-review">
      <header className="page-head">
        <p className="crumb">
          <Link to={`/admin/c/${c.id}`}>{c.title}</Link> › <Link to={`/admin/c/${c.id}/plan`}>{t("plan.admin.title")}</Link>
        </p>
        <h1>{t("plan.review.title")}</h1>
        <LiveBadge status={live} />
        <p className="muted">{t("plan.review.intro")}</p>
        {plan ? <p data-testid="plan-status">{t("plan.status_line", { status: t(`plan.status.${plan.status}`) })}</p> : null}
      </header>
      {!plan ? (
        <p className="empty">{t("plan.admin.no_plan")}</p>
      ) : (
        <>
          {plan.commitments.map((k) => (
            <section key={k.proposalId} className="panel plan-review-commitment" data-testid="review-commitment" aria-labelledby={`rk-${k.proposalId}`}>
              <h2 id={`rk-${k.proposalId}`}>
                {t("plan.commitment_number", { number: k.number })}: <span data-testid="commitment-title">{k.template.title}</span>
              </h2>
              <div className="grid two">
                <div>
                  <TemplateSheet template={k.template} />
                  {data.canAnswer && !frozen ? (
                    <details className="revise">
                      <summary>{t("plan.review.revise")}</summary>
                      <CommandForm
                        intent="revise"
                        hidden={{ proposalId: k.proposalId, expectedVersion: String(k.version) }}
                        submitLabel={t("plan.review.revise_submit")}
                      >
                        {(result) => (
                          <>
                            <Field
                              name="title"
                              label={t("proposal.field.title")}
                              intent="revise"
                              result={result}
                              defaultValue={k.template.title}
                              required
                              id={`title-${k.proposalId}`}
                            />
                            {(["problem", "objective", "description", "ambition"] as const).map((f) => (
                              <Field
                                key={f}
                                name={f}
                                label={t(`proposal.field.${f}`)}
                                intent="revise"
                                result={result}
                                multiline
                                defaultValue={k.template[f]}
                                id={`${f}-${k.proposalId}`}
                              />
                            ))}
                            <Field name="note" label={t("plan.review.revise_note")} intent="revise" result={result} multiline id={`note-${k.proposalId}`} />
                            {k.comments.length ? (
                              <fieldset>
                                <legend>{t("plan.review.revise_comments")}</legend>
                                {k.comments.map((cm) => (
                                  <label key={cm.id} className="check">
                                    <input type="checkbox" name="commentIds" value={cm.id} />{" "}
                                    {cm.text ? (cm.text.length > 80 ? `${cm.text.slice(0, 80)}…` : cm.text) : "—"}
                                  </label>
                                ))}
                              </fieldset>
                            ) : null}
                          </>
                        )}
                      </CommandForm>
                    </details>
                  ) : null}
                </div>
                <div>
                  <h3>{t("plan.comments")}</h3>
                  <CommentList comments={k.comments}>{staffTools}</CommentList>
                </div>
              </div>
            </section>
          ))}
          <section className="panel" aria-labelledby="general-h">
            <h2 id="general-h">{t("plan.general_comments")}</h2>
            <CommentList comments={plan.comments}>{staffTools}</CommentList>
          </section>
        </>
      )}
    </article>
  );
}
