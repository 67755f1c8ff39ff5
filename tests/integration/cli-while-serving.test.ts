// The CLI run while the server is busy writing: both open the same SQLite file, and a write transaction that began
// deferred (BEGIN) and read before writing could not upgrade its read lock once the other process had committed in
// between — SQLITE_BUSY_SNAPSHOT ("database is locked") at once, busy_timeout never consulted. Every transaction now
// takes the write lock when it begins (BEGIN IMMEDIATE) and waits on busy_timeout instead, so every CLI run succeeds
// and every opinion the server acknowledged is stored.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { migrateToLatest, openDatabase } from "../../db/connection.server";
import { factories } from "../../db/factories";
import { CommandBus } from "../../server/commands/bus.server";
import { commands } from "../../server/commands/registry";
import { databaseUrlFor } from "../support/postgres";
import { spawnServer, type ChildServer } from "../support/child-server";
import { opinion } from "../support/intake";
import { ApiClient, createConsultation } from "../support/server";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

let dir: string;
let dbFile: string;
let server: ChildServer | null = null;

/** The first admin and its API token, made through the bus before the server runs. */
async function seedAdmin(): Promise<string> {
  const { db } = openDatabase(await databaseUrlFor(dbFile));
  await migrateToLatest(db);
  const bus = new CommandBus({ db, commands, publish: () => {} });
  const system = { kind: "system" as const, label: "test" };
  const created = await bus.execute({ id: randomUUID(), type: "admin.create", payload: factories.admin() }, system);
  if (!created.ok) throw new Error(created.error.messageKey);
  const token = await bus.execute(
    { id: randomUUID(), type: "api_token.create", payload: { userId: (created.result as { userId: string }).userId, name: "t" } },
    system,
  );
  await db.destroy();
  if (!token.ok) throw new Error(token.error.messageKey);
  return (token.result as { token: string }).token;
}

/** One CLI run in its own process (asynchronously, so the write load keeps going meanwhile). */
async function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const databaseUrl = await databaseUrlFor(dbFile);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, "server/cli.ts", ...args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, DATABASE_URL: databaseUrl, SESSION_SECRET: "cli-test-secret", LANG: "en_US.UTF-8", LC_ALL: "", LC_MESSAGES: "" },
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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-cli-serving-"));
  dbFile = path.join(dir, "cocrea.sqlite");
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("runs the CLI while the server writes: every CLI run succeeds and every acknowledged opinion is stored", async () => {
  const adminToken = await seedAdmin();
  server = await spawnServer({
    dbFile,
    env: { PUBLIC_RATE_LIMIT_PER_MINUTE: "1000000", PUBLIC_ADDRESS_LIMIT_PER_MINUTE: "1000000", API_RATE_LIMIT_PER_MINUTE: "1000000" },
  });
  const admin = new ApiClient(server.url, { token: adminToken });
  const { consultationId, stage } = await createConsultation(admin);
  await admin.ok("stage.open", { stageId: stage("opinion_intake") });

  // Steady write load: eight citizens submitting opinions back to back until the CLI is done.
  const acknowledged = new Set<string>();
  const refused: string[] = [];
  let loading = true;
  const citizen = async () => {
    while (loading) {
      const res = await fetch(`${server!.url}/api/v1/commands`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: randomUUID(), type: "opinion.submit", payload: opinion(consultationId) }),
      });
      const body = (await res.json()) as { ok: boolean; result?: { inputId: string } };
      if (res.status === 200 && body.ok) acknowledged.add(body.result!.inputId);
      else refused.push(`${res.status} ${JSON.stringify(body)}`);
    }
  };
  const load = Promise.all(Array.from({ length: 8 }, citizen));

  // Meanwhile the CLI, over and over on the same file: each admin.create reads (is the e-mail taken?), hashes the
  // password and then inserts — one transaction that the server's commits keep landing in the middle of.
  const runs: Array<{ args: string[]; status: number | null; stdout: string; stderr: string }> = [];
  const emails: string[] = [];
  try {
    // Let the load get going first.
    await expect.poll(() => acknowledged.size, { timeout: 10_000 }).toBeGreaterThanOrEqual(20);
    for (let i = 0; i < 3; i++) {
      const email = `cli-${i}-${randomUUID().slice(0, 8)}@example.org`;
      emails.push(email);
      for (const args of [
        ["create-admin", email, "Ana", "López", "una-clave-muy-larga"],
        ["create-token", email, `script ${i}`],
      ]) {
        runs.push({ args, ...(await cli(...args)) });
      }
    }
  } finally {
    loading = false;
    await load;
  }

  // Every run, listed with how it ended, so a failure shows all of them at once.
  const failed = runs
    .filter((r) => r.status !== 0 || /SQLITE_BUSY|database is locked/.test(r.stderr))
    .map((r) => `${r.args[0]} ${r.args[1]}: exit ${r.status}: ${r.stderr.split("\n")[0]} ${/code: '(\w+)'/.exec(r.stderr)?.[1] ?? ""}`.trim());
  expect(failed).toEqual([]);
  expect(runs.filter((r) => r.args[0] === "create-admin").every((r) => r.stdout.includes("Admin created:"))).toBe(true);
  expect(runs.filter((r) => r.args[0] === "create-token").every((r) => /API token \(shown once\): cocrea_\S+/.test(r.stdout))).toBe(true);
  // The server wrote throughout, and refused nothing for the CLI's sake either.
  expect(refused).toEqual([]);
  expect(acknowledged.size).toBeGreaterThan(20);

  await server.stop();
  server = null;
  // Read back through the same engine the server used (the SQLite file, or its PostgreSQL schema under test:postgres).
  const { db } = openDatabase(await databaseUrlFor(dbFile));
  try {
    const stored = new Set((await db.selectFrom("citizen_inputs").select("id").where("consultation_id", "=", consultationId).execute()).map((r) => r.id));
    const lost = [...acknowledged].filter((id) => !stored.has(id));
    expect(lost).toEqual([]);
    for (const email of emails) {
      const user = await db.selectFrom("users").select(["id", "is_platform_admin"]).where("email", "=", email).executeTakeFirst();
      expect(user?.is_platform_admin, email).toBe(1);
      const tokens = await db
        .selectFrom("api_tokens")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("user_id", "=", user!.id)
        .executeTakeFirstOrThrow();
      expect(tokens).toEqual({ n: 1 });
    }
  } finally {
    await db.destroy();
  }
}, 60_000);
