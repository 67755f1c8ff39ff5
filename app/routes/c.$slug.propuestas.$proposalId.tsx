// A proposal as the public sees it: its OGP sheet (no personal contact data) and its lineage, live.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LiveBadge } from "../components/LiveBadge";
import { LineageTree } from "../components/roundtables/LineageTree";
import { ProposalSheet } from "../components/roundtables/ProposalSheet";
import { TechnicalReview } from "../components/review/TechnicalReview";
import { reasonText } from "../domain/consensus/outcome-words";
import { isPublicProposal } from "../domain/proposals/states";
import { useT } from "../i18n/react";
import { proposalDetail, proposalLineage, proposalReview, publicConsultation } from "../lib/queries.server";
import { useLiveConsultation } from "../live/useLive";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.proposal.title} · Cocrea` : "Cocrea" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const view = await publicConsultation(context.db, params.slug!);
  const proposal = view ? await proposalDetail(context.db, params.proposalId!) : null;
  if (!view || !proposal || proposal.consultationId !== view.consultation.id || !isPublicProposal(proposal.state)) {
    throw new Response("Not found", { status: 404 });
  }
  const [lineage, review] = await Promise.all([proposalLineage(context.db, proposal.id), proposalReview(context.db, proposal.id, { lang: context.lang })]);
  const { email: _email, phone: _phone, ...person } = proposal.template.responsiblePerson;
  return json({
    consultation: { id: view.consultation.id, slug: view.consultation.slug, title: view.consultation.title },
    proposal: {
      id: proposal.id,
      title: proposal.title,
      state: proposal.state,
      stateReason: proposal.stateReason,
      stage: proposal.stage,
      themeName: proposal.themeName,
      organization: proposal.proponent.acronym,
      template: { ...proposal.template, responsiblePerson: { ...person, email: "", phone: "" } },
    },
    lineage: lineage!,
    review: review!,
  });
}

export default function PublicProposal() {
  const t = useT();
  const { consultation, proposal: p, lineage, review } = useLoaderData<typeof loader>();
  const live = useLiveConsultation(consultation.id);
  return (
    <article className="proposal-page">
      <header className="page-head">
        <p>
          <Link to={`/c/${consultation.slug}/propuestas`}>{t("public_funnel.back")}</Link>
        </p>
        <h1>{p.title}</h1>
        <LiveBadge status={live} />
        <p>
          <span className={`badge badge-${p.state}`} data-testid="proposal-state">
            {t(`proposal.state.${p.state}` as "proposal.state.active")}
          </span>{" "}
          <span className="muted">
            {p.themeName}
            {p.organization ? ` · ${p.organization}` : ""} · {t("public_funnel.stage")}: {t(`funnel.${p.stage}` as "funnel.proposed")}
          </span>
        </p>
        {p.stateReason && !(review.visible && review.state) ? <p className="muted">{reasonText(t, p.stateReason)}</p> : null}
      </header>
      <section aria-labelledby="lineage-h">
        <h2 id="lineage-h">{t("public_funnel.lineage")}</h2>
        <LineageTree lineage={lineage} />
      </section>
      <section aria-labelledby="sheet-h">
        <h2 id="sheet-h">{t("public_funnel.template")}</h2>
        <ProposalSheet template={p.template} showContact={false} />
      </section>
      <TechnicalReview review={review} />
    </article>
  );
}
