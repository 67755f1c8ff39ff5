// A proponent registers a commitment proposal with a thematic roundtable (or saves it as a draft).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ProposalForm } from "../components/roundtables/ProposalForm";
import { emptyTemplate } from "../components/roundtables/TemplateFields";
import { useT } from "../i18n/react";
import { roundtableHeader, themeInputs, themeSummaries } from "../lib/queries.server";
import { requireRoundtableStaff } from "../lib/roundtable-access.server";
import { handleRoundtableForm } from "../lib/roundtable-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.table.themeName} · Cocrea` : "Cocrea" }];

async function load(request: Request, params: LoaderFunctionArgs["params"], context: LoaderFunctionArgs["context"]) {
  const access = await requireRoundtableStaff(context, request, params.id!);
  const table = await roundtableHeader(context.db, params.roundtableId!);
  if (!table || table.consultationId !== params.id) throw new Response("Not found", { status: 404 });
  if (!access.can.register) throw new Response("Forbidden", { status: 403 });
  return { access, table };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { table } = await load(request, params, context);
  return json({
    table,
    summaries: await themeSummaries(context.db, table.consultationId, table.themeId),
    inputs: await themeInputs(context.db, table.consultationId, table.themeId),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { table } = await load(request, params, context);
  const response = await handleRoundtableForm(request, context, { create: "proposal.create" }, { roundtableId: table.id });
  const body = await response.clone().json();
  if (body.ok) return redirect(`/admin/c/${table.consultationId}/roundtables/${table.id}`);
  return response;
}

export default function NewProposal() {
  const t = useT();
  const { table, summaries, inputs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section>
      <p className="muted">
        <Link to={`/admin/c/${table.consultationId}/roundtables/${table.id}`}>{t("roundtable.back")}</Link>
      </p>
      <h1>{t("proposal.new_title")}</h1>
      <p className="lead">{table.name || t("roundtable.title", { theme: table.themeName })}</p>
      <ProposalForm
        mode="new"
        intent="create"
        initial={emptyTemplate()}
        maxMilestones={table.maxMilestones}
        summaries={summaries}
        inputs={inputs}
        respondsTo={{ summaryIds: [], inputIds: [] }}
        institutions={table.organizations.filter((o) => o.sector === "public").map((o) => o.name)}
        result={result}
        withContact
      />
    </section>
  );
}
