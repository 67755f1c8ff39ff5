// PostgreSQL for the integration suite (decision 0010): with COCREA_TEST_POSTGRES_URL set, every test server gets
// its own schema in that database (a fresh one per in-process server, one per SQLite file name for child servers,
// so a restart finds its data again), dropped at the end. Without it the suite runs on SQLite files as before.
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";

export const POSTGRES_ENV = "COCREA_TEST_POSTGRES_URL";
export const POSTGRES_HINT = `${POSTGRES_ENV}=postgres://postgres@127.0.0.1:5432/test`;

export function testPostgresUrl(): string | undefined {
  return process.env[POSTGRES_ENV] || undefined;
}

/** The prefix of every schema this run creates; the global teardown drops them all. */
export function runPrefix(): string {
  return `ct_${process.env.COCREA_TEST_RUN ?? process.pid}_`;
}

/** The same server URL with its search path on `schema`. */
export function urlWithSchema(base: string, schema: string): string {
  const url = new URL(base);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}

export async function adminQuery(base: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

export async function createSchema(base: string, schema: string): Promise<string> {
  await adminQuery(base, `CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  return urlWithSchema(base, schema);
}

export async function dropSchema(base: string, schema: string): Promise<void> {
  await adminQuery(base, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

export const freshSchemaName = () => `${runPrefix()}${randomBytes(6).toString("hex")}`;

/** A child server's database for a given SQLite file name: SQLite without the variable, else its own schema. */
export async function databaseUrlFor(dbFile: string): Promise<string> {
  const base = testPostgresUrl();
  if (!base) return `file:${dbFile}`;
  return createSchema(base, `${runPrefix()}f${createHash("sha1").update(dbFile).digest("hex").slice(0, 12)}`);
}
