// Intake benchmark: many concurrent keep-alive clients post opinions over HTTP, against Cocrea's `opinion.submit` on
// `POST /api/v1/commands` and against a bare Express 4 + better-sqlite3 endpoint inserting the same row (the stack's
// own limit, tests/bench/workers/bare-intake.ts). Both servers are child processes started the same way; the load
// generator is one worker thread of this process, the same for both; rounds alternate so both see the same machine.
// Figures: accepted/s, p50/p99, server CPU per request (the server's process group, from /proc), and the ratios.
// Then every opinion Cocrea acknowledged must be in its database exactly once; the raw insert loop is printed too.
// Knobs: BENCH_SECONDS (10, per server, split over the rounds), BENCH_CONNECTIONS (64), BENCH_ROUNDS (2),
// BENCH_PROFILE=<dir> (Cocrea's server writes a V8 CPU profile there when it stops).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import SQLite from "better-sqlite3";
import { DEPARTMENTS } from "../../../app/domain/guatemala";
import { migrateToLatest, openSqliteDatabase } from "../../../db/connection.server";
import { factories } from "../../../db/factories";
import { CommandBus } from "../../../server/commands/bus.server";
import { commands } from "../../../server/commands/registry";
import { spawnServer, type ChildServer } from "../../support/child-server";
import { report, summarize } from "../stats";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2));
const PROFILE_DIR = process.env.BENCH_PROFILE;
const WARMUP_SECONDS = 2;
const WORKER = new URL("../workers/opinion-clients.mjs", import.meta.url);
const BARE = "tests/bench/workers/bare-intake.ts";
const TICK_MS = 10; // USER_HZ is 100 on Linux

interface ClientRun {
  latencies: number[];
  acked: string[];
  failures: Record<string, number>;
}

interface Seeded {
  dbFile: string;
  consultationId: string;
  themeIds: string[];
}

interface Tally {
  acked: string[];
  latencies: number[];
  failures: Record<string, number>;
  seconds: number;
  cpuMs: number | null;
}

/** user+system CPU of every process in the group (tsx and the node process it starts); null without /proc. */
function groupCpuMs(groupId: number): number | null {
  if (!fs.existsSync("/proc/self/stat")) return null;
  let total = 0;
  for (const pid of fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === groupId) total += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** A migrated file with an open consultation and its themes, made through the command bus like the CLI. */
async function seed(dir: string, name: string): Promise<Seeded> {
  const dbFile = path.join(dir, `${name}.sqlite`);
  const { db } = openSqliteDatabase(`file:${dbFile}`);
  try {
    await migrateToLatest(db);
    const bus = new CommandBus({ db, commands, publish: () => {} });
    const run = async (type: string, payload: unknown): Promise<Record<string, string>> => {
      const outcome = await bus.execute({ id: randomUUID(), type, payload }, { kind: "system", label: "bench" });
      if (!outcome.ok) throw new Error(`${type}: ${outcome.error.messageKey}`);
      return outcome.result as Record<string, string>;
    };
    const { consultationId } = await run("consultation.create", factories.consultation());
    const themeIds: string[] = [];
    for (let i = 0; i < 3; i++) themeIds.push((await run("theme.create", factories.theme(consultationId))).themeId);
    const stages = await db.selectFrom("stages").select(["id", "phase"]).where("consultation_id", "=", consultationId).execute();
    await run("stage.open", { stageId: stages.find((s) => s.phase === "opinion_intake")!.id });
    return { dbFile, consultationId, themeIds };
  } finally {
    await db.destroy();
  }
}

function drive(url: string, seeded: Seeded, seconds: number, workerIndex: number): Promise<ClientRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: {
        url,
        consultationId: seeded.consultationId,
        themeIds: seeded.themeIds,
        durationMs: seconds * 1000,
        connections: CONNECTIONS,
        workerIndex,
        departments: [...DEPARTMENTS],
      },
    });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

