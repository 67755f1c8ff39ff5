// What differs between SQLite (the embedded default) and PostgreSQL, in one place (decision 0010). Queries and
// commands ask `dialectOf(db)` for these pieces instead of writing either engine's SQL themselves.
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from "kysely";

export type DialectName = "sqlite" | "postgres";

export interface SqlDialect {
  name: DialectName;
  /**
   * A JSON array of strings (a bound parameter or a text column) as rows with `value` (the element) and `key`
   * (its position, for ordering), named `alias`. Joined with `crossJoin`, no ON clause.
   */
  jsonEach(array: RawBuilder<unknown> | string, alias: string): RawBuilder<unknown>;
  /** The text of one top-level field of a JSON object kept in a text column. */
  jsonField(column: string, field: string): RawBuilder<string | null>;
  /** The calendar day (YYYY-MM-DD) of an ISO timestamp column, shifted by a whole number of hours. */
  localDay(column: string, offsetHours: number): RawBuilder<string>;
  /**
   * An inner join that keeps the written order: SQLite's CROSS JOIN ... ON tells its planner not to reorder
   * (the lineage walks rely on it); PostgreSQL plans joins itself and takes a plain JOIN.
   */
  orderedJoin: RawBuilder<unknown>;
  /** Join with a set-returning expression (jsonEach) that has no ON clause. */
  crossJoin: RawBuilder<unknown>;
  /** The error is a unique constraint violation (a concurrent insert of the same key won). */
  isUniqueViolation(error: unknown): boolean;
  /** The error is a serialization failure or a deadlock: the transaction may be run again from the start. */
  isRetryable(error: unknown): boolean;
}

const code = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;

const param = (v: RawBuilder<unknown> | string) => (typeof v === "string" ? sql.ref(v) : v);

export const sqliteDialect: SqlDialect = {
  name: "sqlite",
  jsonEach: (array, alias) => sql`json_each(${param(array)}) ${sql.raw(alias)}`,
  jsonField: (column, field) => sql<string | null>`json_extract(${sql.ref(column)}, ${`$.${field}`})`,
  localDay: (column, offsetHours) => sql<string>`date(${sql.ref(column)}, ${`${offsetHours} hours`})`,
  orderedJoin: sql.raw("CROSS JOIN"),
  crossJoin: sql.raw("JOIN"),
  isUniqueViolation: (e) => code(e)?.startsWith("SQLITE_CONSTRAINT") === true && /UNIQUE|PRIMARYKEY/.test(code(e)!),
  // One writer and BEGIN IMMEDIATE: SQLite transactions never need a rerun.
  isRetryable: () => false,
};

export const postgresDialect: SqlDialect = {
  name: "postgres",
  jsonEach: (array, alias) => sql`json_array_elements_text(${param(array)}::json) WITH ORDINALITY ${sql.raw(alias)}(value, key)`,
  jsonField: (column, field) => sql<string | null>`(${sql.ref(column)}::json ->> ${field})`,
  // Timestamps are ISO-8601 text in UTC ("2016-03-01T12:00:00.000Z"), as on SQLite.
  localDay: (column, offsetHours) =>
    sql<string>`to_char((${sql.ref(column)}::timestamptz at time zone 'UTC') + make_interval(hours => ${offsetHours}), 'YYYY-MM-DD')`,
  orderedJoin: sql.raw("JOIN"),
  crossJoin: sql.raw("CROSS JOIN"),
  isUniqueViolation: (e) => code(e) === "23505",
  isRetryable: (e) => code(e) === "40001" || code(e) === "40P01",
};

/** The dialect of a Kysely instance (or a transaction), read from its adapter. */
export function dialectOf(db: Kysely<any>): SqlDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresDialect : sqliteDialect;
}
