// Dates stored before every command checked them (issue 17): the values that name no day of the calendar, per table,
// row and column. Read by `npm run cocrea -- check-dates` and corrected by the `dates.fix_impossible` command
// (server/commands/system.server.ts); migration 0013 reports the same list once, with its own copy of the columns.
import type { Kysely } from "kysely";
import { isCalendarDate } from "../../app/domain/schemas/fields";
import type { Database } from "../schema";

/** Every column holding a calendar date, and whether it may be empty (a forum always has its day). */
export const DATE_COLUMNS = [
  { table: "consultations", column: "starts_on", nullable: true },
  { table: "consultations", column: "ends_on", nullable: true },
  { table: "stages", column: "starts_on", nullable: true },
  { table: "stages", column: "ends_on", nullable: true },
  { table: "forums", column: "held_on", nullable: false },
  { table: "rounds", column: "held_on", nullable: true },
  { table: "proposals", column: "starts_on", nullable: true },
  { table: "proposals", column: "ends_on", nullable: true },
  { table: "milestones", column: "starts_on", nullable: true },
  { table: "milestones", column: "ends_on", nullable: true },
  { table: "plans", column: "approved_on", nullable: true },
  { table: "plans", column: "submitted_on", nullable: true },
  { table: "followup_updates", column: "actual_start_on", nullable: true },
  { table: "followup_updates", column: "actual_end_on", nullable: true },
] as const;

export interface ImpossibleDate {
  table: string;
  column: string;
  id: string;
  value: string;
  /** Whether the column may be emptied (`--fix`); otherwise a person corrects it through the page or the API. */
  nullable: boolean;
}

export async function findImpossibleDates(db: Kysely<Database>): Promise<ImpossibleDate[]> {
  const found: ImpossibleDate[] = [];
  // Tables and columns come from the list above, never from input: the dynamic names are safe.
  const any = db as unknown as Kysely<Record<string, Record<string, string | null>>>;
  for (const { table, column, nullable } of DATE_COLUMNS) {
    const rows = await any.selectFrom(table).select(["id", column]).where(column, "is not", null).orderBy("id").execute();
    for (const row of rows) {
      const value = String(row[column]);
      if (!isCalendarDate(value)) found.push({ table, column, id: String(row.id), value, nullable });
    }
  }
  return found;
}
