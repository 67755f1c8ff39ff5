// scale benchmark: a worker thread holding forum board sockets spread over the nodes (viewer i on node i mod n),
// so receiving every capture's copies does not slow down the thread that plays the facilitators' phones.
// Latency = arrival time − the send time the capture carries at the end of its text (one machine, one clock).
// Plain JavaScript: worker threads do not get tsx's TypeScript loader.
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { io as connect } from "socket.io-client";

/** @type {{ token: string, boards: Array<{ url: string, forumId: string }> }} */
const setup = workerData;
const now = () => performance.timeOrigin + performance.now();
let latencies = [];
const sockets = [];

function open({ url, forumId }) {
  const s = connect(url, { transports: ["websocket"], forceNew: true, reconnection: false, auth: { token: setup.token } });
  sockets.push(s);
  s.on("capture:new", (c) => {
    const m = /#t=([\d.]+)$/.exec(c.text ?? "");
    if (m) latencies.push(now() - Number(m[1]));
  });
  return new Promise((resolve, reject) => {
    s.once("connect", () =>
      s
        .timeout(10_000)
        .emitWithAck("subscribe:forum", { forumId })
        .then((ack) => (ack?.ok ? resolve() : reject(new Error(`subscribe refused: ${JSON.stringify(ack)}`))), reject),
    );
    s.once("connect_error", reject);
  });
}

async function main() {
  for (let start = 0; start < setup.boards.length; start += 50) await Promise.all(setup.boards.slice(start, start + 50).map(open));
  parentPort.on("message", (msg) => {
    if (msg.type === "count") parentPort.postMessage({ type: "count", n: latencies.length });
    if (msg.type === "take") {
      parentPort.postMessage({ type: "take", latencies });
      latencies = [];
    }
    if (msg.type === "close") {
      for (const s of sockets) s.close();
      parentPort.postMessage({ type: "close" });
    }
  });
  parentPort.postMessage({ type: "ready" });
}

main().catch((e) => parentPort.postMessage({ type: "error", message: String(e) }));
