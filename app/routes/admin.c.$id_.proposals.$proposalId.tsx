// One proposal: the OGP template, the stages it reached, its lineage back to citizen input and forward to what
// stands for it today; the table splits it here, the proponent withdraws it. Live like the session.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CommandButton, CommandForm } from "../components/admin/CommandForm";
import { Field } from "../components/forms";
import { LiveBadge } from "../components/LiveBadge";
import { LineageTree } from "../components/roundtables/LineageTree";
import { ProposalSheet } from "../components/roundtables/ProposalSheet";
import { SplitComposer } from "../components/roundtables/SplitComposer";
import { TechnicalReview } from "../components/review/TechnicalReview";
import { isAtTechnical } from "../domain/funnel";
import { useFormatDate, useT } from "../i18n/react";
import { proposalDetail, proposalLineage, proposalReview, roundtableHeader, technicalPanel } from "../lib/queries.server";
import { canSeeProposalContact, ownsProposal } from "../lib/read-policy.server";
import { requireRoundtableStaff } from "../lib/roundtable-access.server";
import { handleRoundtableForm } from "../lib/roundtable-form.server";
import { useLiveRoundtable } from "../live/useLiveRoundtable";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.proposal.title} · Cocrea` : "Cocrea" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const access = await requireRoundtableStaff(context, request, params.id!);
  const proposal = await proposalDetail(context.db, params.proposalId!);
  if (!proposal || proposal.consultationId !== params.id) throw new Response("Not found", { status: 404 });
  access.requireVisible(proposal);
  const [lineage, table, review, technical] = await Promise.all([
    proposalLineage(context.db, proposal.id),
    proposal.roundtableId ? roundtableHeader(context.db, proposal.roundtableId) : null,
    proposalReview(context.db, proposal.id, { lang: context.lang }),
    technicalPanel(context.db, proposal.consultationId),
  ]);
  const own = ownsProposal(access.viewer, proposal);
  const tableOwned = !proposal.proponent.userId && !proposal.proponent.organizationId;
  return json({
    proposal: canSeeProposalContact(access.policy, access.viewer, proposal)
      ? proposal
      : { ...proposal, template: { ...proposal.template, responsiblePerson: { ...proposal.template.responsiblePerson, email: "", phone: "" } } },
    lineage: lineage!,
    table,
    review: review!,
    // At the technical table the page follows the technical roundtable's room instead of the thematic one.
    liveTableId: (isAtTechnical(proposal.stage) && technical.table?.id) || proposal.roundtableId || "",
    own,
    can: {
      ...access.can,
      edit:
        (proposal.state === "draft" || proposal.state === "active") &&
        ((own && access.can.register) || (tableOwned && access.can.merge)) &&
        proposal.roundStatus !== "closed",
      split: access.can.merge && proposal.state === "active" && Boolean(table?.openRound),
      withdraw: own && access.can.register && (proposal.state === "draft" || proposal.state === "active"),
    },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await requireRoundtableStaff(context, request, params.id!);
  return handleRoundtableForm(request, context, { split: "proposal.split", withdraw: "proposal.withdraw", submit: "proposal.submit" });
}

export default function ProposalPage() {
  const t = useT();
  const date = useFormatDate();
  const { proposal: p, lineage, table, own, can, review, liveTableId } = useLoaderData<typeof loader>();
  const { status } = useLiveRoundtable(liveTableId);
  return (
    <article className="proposal-page">
      <header className="page-head">
        <p className="muted">
          {p.roundtableId ? (
            <Link to={`/admin/c/${p.consultationId}/roundtables/${p.roundtableId}`}>{table?.name || t("roundtable.title", { theme: p.themeName })}</Link>
          ) : (
            p.themeName
          )}
        </p>
        <h1>{p.title}</h1>
        <LiveBadge status={status} />
        <p>
          <span className={`badge badge-${p.state}`} data-testid="proposal-state">
            {t(`proposal.state.${p.state}` as "proposal.state.active")}
          </span>{" "}
          <span className="muted">
            {p.proponent.acronym || p.proponent.name
              ? t("proposal.by", { who: [p.proponent.acronym, p.proponent.name].filter(Boolean).join(" — ") })
              : t("proposal.by_table")}
            {" · "}
            {t("proposal.stage_now", { stage: t(`funnel.${p.stage}` as "funnel.proposed") })}
            {p.roundNumber ? ` · ${t("roundtable.round", { number: p.roundNumber })}` : ""}
            {" · "}
            {t("proposal.version", { version: p.version })}
          </span>
        </p>
        {p.state === "withdrawn" && p.stateReason && !(review.visible && review.state) ? (
          <p>{t("proposal.withdrawn_because", { reason: p.stateReason })}</p>
        ) : null}
        <div className="row actions">
          {can.edit ? <Link to={`/admin/c/${p.consultationId}/proposals/${p.id}/edit`}>{t("proposal.edit")}</Link> : null}
          {own && p.state === "draft" ? <CommandButton intent="submit" hidden={{ proposalId: p.id }} label={t("proposal.submit_draft")} /> : null}
        </div>
      </header>

      <ProposalSheet template={p.template} showContact={own || can.manage} />

      <section aria-labelledby="stages-h">
        <h2 id="stages-h">{t("lineage.stage_history")}</h2>
        {p.history.length === 0 ? <p className="muted">{t("lineage.no_stage_history")}</p> : null}
        <ul className="list compact" data-testid="stage-history">
          {p.history.map((h, i) => (
            <li key={i}>{t("lineage.entered", { stage: t(`funnel.${h.stage}` as "funnel.proposed"), date: date(h.entered_at) })}</li>
          ))}
        </ul>
      </section>

      <LineageTree lineage={lineage} />

      <TechnicalReview review={review} />

      {can.split && table?.openRound ? (
        <SplitComposer
          source={{ id: p.id, title: p.title, version: p.version, template: p.template }}
          organizations={table.organizations}
          present={table.openRound.present}
          maxMilestones={table.maxMilestones}
        />
      ) : null}

      {can.withdraw ? (
        <details className="panel">
          <summary>{t("proposal.withdraw")}</summary>
          <CommandForm intent="withdraw" hidden={{ proposalId: p.id }} submitLabel={t("proposal.withdraw")}>
            {(r) => <Field name="reason" label={t("proposal.withdraw_reason")} intent="withdraw" result={r} required multiline />}
          </CommandForm>
        </details>
      ) : null}
    </article>
  );
}
