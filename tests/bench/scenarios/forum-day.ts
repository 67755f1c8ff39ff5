// forum-day: 6 departmental forums × 5 worktables × 2 facilitators capturing at once, with 5,000 board sockets
// spread over the forums (FORUM_DAY_SOCKETS sets another number). Measures capture → board latency at every
// viewer and, in the same run, a bare socket.io server broadcasting the same payload to the same number of sockets
// in the same rooms, and prints the ratio, and each server's resident memory with every socket connected. Each
// server is one node process; this process plays the facilitators' phones and two worker threads hold the boards
// (tests/bench/workers/forum-viewers.mjs).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { io as connect, type Socket } from "socket.io-client";
import { migrateToLatest, openSqliteDatabase } from "../../../db/connection.server";
import { factories } from "../../../db/factories";
import { CommandBus } from "../../../server/commands/bus.server";
import { commands } from "../../../server/commands/registry";
import { spawnServer, type ChildServer } from "../../support/child-server";
import { serverResidentMiB } from "../memory";
import { report, summarize } from "../stats";

const FORUMS = 6;
const TABLES = 5;
const FACILITATORS_PER_TABLE = 2;
/** Issue 13's goal: 5,000 board sockets on one node (900 before). */
const SOCKETS = Number(process.env.FORUM_DAY_SOCKETS ?? 5_000);
const VIEWERS_PER_FORUM = Math.ceil(SOCKETS / FORUMS);
/** Measured time per server, split into alternating rounds. */
const DURATION_MS = 12_000;
const ROUNDS = 3;
/** Unmeasured captures first (JIT, prepared statements, TCP connections), for both servers alike. */
const WARMUP_MS = 2_000;
/**
 * Each facilitator captures about every 5 s: a real table is far slower (a citizen speaks for a minute or two), so
 * this is still a stress pace. At 5,000 sockets the earlier 1.5 s pace meant 33,000 deliveries a second into the
 * two board threads on the same 2-core machine, and both servers' figures measured the load generator instead
 * (seconds of latency for the bare server too). FORUM_DAY_CAPTURE_EVERY_MS sets another pace.
 */
const CAPTURE_EVERY_MS = Number(process.env.FORUM_DAY_CAPTURE_EVERY_MS ?? 5_000);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../..");

interface Seeded {
  forumIds: string[];
  facilitators: Array<{ token: string; worktableId: string; forumIndex: number }>;
  viewerToken: string;
}

/** Everything a forum day needs, written through the command bus like the CLI does. */
async function seed(dbFile: string): Promise<Seeded> {
  const { db } = openSqliteDatabase(`file:${dbFile}`);
  await migrateToLatest(db);
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
  const viewer = await person(consultationId, "systematizer");
  const forumIds: string[] = [];
  const facilitators: Seeded["facilitators"] = [];
  const departments = ["Guatemala", "Quetzaltenango", "Alta Verapaz", "Petén", "Zacapa", "Sololá"];
  for (let f = 0; f < FORUMS; f++) {
    const { forumId } = await run("forum.create", factories.forum(consultationId, { department: departments[f], municipality: departments[f] }));
    forumIds.push(forumId);
    for (let t = 0; t < TABLES; t++) {
      const { worktableId } = await run("worktable.create", { forumId, themeId: themeIds[t] });
      for (let k = 0; k < FACILITATORS_PER_TABLE; k++) {
        const p = await person(consultationId, "facilitator");
        await run("worktable.assign", { worktableId, userId: p.userId });
        facilitators.push({ token: p.token, worktableId, forumIndex: f });
      }
    }
    await run("forum.open", { forumId });
  }
  await db.destroy();
  return { forumIds, facilitators, viewerToken: viewer.token };
}

