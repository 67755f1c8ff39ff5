// Online opinion intake (stage 2): the lists and limits the form, the command and the statistics share.
// No zod here: citizen pages import this file and must stay light.

export const OPINION_TEXT_MIN = 10;
export const OPINION_TEXT_MAX = 2_000;
export const REASON_MAX = 500;

/** The same text from the same client inside this window is taken once (the first receipt is answered). */
export const DUPLICATE_WINDOW_MINUTES = 10;

/** What an opinion is about (docs/domain.md, stage 2: "the methodology, the axes and the prioritized themes"). */
export const OPINION_SUBJECTS = ["methodology", "axis", "theme"] as const;
export type OpinionSubject = (typeof OPINION_SUBJECTS)[number];

/** The cross-cutting axes of the 2018 methodology ("eje transversal": open-state principles). */
export const METHODOLOGY_AXES = ["transparency", "access_to_information", "participation", "accountability", "open_data"] as const;
export type MethodologyAxis = (typeof METHODOLOGY_AXES)[number];

export const AGE_RANGES = ["under_18", "18_29", "30_44", "45_59", "60_plus"] as const;
export const GENDERS = ["woman", "man", "other"] as const;
/** Mayan, Garífuna or Xinka language spoken: yes / no; empty means not said. */
export const LANGUAGE_ANSWERS = ["yes", "no"] as const;

/**
 * The form's single "about" choice: `methodology`, `axis:<axis>` or `theme:<themeId>`.
 * One select with groups is easier on a phone than three linked fields.
 */
export type About = { subject: "methodology" } | { subject: "axis"; axis: string } | { subject: "theme"; themeId: string };

export function parseAbout(value: string): About | null {
  if (value === "methodology") return { subject: "methodology" };
  const colon = value.indexOf(":");
  const kind = value.slice(0, colon);
  const ref = value.slice(colon + 1);
  if (colon < 0 || !ref) return null;
  if (kind === "axis") return { subject: "axis", axis: ref };
  if (kind === "theme") return { subject: "theme", themeId: ref };
  return null;
}

export function formatAbout(a: { subject: string; axis?: string | null; themeId?: string | null }): string {
  if (a.subject === "axis") return `axis:${a.axis ?? ""}`;
  if (a.subject === "theme") return `theme:${a.themeId ?? ""}`;
  return "methodology";
}

/** Receipt codes avoid look-alike characters (0/O, 1/I/L) and vowels that could spell words. */
export const RECEIPT_ALPHABET = "23456789BCDFGHJKMNPQRSTVWXZ";
export const RECEIPT_LENGTH = 8;

/** "bcdf-2345", "BCDF 2345" and "BCDF2345" all name the same receipt. */
export function normalizeReceiptCode(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

export function isReceiptCode(code: string): boolean {
  if (code.length !== RECEIPT_LENGTH) return false;
  for (const ch of code) if (!RECEIPT_ALPHABET.includes(ch)) return false;
  return true;
}

/** Shown in two groups of four so it can be read aloud or copied by hand. */
export function formatReceiptCode(code: string): string {
  return code.length === RECEIPT_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** Texts compared for duplicates: case, spacing and Unicode form do not make a new opinion. */
export function normalizeForDuplicates(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Guatemala keeps UTC-6 all year: statistics by day use the local calendar day. */
export const GUATEMALA_UTC_OFFSET_HOURS = -6;

export function guatemalaDay(iso: string): string {
  const t = Date.parse(iso) + GUATEMALA_UTC_OFFSET_HOURS * 3_600_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Open data of the intake is published under this license (stated in the JSON and on the statistics page). */
export const OPEN_DATA_LICENSE = {
  name: "Creative Commons Atribución 4.0 Internacional (CC BY 4.0)",
  url: "https://creativecommons.org/licenses/by/4.0/deed.es",
} as const;

/** Columns of the open-data CSV, in order. */
export const OPEN_DATA_COLUMNS = [
  "id",
  "created_at",
  "subject",
  "axis",
  "theme_id",
  "theme_name",
  "text",
  "department",
  "sector",
  "age_range",
  "gender",
  "speaks_indigenous_language",
] as const;
