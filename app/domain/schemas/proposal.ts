// The OGP commitment template (docs/domain.md) as zod schemas: one per form or command, shared by server and browser.
// The rules a form shows before it posts (completeness, the milestone cap, a SMART checklist) are in ../proposal-template.
import { z } from "zod";
import { endNotBeforeStart, id, longText, optionalCalendarDate, periodIssue, shortText } from "./fields";
import { MILESTONES_HARD_CAP, OGP_CHALLENGES } from "../proposal-template";

// The template's lists and the rules forms show live in ../proposal-template (no zod: pages import them).
export * from "../proposal-template";

/** A checkbox or a JSON boolean. */
export const checkbox = z
  .union([z.boolean(), z.enum(["on", "true", "1", "false", "0", ""])])
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

// "" and null are no date; anything else must be a day that exists.
const optionalIsoDate = optionalCalendarDate;
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