const VIEWER_THREADS = 2;
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A board worker thread, with a small request/answer channel. */
class Viewers {
  private readonly worker: Worker;
  private readonly waiting = new Map<string, (msg: any) => void>();
  readonly ready: Promise<void>;
  constructor(data: unknown) {
    this.worker = new Worker(new URL("../workers/forum-viewers.mjs", import.meta.url), { workerData: data });
    this.ready = new Promise((resolve, reject) => {
      this.worker.on("message", (msg: { type: string; message?: string }) => {
        if (msg.type === "ready") resolve();
        else if (msg.type === "error") reject(new Error(msg.message));
        else this.waiting.get(msg.type)?.(msg);
      });
      this.worker.on("error", reject);
    });
  }
  ask<T>(msg: { type: string; kind?: string }): Promise<T> {
    return new Promise((resolve) => {
      this.waiting.set(msg.type, resolve);
      this.worker.postMessage(msg);
    });
  }
  /** Closes the sockets (if the thread still answers) and ends the thread. */
  async close() {
    await Promise.race([this.ask({ type: "close" }), sleep(2_000)]);
    await this.worker.terminate();
  }
}

/** Every facilitator captures about every CAPTURE_EVERY_MS until time runs out; answers how many were sent. */
async function drive(send: (facilitator: number, n: number) => Promise<void>, facilitatorCount: number, durationMs: number): Promise<number> {
  let sent = 0;
  const until = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: facilitatorCount }, async (_, f) => {
      // Spread the first captures out so the facilitators do not all press at the same instant.
      await sleep(Math.random() * CAPTURE_EVERY_MS);
      for (let n = 0; performance.now() < until; n++) {
        const started = performance.now();
        await send(f, n);
        sent++;
        await sleep(Math.max(0, CAPTURE_EVERY_MS * (0.5 + Math.random()) - (performance.now() - started)));
      }
    }),
  );
  return sent;
}

/** Waits until the boards got every copy (or 10 s pass), then takes the latencies. */
async function collect(viewers: Viewers[], kind: "cocrea" | "bare", expected: number): Promise<{ latencies: number[]; received: number }> {
  const deadline = performance.now() + 10_000;
  for (;;) {
    const counts = await Promise.all(viewers.map((v) => v.ask<{ cocrea: number; bare: number }>({ type: "count" })));
    if (counts.reduce((sum, c) => sum + c[kind], 0) >= expected || performance.now() > deadline) break;
    await sleep(50);
  }
  const parts = await Promise.all(viewers.map((v) => v.ask<{ latencies: number[] }>({ type: "take", kind })));
  const latencies = parts.flatMap((p) => p.latencies);
  return { latencies, received: latencies.length };
}

