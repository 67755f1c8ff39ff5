// vote: a technical roundtable of 60 members (organizations of two sectors) with a consensus vote open; each member
// changes their answer at random (agree, with reservations, stand aside, block with a reason) every 0.3–1.5 s over
// socket.io, and every connected socket — the 60 members and some public-page viewers — sees the tally move.
// Measures answer → tally latency at every socket and, in the same run, a bare socket.io server where the same
// sockets publish a payload of the same size that the server rebroadcasts to the same room; prints the ratio.
// At the end checks that the tally is right: the database holds exactly each member's last acknowledged answer,
// every socket's last tally counts those answers, and closing the vote through the JSON API counts them too.
// Each server is one node process; this process drives, two worker threads hold the sockets
// (tests/bench/workers/vote-members.mjs). About 75-90 s on two cores. Knobs: BENCH_VOTE_SECONDS (30 s of answers on
// each server), BENCH_VOTE_OBSERVERS (10 public-page sockets).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { migrateToLatest, openSqliteDatabase } from "../../../db/connection.server";
import { factories } from "../../../db/factories";
import type { VoteTallyCounts, VoteTallyEvent } from "../../../app/live/vote-events";
import { CommandBus } from "../../../server/commands/bus.server";
import { commands } from "../../../server/commands/registry";
import { spawnServer, type ChildServer } from "../../support/child-server";
import { proposalPayload, unifiedPayload } from "../../support/roundtables";
import { percentile, report, summarize } from "../stats";

const MEMBERS = 60;
/** Members' organizations: half public institutions, half civil society, a few delegates each. */
const ORGS_PER_SECTOR = 5;
const OBSERVERS = Number(process.env.BENCH_VOTE_OBSERVERS ?? 10);
/** Measured answering time per server, split into alternating rounds. */
const DURATION_MS = Number(process.env.BENCH_VOTE_SECONDS ?? 30) * 1000;
const ROUNDS = 3;
/** Unmeasured answers first (JIT, prepared statements, TCP connections), for both servers alike. */
const WARMUP_MS = 2_000;
/** Each member answers again 0.3–1.5 s after the previous answer (a real table is slower: a stress pace). */
const MIN_GAP_MS = 300;
const MAX_GAP_MS = 1_500;
const MEMBER_THREADS = 2;
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../..");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Member {
  index: number;
  userId: string;
  token: string;
  sector: string;
}

interface Seeded {
  consultationId: string;
  voteId: string;
  members: Member[];
}

