// Amending a commitment of the approved plan (the point of contact): the whole OGP template, milestones included,
// prefilled with the current text (the same template form the proposal pages use), and the reason, required. A plain
// form post through plan.amend; the previous text stays in the version history and the public sheet shows it.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ProposalForm } from "../components/roundtables/ProposalForm";
import { fieldError } from "../components/roundtables/issues";
import { isFrozen } from "../domain/plan";
import { translate } from "../i18n";
import { useT } from "../i18n/react";
import { planContext } from "../lib/plan.server";
import { proposalDetail, technicalTemplates } from "../lib/queries.server";
import { requireStaff } from "../lib/read-policy.server";
import { handleRoundtableForm } from "../lib/roundtable-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · ${data.consultation.title}` : "Cocrea" }];

async function load({ params, context, request }: LoaderFunctionArgs | ActionFunctionArgs) {
  const found = await planContext(context.db, params.id!, context.user, context.lang);
  if (!found) throw new Response("Not found", { status: 404 });
  await requireStaff(context, request, found.consultation.id);
  if (!found.policy.isContact) throw new Response("Forbidden", { status: 403 });
  const commitment = found.plan?.commitments.find((k) => k.proposalId === params.proposalId);
  if (!found.plan || !commitment) throw new Response("Not found", { status: 404 });
  return { ...found, plan: found.plan, commitment };
}

export async function loader(args: LoaderFunctionArgs) {
  const { consultation, plan, commitment } = await load(args);
  // The private template (the responsible person's e-mail and phone too): the form posts every field back.
  const proposal = await proposalDetail(args.context.db, commitment.proposalId);
  if (!proposal) throw new Response("Not found", { status: 404 });
  const { maxMilestones } = await technicalTemplates(args.context.db, consultation.id, []);
  return json({
    title: translate(args.context.lang, "planmod.amend_title", { number: commitment.number }),
    consultation,
    number: commitment.number,
    frozen: isFrozen(plan.status),
    template: proposal.template,
    version: proposal.version,
    maxMilestones,
  });
}

export async function action(args: ActionFunctionArgs) {
  const { consultation, plan, commitment } = await load(args);
  const response = await handleRoundtableForm(args.request, args.context, { amend: "plan.amend" }, { planId: plan.id, proposalId: commitment.proposalId });
  const body = await response.clone().json();
  if (body.ok) return redirect(`/admin/c/${consultation.id}/plan`);
  return response;
}

export default function AmendCommitment() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const c = data.consultation;
  const reasonError = fieldError(t, result, "amend", "reason");
  return (
    <article className="plan-amend">
      <header className="page-head">
        <p className="crumb">
          <Link to={`/admin/c/${c.id}`}>{c.title}</Link> › <Link to={`/admin/c/${c.id}/plan`}>{t("plan.admin.title")}</Link>
        </p>
        <h1>{data.title}</h1>
        <p className="muted">{t("planmod.amend_intro")}</p>
      </header>
      {!data.frozen ? (
        <p className="form-error" data-testid="amend-not-frozen">
          {t("planmod.amend_not_frozen")}
        </p>
      ) : null}
      <ProposalForm
        // A new version (after a stale save) starts the form again from the latest text.
        key={data.version}
        mode="edit"
        intent="amend"
        initial={data.template}
        maxMilestones={data.maxMilestones}
        summaries={[]}
        inputs={[]}
        respondsTo={{ summaryIds: [], inputIds: [] }}
        showRespondsTo={false}
        institutions={[]}
        result={result}
        expectedVersion={data.version}
        withContact
        submitLabel={t("planmod.amend_submit")}
        extra={
          <div className="field">
            <label htmlFor="amend-reason">{t("planmod.amend_reason")}</label>
            <textarea
              id="amend-reason"
              name="reason"
              rows={3}
              required
              maxLength={3000}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? "amend-reason-error" : "amend-reason-hint"}
            />
            <small className="hint" id="amend-reason-hint">
              {t("planmod.amend_reason_hint")}
            </small>
            {reasonError ? (
              <small className="field-error" id="amend-reason-error">
                {reasonError}
              </small>
            ) : null}
          </div>
        }
      />
      <p>
        <Link to={`/admin/c/${c.id}/plan`}>{t("planmod.back")}</Link>
      </p>
    </article>
  );
}
