// A stored proposal row back into the OGP template shape (the nested parts are JSON columns).
import type { ProposalTemplate } from "../schemas/proposal";

export interface TemplateRow {
  title: string;
  lead_agency: string;
  responsible_person: string;
  other_actors: string;
  problem: string;
  objective: string;
  description: string;
  ogp_challenge: string;
  relevance: string;
  ambition: string;
}

export interface MilestoneRow {
  description: string;
  responsible_institution: string;
  is_new: number;
  starts_on: string | null;
  ends_on: string | null;
}

function parse<T extends object>(text: string, fallback: T): T {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? { ...fallback, ...(value as Partial<T>) } : fallback;
  } catch {
    return fallback;
  }
}

function parseList(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return text ? [text] : [];
  }
}

export function templateFromRow(row: TemplateRow, milestones: readonly MilestoneRow[]): ProposalTemplate {
  return {
    title: row.title,
    leadAgency: row.lead_agency,
    responsiblePerson: parse(row.responsible_person, { name: "", title: "", email: "", phone: "" }),
    otherActors: parse(row.other_actors, { government: "", others: "" }),
    problem: row.problem,
    objective: row.objective,
    description: row.description,
    ogpChallenges: parseList(row.ogp_challenge) as ProposalTemplate["ogpChallenges"],
    relevance: parse(row.relevance, { transparency: false, accountability: false, participation: false, technology: false, text: "" }),
    ambition: row.ambition,
    milestones: milestones.map((m) => ({
      description: m.description,
      responsibleInstitution: m.responsible_institution,
      isNew: m.is_new === 1,
      startsOn: m.starts_on,
      endsOn: m.ends_on,
    })),
  };
}

/**
 * The starting point of a merge composer: the first source's texts, every source's objective and milestones
 * listed (the member edits from there), capped at `maxMilestones` rows only when asked.
 */
export function mergeDraft(sources: ReadonlyArray<{ title: string; template: ProposalTemplate }>): ProposalTemplate {
  const [first] = sources;
  const join = (pick: (t: ProposalTemplate) => string) =>
    sources.length === 1
      ? pick(first.template)
      : sources
          .map((s) => pick(s.template).trim())
          .filter(Boolean)
          .map((text) => `• ${text}`)
          .join("\n");
  const unique = <T>(values: T[]) => [...new Set(values)];
  return {
    ...first.template,
    title: first.title,
    leadAgency: unique(sources.map((s) => s.template.leadAgency.trim()).filter(Boolean)).join(" / "),
    problem: join((t) => t.problem),
    objective: join((t) => t.objective),
    description: join((t) => t.description),
    ogpChallenges: unique(sources.flatMap((s) => s.template.ogpChallenges)),
    relevance: {
      transparency: sources.some((s) => s.template.relevance.transparency),
      accountability: sources.some((s) => s.template.relevance.accountability),
      participation: sources.some((s) => s.template.relevance.participation),
      technology: sources.some((s) => s.template.relevance.technology),
      text: join((t) => t.relevance.text),
    },
    ambition: join((t) => t.ambition),
    milestones: sources.flatMap((s) => s.template.milestones),
  };
}
