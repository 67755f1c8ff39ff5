// Vitest global setup of the integration project: names this run (its schemas' prefix) and, on PostgreSQL,
// drops every schema the run created when it ends — including child servers' ones, which outlive their processes.
import { randomBytes } from "node:crypto";
import { adminQuery, POSTGRES_HINT, runPrefix, testPostgresUrl } from "./postgres";

export function setup(): () => Promise<void> {
  process.env.COCREA_TEST_RUN ??= randomBytes(4).toString("hex");
  const base = testPostgresUrl();
  if (!base) {
    console.log(`Integration tests on SQLite. For PostgreSQL: ${POSTGRES_HINT} npm run test:postgres`);
    return async () => {};
  }
  console.log(`Integration tests on PostgreSQL (${new URL(base).host}), schemas ${runPrefix()}*`);
  return async () => {
    const { rows } = await adminQuery(base, `SELECT nspname FROM pg_namespace WHERE nspname LIKE '${runPrefix()}%'`);
    for (const r of rows as Array<{ nspname: string }>) await adminQuery(base, `DROP SCHEMA IF EXISTS "${r.nspname}" CASCADE`);
  };
}
