// forum-day benchmark: a worker thread holding board sockets (for Cocrea and for the bare baseline), so that
// receiving 150 copies of every capture does not slow down the thread that plays the facilitators' phones.
// Latency = arrival time − the send time the capture carries (both on the machine's high-resolution clock).
// Plain JavaScript: worker threads do not get tsx's TypeScript loader.
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { io as connect } from "socket.io-client";

/** @type {{ appUrl: string, bareUrl: string, token: string, forums: Array<{ forumId: string, room: number }> }} */
const setup = workerData;
const now = () => performance.timeOrigin + performance.now();
/** @type {Record<"cocrea" | "bare", number[]>} */
const latencies = { cocrea: [], bare: [] };
const sockets = [];

/** Cocrea captures carry their send time at the end of the text; bare payloads in a field. */
function sentAt(c) {
  if (typeof c.sentAt === "number") return c.sentAt;
  const m = /#t=([\d.]+)$/.exec(c.text ?? "");
  return m ? Number(m[1]) : null;
}

function open(url, token, kind, join) {
  const s = connect(url, { transports: ["websocket"], forceNew: true, reconnection: false, auth: token ? { token } : undefined });
  sockets.push(s);
  s.on("capture:new", (c) => {
    const t0 = sentAt(c);
    if (t0 !== null) latencies[kind].push(now() - t0);
  });
  return new Promise((resolve, reject) => {
    s.once("connect", () => join(s).then(resolve, reject));
    s.once("connect_error", reject);
  });
}

async function main() {
  for (let start = 0; start < setup.forums.length; start += 50) {
    await Promise.all(
      setup.forums.slice(start, start + 50).flatMap(({ forumId, room }) => [
        open(setup.appUrl, setup.token, "cocrea", async (s) => {
          const ack = await s.timeout(10_000).emitWithAck("subscribe:forum", { forumId });
          if (!ack?.ok) throw new Error(`subscribe refused: ${JSON.stringify(ack)}`);
        }),
        open(setup.bareUrl, undefined, "bare", (s) => s.timeout(10_000).emitWithAck("join", `forum:${room}`)),
      ]),
    );
  }
  parentPort.on("message", (msg) => {
    if (msg.type === "count") parentPort.postMessage({ type: "count", cocrea: latencies.cocrea.length, bare: latencies.bare.length });
    if (msg.type === "take") {
      parentPort.postMessage({ type: "take", latencies: latencies[msg.kind] });
      latencies[msg.kind] = [];
    }
    if (msg.type === "close") {
      for (const s of sockets) s.close();
      parentPort.postMessage({ type: "close" });
    }
  });
  parentPort.postMessage({ type: "ready" });
}

main().catch((e) => parentPort.postMessage({ type: "error", message: String(e) }));
