// The action plan's staff page (issue 9): the point of contact assembles it from the adopted commitments (order,
// numbers, introduction) and publishes the draft, sends it for review and records the OGP support unit's
// observations, records the approval (which freezes it) and the submission, and amends commitments afterwards.
// Other staff read it. Every button is a command; the page reloads live when the plan changes.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CommandButton, CommandForm } from "../components/admin/CommandForm";
import { Field } from "../components/forms";
import { LiveBadge } from "../components/LiveBadge";
import { isFrozen, isPublic } from "../domain/plan";
import { translate } from "../i18n";
import { useT, useFormatDate } from "../i18n/react";
import { handleCommandForm } from "../lib/command-form.server";
import { adoptedProposals, planContext } from "../lib/plan.server";
import { amendmentCandidates } from "../../db/queries/in-the-plan.server";
import { canExportUnpublishedPlan, requireStaff } from "../lib/read-policy.server";
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
    title: translate(args.context.lang, "plan.admin.title"),
    consultation: found.consultation,
    plan: found.plan,
    stageName: found.stage?.name || translate(args.context.lang, "phase.draft_plan"),
    canEdit: found.policy.isContact,
    canAnswer: found.policy.isContact || found.policy.isTechnicalMember,
    // The same rule as the export route: before publication only the plan's writers export it.
    canExport: Boolean(found.plan) && (isPublic(found.plan!.status) || canExportUnpublishedPlan(found.policy)),
    adopted: await adoptedProposals(args.context.db, found.consultation.id),
    // Once frozen, a commitment enters only by an amendment that records it (issue 17).
    candidates: found.plan && isFrozen(found.plan.status) ? await amendmentCandidates(args.context.db, found.consultation.id) : [],
  });
}

/** The assembly form posts one row per adopted proposal: ticked ones enter the plan in the order typed. */
function assembly(form: FormData) {
  const included = form.getAll("include").map(String);
  const rows = included.map((id, i) => ({ id, position: Number(form.get(`position.${id}`) || i + 1), number: String(form.get(`number.${id}`) ?? "") }));
  rows.sort((a, b) => a.position - b.position);
  return { proposalIds: rows.map((r) => r.id), numbers: rows.map((r) => r.number) };
}

export async function action(args: ActionFunctionArgs) {
  const found = await load(args);
  const form = await readForm(args.request, args.context.lang);
  const intent = String(form.get("intent") ?? "");
  const extra = intent === "assemble" ? { consultationId: found.consultation.id, ...assembly(form) } : found.plan ? { planId: found.plan.id } : {};
  return handleCommandForm(
    args.request,
    args.context,
    {
      assemble: "plan.assemble",
      publish: "plan.publish",
      send_review: "plan.send_review",
      observe: "plan.observe",
      answer_observation: "plan.observation_answer",
      approve: "plan.approve",
      submit: "plan.submit",
      // Amendments have their own page (the whole template): admin.c.$id_.plan_.enmendar.$proposalId.tsx
      amend: "plan.amend",
      amend_add: "plan.amend_add",
    },
    extra,
  );
}

