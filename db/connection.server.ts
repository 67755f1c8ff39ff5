import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { CompiledQuery, Kysely, Migrator, SqliteDialect, SqliteDriver, type DatabaseConnection, type SqliteDialectConfig } from "kysely";
import { migrationProvider } from "./migrations/index";
import { withStatementCache } from "./statement-cache";
import type { Database } from "./schema";

export type DB = Kysely<Database>;

/** Path of the SQLite file from a `file:` URL (or a bare path). */
export function sqlitePathFromUrl(url: string): string {
  if (url === ":memory:" || url === "file::memory:") return ":memory:";
  return url.startsWith("file:") ? url.slice("file:".length) : url;
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

export function openDatabase(url: string): { db: DB; sqlite: SQLite.Database } {
  if (!url.startsWith("file:") && /^[a-z]+:\/\//.test(url)) {
    throw new Error(`Only SQLite (file:...) is wired in this version; got ${url.split(":")[0]}. See docs/decisions/0001.`);
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
  return { db, sqlite };
}

export async function migrateToLatest(db: DB): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  for (const r of results ?? []) {
    if (r.status === "Error") console.error(`migration ${r.migrationName} failed`);
  }
  if (error) throw error;
}
