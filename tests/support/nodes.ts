// Several real nodes (server processes on their own ports) over one database and one Redis, as deployed behind a
// load balancer. The database is a SQLite file they share (WAL, BEGIN IMMEDIATE) unless COCREA_TEST_POSTGRES_URL
// names a PostgreSQL database; Redis comes from COCREA_TEST_REDIS_URL. Each cluster gets its own Redis prefix, so
// test files running side by side on one Redis don't hear each other.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateToLatest, openDatabase, type DB } from "../../db/connection.server";
import { CommandBus } from "../../server/commands/bus.server";
import { commands } from "../../server/commands/registry";
import { spawnServer, type ChildServer } from "./child-server";
import { ApiClient, type TestServer } from "./server";

export const REDIS_TEST_URL = process.env.COCREA_TEST_REDIS_URL || undefined;
export const POSTGRES_TEST_URL = process.env.COCREA_TEST_POSTGRES_URL || undefined;

/** Printed by a multi-node test file that skips, so a developer knows what to set. */
export function explainSkip(what: string): void {
  if (!REDIS_TEST_URL) console.log(`[skipped] ${what}: set COCREA_TEST_REDIS_URL=redis://127.0.0.1:6379 to run it (a Redis 7 there).`);
}

export interface Cluster {
  nodes: ChildServer[];
  databaseUrl: string;
  /** The shared database, opened in the test process (to count what was stored). */
  db: DB;
  /** Runs a command as the system, the way the CLI does (admin and API tokens), straight on the shared database. */
  system: CommandBus;
  /** A stand-in for tests/support/server.ts's TestServer on node `i`, so its fixtures (createAdmin, setupRoundtable…) work. */
  asTestServer(i: number): TestServer;
  /** The same signed-in client, talking to node `i`. */
  on(i: number, client: ApiClient): ApiClient;
  stop(): Promise<void>;
}

export async function startCluster(options: { nodes?: number; env?: Record<string, string> } = {}): Promise<Cluster> {
  if (!REDIS_TEST_URL) throw new Error("COCREA_TEST_REDIS_URL is not set");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-nodes-"));
  const dbFile = path.join(dir, "cocrea.sqlite");
  const databaseUrl = POSTGRES_TEST_URL ?? `file:${dbFile}`;
  // Migrated before any node starts, as a deployment's release step would.
  const { db } = openDatabase(databaseUrl);
  await migrateToLatest(db);
  const system = new CommandBus({ db, commands, publish: () => {} });
  const prefix = `cocrea-test-${randomUUID().slice(0, 8)}:`;
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: REDIS_TEST_URL, REDIS_PREFIX: prefix, ...options.env };
  const nodes: ChildServer[] = [];
  for (let i = 0; i < (options.nodes ?? 2); i++) nodes.push(await spawnServer({ dbFile, env }));
  return {
    nodes,
    databaseUrl,
    db,
    system,
    asTestServer: (i) => ({ url: nodes[i].url, port: nodes[i].port, dir, dbFile, cocrea: { bus: system } }) as unknown as TestServer,
    on: (i, client) => new ApiClient(nodes[i].url, client.auth),
    async stop() {
      await Promise.all(nodes.map((n) => n.stop().catch(() => undefined)));
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
