// Editing a proposal while its round is not closed: proponents their own, the table its unified ones.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ProposalForm } from "../components/roundtables/ProposalForm";
import { useT } from "../i18n/react";
import { proposalDetail, roundtableHeader, themeInputs, themeSummaries } from "../lib/queries.server";
import { ownsProposal } from "../lib/read-policy.server";
import { requireRoundtableStaff } from "../lib/roundtable-access.server";
import { handleRoundtableForm } from "../lib/roundtable-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.proposal.title} · Cocrea` : "Cocrea" }];

async function load(request: Request, params: LoaderFunctionArgs["params"], context: LoaderFunctionArgs["context"]) {
  const access = await requireRoundtableStaff(context, request, params.id!);
  const proposal = await proposalDetail(context.db, params.proposalId!);
  if (!proposal || proposal.consultationId !== params.id || !proposal.roundtableId) throw new Response("Not found", { status: 404 });
  access.requireVisible(proposal);
  const tableOwned = !proposal.proponent.userId && !proposal.proponent.organizationId;
  const own = ownsProposal(access.viewer, proposal);
  if (!(own && access.can.register) && !(tableOwned && access.can.merge)) throw new Response("Forbidden", { status: 403 });
  return { proposal, own };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { proposal, own } = await load(request, params, context);
  const table = (await roundtableHeader(context.db, proposal.roundtableId!))!;
  return json({
    proposal,
    own,
    table,
    summaries: await themeSummaries(context.db, proposal.consultationId, proposal.themeId),
    inputs: await themeInputs(context.db, proposal.consultationId, proposal.themeId),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { proposal } = await load(request, params, context);
  const response = await handleRoundtableForm(request, context, { update: "proposal.update" }, { proposalId: proposal.id });
  const body = await response.clone().json();
  if (body.ok) return redirect(`/admin/c/${proposal.consultationId}/proposals/${proposal.id}`);
  return response;
}

export default function EditProposal() {
  const t = useT();
  const { proposal, own, table, summaries, inputs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section>
      <p className="muted">
        <Link to={`/admin/c/${proposal.consultationId}/proposals/${proposal.id}`}>{proposal.title}</Link> ·{" "}
        <Link to={`/admin/c/${proposal.consultationId}/roundtables/${proposal.roundtableId}`}>{t("roundtable.back")}</Link>
      </p>
      <h1>{t("proposal.edit")}</h1>
      <ProposalForm
        mode="edit"
        intent="update"
        initial={proposal.template}
        maxMilestones={table.maxMilestones}
        summaries={summaries}
        inputs={inputs}
        respondsTo={proposal.respondsTo}
        institutions={table.organizations.filter((o) => o.sector === "public").map((o) => o.name)}
        result={result}
        expectedVersion={proposal.version}
        withContact={own}
      />
    </section>
  );
}
