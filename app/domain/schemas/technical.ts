// The technical roundtable's commands and forms: the table and its chair, review and refinement sessions, attendance,
// decision settings, the adoption criteria, conflicts of interest, rejection, revision and the consensus vote.
// One schema per form or command, shared by server and browser.
import { z } from "zod";
import { ANSWERS, DECISION_RULES } from "../consensus/outcome";
import { CRITERIA } from "../consensus/criteria";
import { ORGANIZATION_SECTORS } from "../guatemala";
import { id, longText, optionalCalendarDate, optionalText, shortText } from "./fields";
import { checkbox, proposalTemplateFields } from "./proposal";
import { SESSION_CLOSES, SESSION_KINDS } from "../technical-sessions";

// "" and null are no date; anything else must be a day that exists.
const optionalIsoDate = optionalCalendarDate;
/** A share typed as a percentage in forms (66.67) or a fraction in JSON (0.6667). */
const share = z.coerce
  .number()
  .min(0)
  .max(100)
  .transform((v) => (v > 1 ? v / 100 : v));

export const createTechnicalSchema = z.object({ consultationId: id, name: optionalText(300) });
export const setChairSchema = z.object({ roundtableId: id, userId: id });

// The session lists live apart, without zod, for the pages that show them.
export { SESSION_CLOSES, SESSION_KINDS } from "../technical-sessions";

export const scheduleSessionSchema = z.object({
  roundtableId: id,
  kind: z.enum(SESSION_KINDS).default("review"),
  /** Closing this session fills that funnel column with the proposals still alive ("" or null: none). */
  closesStage: z
    .union([z.enum(SESSION_CLOSES), z.literal(""), z.null()])
    .transform((v) => (v ? v : null))
    .optional(),
  heldOn: optionalIsoDate,
  venue: longText(300).default(""),
});
export const sessionRefSchema = z.object({ roundId: id });

export const sessionAttendanceSchema = z.object({ roundId: id, userId: id, present: checkbox });

export const decisionSettingsSchema = z.object({
  consultationId: id,
  decisionRule: z.enum(DECISION_RULES),
  standAsideMaxShare: share.default(0.25),
  supermajorityShare: share.default(2 / 3),
  quorumShare: share.default(0.5),
  quorumSectorMinimums: z.partialRecord(z.enum(ORGANIZATION_SECTORS), z.coerce.number().int().min(0).max(100)).default({}),
  privateAnswers: checkbox.default(false),
});

export const recordCriterionSchema = z
  .object({
    proposalId: id,
    criterion: z.enum(CRITERIA),
    met: checkbox,
    note: longText(3000).default(""),
    /** Criterion (a): the responsible public institution that accepts (a member's own; the point of contact names it). */
    organizationId: z
      .union([id, z.literal(""), z.null()])
      .transform((v) => (v ? v : null))
      .optional(),
  })
  .refine((v) => v.met || v.note.length > 0, { path: ["note"], message: "technical.issue.reason_required" });

export const declareConflictSchema = z.object({ proposalId: id, reason: shortText(2000) });
export const rejectProposalSchema = z.object({ proposalId: id, reason: shortText(2000) });

export const reviseProposalSchema = z.object({
  proposalId: id,
  expectedVersion: z.coerce.number().int().min(1).optional(),
  /** What the table changed and why, shown beside the differences. */
  note: longText(3000).default(""),
  ...proposalTemplateFields,
});

export const openVoteSchema = z.object({ proposalId: id });
export const voteRefSchema = z.object({ voteId: id });
/** The chair's way out of a vote that cannot go on (e.g. the plan filled up meanwhile): the reason is published. */
export const cancelVoteSchema = z
  .object({ voteId: id, reason: longText(2000).default("") })
  .refine((v) => v.reason.length > 0, { path: ["reason"], message: "technical.issue.cancel_reason_required" });

export const answerVoteSchema = z
  .object({ voteId: id, answer: z.enum(ANSWERS), reason: longText(2000).default("") })
  .refine((v) => v.answer !== "block" || v.reason.length > 0, { path: ["reason"], message: "technical.issue.block_reason_required" })
  .refine((v) => v.answer !== "reservations" || v.reason.length > 0, { path: ["reason"], message: "technical.issue.reservations_required" });