export async function run(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, "build/index.js"))) throw new Error("Run `npx remix build` first: the server serves the Remix build.");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-forum-day-"));
  const dbFile = path.join(dir, "bench.sqlite");
  const servers: ChildServer[] = [];
  const viewers: Viewers[] = [];
  const publishers: Socket[] = [];
  // Interrupted (Ctrl-C, a timeout): exit normally so the child servers are killed too (see child-server.ts).
  const interrupted = () => process.exit(130);
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    const t0 = performance.now();
    const seeded = await seed(dbFile);
    console.log(`seeded ${FORUMS} forums × ${TABLES} tables × ${FACILITATORS_PER_TABLE} facilitators in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // Two servers, each a node process of its own: Cocrea, and a bare socket.io server for the baseline.
    const app = await spawnServer({ dbFile, env: { API_RATE_LIMIT_PER_MINUTE: "100000" } });
    servers.push(app);
    const bare = await spawnServer({ dbFile, script: "tests/bench/workers/bare-broadcast.ts" });
    servers.push(bare);

    const viewerCount = FORUMS * VIEWERS_PER_FORUM;
    const assignments = Array.from({ length: viewerCount }, (_, i) => ({ forumId: seeded.forumIds[i % FORUMS], room: i % FORUMS }));
    for (let w = 0; w < VIEWER_THREADS; w++) {
      viewers.push(
        new Viewers({ appUrl: app.url, bareUrl: bare.url, token: seeded.viewerToken, forums: assignments.filter((_, i) => i % VIEWER_THREADS === w) }),
      );
    }
    await Promise.all(viewers.map((v) => v.ready));
    const fac = seeded.facilitators;
    for (let f = 0; f < fac.length; f++) {
      const s = connect(bare.url, { transports: ["websocket"], forceNew: true, reconnection: false });
      await new Promise<void>((resolve) => s.once("connect", () => resolve()));
      publishers.push(s);
    }
    console.log(`${viewerCount} board sockets on Cocrea and ${viewerCount} on the bare server (${VIEWER_THREADS} threads), ${fac.length} facilitators`);
    const memory = { cocrea: serverResidentMiB(app.pid), bare: serverResidentMiB(bare.pid) };

    // Cocrea: captures over the JSON API, as the facilitators' phones send them; boards on socket.io.
    let sample: Record<string, unknown> | null = null;
    const capture = async (f: number, n: number) => {
      const text = `Aporte ${n} de la persona facilitadora ${f}: más transparencia en las compras municipales y datos abiertos del presupuesto. #t=${now().toFixed(3)}`;
      const res = await fetch(`${app.url}/api/v1/commands`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${fac[f].token}` },
        body: JSON.stringify({
          id: randomUUID(),
          type: "capture.create",
          payload: { worktableId: fac[f].worktableId, text, tags: ["compras", "presupuesto"], capturedAt: new Date().toISOString() },
        }),
      });
      if (res.status !== 200) throw new Error(`capture refused: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { result: { capture: Record<string, unknown> } };
      sample ??= body.result.capture;
    };
    // Bare: the very payload a board receives, with the send time in a field.
    const publish = async (f: number) => {
      publishers[f].emit("publish", { room: `forum:${fac[f].forumIndex}`, payload: { ...sample, id: randomUUID(), sentAt: now() } });
    };

    // Unmeasured warm-up (JIT, prepared statements, TCP connections) for both.
    await collect(viewers, "cocrea", (await drive(capture, fac.length, WARMUP_MS)) * VIEWERS_PER_FORUM);
    await collect(viewers, "bare", (await drive(publish, fac.length, WARMUP_MS)) * VIEWERS_PER_FORUM);

    // Alternate rounds so both see the same machine (other work on a shared box comes and goes).
    const results = { cocrea: { sent: 0, received: 0, latencies: [] as number[] }, bare: { sent: 0, received: 0, latencies: [] as number[] } };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [kind, send] of [
        ["cocrea", capture],
        ["bare", publish],
      ] as const) {
        const sent = await drive(send, fac.length, DURATION_MS / ROUNDS);
        const got = await collect(viewers, kind, sent * VIEWERS_PER_FORUM);
        results[kind].sent += sent;
        results[kind].received += got.received;
        for (const l of got.latencies) results[kind].latencies.push(l);
      }
    }

    const ours = results.cocrea;
    const baseline = results.bare;
    const a = summarize(ours.latencies);
    const b = summarize(baseline.latencies);
    console.log(`cocrea: ${ours.sent} captures (HTTP → command bus → SQLite → forum room), ${ours.received}/${ours.sent * VIEWERS_PER_FORUM} board deliveries`);
    console.log(`  capture→board latency  p50 ${a.p50.toFixed(2)} ms  p99 ${a.p99.toFixed(2)} ms  max ${a.max.toFixed(2)} ms`);
    console.log(`bare socket.io: ${baseline.sent} broadcasts, ${baseline.received}/${baseline.sent * VIEWERS_PER_FORUM} deliveries`);
    console.log(`  publish→board latency  p50 ${b.p50.toFixed(2)} ms  p99 ${b.p99.toFixed(2)} ms  max ${b.max.toFixed(2)} ms`);
    console.log(`  payload ${JSON.stringify(sample).length} bytes; ${viewerCount} board sockets per server, one node each`);
    report("capture→board p50", a.p50, "ms", b.p50, "bare socket.io broadcast p50");
    report("capture→board p99", a.p99, "ms", b.p99, "bare socket.io broadcast p99");
    report(`server resident memory, ${viewerCount} sockets connected`, memory.cocrea, "MiB", memory.bare, "bare socket.io server");
    console.log(`  after the run: Cocrea ${serverResidentMiB(app.pid).toFixed(0)} MiB, bare ${serverResidentMiB(bare.pid).toFixed(0)} MiB`);
    const goal = a.p99 < 100 && a.p99 <= 1.5 * b.p99;
    console.log(`goal (p99 < 100 ms and within 1.5× of bare): ${goal ? "met" : "NOT met"}`);
    if (ours.received < ours.sent * VIEWERS_PER_FORUM) console.log(`WARNING: ${ours.sent * VIEWERS_PER_FORUM - ours.received} board deliveries missing`);
  } finally {
    for (const s of publishers) s.close();
    for (const v of viewers) await v.close().catch(() => {});
    for (const s of servers) await s.stop().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
  }
}
