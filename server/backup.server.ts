// `npm run cocrea -- backup <file>`: a consistent copy of the SQLite database while the server keeps serving.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { sqlitePathFromUrl } from "../db/connection.server";

/**
 * VACUUM INTO reads the whole database inside one read transaction (WAL: the server's writers never wait for it) and
 * writes a compact copy with the WAL's committed pages folded in. Unlike the page-by-page backup API, it does not
 * start over each time the server commits, so it finishes under a steady write load.
 */
export function backupSqlite(databaseUrl: string, destination: string): { bytes: number } {
  if (/^[a-z]+:\/\//.test(databaseUrl) && !databaseUrl.startsWith("file:")) {
    throw new Error("backup copies a SQLite database; for PostgreSQL use pg_dump (see the README's deployment section)");
  }
  const file = sqlitePathFromUrl(databaseUrl);
  if (file === ":memory:" || !fs.existsSync(file)) throw new Error(`no SQLite database at ${file}`);
  const target = path.resolve(destination);
  if (fs.existsSync(target)) throw new Error(`${target} exists already; choose a new file`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const sqlite = new SQLite(file, { fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 5000");
    sqlite.prepare("VACUUM INTO ?").run(target);
  } finally {
    sqlite.close();
  }
  return { bytes: fs.statSync(target).size };
}
