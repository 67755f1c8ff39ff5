// The label of each OGP template field, as the sheet, the version differences and the plan's export print it.
import type { MessageKey } from "../../i18n";

/** Template field key → its label's message key. */
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
