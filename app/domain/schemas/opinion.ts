// Online opinions: what a citizen may send, and what moderators and reporters send about an opinion.
// Cross-field issues carry a translation key as their message; adapters translate it for the reader.
import { z } from "zod";
import { DEPARTMENTS, PARTICIPANT_SECTORS } from "../guatemala";
import {
  AGE_RANGES,
  GENDERS,
  LANGUAGE_ANSWERS,
  METHODOLOGY_AXES,
  OPINION_SUBJECTS,
  OPINION_TEXT_MAX,
  OPINION_TEXT_MIN,
  REASON_MAX,
  parseAbout,
} from "../opinion";
import { email, id } from "./fields";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(blankToUndefined, z.enum(values).optional());
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

/** Stored as typed, minus what no one types on purpose: control characters, Windows line ends, odd Unicode forms. */
const opinionText = z
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
  .min(OPINION_TEXT_MIN)
  .max(OPINION_TEXT_MAX);

/** A form posts `about` (see parseAbout); API clients may send subject/axis/themeId directly. */
function expandAbout(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || !("about" in raw)) return raw;
  const { about, ...rest } = raw as Record<string, unknown>;
  const parsed = typeof about === "string" ? parseAbout(about) : null;
  return { ...rest, ...(parsed ?? { subject: about === "" ? undefined : about }) };
}

export const submitOpinionSchema = z.preprocess(
  expandAbout,
  z
    .object({
      consultationId: id,
      subject: z.enum(OPINION_SUBJECTS),
      axis: optionalChoice(METHODOLOGY_AXES),
      themeId: z.preprocess(blankToUndefined, id.optional()),
      text: opinionText,
      department: optionalChoice(DEPARTMENTS),
      sector: optionalChoice(PARTICIPANT_SECTORS),
      ageRange: optionalChoice(AGE_RANGES),
      gender: optionalChoice(GENDERS),
      indigenousLanguage: optionalChoice(LANGUAGE_ANSWERS),
      email: z.preprocess(blankToUndefined, email.optional()),
      emailConsent: checkbox,
      /** Honeypot: hidden from people, filled by bots. */
      website: z.string().max(1_000).optional(),
    })
    .superRefine((v, ctx) => {
      if (v.subject === "axis" && !v.axis) ctx.addIssue({ code: "custom", path: ["axis"], message: "intake.error.axis_required" });
      if (v.subject === "theme" && !v.themeId) ctx.addIssue({ code: "custom", path: ["themeId"], message: "intake.error.theme_required" });
      if (v.email && !v.emailConsent) ctx.addIssue({ code: "custom", path: ["emailConsent"], message: "intake.error.email_consent" });
    }),
);
export type SubmitOpinion = z.output<typeof submitOpinionSchema>;

const reason = z.string().trim().min(3).max(REASON_MAX);

export const hideOpinionSchema = z.object({ inputId: id, reason });
export const restoreOpinionSchema = z.object({ inputId: id, reason: z.string().trim().max(REASON_MAX).default("") });
export const reportOpinionSchema = z.object({ inputId: id, reason });
