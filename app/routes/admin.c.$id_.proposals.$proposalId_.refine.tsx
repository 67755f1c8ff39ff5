// Refining a proposal's text at the technical roundtable (members and the point of contact, during an open session,
// while no vote is open on it): the proposal form prefilled from the proposal plus what changed and why; every version
// is kept and the public sheet shows the differences. A plain form post: works without JavaScript.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ProposalForm } from "../components/roundtables/ProposalForm";
import { fieldError } from "../components/roundtables/issues";
import { useT } from "../i18n/react";
import { proposalDetail, technicalSession, technicalTemplates } from "../lib/queries.server";
import { handleRoundtableForm } from "../lib/roundtable-form.server";
import { requireTechnicalStaff, technicalPermissions } from "../lib/technical-access.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.proposal.title} · Mesa Técnica · Cocrea` : "Cocrea" }];

async function load(request: Request, params: LoaderFunctionArgs["params"], context: LoaderFunctionArgs["context"]) {
  const access = await requireTechnicalStaff(context, request, params.id!);
  const view = await technicalSession(context.db, params.id!, access.viewer);
  if (!view || !view.table) throw new Response("Not found", { status: 404 });
  const can = technicalPermissions(access, view.table.chair?.userId ?? null);
  if (!can.review) throw new Response("Forbidden", { status: 403 });
  const proposal = await proposalDetail(context.db, params.proposalId!);
  const atTable = view.proposals.find((p) => p.id === params.proposalId);
  if (!proposal || proposal.consultationId !== params.id || !atTable) throw new Response("Not found", { status: 404 });
  return { view, proposal, atTable };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { view, proposal, atTable } = await load(request, params, context);
  const { maxMilestones } = await technicalTemplates(context.db, proposal.consultationId, []);
  return json({
    proposal,
    maxMilestones,
    institutions: view.institutions.map((o) => o.name),
    active: atTable.state === "active",
    sessionOpen: view.sessions.some((s) => s.status === "open"),
    voteOpen: view.votes.some((v) => v.proposalId === proposal.id && v.status === "open"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { proposal } = await load(request, params, context);
  const response = await handleRoundtableForm(request, context, { revise: "proposal.revise" }, { proposalId: proposal.id });
  const body = await response.clone().json();
  if (body.ok) return redirect(`/admin/c/${proposal.consultationId}/technical`);
  return response;
}

export default function RefineProposal() {
  const t = useT();
  const { proposal, maxMilestones, institutions, active, sessionOpen, voteOpen } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const back = `/admin/c/${proposal.consultationId}/technical`;
  const noteError = fieldError(t, result, "revise", "note");
  return (
    <section>
      <p className="muted">
        <Link to={`/admin/c/${proposal.consultationId}/proposals/${proposal.id}`}>{proposal.title}</Link> · <Link to={back}>{t("technical_page.back")}</Link>
      </p>
      <h1>{t("technical_page.refine_title")}</h1>
      <p className="hint">{t("technical_page.refine_hint")}</p>
      {!active ? (
        <p className="form-error" data-testid="refine-blocked">
          {t("technical_page.refine_not_active")}
        </p>
      ) : null}
      {active && !sessionOpen ? (
        <p className="form-error" data-testid="refine-blocked">
          {t("technical_page.refine_no_session")}
        </p>
      ) : null}
      {active && voteOpen ? (
        <p className="form-error" data-testid="refine-blocked">
          {t("technical_page.refine_vote_open")}
        </p>
      ) : null}
      <ProposalForm
        // A new version after a stale save starts the form again from the latest text.
        key={proposal.version}
        mode="edit"
        intent="revise"
        initial={proposal.template}
        maxMilestones={maxMilestones}
        summaries={[]}
        inputs={[]}
        respondsTo={{ summaryIds: [], inputIds: [] }}
        showRespondsTo={false}
        institutions={institutions}
        result={result}
        expectedVersion={proposal.version}
        withContact
        submitLabel={t("technical_page.refine_save")}
        extra={
          <div className="field">
            <label htmlFor="revise-note">{t("technical_page.refine_note")}</label>
            <textarea
              id="revise-note"
              name="note"
              rows={3}
              required
              maxLength={3000}
              aria-invalid={noteError ? true : undefined}
              aria-describedby={noteError ? "revise-note-error" : "revise-note-hint"}
            />
            <small className="hint" id="revise-note-hint">
              {t("technical_page.refine_note_hint")}
            </small>
            {noteError ? (
              <small className="field-error" id="revise-note-error">
                {noteError}
              </small>
            ) : null}
          </div>
        }
      />
    </section>
  );
}
