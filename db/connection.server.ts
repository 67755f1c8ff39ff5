import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { CompiledQuery, Kysely, sql, Migrator, SqliteDialect, SqliteDriver, type DatabaseConnection, type SqliteDialectConfig } from "kysely";
import pg from "pg";
import { dialectOf, type SqlDialect } from "./dialect";
import { CurrentSchemaPostgresDialect } from "./postgres-introspector";
import { migrationProvider } from "./migrations/index";
import { withStatementCache } from "./statement-cache";
import type { Database } from "./schema";

export type DB = Kysely<Database>;

/** Path of the SQLite file from a `file:` URL (or a bare path). */
export function sqlitePathFromUrl(url: string): string {
  if (url === ":memory:" || url === "file::memory:") return ":memory:";
  return url.startsWith("file:") ? url.slice("file:".length) : url;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * Write transactions take SQLite's write lock when they begin (BEGIN IMMEDIATE) and wait on busy_timeout, so another
 * process writing at the same moment (the CLI while the server runs) makes them wait instead of failing with
 * SQLITE_BUSY_SNAPSHOT when a deferred transaction tries to upgrade its read lock.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly sqliteConfig: SqliteDialectConfig) {
    super(sqliteConfig);
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.sqliteConfig);
  }
}

// pg hands 64-bit integers (count(*), sum()) and numerics back as strings; every count here fits a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export interface OpenDatabase {
  db: DB;
  dialect: SqlDialect;
  /** The better-sqlite3 handle on SQLite (backups, the CLI's checks); absent on PostgreSQL. */
  sqlite?: SQLite.Database;
}

/** `file:…` (or a bare path) opens SQLite; `postgres://…` opens a pool on PostgreSQL (`poolSize`, DATABASE_POOL_SIZE; default 10). */
export function openDatabase(url: string, options: { poolSize?: number } = {}): OpenDatabase {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle client that loses its server (a restart) must not crash the process; the pool replaces it.
    pool.on("error", () => {});
    const db = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
    return { db, dialect: dialectOf(db) };
  }
  return openSqliteDatabase(url);
}

/** SQLite only, with its better-sqlite3 handle (benchmarks and SQLite-only tools). */
export function openSqliteDatabase(url: string): OpenDatabase & { sqlite: SQLite.Database } {
  if (/^[a-z]+:\/\//.test(url) && !url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be file:… (SQLite) or postgres://… (PostgreSQL); got ${url.split(":")[0]}:. See docs/decisions/0010.`);
  }
  const file = sqlitePathFromUrl(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL: readers never block the writer; NORMAL sync is durable across process crashes (not power loss).
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: dialectOf(db), sqlite };
}

export async function migrateToLatest(db: DB): Promise<void> {
  // PostgreSQL: Kysely looks for its bookkeeping tables in every schema unless told which one; name ours (the
  // search path's first), or a database with another Cocrea schema in it would look migrated already.
  const migrationTableSchema =
    dialectOf(db).name === "postgres" ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({ db, provider: migrationProvider, migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  for (const r of results ?? []) {
    if (r.status === "Error") console.error(`migration ${r.migrationName} failed`);
  }
  if (error) throw error;
}