/** A technical roundtable ready to vote (as tests/support/technical.ts builds it), written through the command bus. */
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
  const stage = async (consultationId: string, phase: string) =>
    (await db.selectFrom("stages").select("id").where("consultation_id", "=", consultationId).where("phase", "=", phase).executeTakeFirstOrThrow()).id;

  const { consultationId } = await run("consultation.create", factories.consultation());
  const { themeId } = await run("theme.create", factories.theme(consultationId, { name: "Transparencia fiscal" }));
  const orgs: Array<{ id: string; sector: string }> = [];
  for (const sector of ["public", "civil_society"]) {
    for (let i = 0; i < ORGS_PER_SECTOR; i++) {
      const acronym = `${sector === "public" ? "INST" : "OSC"}${i + 1}-${randomUUID().slice(0, 4)}`;
      const { organizationId } = await run("organization.create", { consultationId, name: `Organización ${acronym}`, acronym, sector });
      orgs.push({ id: organizationId, sector });
    }
  }

  // Thematic roundtable: two proposals merged into one, then the round closes (the result enters "unified").
  await run("stage.open", { stageId: await stage(consultationId, "thematic_roundtables") });
  const { roundtableId } = await run("roundtable.create", { consultationId, themeId });
  const { roundId } = await run("round.schedule", { roundtableId, venue: "Ministerio de Finanzas Públicas" });
  await run("round.open", { roundId });
  const sources = [
    (await run("proposal.create", proposalPayload(roundtableId))).proposalId,
    (await run("proposal.create", proposalPayload(roundtableId))).proposalId,
  ];
  const { proposalId } = await run("proposal.merge", {
    sourceIds: sources,
    result: unifiedPayload("Presupuesto abierto municipal"),
    present: orgs.map((o) => o.id),
    agreed: true,
    agreedNote: "Consenso de la mesa",
  });
  await run("round.close", { roundId });

  // Technical roundtable: 60 members (delegates of their organizations), a chair, an open session, everyone present.
  await run("stage.open", { stageId: await stage(consultationId, "technical_roundtable") });
  const { roundtableId: technicalId } = await run("technical.create", { consultationId });
  const members: Member[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const org = orgs[i % orgs.length];
    const invitation = factories.invitation(consultationId, "technical_member", { organizationId: org.id });
    const { path: invitePath } = await run("invitation.create", invitation);
    const { userId } = await run("invitation.accept", { token: invitePath.split("/").pop(), name: invitation.name, password: "contraseña-segura-123" });
    const { token } = await run("api_token.create", { userId, name: "bench" });
    members.push({ index: i, userId, token, sector: org.sector });
  }
  await run("technical.chair", { roundtableId: technicalId, userId: members[0].userId });
  const { roundId: sessionId } = await run("technical.session.schedule", {
    roundtableId: technicalId,
    kind: "review",
    closesStage: "technical",
    venue: "SEGEPLAN",
  });
  await run("technical.session.open", { roundId: sessionId });
  for (const m of members) await run("technical.attendance", { roundId: sessionId, userId: m.userId, present: true });
  const institution = orgs.find((o) => o.sector === "public")!.id;
  await run("proposal.criterion", { proposalId, criterion: "institution", met: true, organizationId: institution, note: "Carta de aceptación del ministerio" });
  await run("proposal.criterion", { proposalId, criterion: "legal", met: true, note: "Dictamen jurídico favorable" });
  await run("proposal.criterion", { proposalId, criterion: "financial", met: true, note: "Cubierto por el presupuesto 2017" });
  const { voteId } = await run("vote.open", { proposalId });
  await db.destroy();
  return { consultationId, voteId, members };
}

/** A member worker thread, with a small request/answer channel (one question of each type at a time). */
class Members {
  private readonly worker: Worker;
  private readonly waiting = new Map<string, { resolve: (msg: any) => void; reject: (e: Error) => void }>();
  readonly ready: Promise<number>;
  constructor(data: unknown) {
    this.worker = new Worker(new URL("../workers/vote-members.mjs", import.meta.url), { workerData: data });
    this.ready = new Promise((resolve, reject) => {
      this.worker.on("message", (msg: { type: string; message?: string; sockets?: number }) => {
        if (msg.type === "ready") resolve(msg.sockets!);
        else if (msg.type === "error") {
          const e = new Error(msg.message);
          reject(e);
          for (const w of this.waiting.values()) w.reject(e);
        } else this.waiting.get(msg.type)?.resolve(msg);
      });
      this.worker.on("error", reject);
    });
  }
  ask<T>(msg: { type: string; [k: string]: unknown }): Promise<T> {
    return new Promise((resolve, reject) => {
      this.waiting.set(msg.type, { resolve, reject });
      this.worker.postMessage(msg);
    });
  }
  async close() {
    await Promise.race([this.ask({ type: "close" }), sleep(2_000)]);
    await this.worker.terminate();
  }
}

type Kind = "cocrea" | "bare";

/** Every member answers (or publishes) for durationMs in every thread at once; answers how many were sent. */
async function drive(threads: Members[], kind: Kind, durationMs: number, payload?: unknown): Promise<number> {
  const parts = await Promise.all(threads.map((t) => t.ask<{ sent: number }>({ type: "drive", kind, durationMs, payload })));
  return parts.reduce((sum, p) => sum + p.sent, 0);
}

