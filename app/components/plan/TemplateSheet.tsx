// A commitment's OGP template as a definition list, in template order (contact details never reach the page).
import type { ProposalTemplate } from "../../domain/schemas/proposal";
import { TEMPLATE_FIELDS, templateText } from "../../domain/proposals/versions";
import type { MessageKey } from "../../i18n";
import { useT } from "../../i18n/react";

export const FIELD_LABELS: Record<string, MessageKey> = {
  title: "proposal.field.title",
  leadAgency: "proposal.field.lead_agency",
  responsiblePerson: "proposal.field.responsible_person",
  otherActors: "proposal.field.other_actors",
  problem: "proposal.field.problem",
  objective: "proposal.field.objective",
  description: "proposal.field.description",
  ogpChallenges: "proposal.field.ogp_challenges",
  relevance: "proposal.field.relevance",
  ambition: "proposal.field.ambition",
  milestones: "proposal.field.milestones",
};

export function TemplateSheet({ template }: { template: ProposalTemplate }) {
  const t = useT();
  const texts = templateText(template, t);
  return (
    <dl className="template-sheet">
      {TEMPLATE_FIELDS.filter((f) => f !== "title" && texts[f]).map((f) => (
        <div key={f} data-field={f}>
          <dt>{t(FIELD_LABELS[f])}</dt>
          <dd className="pre-line">{texts[f]}</dd>
        </div>
      ))}
    </dl>
  );
}
