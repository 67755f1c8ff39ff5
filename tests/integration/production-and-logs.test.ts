// `npm start` serves in production mode (no stack traces in Remix's error answers) and logs structured JSON lines:
// requests with their id when LOG_REQUESTS is on, each command with its id, type, outcome and duration.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer, type ChildServer } from "../support/child-server";
import { logLevel } from "../../server/log";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-logs-"));
let server: ChildServer;

beforeAll(async () => {
  // As `npm start` runs it: no NODE_ENV (vitest's "test" removed), logs at debug, request logs on.
  server = await spawnServer({ dbFile: path.join(dir, "c.sqlite"), env: { NODE_ENV: "", VITEST: "", LOG_LEVEL: "debug", LOG_REQUESTS: "1" } });
}, 40_000);
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function logLines(): Array<Record<string, any>> {
  return server
    .output()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, any>);
}

async function settle(predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !predicate(); i++) await new Promise((r) => setTimeout(r, 50));
}

describe("production mode by default", () => {
  it("answers an unexpected data request without the error's message or stack", async () => {
    const res = await fetch(`${server.url}/?_data=routes/_index`, { method: "POST" });
    expect(res.status).toBe(405);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ message: "Unexpected Server Error" });
    expect(body).not.toContain("stack");
    expect(body).not.toContain("node_modules");
  });
});

describe("structured logs", () => {
  it("gives each request an id, echoes a caller's id, and logs the request and its command with it", async () => {
    const generated = await fetch(`${server.url}/healthz`);
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const res = await fetch(`${server.url}/api/v1/commands`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "req-log-test-1", cookie: "cocrea_session=secret-value" },
      body: JSON.stringify({ id: "6f1c2a9e-3b1d-4c5e-9f00-1a2b3c4d5e6f", type: "no.such.command", payload: {} }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("x-request-id")).toBe("req-log-test-1");

    await settle(() => logLines().some((l) => l.reqId === "req-log-test-1" && l.res));
    const mine = logLines().filter((l) => l.reqId === "req-log-test-1");
    const command = mine.find((l) => l.msg === "command refused");
    expect(command).toMatchObject({
      level: 30,
      commandId: "6f1c2a9e-3b1d-4c5e-9f00-1a2b3c4d5e6f",
      commandType: "no.such.command",
      outcome: "unknown_command",
    });
    expect(typeof command!.ms).toBe("number");
    const request = mine.find((l) => l.msg === "request completed");
    expect(request).toMatchObject({ req: { method: "POST", url: "/api/v1/commands" }, res: { statusCode: 400 } });
    expect(server.output()).not.toContain("secret-value");
  });

  it("logs at info by default, silently under vitest, at LOG_LEVEL when set", () => {
    expect(logLevel({})).toBe("info");
    expect(logLevel({ VITEST: "true" })).toBe("silent");
    expect(logLevel({ VITEST: "true", LOG_LEVEL: "DEBUG" })).toBe("debug");
    expect(logLevel({ LOG_LEVEL: "nonsense" })).toBe("info");
  });
});
