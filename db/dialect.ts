// What differs between SQLite (the embedded default) and PostgreSQL, in one place (decision 0010). Queries and
// commands ask `dialectOf(db)` for these pieces instead of writing either engine's SQL themselves.
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from "kysely";

export type DialectName = "sqlite" | "postgres";

export interface TableShape {
  name: string;
  columns: string[];
  /** The integer key the database numbers itself (AUTOINCREMENT, identity), if any. */
  serial: string | null;
}

/** On PostgreSQL the connection's introspector reads the current schema only (db/postgres-introspector.ts). */
async function tablesIn(db: Kysely<any>): Promise<TableShape[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: false });
  return tables
    .filter((t) => !t.isView)
    .map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name), serial: t.columns.find((c) => c.isAutoIncrementing)?.name ?? null }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

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
  /** This database's own tables (Kysely's bookkeeping left out): columns in order, and the one the database numbers. */
  tables(db: Kysely<any>): Promise<TableShape[]>;
  /**
   * Runs `fn` while no other process holding the same `key` runs (nodes starting together on one database: one
   * seeds the demo, the others then find it). PostgreSQL: a session advisory lock on one pooled connection; SQLite:
   * one process writes at a time anyway, so `fn` just runs.
   */
  exclusively<T>(db: Kysely<any>, key: number, fn: () => Promise<T>): Promise<T>;
  /** Foreign keys of this database's own tables, as (table, referenced table) pairs (copy-database's order). */
  foreignKeys(db: Kysely<any>): Promise<Array<{ table: string; references: string }>>;
  /** After rows were inserted with their own numbers into `table`'s database-numbered `column`, new rows follow them. */
  continueNumbering(db: Kysely<any>, table: string, column: string): Promise<void>;
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
  tables: (db) => tablesIn(db),
  exclusively: (_db, _key, fn) => fn(),
  foreignKeys: async (db) =>
    (
      await sql<{ table: string; references: string }>`
        SELECT m.name AS "table", f."table" AS "references" FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
        WHERE m.type = 'table'`.execute(db)
    ).rows,
  // AUTOINCREMENT keeps the largest number inserted in sqlite_sequence by itself.
  continueNumbering: async () => {},
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
  tables: (db) => tablesIn(db),
  exclusively: (db, key, fn) =>
    db.connection().execute(async (conn) => {
      await sql`SELECT pg_advisory_lock(${key})`.execute(conn);
      try {
        return await fn();
      } finally {
        await sql`SELECT pg_advisory_unlock(${key})`.execute(conn);
      }
    }),
  foreignKeys: async (db) =>
    (
      await sql<{ table: string; references: string }>`
        SELECT t.relname AS "table", r.relname AS "references" FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE c.contype = 'f' AND n.nspname = current_schema()`.execute(db)
    ).rows,
  continueNumbering: async (db, table, column) => {
    await sql`SELECT setval(pg_get_serial_sequence(${table}, ${column}), COALESCE((SELECT MAX(${sql.ref(column)}) FROM ${sql.table(table)}), 0) + 1, false)`.execute(
      db,
    );
  },
};

/** The dialect of a Kysely instance (or a transaction), read from its adapter. */
export function dialectOf(db: Kysely<any>): SqlDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresDialect : sqliteDialect;
}
