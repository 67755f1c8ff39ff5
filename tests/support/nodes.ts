// Several real nodes (server processes on their own ports) over one database and one Redis, as deployed behind a
// load balancer. The first node's database (spawnServer picks it from the file name: a SQLite file they share, WAL
// and BEGIN IMMEDIATE, or wherever the test setup puts databases) is the others' too; Redis comes from
// COCREA_TEST_REDIS_URL. Each cluster gets its own Redis prefix, so test files running side by side on one Redis
// don't hear each other.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type DB } from "../../db/connection.server";
import { CommandBus } from "../../server/commands/bus.server";
import { commands } from "../../server/commands/registry";
import { spawnServer, type ChildServer } from "./child-server";
import { ApiClient, type TestServer } from "./server";

export const REDIS_TEST_URL = process.env.COCREA_TEST_REDIS_URL || undefined;

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
  const prefix = `cocrea-test-${randomUUID().slice(0, 8)}:`;
  const env = { REDIS_URL: REDIS_TEST_URL, REDIS_PREFIX: prefix, ...options.env };
  // The first node migrates (as a deployment's first node after an upgrade does); the others join its database.
  const nodes: ChildServer[] = [await spawnServer({ dbFile, env })];
  const databaseUrl = nodes[0].databaseUrl;
  for (let i = 1; i < (options.nodes ?? 2); i++) nodes.push(await spawnServer({ dbFile, databaseUrl, env }));
  const { db } = openDatabase(databaseUrl);
  const system = new CommandBus({ db, commands, publish: () => {} });
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