/**
 * Waits until every socket got the tally of every answer that was applied (or 10 s pass), then pairs each arrival
 * with its send by command id. Cocrea: a vote:tally carries the commandId of the vote.answer whose commit produced it
 * (announceTally, server/commands/technical-lookup.server.ts); the command bus publishes it after the commit and
 * before the ack, so it is exactly "the tally caused by this answer", whichever thread sent it — no guessing from
 * counts or `at` (ms resolution, shared by concurrent answers). A refused answer has no tally: the worker drops its
 * send. Bare: the payload carries the publish's id in the same field.
 */
async function collect(threads: Members[], kind: Kind, socketCount: number) {
  const takeAll = async () => {
    const parts = await Promise.all(
      threads.map((t) => t.ask<{ sends: Array<[string, number]>; receipts: Array<[string, number]>; acks: number[] }>({ type: "take", kind })),
    );
    return {
      sends: new Map(parts.flatMap((p) => p.sends)),
      receipts: parts.flatMap((p) => p.receipts),
      acks: parts.flatMap((p) => p.acks),
    };
  };
  // drive() has returned, so every send is known (and every answer acked): wait for the arrivals.
  const deadline = performance.now() + 10_000;
  for (;;) {
    const c = await Promise.all(threads.map((t) => t.ask<{ sends: number; receipts: number }>({ type: "count", kind })));
    const sent = c.reduce((sum, x) => sum + x.sends, 0);
    if (c.reduce((sum, x) => sum + x.receipts, 0) >= sent * socketCount || performance.now() > deadline) break;
    await sleep(50);
  }
  const taken = await takeAll();
  const latencies: number[] = [];
  let unmatched = 0;
  for (const [id, at] of taken.receipts) {
    const sentAt = taken.sends.get(id);
    if (sentAt === undefined) unmatched++;
    else latencies.push(at - sentAt);
  }
  return { applied: taken.sends.size, expected: taken.sends.size * socketCount, latencies, unmatched, acks: taken.acks };
}

const counts = (answers: Iterable<{ answer: string }>, eligible: number): VoteTallyCounts => {
  const t: VoteTallyCounts = { agree: 0, reservations: 0, stand_aside: 0, block: 0, answered: 0, eligible };
  for (const a of answers) {
    t[a.answer as "agree"]++;
    t.answered++;
  }
  return t;
};
const sameCounts = (a: VoteTallyCounts | undefined, b: VoteTallyCounts) =>
  Boolean(a) && (Object.keys(b) as Array<keyof VoteTallyCounts>).every((k) => a![k] === b[k]);
const fmt = (s: { p50: number; p95: number; p99: number; max: number }) =>
  `p50 ${s.p50.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  max ${s.max.toFixed(2)} ms`;
const stats = (samples: number[]) => {
  const s = summarize(samples);
  return {
    ...s,
    p95: percentile(
      [...samples].sort((a, b) => a - b),
      95,
    ),
  };
};

