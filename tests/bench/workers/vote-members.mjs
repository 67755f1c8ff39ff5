// vote benchmark: a worker thread holding technical-roundtable members' sockets — one on Cocrea (signed in with the
// member's API token) and one on the bare socket.io baseline — plus anonymous public-page sockets that only watch.
// Members answer at random; every socket records when each tally arrives. Sends and arrivals are both keyed by the
// command id (Cocrea's vote:tally carries the commandId of the vote.answer that moved it; the bare payload carries
// the publish's id in the same field) and stamped on the machine's high-resolution clock: the main thread pairs
// them across threads. Plain JavaScript: worker threads do not get tsx's TypeScript loader.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { io as connect } from "socket.io-client";

/** @type {{ appUrl: string, bareUrl: string, consultationId: string, voteId: string, members: Array<{ index: number, userId: string, token: string }>, observers: number, minGapMs: number, maxGapMs: number }} */
const setup = workerData;
const room = `consultation:${setup.consultationId}`;
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const ANSWERS = ["agree", "reservations", "stand_aside", "block"];
const REASONS = {
  reservations: "Con reservas: el plazo del segundo hito es corto para que las municipalidades publiquen sus datos",
  block: "Bloqueo: el ministerio no ha confirmado la partida presupuestaria para 2017",
};

/** Per kind: command id → send time (deleted again if Cocrea refuses the answer: no tally follows a refusal). */
const sends = { cocrea: new Map(), bare: new Map() };
/** Per kind: [command id, arrival time], one per socket per tally. */
const receipts = { cocrea: [], bare: [] };
/** vote.answer → its own ack, as the member's phone sees it. */
let ackLatencies = [];
const failures = {};
const sockets = [];
/** Cocrea sockets, with the last tally each received (checked against the database at the end). */
const watchers = [];
/** Each member's last answer the server acknowledged (a member waits for the ack before answering again). */
const last = new Map();
let sample = null;

function open(url, token, kind, join) {
  const s = connect(url, { transports: ["websocket"], forceNew: true, reconnection: false, auth: token ? { token } : undefined });
  sockets.push(s);
  if (kind === "cocrea") {
    const watcher = { last: null };
    watchers.push(watcher);
    s.on("vote:tally", (t) => {
      const at = now();
      if (t.voteId !== setup.voteId) return;
      watcher.last = t;
      if (t.commandId) receipts.cocrea.push([t.commandId, at]);
      if (t.status === "open" && t.tally.answered > 0) sample ??= t;
    });
  } else {
    s.on("capture:new", (p) => {
      const at = now();
      if (p?.commandId) receipts.bare.push([p.commandId, at]);
    });
  }
  return new Promise((resolve, reject) => {
    s.once("connect", () => join(s).then(() => resolve(s), reject));
    s.once("connect_error", reject);
  });
}

const subscribeCocrea = async (s) => {
  const ack = await s.timeout(10_000).emitWithAck("subscribe", { consultationId: setup.consultationId });
  if (!ack?.ok) throw new Error(`subscribe refused: ${JSON.stringify(ack)}`);
};
const joinBare = (s) => s.timeout(10_000).emitWithAck("join", room);

/** @type {Array<{ index: number, userId: string, cocrea: import("socket.io-client").Socket, bare: import("socket.io-client").Socket }>} */
const members = [];

async function answer(m, n) {
  const answer = ANSWERS[Math.floor(Math.random() * ANSWERS.length)];
  // The reason names the member and the attempt, so the final check also tells one reason from another.
  const reason = REASONS[answer] ? `${REASONS[answer]} (${m.index}.${n})` : "";
  const id = randomUUID();
  const t0 = now();
  sends.cocrea.set(id, t0);
  let ack;
  try {
    ack = await m.cocrea.timeout(10_000).emitWithAck("command", { id, type: "vote.answer", payload: { voteId: setup.voteId, answer, reason } });
  } catch {
    ack = { ok: false, error: { code: "ack_timeout" } };
  }
  if (ack?.ok) {
    ackLatencies.push(now() - t0);
    last.set(m.userId, { answer, reason, commandId: id });
  } else {
    sends.cocrea.delete(id);
    const code = ack?.error?.code ?? "unknown";
    failures[code] = (failures[code] ?? 0) + 1;
  }
}

function publish(m, payload) {
  const id = randomUUID();
  sends.bare.set(id, now());
  // Same shape and size as the tally a member receives; bare-broadcast.ts rebroadcasts it to the room.
  m.bare.emit("publish", { room, payload: { ...payload, commandId: id, at: new Date().toISOString() } });
}

/** Each member answers every minGap–maxGap ms (at random) until time runs out; answers how many were sent. */
async function drive(kind, durationMs, payload) {
  let sent = 0;
  const until = performance.now() + durationMs;
  await Promise.all(
    members.map(async (m) => {
      // Spread the first answers out so the members do not all press at the same instant.
      await sleep(Math.random() * setup.maxGapMs);
      for (let n = 0; performance.now() < until; n++) {
        const started = performance.now();
        if (kind === "cocrea") await answer(m, n);
        else publish(m, payload);
        sent++;
        const gap = setup.minGapMs + Math.random() * (setup.maxGapMs - setup.minGapMs);
        await sleep(Math.max(0, gap - (performance.now() - started)));
      }
    }),
  );
  return sent;
}

async function main() {
  for (const m of setup.members) {
    const [cocrea, bare] = await Promise.all([open(setup.appUrl, m.token, "cocrea", subscribeCocrea), open(setup.bareUrl, undefined, "bare", joinBare)]);
    members.push({ index: m.index, userId: m.userId, cocrea, bare });
  }
  for (let i = 0; i < setup.observers; i++) {
    await Promise.all([open(setup.appUrl, undefined, "cocrea", subscribeCocrea), open(setup.bareUrl, undefined, "bare", joinBare)]);
  }
  parentPort.on("message", async (msg) => {
    try {
      if (msg.type === "drive") parentPort.postMessage({ type: "drive", sent: await drive(msg.kind, msg.durationMs, msg.payload) });
      if (msg.type === "count") parentPort.postMessage({ type: "count", sends: sends[msg.kind].size, receipts: receipts[msg.kind].length });
      if (msg.type === "take") {
        parentPort.postMessage({ type: "take", sends: [...sends[msg.kind]], receipts: receipts[msg.kind], acks: msg.kind === "cocrea" ? ackLatencies : [] });
        sends[msg.kind] = new Map();
        receipts[msg.kind] = [];
        if (msg.kind === "cocrea") ackLatencies = [];
      }
      if (msg.type === "sample") parentPort.postMessage({ type: "sample", sample });
      if (msg.type === "final") {
        parentPort.postMessage({ type: "final", last: [...last], tallies: watchers.map((w) => w.last), failures });
      }
      if (msg.type === "close") {
        for (const s of sockets) s.close();
        parentPort.postMessage({ type: "close" });
      }
    } catch (e) {
      parentPort.postMessage({ type: "error", message: String(e?.stack ?? e) });
    }
  });
  parentPort.postMessage({ type: "ready", sockets: sockets.length });
}

main().catch((e) => parentPort.postMessage({ type: "error", message: String(e?.stack ?? e) }));
