// Reports the impossible calendar dates stored before every command checked its dates (issue 17): 2027-13-45,
// 0000-00-00, 2027-02-30… It changes nothing — a person decides — and prints one line per value (table, row,
// column, value) with the way to correct them: `npm run cocrea -- check-dates [--fix]` (server/cli.ts).
// Self-contained on purpose: a migration must keep doing what it did when the app's code moves on.
import type { Kysely } from "kysely";

const DATE_COLUMNS: ReadonlyArray<readonly [table: string, column: string]> = [
  ["consultations", "starts_on"],
  ["consultations", "ends_on"],
  ["stages", "starts_on"],
  ["stages", "ends_on"],
  ["forums", "held_on"],
  ["rounds", "held_on"],
  ["proposals", "starts_on"],
  ["proposals", "ends_on"],
  ["milestones", "starts_on"],
  ["milestones", "ends_on"],
  ["plans", "approved_on"],
  ["plans", "submitted_on"],
  ["followup_updates", "actual_start_on"],
  ["followup_updates", "actual_end_on"],
];

/** YYYY-MM-DD naming a day that exists (months 1–12, days per month, leap years). */
function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

export async function up(db: Kysely<any>): Promise<void> {
  let found = 0;
  for (const [table, column] of DATE_COLUMNS) {
    const rows = await db.selectFrom(table).select(["id", column]).where(column, "is not", null).execute();
    for (const row of rows) {
      const value = String(row[column]);
      if (isCalendarDate(value)) continue;
      found++;
      console.warn(`[0013_impossible_dates] ${table} ${row.id} ${column}: "${value}" is not a date that exists`);
    }
  }
  if (found) console.warn(`[0013_impossible_dates] ${found} impossible date(s) kept as they are; list or fix them with: npm run cocrea -- check-dates [--fix]`);
}

export async function down(): Promise<void> {
  // Nothing was changed.
}