async function round(server: ChildServer, seeded: Seeded, seconds: number, workerIndex: number, into: Tally): Promise<void> {
  const cpu0 = groupCpuMs(server.pid);
  const started = performance.now();
  const r = await drive(server.url, seeded, seconds, workerIndex);
  into.seconds += (performance.now() - started) / 1000;
  const cpu1 = groupCpuMs(server.pid);
  into.cpuMs = cpu0 !== null && cpu1 !== null && into.cpuMs !== null ? into.cpuMs + cpu1 - cpu0 : null;
  into.acked.push(...r.acked);
  into.latencies.push(...r.latencies);
  for (const [k, v] of Object.entries(r.failures)) into.failures[k] = (into.failures[k] ?? 0) + v;
}

function describe(label: string, t: Tally) {
  const perSecond = t.acked.length / t.seconds;
  const lat = summarize(t.latencies);
  const cpuUs = t.cpuMs === null ? NaN : (t.cpuMs * 1000) / t.acked.length;
  console.log(
    `${label}: ${perSecond.toFixed(0)} accepted/s (${t.acked.length} in ${t.seconds.toFixed(1)} s), p50 ${lat.p50.toFixed(1)} ms, ` +
      `p99 ${lat.p99.toFixed(1)} ms, ${cpuUs.toFixed(0)} µs server CPU per request, refused/failed ${JSON.stringify(t.failures)}`,
  );
  return { perSecond, cpuUs };
}

