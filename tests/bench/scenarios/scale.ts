// scale: the same two workloads on each way of deploying Cocrea, in one table, each figure beside the one-node
// SQLite run. Workloads: intake (clients posting opinions over HTTP, spread over the nodes) and a small forum day
// (facilitators capturing over HTTP on one node, boards watching on every node). Setups: one node on SQLite, one node
// on PostgreSQL, two nodes on PostgreSQL and Redis, and two nodes sharing one SQLite file with Redis (the interim
// multi-node setup). A setup whose engine is missing is skipped with the reason.
// CPU: every server process's user+system time (its whole process group, from /proc) per command, and the same for
// the database and Redis servers, so capacity per core can be compared across setups on a shared 2-core machine.
// Knobs: BENCH_SECONDS (10, intake per setup), BENCH_CONNECTIONS (32), COCREA_TEST_POSTGRES_URL, COCREA_TEST_REDIS_URL.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { Redis } from "ioredis";
import { sql } from "kysely";
import { DEPARTMENTS } from "../../../app/domain/guatemala";
import { migrateToLatest, openDatabase, type DB } from "../../../db/connection.server";
import { factories } from "../../../db/factories";
import { CommandBus } from "../../../server/commands/bus.server";
import { commands } from "../../../server/commands/registry";
import { spawnServer, type ChildServer } from "../../support/child-server";
import { createSchema, dropSchema, freshSchemaName } from "../../support/postgres";
import { summarize } from "../stats";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const WARMUP_SECONDS = 2;
const FORUMS = 3;
const TABLES = 3;
const FACILITATORS_PER_TABLE = 2;
const VIEWERS_PER_FORUM = 60;
const FORUM_MS = 8_000;
const CAPTURE_EVERY_MS = 1_500;
const POSTGRES_URL = process.env.COCREA_TEST_POSTGRES_URL || undefined;
const REDIS_URL = process.env.COCREA_TEST_REDIS_URL || "redis://127.0.0.1:6379";
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../..");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();

interface Setup {
  name: string;
  nodes: number;
  database: "sqlite" | "postgres";
  redis: boolean;
}

const SETUPS: Setup[] = [
  { name: "1 node, SQLite", nodes: 1, database: "sqlite", redis: false },
  { name: "1 node, PostgreSQL", nodes: 1, database: "postgres", redis: false },
  { name: "2 nodes, PostgreSQL + Redis", nodes: 2, database: "postgres", redis: true },
  { name: "2 nodes, one SQLite file + Redis", nodes: 2, database: "sqlite", redis: true },
];

interface Result {
  setup: Setup;
  skipped?: string;
  intake?: { perSecond: number; p50: number; p99: number; cpuUs: number | null; backendUs: number | null; verified: boolean; failures: string };
  forum?: { captures: number; delivered: number; expected: number; p50: number; p99: number; cpuUs: number | null; backendUs: number | null };
}

// ---------- CPU from /proc ----------