export async function run(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, "build/index.js"))) throw new Error("Run `npx remix build` first: the server serves the Remix build.");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-vote-"));
  const dbFile = path.join(dir, "bench.sqlite");
  const servers: ChildServer[] = [];
  const threads: Members[] = [];
  // Interrupted (Ctrl-C, a timeout): exit normally so the child servers are killed too (see child-server.ts).
  const interrupted = () => process.exit(130);
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    const t0 = performance.now();
    const seeded = await seed(dbFile);
    console.log(
      `seeded a technical roundtable of ${MEMBERS} members (${ORGS_PER_SECTOR * 2} organizations, public and civil society) with a vote open in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    // Two servers, each a node process of its own: Cocrea, and a bare socket.io server for the baseline.
    const app = await spawnServer({ dbFile });
    servers.push(app);
    const bare = await spawnServer({ dbFile, script: "tests/bench/workers/bare-broadcast.ts" });
    servers.push(bare);

    for (let w = 0; w < MEMBER_THREADS; w++) {
      threads.push(
        new Members({
          appUrl: app.url,
          bareUrl: bare.url,
          consultationId: seeded.consultationId,
          voteId: seeded.voteId,
          members: seeded.members.filter((m) => m.index % MEMBER_THREADS === w).map(({ index, userId, token }) => ({ index, userId, token })),
          observers: Math.floor(OBSERVERS / MEMBER_THREADS) + (w < OBSERVERS % MEMBER_THREADS ? 1 : 0),
          minGapMs: MIN_GAP_MS,
          maxGapMs: MAX_GAP_MS,
        }),
      );
    }
    const socketsPerServer = (await Promise.all(threads.map((t) => t.ready))).reduce((a, b) => a + b, 0) / 2;
    console.log(
      `${socketsPerServer} sockets on Cocrea (${MEMBERS} members signed in by API token + ${OBSERVERS} public-page viewers) and as many on the bare server (${MEMBER_THREADS} threads)`,
    );

    // Unmeasured warm-up for both; the bare payload is a tally as Cocrea sends it (same shape, same size).
    await drive(threads, "cocrea", WARMUP_MS);
    await collect(threads, "cocrea", socketsPerServer);
    const sample = (await Promise.all(threads.map((t) => t.ask<{ sample: VoteTallyEvent | null }>({ type: "sample" })))).find((s) => s.sample)?.sample;
    if (!sample) throw new Error("no vote:tally received during the warm-up");
    await drive(threads, "bare", WARMUP_MS, sample);
    await collect(threads, "bare", socketsPerServer);

    // Alternate rounds so both see the same machine (other work on a shared box comes and goes).
    const results = {
      cocrea: { sent: 0, applied: 0, expected: 0, received: 0, unmatched: 0, ms: 0, latencies: [] as number[], acks: [] as number[] },
      bare: { sent: 0, applied: 0, expected: 0, received: 0, unmatched: 0, ms: 0, latencies: [] as number[], acks: [] as number[] },
    };
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of ["cocrea", "bare"] as const) {
        const started = performance.now();
        const sent = await drive(threads, kind, DURATION_MS / ROUNDS, sample);
        const r = results[kind];
        r.ms += performance.now() - started;
        const got = await collect(threads, kind, socketsPerServer);
        r.sent += sent;
        r.applied += got.applied;
        r.expected += got.expected;
        r.received += got.latencies.length;
        r.unmatched += got.unmatched;
        for (const l of got.latencies) r.latencies.push(l);
        for (const l of got.acks) r.acks.push(l);
      }
    }

    const ours = results.cocrea;
    const baseline = results.bare;
    const a = stats(ours.latencies);
    const b = stats(baseline.latencies);
    const acks = stats(ours.acks);
    const payloadBytes = JSON.stringify(sample).length;
    console.log(
      `cocrea: ${ours.applied}/${ours.sent} answers applied (socket.io command → bus → SQLite → consultation room) = ${(ours.applied / (ours.ms / 1000)).toFixed(1)} answers/s over ${(ours.ms / 1000).toFixed(1)} s; ${ours.received}/${ours.expected} tally deliveries`,
    );
    console.log(`  answer→tally latency at every socket  ${fmt(a)}`);
    console.log(`  answer→own ack                        ${fmt(acks)}`);
    console.log(
      `bare socket.io: ${baseline.sent} publishes = ${(baseline.sent / (baseline.ms / 1000)).toFixed(1)}/s, ${baseline.received}/${baseline.expected} deliveries`,
    );
    console.log(`  publish→broadcast latency             ${fmt(b)}`);
    console.log(`  payload ${payloadBytes} bytes; ${socketsPerServer} sockets in one room per server, one node each`);
    report("answer→tally p50", a.p50, "ms", b.p50, "bare socket.io broadcast p50");
    report("answer→tally p99", a.p99, "ms", b.p99, "bare socket.io broadcast p99");
    const goal = a.p99 < 50 && a.p99 <= 2 * b.p99;
    console.log(`goal (p99 < 50 ms and within 2× of bare): ${goal ? "met" : "NOT met"}`);
    if (ours.received < ours.expected) console.log(`WARNING: ${ours.expected - ours.received} tally deliveries missing`);
    if (baseline.received < baseline.expected) console.log(`WARNING: ${baseline.expected - baseline.received} bare deliveries missing`);
    if (ours.unmatched + baseline.unmatched > 0) console.log(`note: ${ours.unmatched + baseline.unmatched} late arrivals from an earlier round ignored`);

    // ---- Correctness: the tally is each member's last answer, in the database, on every socket, and at closing ----
    const finals = await Promise.all(
      threads.map((t) =>
        t.ask<{ last: Array<[string, { answer: string; reason: string }]>; tallies: Array<VoteTallyEvent | null>; failures: Record<string, number> }>({
          type: "final",
        }),
      ),
    );
    const lastAnswer = new Map(finals.flatMap((f) => f.last));
    const failures = finals.reduce<Record<string, number>>((all, f) => {
      for (const [k, v] of Object.entries(f.failures)) all[k] = (all[k] ?? 0) + v;
      return all;
    }, {});
    const expectedTally = counts(lastAnswer.values(), MEMBERS);
    const sqlite = new Database(dbFile, { readonly: true });
    const rows = sqlite.prepare("SELECT user_id, answer, reason FROM vote_answers WHERE vote_id = ? AND superseded_at IS NULL").all(seeded.voteId) as Array<{
      user_id: string;
      answer: string;
      reason: string;
    }>;
    const history = (sqlite.prepare("SELECT count(*) AS n FROM vote_answers WHERE vote_id = ?").get(seeded.voteId) as { n: number }).n;
    sqlite.close();
    const mismatched = seeded.members.filter((m) => {
      const mine = rows.filter((r) => r.user_id === m.userId);
      const want = lastAnswer.get(m.userId);
      return !want || mine.length !== 1 || mine[0].answer !== want.answer || mine[0].reason !== want.reason;
    });
    const dbOk = rows.length === MEMBERS && mismatched.length === 0;
    const liveStale = finals.flatMap((f) => f.tallies).filter((t) => !sameCounts(t?.tally, expectedTally)).length;

    // Close the vote through the JSON API as the chair: its closing tally (to every socket) must count the same answers.
    const chair = seeded.members[0];
    const res = await fetch(`${app.url}/api/v1/commands`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${chair.token}` },
      body: JSON.stringify({ id: randomUUID(), type: "vote.close", payload: { voteId: seeded.voteId } }),
    });
    const closeBody = (await res.json()) as { ok: boolean; result?: { outcome: { kind: string } } };
    let closedTallies: Array<VoteTallyEvent | null> = [];
    for (const deadline = performance.now() + 5_000; performance.now() < deadline; await sleep(50)) {
      closedTallies = (await Promise.all(threads.map((t) => t.ask<{ tallies: Array<VoteTallyEvent | null> }>({ type: "final" })))).flatMap((f) => f.tallies);
      if (closedTallies.every((t) => t?.status === "closed")) break;
    }
    const closedOk = res.status === 200 && closeBody.ok && closedTallies.every((t) => t?.status === "closed" && sameCounts(t.tally, expectedTally));
    const t = expectedTally;
    console.log(
      `final tally (each member's last acknowledged answer): agree ${t.agree}, reservations ${t.reservations}, stand aside ${t.stand_aside}, block ${t.block}, answered ${t.answered}/${t.eligible}; ${history} answers recorded in all`,
    );
    console.log(`  database: ${dbOk ? "matches" : `MISMATCH (${rows.length} current answers, ${mismatched.length} members differ)`}`);
    console.log(`  every socket's last live tally: ${liveStale === 0 ? "matches" : `MISMATCH at ${liveStale} sockets`}`);
    console.log(
      `  vote.close via the API (outcome ${closeBody.result?.outcome.kind ?? `refused ${res.status}`}), closing tally at every socket: ${closedOk ? "matches" : "MISMATCH"}`,
    );
    if (Object.keys(failures).length) console.log(`  refused answers: ${JSON.stringify(failures)}`);
    console.log(`correctness: ${dbOk && liveStale === 0 && closedOk ? "ok" : "FAILED"}`);
  } finally {
    for (const t of threads) await t.close().catch(() => {});
    for (const s of servers) await s.stop().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
  }
}