/** The same rows, inserted one per statement (autocommit) into a fresh database with the same schema and pragmas. */
async function rawInsertRate(sourceFile: string, ids: Set<string>): Promise<number> {
  const source = new SQLite(sourceFile, { readonly: true });
  const rows = (source.prepare("SELECT * FROM citizen_inputs WHERE channel = 'online'").all() as Array<Record<string, unknown>>).filter((r) =>
    ids.has(r.id as string),
  );
  const parents = ["consultations", "themes"].map((table) => [table, source.prepare(`SELECT * FROM ${table}`).all()] as const);
  source.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-bench-raw-"));
  const { db, sqlite } = openSqliteDatabase(`file:${path.join(dir, "raw.sqlite")}`);
  await migrateToLatest(db);
  for (const [table, list] of parents) {
    for (const row of list as Array<Record<string, unknown>>) {
      const cols = Object.keys(row);
      sqlite.prepare(`INSERT INTO ${table} (${cols.join(",")}) VALUES (${cols.map((c) => `@${c}`).join(",")})`).run(row);
    }
  }
  const cols = Object.keys(rows[0]);
  const insert = sqlite.prepare(`INSERT INTO citizen_inputs (${cols.join(",")}) VALUES (${cols.map((c) => `@${c}`).join(",")})`);
  const started = performance.now();
  for (const row of rows) insert.run(row);
  const seconds = (performance.now() - started) / 1000;
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
  return rows.length / seconds;
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-bench-intake-"));
  const cocreaDb = await seed(dir, "cocrea");
  const bareDb = await seed(dir, "bare");
  const limits = { PUBLIC_RATE_LIMIT_PER_MINUTE: "100000000", PUBLIC_ADDRESS_LIMIT_PER_MINUTE: "100000000", API_RATE_LIMIT_PER_MINUTE: "100000000" };
  const hook = new URL("../workers/cpu-profile-hook.mjs", import.meta.url).href;
  const profile: Record<string, string> = PROFILE_DIR ? { NODE_OPTIONS: `--import=${hook}`, BENCH_PROFILE_DIR: path.resolve(PROFILE_DIR) } : {};
  const cocrea = await spawnServer({ dbFile: cocreaDb.dbFile, databaseUrl: `file:${cocreaDb.dbFile}`, env: { ...limits, LOG_LEVEL: "warn", ...profile } });
  const bare = await spawnServer({ dbFile: bareDb.dbFile, databaseUrl: `file:${bareDb.dbFile}`, script: BARE });
  const tallies = {
    cocrea: { acked: [], latencies: [], failures: {}, seconds: 0, cpuMs: 0 } as Tally,
    bare: { acked: [], latencies: [], failures: {}, seconds: 0, cpuMs: 0 } as Tally,
  };
  let warmAcked: string[] = [];
  try {
    await drive(bare.url, bareDb, WARMUP_SECONDS, 0);
    warmAcked = (await drive(cocrea.url, cocreaDb, WARMUP_SECONDS, 0)).acked;
    for (let r = 0; r < ROUNDS; r++) {
      // Alternate who goes first, so neither always meets the same neighbours on the shared cores.
      const order = r % 2 === 0 ? (["bare", "cocrea"] as const) : (["cocrea", "bare"] as const);
      for (const who of order) {
        await round(who === "bare" ? bare : cocrea, who === "bare" ? bareDb : cocreaDb, SECONDS / ROUNDS, r + 1, tallies[who]);
      }
    }
  } finally {
    await cocrea.stop();
    await bare.stop();
    // tsx's launcher exits first; its child may still be writing the profile (run.ts kills leftovers on exit).
    if (PROFILE_DIR) await new Promise((r) => setTimeout(r, 5_000));
  }

  console.log(`path: POST /api/v1/commands opinion.submit → command bus (validation, rate limit, one transaction with audit + idempotency record)`);
  console.log(
    `${CONNECTIONS} keep-alive clients (one worker thread of the bench process), ${ROUNDS} alternating rounds, ${SECONDS} s per server ` +
      `after ${WARMUP_SECONDS} s warm-up, ${os.cpus().length} CPUs; both servers are child processes`,
  );
  const ours = describe("Cocrea opinion.submit", tallies.cocrea);
  const theirs = describe("bare Express 4 + better-sqlite3, same row", tallies.bare);
  report("accepted opinions/s over HTTP", ours.perSecond, "req/s", theirs.perSecond, "bare Express + better-sqlite3, same run");
  console.log(`server CPU per request: ${ours.cpuUs.toFixed(0)} µs vs ${theirs.cpuUs.toFixed(0)} µs (${(ours.cpuUs / theirs.cpuUs).toFixed(2)}×)`);

  // Every acknowledged opinion is stored, none twice, nothing stored that was not acknowledged.
  const ackedIds = [...warmAcked, ...tallies.cocrea.acked];
  const unique = new Set(ackedIds);
  const check = new SQLite(cocreaDb.dbFile, { readonly: true });
  const stored = new Set(
    (check.prepare("SELECT id FROM citizen_inputs WHERE consultation_id = ? AND channel = 'online'").all(cocreaDb.consultationId) as Array<{ id: string }>).map(
      (r) => r.id,
    ),
  );
  const audited = (check.prepare("SELECT count(*) AS n FROM audit_events WHERE command_type = 'opinion.submit'").get() as { n: number }).n;
  check.close();
  const missing = ackedIds.filter((id) => !stored.has(id)).length;
  const ok = unique.size === ackedIds.length && missing === 0 && stored.size === ackedIds.length && audited === ackedIds.length;
  console.log(
    `verification: ${ackedIds.length} acknowledged, ${stored.size} rows, ${audited} audit events, ${missing} missing, ` +
      `${ackedIds.length - unique.size} acknowledged twice → ${ok ? "OK" : "FAILED"}`,
  );
  const raw = await rawInsertRate(cocreaDb.dbFile, new Set(tallies.cocrea.acked));
  console.log(`raw better-sqlite3 insert loop of the same rows (no HTTP, one autocommit each): ${raw.toFixed(0)} rows/s`);
  console.log(`goal (≥ 0.6× the bare endpoint): ${ours.perSecond >= 0.6 * theirs.perSecond ? "met" : "NOT met"}`);
  fs.rmSync(dir, { recursive: true, force: true });
  if (!ok) process.exitCode = 1;
}
