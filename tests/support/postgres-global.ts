// Vitest global setup of the integration project (vitest.config.ts names the run): on PostgreSQL,
// drops every schema the run created when it ends — including child servers' ones, which outlive their processes.
import { adminQuery, POSTGRES_HINT, runPrefix, testPostgresUrl } from "./postgres";

export function setup(): () => Promise<void> {
  const base = testPostgresUrl();
  if (!base) {
    console.log(`Integration tests on SQLite. For PostgreSQL: ${POSTGRES_HINT} npm run test:postgres`);
    return async () => {};
  }
  console.log(`Integration tests on PostgreSQL (${new URL(base).host}), schemas ${runPrefix()}*`);
  return async () => {
    const { rows } = await adminQuery(base, `SELECT nspname FROM pg_namespace WHERE starts_with(nspname, '${runPrefix()}')`);
    for (const r of rows as Array<{ nspname: string }>) await adminQuery(base, `DROP SCHEMA IF EXISTS "${r.nspname}" CASCADE`);
  };
}