export default function AdminPlan() {
  const t = useT();
  const date = useFormatDate();
  const data = useLoaderData<typeof loader>();
  const c = data.consultation;
  const plan = data.plan;
  const live = useLiveConsultation(c.id, { staff: true });
  const inPlan = new Map(plan?.commitments.map((k) => [k.proposalId, k]) ?? []);
  const frozen = plan ? isFrozen(plan.status) : false;

  return (
    <article className="plan-admin">
      <header className="page-head">
        <p className="crumb">
          <Link to={`/admin/c/${c.id}`}>{c.title}</Link>
        </p>
        <h1>{t("plan.admin.title")}</h1>
        <LiveBadge status={live} />
        <p data-testid="plan-status">{plan ? t("plan.status_line", { status: t(`plan.status.${plan.status}`) }) : t("plan.admin.no_plan")}</p>
        <p className="row">
          <Link to={`/admin/c/${c.id}/plan/comentarios`}>{t("plan.admin.comments_link")}</Link>
          <Link to={`/c/${c.slug}/plan`}>{t("plan.admin.public_link")}</Link>
        </p>
        {data.canExport ? (
          <nav className="row plan-exports" aria-label={t("plan.exports")} data-testid="plan-exports">
            <span>{t("plan.exports")}:</span>
            <a href={`/c/${c.slug}/plan/exportar/plan.pdf`} type="application/pdf">
              {t("plan.export_pdf")}
            </a>
            <a href={`/c/${c.slug}/plan/exportar/plan.html`}>{t("plan.export_html")}</a>
            <a href={`/c/${c.slug}/plan/exportar/plan.md`}>{t("plan.export_md")}</a>
            <a href={`/c/${c.slug}/plan/exportar/plan.json`}>{t("plan.export_json")}</a>
            <a href={`/c/${c.slug}/plan/exportar/plan.csv`}>{t("plan.export_csv")}</a>
            <a href={`/c/${c.slug}/plan/exportar/plan.pdf?lang=en`} hrefLang="en" type="application/pdf">
              {t("plan.export_pdf_en")}
            </a>
          </nav>
        ) : plan ? (
          <p className="muted" data-testid="plan-exports-unpublished">
            {t("plan.export.unpublished")}
          </p>
        ) : null}
      </header>

      {data.canEdit && !frozen ? (
        <section className="panel" aria-labelledby="assemble-h">
          <h2 id="assemble-h">{t("plan.admin.assemble")}</h2>
          <p className="muted">{t("plan.admin.assemble_intro")}</p>
          {data.adopted.length === 0 ? (
            <p className="empty">{t("plan.admin.adopted_none")}</p>
          ) : (
            <CommandForm intent="assemble" submitLabel={t("plan.admin.save")}>
              {(result) => (
                <>
                  <Field
                    name="introduction"
                    label={t("plan.introduction")}
                    intent="assemble"
                    result={result}
                    multiline
                    defaultValue={plan?.introduction ?? ""}
                  />
                  <table className="plan-assembly">
                    <thead>
                      <tr>
                        <th scope="col">{t("plan.commitments")}</th>
                        <th scope="col">{t("plan.admin.position")}</th>
                        <th scope="col">{t("plan.admin.number")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.adopted.map((p, i) => {
                        const k = inPlan.get(p.id);
                        return (
                          <tr key={p.id} data-testid="assembly-row">
                            <td>
                              <label className="check">
                                <input type="checkbox" name="include" value={p.id} defaultChecked={Boolean(k) || !plan} /> <span>{p.title}</span>{" "}
                                <span className="muted small">({p.theme_name})</span>
                              </label>
                            </td>
                            <td>
                              <input
                                type="number"
                                min={0}
                                name={`position.${p.id}`}
                                defaultValue={k?.position ?? i + 1}
                                aria-label={`${t("plan.admin.position")}: ${p.title}`}
                                className="narrow-input"
                              />
                            </td>
                            <td>
                              <input
                                name={`number.${p.id}`}
                                defaultValue={k?.number ?? ""}
                                aria-label={`${t("plan.admin.number")}: ${p.title}`}
                                className="narrow-input"
                              />
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </>
              )}
            </CommandForm>
          )}
        </section>
      ) : null}

      {plan ? (
        <section className="panel" aria-labelledby="steps-h">
          <h2 id="steps-h">{t("plan.commitments")}</h2>
          <ol className="plan-list">
            {plan.commitments.map((k) => (
              <li key={k.proposalId} data-testid="plan-row">
                <strong>{k.number}.</strong> {k.template.title}{" "}
                <span className="muted small">
                  ({k.themeName} · {t("plan.revision", { revision: k.history.length || 1 })})
                </span>{" "}
                {data.canEdit && frozen ? (
                  <Link to={`/admin/c/${c.id}/plan/enmendar/${k.proposalId}`} data-testid="amend-link">
                    {t("plan.admin.amend")}
                  </Link>
                ) : null}
              </li>
            ))}
          </ol>

          {data.canEdit ? (
            <div className="stack">
              {plan.status === "assembling" ? (
                <>
                  <p className="muted">{t("plan.admin.publish_stage", { stage: data.stageName })}</p>
                  <CommandButton intent="publish" hidden={{}} label={t("plan.admin.publish")} className="primary" />
                </>
              ) : null}
              {plan.status === "draft" ? <CommandButton intent="send_review" hidden={{}} label={t("plan.admin.send_review")} /> : null}
              {plan.status === "draft" || plan.status === "in_review" ? (
                <details>
                  <summary>{t("plan.admin.approve")}</summary>
                  <CommandForm intent="approve" submitLabel={t("plan.admin.approve")}>
                    {(result) => (
                      <>
                        <Field name="approvedBy" label={t("plan.admin.approved_by")} intent="approve" result={result} required />
                        <Field name="approvedOn" label={t("plan.admin.approved_on")} intent="approve" result={result} type="date" required />
                        <Field name="reference" label={t("plan.admin.reference")} intent="approve" result={result} required />
                      </>
                    )}
                  </CommandForm>
                </details>
              ) : null}
              {plan.status === "approved" ? (
                <CommandForm intent="submit" submitLabel={t("plan.admin.submit")}>
                  {(result) => (
                    <>
                      <Field name="submittedOn" label={t("plan.admin.submitted_on")} intent="submit" result={result} type="date" required />
                      <Field name="link" label={t("plan.admin.link")} intent="submit" result={result} type="url" optional />
                      <Field name="fileReference" label={t("plan.admin.file")} intent="submit" result={result} optional />
                    </>
                  )}
                </CommandForm>
              ) : null}
            </div>
          ) : null}
          {data.canEdit && frozen ? (
            <section aria-labelledby="amend-add-h" data-testid="amend-add">
              <h3 id="amend-add-h">{t("plan.amend_add.title")}</h3>
              <p className="muted">{t("plan.amend_add.help")}</p>
              {data.candidates.length === 0 ? (
                <p className="empty">{t("plan.amend_add.none")}</p>
              ) : (
                <CommandForm intent="amend_add" submitLabel={t("plan.amend_add.submit")}>
                  {(result) => (
                    <>
                      <Field name="proposalId" label={t("plan.amend_add.proposal")} intent="amend_add" result={result}>
                        <select id="amend_add-proposalId" name="proposalId" required>
                          {data.candidates.map((p) => (
                            <option key={p.id} value={p.id}>
                              {p.title} ({t(p.state === "adopted" ? "proposal.state.adopted" : "proposal.state.active")})
                            </option>
                          ))}
                        </select>
                      </Field>
                      <Field name="reason" label={t("plan.amend_add.reason")} intent="amend_add" result={result} multiline required />
                      <Field name="number" label={t("plan.amend_add.number")} intent="amend_add" result={result} optional />
                    </>
                  )}
                </CommandForm>
              )}
            </section>
          ) : null}
          {plan.approval ? <p>{t("plan.approval", { ...plan.approval, on: date(plan.approval.on) })}</p> : null}
          {plan.submission ? <p>{t("plan.submission", { on: date(plan.submission.on) })}</p> : null}
        </section>
      ) : null}

      {plan && plan.status !== "assembling" ? (
        <section className="panel" aria-labelledby="obs-h">
          <h2 id="obs-h">{t("plan.observations")}</h2>
          {[...plan.observations, ...plan.commitments.flatMap((k) => k.observations)].length === 0 ? (
            <p className="empty">{t("plan.observations_none")}</p>
          ) : (
            <ul className="plan-observations">
              {[...plan.observations, ...plan.commitments.flatMap((k) => k.observations)].map((o) => (
                <li key={o.id} data-testid="observation">
                  <p>
                    <strong>{o.proposalId ? plan.commitments.find((k) => k.proposalId === o.proposalId)?.template.title : t("plan.admin.observe_plan")}</strong>
                  </p>
                  <p className="pre-line">{o.text}</p>
                  <p className="muted">{o.answer ? t("plan.observation_answer", { answer: o.answer }) : t("plan.observation_unanswered")}</p>
                  {data.canAnswer ? (
                    <CommandForm intent="answer_observation" hidden={{ observationId: o.id }} submitLabel={t("plan.admin.answer_observation")}>
                      {(result) => (
                        <Field name="answer" label={t("plan.admin.answer_observation")} intent="answer_observation" result={result} multiline required />
                      )}
                    </CommandForm>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {data.canEdit ? (
            <CommandForm intent="observe" submitLabel={t("plan.admin.observe")} resetOnSuccess>
              {(result) => (
                <>
                  <Field name="proposalId" label={t("plan.admin.observe_on")} intent="observe" result={result}>
                    <select id="observe-proposalId" name="proposalId">
                      <option value="">{t("plan.admin.observe_plan")}</option>
                      {plan.commitments.map((k) => (
                        <option key={k.proposalId} value={k.proposalId}>
                          {k.number}. {k.template.title}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field name="text" label={t("plan.admin.observation_text")} intent="observe" result={result} multiline required />
                </>
              )}
            </CommandForm>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