interface ProcStat {
  pid: number;
  comm: string;
  pgrp: number;
  cpuMs: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function procStats(): ProcStat[] {
  const out: ProcStat[] = [];
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return out;
  }
  for (const e of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // fields[0] is state; pgrp is field 5 of stat (index 2 here), utime/stime fields 14/15 (index 11/12).
      out.push({ pid: Number(e), comm, pgrp: Number(fields[2]), cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS });
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** CPU of the nodes (their process groups: tsx and the node process it runs) and of the database and Redis servers. */
function cpuNow(nodes: ChildServer[], setup: Setup): { nodesMs: number; backendMs: number } | null {
  if (!fs.existsSync("/proc/self/stat")) return null;
  const groups = new Set(nodes.map((n) => n.pid));
  let nodesMs = 0;
  let backendMs = 0;
  for (const p of procStats()) {
    if (groups.has(p.pgrp)) nodesMs += p.cpuMs;
    else if ((setup.redis && p.comm === "redis-server") || (setup.database === "postgres" && p.comm === "postgres")) backendMs += p.cpuMs;
  }
  return { nodesMs, backendMs };
}

/** SQLite runs inside the node; PostgreSQL and Redis are servers of their own whose CPU is counted apart. */
const hasBackend = (setup: Setup) => setup.redis || setup.database === "postgres";

// ---------- availability ----------

async function unavailable(setup: Setup): Promise<string | null> {
  if (setup.database === "postgres") {
    if (!POSTGRES_URL) return "COCREA_TEST_POSTGRES_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)";
    try {
      const { db } = openDatabase(POSTGRES_URL);
      try {
        await sql`select 1`.execute(db);
      } finally {
        await db.destroy();
      }
    } catch (e) {
      return `this build cannot open PostgreSQL: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  if (setup.redis) {
    const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1_000, retryStrategy: () => null });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.ping();
    } catch (e) {
      return `no Redis at ${REDIS_URL} (${e instanceof Error ? e.message : String(e)}); set COCREA_TEST_REDIS_URL`;
    } finally {
      client.disconnect();
    }
  }
  return null;
}

// ---------- seeding, through the command bus like the CLI ----------

interface Seeded {
  consultationId: string;
  themeIds: string[];
  forumIds: string[];
  facilitators: Array<{ token: string; worktableId: string }>;
  viewerToken: string;
}

async function seed(db: DB): Promise<Seeded> {
  const bus = new CommandBus({ db, commands, publish: () => {} });
  const system = { kind: "system" as const, label: "bench" };
  const run = async <T = Record<string, string>>(type: string, payload: unknown): Promise<T> => {
    const outcome = await bus.execute({ id: randomUUID(), type, payload }, system);
    if (!outcome.ok) throw new Error(`${type}: ${outcome.error.messageKey} ${JSON.stringify(outcome.error.issues ?? outcome.error.params)}`);
    return outcome.result as T;
  };
  const person = async (consultationId: string, role: string) => {
    const invitation = factories.invitation(consultationId, role);
    const { path: invitePath } = await run("invitation.create", invitation);
    const { userId } = await run("invitation.accept", { token: invitePath.split("/").pop(), name: invitation.name, password: "contraseña-segura-123" });
    const { token } = await run("api_token.create", { userId, name: "bench" });
    return { userId, token };
  };
  const { consultationId } = await run("consultation.create", factories.consultation());
  const themeIds: string[] = [];
  for (let i = 0; i < TABLES; i++) themeIds.push((await run("theme.create", factories.theme(consultationId))).themeId);
  const stages = await db.selectFrom("stages").select(["id", "phase"]).where("consultation_id", "=", consultationId).execute();
  await run("stage.open", { stageId: stages.find((s) => s.phase === "opinion_intake")!.id });
  const viewer = await person(consultationId, "systematizer");
  const forumIds: string[] = [];
  const facilitators: Seeded["facilitators"] = [];
  for (let f = 0; f < FORUMS; f++) {
    const { forumId } = await run("forum.create", factories.forum(consultationId, { department: DEPARTMENTS[f], municipality: DEPARTMENTS[f] }));
    forumIds.push(forumId);
    for (let t = 0; t < TABLES; t++) {
      const { worktableId } = await run("worktable.create", { forumId, themeId: themeIds[t] });
      for (let k = 0; k < FACILITATORS_PER_TABLE; k++) {
        const p = await person(consultationId, "facilitator");
        await run("worktable.assign", { worktableId, userId: p.userId });
        facilitators.push({ token: p.token, worktableId });
      }
    }
    await run("forum.open", { forumId });
  }
  return { consultationId, themeIds, forumIds, facilitators, viewerToken: viewer.token };
}

// ---------- intake ----------

interface ClientRun {
  latencies: number[];
  acked: string[];
  failures: Record<string, number>;
}

function driveIntake(url: string, seeded: Seeded, seconds: number, connections: number, workerIndex: number): Promise<ClientRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("../workers/opinion-clients.mjs", import.meta.url), {
      workerData: {
        url,
        consultationId: seeded.consultationId,
        themeIds: seeded.themeIds,
        durationMs: seconds * 1000,
        connections,
        workerIndex,
        departments: [...DEPARTMENTS],
      },
    });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

/** Clients split evenly over the nodes (one load-generator thread per node), as a round-robin balancer would. */
async function intakeAcross(nodes: ChildServer[], seeded: Seeded, seconds: number, round: number): Promise<ClientRun> {
  const per = Math.max(1, Math.floor(CONNECTIONS / nodes.length));
  const runs = await Promise.all(nodes.map((n, i) => driveIntake(n.url, seeded, seconds, per, round * 10 + i)));
  const failures: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.failures)) failures[k] = (failures[k] ?? 0) + v;
  return { latencies: runs.flatMap((r) => r.latencies), acked: runs.flatMap((r) => r.acked), failures };
}

async function intake(nodes: ChildServer[], setup: Setup, db: DB, seeded: Seeded): Promise<Result["intake"]> {
  const warm = await intakeAcross(nodes, seeded, WARMUP_SECONDS, 0);
  const cpu0 = cpuNow(nodes, setup);
  const started = performance.now();
  const measured = await intakeAcross(nodes, seeded, SECONDS, 1);
  const elapsed = (performance.now() - started) / 1000;
  const cpu1 = cpuNow(nodes, setup);
  const n = measured.acked.length;
  const lat = summarize(measured.latencies);
  const acked = [...warm.acked, ...measured.acked];
  const stored = await db
    .selectFrom("citizen_inputs")
    .select("id")
    .where("consultation_id", "=", seeded.consultationId)
    .where("channel", "=", "online")
    .execute();
  const ids = new Set(stored.map((r) => r.id));
  const verified = new Set(acked).size === acked.length && acked.every((id) => ids.has(id)) && stored.length === acked.length;
  return {
    perSecond: n / elapsed,
    p50: lat.p50,
    p99: lat.p99,
    cpuUs: cpu0 && cpu1 && n ? ((cpu1.nodesMs - cpu0.nodesMs) * 1000) / n : null,
    backendUs: cpu0 && cpu1 && n && hasBackend(setup) ? ((cpu1.backendMs - cpu0.backendMs) * 1000) / n : null,
    verified,
    failures: JSON.stringify(measured.failures),
  };
}

// ---------- forum day ----------

class Boards {
  private readonly worker: Worker;
  private readonly waiting = new Map<string, (msg: any) => void>();
  readonly ready: Promise<void>;
  constructor(data: unknown) {
    this.worker = new Worker(new URL("../workers/scale-viewers.mjs", import.meta.url), { workerData: data });
    this.ready = new Promise((resolve, reject) => {
      this.worker.on("message", (msg: { type: string; message?: string }) => {
        if (msg.type === "ready") resolve();
        else if (msg.type === "error") reject(new Error(msg.message));
        else this.waiting.get(msg.type)?.(msg);
      });
      this.worker.on("error", reject);
    });
  }
  ask<T>(msg: { type: string }): Promise<T> {
    return new Promise((resolve) => {
      this.waiting.set(msg.type, resolve);
      this.worker.postMessage(msg);
    });
  }
  async close() {
    await Promise.race([this.ask({ type: "close" }), sleep(2_000)]);
    await this.worker.terminate();
  }
}

async function forumDay(nodes: ChildServer[], setup: Setup, seeded: Seeded): Promise<Result["forum"]> {
  // Boards on every node; each facilitator's phone on one node (f mod n), so most copies cross nodes when n > 1.
  const boards = Array.from({ length: FORUMS * VIEWERS_PER_FORUM }, (_, i) => ({ url: nodes[i % nodes.length].url, forumId: seeded.forumIds[i % FORUMS] }));
  const viewers = new Boards({ token: seeded.viewerToken, boards });
  try {
    await viewers.ready;
    const fac = seeded.facilitators;
    const capture = async (f: number, n: number) => {
      const text = `Aporte ${n} de la persona facilitadora ${f}: más transparencia en las compras municipales. #t=${now().toFixed(3)}`;
      const res = await fetch(`${nodes[f % nodes.length].url}/api/v1/commands`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${fac[f].token}` },
        body: JSON.stringify({
          id: randomUUID(),
          type: "capture.create",
          payload: { worktableId: fac[f].worktableId, text, capturedAt: new Date().toISOString() },
        }),
      });
      if (res.status !== 200) throw new Error(`capture refused: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    const drive = async (ms: number) => {
      let sent = 0;
      const until = performance.now() + ms;
      await Promise.all(
        fac.map(async (_, f) => {
          await sleep(Math.random() * CAPTURE_EVERY_MS);
          for (let n = 0; performance.now() < until; n++) {
            const t0 = performance.now();
            await capture(f, n);
            sent++;
            await sleep(Math.max(0, CAPTURE_EVERY_MS * (0.5 + Math.random()) - (performance.now() - t0)));
          }
        }),
      );
      return sent;
    };
    const settle = async (expected: number) => {
      const deadline = performance.now() + 10_000;
      while ((await viewers.ask<{ n: number }>({ type: "count" })).n < expected && performance.now() < deadline) await sleep(50);
      return (await viewers.ask<{ latencies: number[] }>({ type: "take" })).latencies;
    };
    await settle((await drive(WARMUP_SECONDS * 1000)) * VIEWERS_PER_FORUM);
    const cpu0 = cpuNow(nodes, setup);
    const sent = await drive(FORUM_MS);
    const latencies = await settle(sent * VIEWERS_PER_FORUM);
    const cpu1 = cpuNow(nodes, setup);
    const lat = summarize(latencies);
    return {
      captures: sent,
      delivered: latencies.length,
      expected: sent * VIEWERS_PER_FORUM,
      p50: lat.p50,
      p99: lat.p99,
      // CPU here includes the idle wait for the last deliveries: comparable across setups, not an absolute cost.
      cpuUs: cpu0 && cpu1 && sent ? ((cpu1.nodesMs - cpu0.nodesMs) * 1000) / sent : null,
      backendUs: cpu0 && cpu1 && sent && hasBackend(setup) ? ((cpu1.backendMs - cpu0.backendMs) * 1000) / sent : null,
    };
  } finally {
    await viewers.close().catch(() => {});
  }
}

// ---------- one setup ----------

async function runSetup(setup: Setup): Promise<Result> {
  const reason = await unavailable(setup);
  if (reason) {
    console.log(`[${setup.name}] skipped: ${reason}`);
    return { setup, skipped: reason };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-scale-"));
  const dbFile = path.join(dir, "bench.sqlite");
  // PostgreSQL: a schema of its own, dropped afterwards, so runs never see each other's rows.
  const schema = setup.database === "postgres" ? freshSchemaName() : null;
  const databaseUrl = schema ? await createSchema(POSTGRES_URL!, schema) : `file:${dbFile}`;
  const { db } = openDatabase(databaseUrl);
  const nodes: ChildServer[] = [];
  try {
    await migrateToLatest(db);
    const seeded = await seed(db);
    const env: Record<string, string> = {
      PUBLIC_RATE_LIMIT_PER_MINUTE: "100000000",
      PUBLIC_ADDRESS_LIMIT_PER_MINUTE: "100000000",
      API_RATE_LIMIT_PER_MINUTE: "100000000",
      LOG_LEVEL: "warn",
    };
    if (setup.redis) Object.assign(env, { REDIS_URL, REDIS_PREFIX: `cocrea-bench-${randomUUID().slice(0, 8)}:` });
    for (let i = 0; i < setup.nodes; i++) nodes.push(await spawnServer({ dbFile, databaseUrl, env }));
    const intakeResult = await intake(nodes, setup, db, seeded);
    console.log(
      `[${setup.name}] intake: ${intakeResult!.perSecond.toFixed(0)} opinions/s, p50 ${intakeResult!.p50.toFixed(1)} ms, p99 ${intakeResult!.p99.toFixed(1)} ms, ` +
        `failures ${intakeResult!.failures}, every acknowledged opinion stored once: ${intakeResult!.verified ? "OK" : "FAILED"}`,
    );
    if (!intakeResult!.verified) process.exitCode = 1;
    const forumResult = await forumDay(nodes, setup, seeded);
    console.log(
      `[${setup.name}] forum day: ${forumResult!.captures} captures, ${forumResult!.delivered}/${forumResult!.expected} board deliveries, ` +
        `p50 ${forumResult!.p50.toFixed(1)} ms, p99 ${forumResult!.p99.toFixed(1)} ms`,
    );
    return { setup, intake: intakeResult, forum: forumResult };
  } catch (e) {
    console.log(`[${setup.name}] failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
    return { setup, skipped: `failed: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    for (const n of nodes) await n.stop().catch(() => {});
    await db.destroy().catch(() => {});
    if (schema) await dropSchema(POSTGRES_URL!, schema).catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------- the table ----------

function beside(value: number | null | undefined, base: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const v = value.toFixed(digits);
  if (base === null || base === undefined || !Number.isFinite(base) || base === 0) return v;
  return `${v} (${(value / base).toFixed(2)}×)`;
}

function printTable(results: Result[]) {
  const base = results.find((r) => r.setup.nodes === 1 && r.setup.database === "sqlite" && !r.skipped);
  const rows = [
    ["setup", "intake opinions/s", "intake p99 ms", "node CPU µs/opinion", "db+redis CPU µs/opinion", "capture→board p50 ms", "p99 ms", "node CPU µs/capture"],
  ];
  for (const r of results) {
    if (r.skipped) {
      rows.push([r.setup.name, `skipped: ${r.skipped}`, "", "", "", "", "", ""]);
      continue;
    }
    const b = r === base ? undefined : base;
    rows.push([
      r.setup.name,
      beside(r.intake?.perSecond, b?.intake?.perSecond),
      beside(r.intake?.p99, b?.intake?.p99, 1),
      beside(r.intake?.cpuUs, b?.intake?.cpuUs),
      beside(r.intake?.backendUs, undefined),
      beside(r.forum?.p50, b?.forum?.p50, 1),
      beside(r.forum?.p99, b?.forum?.p99, 1),
      beside(r.forum?.cpuUs, b?.forum?.cpuUs),
    ]);
  }
  console.log(`\n(figures in parentheses: ratio to "1 node, SQLite" in this run; ${os.cpus().length} CPUs, load generator on the same machine)`);
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
  console.log(
    "CPU per command is the servers' own time (all node processes together; db+redis: PostgreSQL's and Redis's processes), " +
      "so capacity per core compares across setups even when the machine is shared: ~1e6 / (µs per command) commands/s per core.",
  );
}

export async function run(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, "build/index.js"))) throw new Error("Run `npm run build` first: the server serves the Remix build.");
  const interrupted = () => process.exit(130);
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    console.log(
      `intake: ${CONNECTIONS} clients for ${SECONDS} s per setup; forum day: ${FORUMS} forums × ${TABLES} tables × ${FACILITATORS_PER_TABLE} facilitators, ${VIEWERS_PER_FORUM} boards per forum, ${FORUM_MS / 1000} s`,
    );
    const results: Result[] = [];
    for (const setup of SETUPS) results.push(await runSetup(setup));
    printTable(results);
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
  }
}
