// The action plan's commands and forms (issue 9): assembling, publishing, citizen comments and their moderation,
// the technical roundtable's answers and revisions, the OGP support unit's observations, approval, submission and
// amendments. One schema per form or command, shared by server and browser.
import { z } from "zod";
import { COMMENT_VERDICTS, PLAN_COMMENT_MAX, PLAN_COMMENT_MIN, isHttpLink } from "../plan";
import { REASON_MAX } from "../opinion";
import { id, isoDate, longText, shortText } from "./fields";
import { proposalTemplateFields } from "./proposal";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const blankToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);

/** A list from JSON, or from a form: one field repeated, or one comma-separated value. */
const idList = (max: number) =>
  z.preprocess((v) => {
    if (v === undefined || v === null || v === "") return [];
    if (Array.isArray(v)) return v.filter((x) => x !== "");
    if (typeof v === "string")
      return v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    return v;
  }, z.array(id).max(max));

/** Like the opinion text: stored as typed, minus control characters and odd line ends. */
const commentText = z
  .string()
  .overwrite((v) =>
    v
      .normalize("NFC")
      .replace(/\r\n?/g, "\n")
      // Control characters are what this strips: the pattern names them on purpose.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
      .trim(),
  )
  .min(PLAN_COMMENT_MIN)
  .max(PLAN_COMMENT_MAX);

export const assemblePlanSchema = z.object({
  consultationId: id,
  introduction: longText(20_000).default(""),
  /** The adopted commitments in the plan's order. */
  proposalIds: idList(100),
  /** Numbers shown, in the same order (empty: the position). */
  numbers: z.preprocess((v) => (typeof v === "string" ? v.split(",") : v), z.array(z.string().trim().max(20)).max(100)).default([]),
});

export const planRefSchema = z.object({ planId: id });

export const commentPlanSchema = z.object({
  planId: id,
  /** The commitment commented on; empty: the plan as a whole. */
  proposalId: z.preprocess(blankToNull, id.nullable()).default(null),
  text: commentText,
  /** Honeypot: hidden from people, filled by bots. */
  website: z.string().max(1_000).optional(),
});

const reason = z.string().trim().min(3).max(REASON_MAX);
export const hideCommentSchema = z.object({ commentId: id, reason });
export const restoreCommentSchema = z.object({ commentId: id, reason: z.string().trim().max(REASON_MAX).default("") });
export const reportCommentSchema = z.object({ commentId: id, reason });

export const answerCommentSchema = z.object({
  commentId: id,
  verdict: z.enum(COMMENT_VERDICTS),
  reason: shortText(3000),
});

/** A revision: only the fields sent change; the rest of the template is kept (defaults removed, or they would fill unsent fields). */
const partialTemplate = Object.fromEntries(
  Object.entries(proposalTemplateFields).map(([key, schema]) => [key, (schema instanceof z.ZodDefault ? schema.unwrap() : schema).optional()]),
) as unknown as { [K in keyof typeof proposalTemplateFields]: z.ZodOptional<z.ZodType<z.output<(typeof proposalTemplateFields)[K]>, unknown>> };
const templateChange = {
  proposalId: id,
  planId: id,
  expectedVersion: z.coerce.number().int().min(1).optional(),
  ...partialTemplate,
};
/** Forms post every field; an empty nested group the form did not show is left out. */
function sentOnly(raw: unknown): unknown {
  return raw;
}

export const revisePlanCommitmentSchema = z.preprocess(
  sentOnly,
  z.object({
    ...templateChange,
    note: longText(3000).default(""),
    /** The comments that led to this change (shown on the public sheet). */
    commentIds: idList(200).default([]),
  }),
);

export const amendPlanCommitmentSchema = z.preprocess(
  sentOnly,
  z.object({
    ...templateChange,
    reason: shortText(3000),
  }),
);

export const observePlanSchema = z.object({
  planId: id,
  proposalId: z.preprocess(blankToNull, id.nullable()).default(null),
  text: shortText(5000),
});
export const answerObservationSchema = z.object({ observationId: id, answer: shortText(5000) });

export const approvePlanSchema = z.object({
  planId: id,
  approvedBy: shortText(300),
  approvedOn: isoDate,
  reference: shortText(500),
});

const httpLink = z.string().trim().max(2000).refine(isHttpLink, { message: "plan.issue.http_link" });

export const submitPlanSchema = z
  .object({
    planId: id,
    submittedOn: isoDate,
    link: z.preprocess(blankToUndefined, httpLink.optional()),
    fileReference: z.preprocess(blankToUndefined, z.string().trim().max(500).optional()),
  })
  .refine((v) => Boolean(v.link || v.fileReference), { path: ["link"], message: "plan.issue.link_or_file" });

export type AssemblePlan = z.output<typeof assemblePlanSchema>;

/** An amendment that adds a commitment to the approved plan (a proposal adopted after approval enters only so). */
export const addCommitmentByAmendmentSchema = z.object({
  planId: id,
  proposalId: id,
  reason: shortText(3000),
  /** The number shown (empty: the next position). */
  number: z.string().trim().max(20).default(""),
});
