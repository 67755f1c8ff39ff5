// Intake benchmark: many concurrent clients post opinions over HTTP for 30 s against one node on SQLite.
// Figures: accepted opinions/s, p50 and p99 latency, and a raw better-sqlite3 insert loop of the same rows as
// the baseline. Then every acknowledged opinion must be in the database exactly once.
// Knobs: BENCH_SECONDS (30), BENCH_CONNECTIONS (64).
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { Worker } from "node:worker_threads";
import SQLite from "better-sqlite3";
import { DEPARTMENTS } from "../../../app/domain/guatemala";
import { migrateToLatest, openSqliteDatabase } from "../../../db/connection.server";
import { createAdmin, createConsultation, startServer, type TestServer } from "../../support/server";
import { report, summarize } from "../stats";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const WARMUP_SECONDS = 2;
const WORKER = new URL("../workers/opinion-clients.mjs", import.meta.url);

interface ClientRun {
  latencies: number[];
  acked: string[];
  failures: Record<string, number>;
}

/** CPU time of this process's main thread (the server's event loop), from /proc; null where there is none. */
function mainThreadCpuMs(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
  } catch {
    return null;
  }
}

function drive(server: TestServer, consultationId: string, themeIds: string[], seconds: number, workerIndex: number): Promise<ClientRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: {
        url: server.url,
        consultationId,
        themeIds,
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

/** The same rows, inserted one per statement (autocommit) into a fresh database with the same schema and pragmas. */
async function rawInsertRate(sourceFile: string, ids: Set<string>): Promise<number> {
  const source = new SQLite(sourceFile, { readonly: true });
  const rows = (source.prepare("SELECT * FROM citizen_inputs WHERE channel = 'online'").all() as Array<Record<string, unknown>>).filter((r) =>
    ids.has(r.id as string),
  );
  source.close();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-bench-raw-"));
  const file = path.join(dir, "raw.sqlite");
  const { db, sqlite } = openSqliteDatabase(`file:${file}`);
  await migrateToLatest(db);
  // Parent rows for the foreign keys, copied once before timing.
  const copy = new SQLite(sourceFile, { readonly: true });
  for (const table of ["consultations", "themes"]) {
    for (const row of copy.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, unknown>>) {
      const cols = Object.keys(row);
      sqlite.prepare(`INSERT INTO ${table} (${cols.join(",")}) VALUES (${cols.map((c) => `@${c}`).join(",")})`).run(row);
    }
  }
  copy.close();

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
  const server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "100000000", API_RATE_LIMIT_PER_MINUTE: "100000000" });
  try {
    const admin = await createAdmin(server);
    const { consultationId, themeIds, stage } = await createConsultation(admin.client);
    await admin.client.ok("stage.open", { stageId: stage("opinion_intake") });

    const warmup = await drive(server, consultationId, themeIds, WARMUP_SECONDS, 0);
    const started = performance.now();
    const cpuBefore = mainThreadCpuMs();
    const measured = await drive(server, consultationId, themeIds, SECONDS, 1);
    const elapsed = (performance.now() - started) / 1000;
    const cpuAfter = mainThreadCpuMs();

    const perSecond = measured.acked.length / elapsed;
    const latency = summarize(measured.latencies);
    console.log(`path: POST /api/v1/commands opinion.submit → command bus (validation, rate limit, one transaction with audit + idempotency record)`);
    console.log(`${CONNECTIONS} concurrent keep-alive clients for ${SECONDS} s (after ${WARMUP_SECONDS} s warm-up), ${os.cpus().length} CPUs`);
    console.log(`accepted: ${measured.acked.length} opinions, refused/failed: ${JSON.stringify(measured.failures)}`);
    // CPU per opinion does not depend on what else the machine is running, unlike opinions per second.
    if (cpuBefore !== null && cpuAfter !== null) {
      const busy = (cpuAfter - cpuBefore) / (elapsed * 1000);
      const cpuPerOpinion = ((cpuAfter - cpuBefore) * 1000) / measured.acked.length;
      console.log(
        `server thread: ${cpuPerOpinion.toFixed(0)} µs CPU per opinion, busy ${(busy * 100).toFixed(0)}% of the run ` +
          `(with a core to itself: ~${(1e6 / cpuPerOpinion).toFixed(0)} opinions/s; the rest of the time other processes had the CPU)`,
      );
    }
    console.log(`latency: p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, max ${latency.max.toFixed(1)} ms`);

    const ackedIds = [...warmup.acked, ...measured.acked];
    const unique = new Set(ackedIds);
    const baseline = await rawInsertRate(server.dbFile, new Set(measured.acked));
    report("accepted opinions/s over HTTP", perSecond, "rows/s", baseline, "raw better-sqlite3 insert loop, same rows");

    // Every acknowledged opinion is stored, none twice, nothing stored that was not acknowledged.
    const stored = await server.cocrea.db
      .selectFrom("citizen_inputs")
      .select(["id"])
      .where("consultation_id", "=", consultationId)
      .where("channel", "=", "online")
      .execute();
    const storedIds = new Set(stored.map((r) => r.id));
    const missing = ackedIds.filter((id) => !storedIds.has(id)).length;
    const ok = unique.size === ackedIds.length && missing === 0 && stored.length === ackedIds.length;
    console.log(
      `verification: ${ackedIds.length} acknowledged, ${stored.length} rows, ${missing} missing, ${ackedIds.length - unique.size} acknowledged twice → ${ok ? "OK" : "FAILED"}`,
    );
    console.log(`goal (≥ 1000 opinions/s, p99 < 200 ms): ${perSecond >= 1000 && latency.p99 < 200 ? "met" : "NOT met"}`);
    if (!ok) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}
