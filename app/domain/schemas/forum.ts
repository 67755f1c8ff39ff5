import { z } from "zod";
import { AGE_RANGES, GENDERS, PARTICIPANT_SECTORS } from "../attendance";
import { CAPTURE_TEXT_MAX, HEAD_COUNT_MAX, normalizeTags, TAG_MAX_LENGTH, TAGS_MAX } from "../forum";
import { DEPARTMENTS } from "../guatemala";
import { SUMMARY_INPUTS_MAX } from "../lineage";
import { dateTime, id, isoDate, optionalText, shortText } from "./fields";

/** A blank form field or a JSON null both mean "not said". */
const emptyToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);
/** An optional choice from a list; a form's empty option means "not said". */
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(emptyToUndefined, z.enum(values).optional());

const forumFields = {
  department: z.enum(DEPARTMENTS),
  municipality: shortText(200),
  venue: shortText(300),
  heldOn: isoDate,
  expectedAttendance: z.coerce.number().int().min(0).max(100_000).default(0),
};
export const createForumSchema = z.object({ consultationId: id, ...forumFields });
export const updateForumSchema = z.object({ forumId: id, ...forumFields });
export const forumRefSchema = z.object({ forumId: id });

// Worktables: one theme each, facilitators assigned by the point of contact.
export const createWorktableSchema = z.object({ forumId: id, themeId: id });
export const updateWorktableSchema = z.object({ worktableId: id, themeId: id });
export const worktableRefSchema = z.object({ worktableId: id });
export const assignFacilitatorSchema = z.object({ worktableId: id, userId: id });

// Attendance at the door.
export const registerAttendeeSchema = z.object({
  forumId: id,
  sector: optionalChoice(PARTICIPANT_SECTORS),
  gender: optionalChoice(GENDERS),
  ageRange: optionalChoice(AGE_RANGES),
  department: optionalChoice(DEPARTMENTS),
  name: optionalText(200),
});
export const addHeadCountSchema = z.object({ forumId: id, count: z.coerce.number().int().min(1).max(HEAD_COUNT_MAX) });
export const attendanceRefSchema = z.object({ attendanceId: id });

// Captures: the command id is the capture's id (made on the facilitator's phone).
const tags = z
  .union([z.array(z.string().max(TAG_MAX_LENGTH)), z.string().max(TAGS_MAX * (TAG_MAX_LENGTH + 2))])
  .default([])
  .transform((v) => normalizeTags(v))
  .pipe(z.array(z.string().max(TAG_MAX_LENGTH)).max(TAGS_MAX));
const captureFields = {
  text: z.string().trim().min(1).max(CAPTURE_TEXT_MAX),
  themeId: z.preprocess(emptyToUndefined, id.optional()),
  speakerSector: optionalChoice(PARTICIPANT_SECTORS),
  tags,
};
export const createCaptureSchema = z.object({
  worktableId: id,
  ...captureFields,
  /** When the phone made it (ISO time); lets a capture queued before the forum closed still sync. */
  capturedAt: z.preprocess(emptyToUndefined, dateTime.optional()),
});
export const updateCaptureSchema = z.object({ inputId: id, ...captureFields });
export const withdrawCaptureSchema = z.object({ inputId: id, reason: optionalText(500) });

// Summaries: a theme's citizen input gathered and unified by a systematizer, with its lineage.
const inputIds = z
  .union([z.array(id), id])
  .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
  .pipe(z.array(id).min(1).max(SUMMARY_INPUTS_MAX));
const summaryFields = { title: shortText(200), text: z.string().trim().min(1).max(10_000), inputIds };
export const createSummarySchema = z.object({ consultationId: id, themeId: id, ...summaryFields });
export const updateSummarySchema = z.object({ summaryId: id, ...summaryFields });
export const summaryRefSchema = z.object({ summaryId: id });
