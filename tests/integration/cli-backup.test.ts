// `npm run cocrea -- backup <file>` while the server takes a steady opinion load on the same SQLite file: the
// backup finishes, is a sound database on its own, and holds every opinion acknowledged before it began.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { spawnServer, type ChildServer } from "../support/child-server";
import { opinion } from "../support/intake";
import { ApiClient, createAdmin, createConsultation, type TestServer } from "../support/server";
import { migrateToLatest, openDatabase } from "../../db/connection.server";
import { CommandBus } from "../../server/commands/bus.server";
import { commands } from "../../server/commands/registry";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

let dir: string;
let dbFile: string;
let server: ChildServer | null = null;

function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, "server/cli.ts", ...args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, DATABASE_URL: `file:${dbFile}`, SESSION_SECRET: "cli-test-secret" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-backup-"));
  dbFile = path.join(dir, "cocrea.sqlite");
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("backs the database up while the server writes, and the copy holds everything acknowledged before", async () => {
  const { db } = openDatabase(`file:${dbFile}`);
  await migrateToLatest(db);
  const system = new CommandBus({ db, commands, publish: () => {} });
  // SQLite even under COCREA_TEST_POSTGRES_URL: the backup command is SQLite's (PostgreSQL has pg_dump).
  server = await spawnServer({
    dbFile,
    databaseUrl: `file:${dbFile}`,
    env: { PUBLIC_RATE_LIMIT_PER_MINUTE: "1000000", PUBLIC_ADDRESS_LIMIT_PER_MINUTE: "1000000" },
  });
  const admin = await createAdmin({ url: server.url, cocrea: { bus: system } } as unknown as TestServer);
  await db.destroy();
  const { consultationId, stage } = await createConsultation(admin.client);
  await admin.client.ok("stage.open", { stageId: stage("opinion_intake") });

  const acknowledged: string[] = [];
  let loading = true;
  const citizen = async () => {
    while (loading) {
      const r = await new ApiClient(server!.url).command("opinion.submit", opinion(consultationId), randomUUID());
      if (r.body.ok) acknowledged.push((r.body.result as { inputId: string }).inputId);
    }
  };
  const load = Promise.all(Array.from({ length: 6 }, citizen));
  let before: string[] = [];
  let run: Awaited<ReturnType<typeof cli>>;
  const target = path.join(dir, "backups", "cocrea-copy.sqlite");
  try {
    await expect.poll(() => acknowledged.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(30);
    before = [...acknowledged];
    run = await cli("backup", target);
  } finally {
    loading = false;
    await load;
  }
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/^Backup written: .*cocrea-copy\.sqlite \(\d+ bytes\)/);

  const copy = new SQLite(target, { readonly: true });
  try {
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    const stored = new Set(
      (copy.prepare("select id from citizen_inputs where consultation_id = ?").all(consultationId) as Array<{ id: string }>).map((r) => r.id),
    );
    expect(before.filter((id) => !stored.has(id))).toEqual([]);
  } finally {
    copy.close();
  }

  // A second backup to the same file is refused rather than overwriting the first.
  const again = await cli("backup", target);
  expect(again.status).not.toBe(0);
  expect(again.stderr).toMatch(/exists already/);
}, 60_000);
