// Field building blocks shared by every form and command schema (client and server).
import { z } from "zod";

const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

export const id = z.string().uuid();
/**
 * A day of the calendar: YYYY-MM-DD naming a day that exists — 2027-02-30, 2027-13-45 and 0000-00-00 are refused
 * (zod's ISO date checks months, days per month and leap years). Every date of every command is this schema (a unit
 * test walks the command registry to hold it); its issue reads "Escriba una fecha válida." (../../i18n/zod.server.ts).
 */
export const calendarDate = z.iso.date();
/** An optional day: an empty field or null is none (null). */
export const optionalCalendarDate = z.preprocess(emptyToNull, calendarDate.nullable()).optional();
/** A moment with its UTC offset (2016-07-15T10:30:00-06:00), refused when its day does not exist. */
export const dateTime = z.iso.datetime({ offset: true });
/** Earlier names of the same schemas. */
export const isoDate = calendarDate;
export const optionalDate = optionalCalendarDate;

/** Whether a stored text is a day that exists: pages and the `check-dates` command judge stored values with it. */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === "string" && calendarDate.safeParse(value).success;
}
export const shortText = (max = 200) => z.string().trim().min(1).max(max);
export const longText = (max = 10_000) => z.string().trim().max(max);
export const optionalText = (max = 200) => z.preprocess(emptyToNull, z.string().trim().max(max).nullable()).optional();
export const email = z.string().trim().toLowerCase().email().max(254);
export const password = z.string().min(10).max(200);
export const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .min(3)
  .max(80);

/** Period checks shared by consultations, stages and forums. */
export function endNotBeforeStart(v: { startsOn?: string | null; endsOn?: string | null }): boolean {
  return !v.startsOn || !v.endsOn || v.startsOn <= v.endsOn;
}
export const periodIssue = { message: "endsOn < startsOn", path: ["endsOn"] };
