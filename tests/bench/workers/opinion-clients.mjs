// Load generator for the intake benchmark, run in a worker thread so the server's event loop is not shared
// with its own clients. Plain JavaScript: worker threads do not go through tsx.
// Each of `connections` clients posts opinions back to back over keep-alive HTTP until the time is up.
import http from "node:http";
import { randomUUID } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";

const { url, consultationId, themeIds, durationMs, connections, workerIndex, departments } = workerData;
const target = new URL("/api/v1/commands", url);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const sectors = ["public", "civil_society", "academia", "private", "international", "citizen"];
const ages = ["under_18", "18_29", "30_44", "45_59", "60_plus"];
const genders = ["woman", "man", "other"];
const pick = (list, n) => list[n % list.length];

function post(body) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      target,
      { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

function opinion(n) {
  const about = n % 5 === 0 ? "methodology" : n % 5 === 1 ? "axis:transparency" : `theme:${pick(themeIds, n)}`;
  return {
    consultationId,
    about,
    text: `Opinión ${workerIndex}-${n}: que cada institución publique sus compras y contratos en datos abiertos cada mes.`,
    department: pick(departments, n * 7),
    sector: pick(sectors, n * 3),
    ageRange: pick(ages, n),
    gender: pick(genders, n * 5),
    indigenousLanguage: n % 3 === 0 ? "yes" : n % 3 === 1 ? "no" : "",
  };
}

const latencies = [];
const acked = [];
const failures = {};
let counter = 0;
const end = Date.now() + durationMs;

async function client() {
  while (Date.now() < end) {
    const n = counter++;
    const body = JSON.stringify({ id: randomUUID(), type: "opinion.submit", payload: opinion(n) });
    const started = performance.now();
    try {
      const res = await post(body);
      const ms = performance.now() - started;
      if (res.status === 200) {
        const parsed = JSON.parse(res.body);
        latencies.push(ms);
        acked.push(parsed.result.inputId);
      } else {
        failures[res.status] = (failures[res.status] ?? 0) + 1;
      }
    } catch (e) {
      failures[e.code ?? "error"] = (failures[e.code ?? "error"] ?? 0) + 1;
    }
  }
}

await Promise.all(Array.from({ length: connections }, client));
agent.destroy();
parentPort.postMessage({ latencies, acked, failures });
