// The OGP commitment template (docs/domain.md) as zod schemas: one per form or command, shared by server and browser.
// Also the rules a form shows before it posts: completeness for registration, the milestone cap and a SMART checklist.
import { z } from "zod";
import { endNotBeforeStart, id, isoDate, longText, periodIssue, shortText } from "./fields";

/** OGP's grand challenges, as named in the 2016 template ("Desafío de OGP atendido por el compromiso"). */
export const OGP_CHALLENGES = ["public_services", "public_integrity", "public_resources", "safer_communities", "corporate_accountability"] as const;
/** OGP values a commitment can be relevant to. */
export const OGP_VALUES = ["transparency", "accountability", "participation", "technology"] as const;

/** A hard ceiling for any consultation; the consultation's own cap (`max_milestones`) is checked by the commands. */
export const MILESTONES_HARD_CAP = 20;

/** A checkbox or a JSON boolean. */
export const checkbox = z
  .union([z.boolean(), z.enum(["on", "true", "1", "false", "0", ""])])
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

const optionalIsoDate = z
  .union([isoDate, z.literal(""), z.null()])
  .transform((v) => (v ? v : null))
  .optional();
const text = (max: number) => longText(max).default("");

export const milestoneSchema = z
  .object({
    description: shortText(1000),
    responsibleInstitution: shortText(300),
    /** New commitment or one already under way ("Compromiso en curso o nuevo"). */
    isNew: z
      .union([z.boolean(), z.enum(["new", "ongoing"])])
      .transform((v) => v === true || v === "new")
      .default(true),
    startsOn: optionalIsoDate,
    endsOn: optionalIsoDate,
  })
  .refine(endNotBeforeStart, periodIssue);
export type MilestoneInput = z.output<typeof milestoneSchema>;

export const proposalTemplateFields = {
  title: shortText(300),
  leadAgency: text(300),
  responsiblePerson: z
    .object({
      name: text(200),
      title: text(200),
      email: z.union([z.literal(""), z.string().trim().toLowerCase().email().max(254)]).default(""),
      phone: text(50),
    })
    .default({ name: "", title: "", email: "", phone: "" }),
  otherActors: z.object({ government: text(2000), others: text(2000) }).default({ government: "", others: "" }),
  problem: text(5000),
  objective: text(3000),
  description: text(5000),
  ogpChallenges: z.array(z.enum(OGP_CHALLENGES)).max(OGP_CHALLENGES.length).default([]),
  relevance: z
    .object({
      transparency: checkbox.default(false),
      accountability: checkbox.default(false),
      participation: checkbox.default(false),
      technology: checkbox.default(false),
      text: text(3000),
    })
    .default({ transparency: false, accountability: false, participation: false, technology: false, text: "" }),
  ambition: text(3000),
  milestones: z.array(milestoneSchema).max(MILESTONES_HARD_CAP).default([]),
};
export const proposalTemplateSchema = z.object(proposalTemplateFields);
export type ProposalTemplate = z.output<typeof proposalTemplateSchema>;

/** The citizen input a proposal responds to: summaries of its theme or single inputs. */
export const respondsToSchema = z
  .object({ summaryIds: z.array(id).max(200).default([]), inputIds: z.array(id).max(500).default([]) })
  .default({ summaryIds: [], inputIds: [] });

export const createProposalSchema = z.object({
  roundtableId: id,
  /** Save as a draft (only the title is required) instead of registering it with the table. */
  draft: checkbox.default(false),
  ...proposalTemplateFields,
  respondsTo: respondsToSchema,
});

export const updateProposalSchema = z.object({
  proposalId: id,
  /** The version the editor started from: a 409 instead of silently overwriting someone else's change. */
  expectedVersion: z.coerce.number().int().min(1).optional(),
  ...proposalTemplateFields,
  respondsTo: respondsToSchema,
});

export const proposalRefSchema = z.object({ proposalId: id });
export const withdrawProposalSchema = z.object({ proposalId: id, reason: shortText(2000) });

/** What the table records about its agreement to merge or split: who was there and a note. */
const agreementFields = {
  present: z.array(id).min(1).max(500),
  /** The table agreed (by consensus) to this change: a checkbox that must be ticked. */
  agreed: checkbox.pipe(z.literal(true)),
  agreedNote: text(3000),
};

/** The table acting: left out, the sources' thematic roundtable; the technical roundtable's id to merge or split there. */
const actingTable = { roundtableId: id.optional() };

export const mergeProposalsSchema = z.object({
  ...actingTable,
  sourceIds: z.array(id).min(2).max(200),
  /** Versions the member composed from; a source changed since then answers 409. */
  expectedVersions: z.record(z.string(), z.coerce.number().int().min(1)).optional(),
  result: proposalTemplateSchema,
  ...agreementFields,
});

export const splitProposalSchema = z.object({
  ...actingTable,
  sourceId: id,
  expectedVersion: z.coerce.number().int().min(1).optional(),
  results: z.array(proposalTemplateSchema).min(2).max(20),
  ...agreementFields,
});

export const undoOperationSchema = z.object({ operationId: id });

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
