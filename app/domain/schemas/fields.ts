// Field building blocks shared by every form and command schema (client and server).
import { z } from "zod";

const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

export const id = z.string().uuid();
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "YYYY-MM-DD" });
export const optionalDate = z.preprocess(emptyToNull, isoDate.nullable()).optional();
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
