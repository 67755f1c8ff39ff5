// Kysely's SQLite driver prepares every query anew; parsing SQL was an eighth of the server's time under
// the intake benchmark. Queries are built from the same few shapes, so prepared statements are kept by SQL
// text. Safe because Kysely runs one query at a time on the single connection.
import type SQLite from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/** `max` bounds memory if some code builds SQL with varying shapes (long IN lists); the oldest are dropped first. */
export function withStatementCache(sqlite: SQLite.Database, max = 1_000): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    prepare(sql: string): SqliteStatement {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = sqlite.prepare(sql) as unknown as SqliteStatement;
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(sql, stmt);
      }
      return stmt;
    },
    close: () => sqlite.close(),
  };
}
