// The OGP commitment template's lists and the rules a form shows before it posts (completeness for registration,
// the milestone cap, a SMART checklist), shared by server and browser. No zod here: pages import this, and zod
// (about 90 KiB) stays on the server with the schemas in schemas/proposal.ts.
import type { ProposalTemplate } from "./schemas/proposal";

/** OGP's grand challenges, as named in the 2016 template ("Desafío de OGP atendido por el compromiso"). */
export const OGP_CHALLENGES = ["public_services", "public_integrity", "public_resources", "safer_communities", "corporate_accountability"] as const;
/** OGP values a commitment can be relevant to. */
export const OGP_VALUES = ["transparency", "accountability", "participation", "technology"] as const;

/** A hard ceiling for any consultation; the consultation's own cap (`max_milestones`) is checked by the commands. */
export const MILESTONES_HARD_CAP = 20;

// ---- Rules the form shows and the commands enforce ----

export interface TemplateIssue {
  path: Array<string | number>;
  /** Translation key (roundtables messages). */
  key: string;
  params?: Record<string, string | number>;
}

/** Fields a proposal needs before the table can receive it (drafts may leave them empty). */
export function completenessIssues(
  p: Pick<ProposalTemplate, "title" | "leadAgency" | "problem" | "objective" | "description" | "milestones">,
): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  for (const field of ["title", "leadAgency", "problem", "objective", "description"] as const) {
    if (!p[field].trim()) issues.push({ path: [field], key: "proposal.issue.required" });
  }
  if (p.milestones.length === 0) issues.push({ path: ["milestones"], key: "proposal.issue.milestone_required" });
  return issues;
}

/** The consultation's cap on milestones (5 by default, a setting). */
export function milestoneCapIssue(count: number, max: number, path: Array<string | number> = ["milestones"]): TemplateIssue | null {
  return count > max ? { path, key: "proposal.issue.too_many_milestones", params: { max, count } } : null;
}

/** The proposal's period: from the first milestone's start to the last one's end. */
export function proposalPeriod(milestones: ReadonlyArray<{ startsOn?: string | null; endsOn?: string | null }>): {
  startsOn: string | null;
  endsOn: string | null;
} {
  const starts = milestones
    .map((m) => m.startsOn)
    .filter((d): d is string => Boolean(d))
    .sort();
  const ends = milestones
    .map((m) => m.endsOn)
    .filter((d): d is string => Boolean(d))
    .sort();
  return { startsOn: starts[0] ?? null, endsOn: ends[ends.length - 1] ?? null };
}

export const SMART_CRITERIA = ["specific", "measurable", "attainable", "relevant", "time_bound"] as const;
export type SmartCriterion = (typeof SMART_CRITERIA)[number];

/**
 * A checklist that helps the proponent, not a gate: each SMART criterion with whether the template, as filled in,
 * gives the table what it needs to judge it.
 */
export function smartChecklist(p: {
  objective: string;
  description: string;
  leadAgency: string;
  relevance: { transparency: boolean; accountability: boolean; participation: boolean; technology: boolean; text: string };
  milestones: ReadonlyArray<{ description: string; responsibleInstitution: string; startsOn?: string | null; endsOn?: string | null }>;
}): Record<SmartCriterion, boolean> {
  const ms = p.milestones;
  return {
    // A clear objective and a description of what will be done.
    specific: p.objective.trim().length >= 20 && p.description.trim().length >= 20,
    // Milestones someone can verify: at least one, each described.
    measurable: ms.length > 0 && ms.every((m) => m.description.trim().length >= 10),
    // A responsible public institution for the commitment and for every milestone.
    attainable: p.leadAgency.trim().length > 0 && ms.length > 0 && ms.every((m) => m.responsibleInstitution.trim().length > 0),
    // Relevant to at least one OGP value, with the reason written down.
    relevant:
      (p.relevance.transparency || p.relevance.accountability || p.relevance.participation || p.relevance.technology) && p.relevance.text.trim().length > 0,
    // Every milestone dated from start to end.
    time_bound: ms.length > 0 && ms.every((m) => Boolean(m.startsOn) && Boolean(m.endsOn)),
  };
}
