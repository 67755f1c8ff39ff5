// Regressions from the outside review (issue 11): redirects taken from input stay on the site; malformed requests
// get a clear 4xx, never a stack trace; a 429 says when to come back; a retry of an applied command gets its first
// answer even when the client is over its rate limit, and even after the server restarted without SESSION_SECRET.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase } from "../../db/connection.server";
import { factories } from "../../db/factories";
import { CommandBus } from "../../server/commands/bus.server";
import { commands } from "../../server/commands/registry";
import { spawnServer } from "../support/child-server";
import { opinion, openIntake } from "../support/intake";
import { ApiClient, startServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "2" });
});
afterAll(() => server.stop());

describe("redirects taken from a form", () => {
  it("the language switch never sends the browser off-site", async () => {
    const home = await fetch(`${server.url}/`);
    const cookie = home.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await home.text())![1];
    for (const target of ["/\\evil.example/", "//evil.example/", "https://evil.example/", "/ok\r\nSet-Cookie: a=b"]) {
      const answer = await fetch(`${server.url}/lang`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ _csrf: csrf, lang: "en", redirectTo: target }),
      });
      expect(answer.status).toBe(302);
      expect(answer.headers.get("location")).toBe("/");
    }
  });
});

describe("malformed requests", () => {
  it("an unknown API endpoint answers 404 in the API envelope", async () => {
    const res = await fetch(`${server.url}/api/v1/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error: { code: "not_found", message: "No se encontró: endpoint." } });
  });

  it("bad %-encoding in a page or API path is a 400, with no stack trace", async () => {
    for (const p of ["/r/%E0%A4%A", "/api/v1/consultations/%E0%A4%A"]) {
      const res = await fetch(`${server.url}${p}`);
      const text = await res.text();
      expect(res.status, p).toBe(400);
      expect(text).toContain("mal formada");
      expect(text).not.toMatch(/at .+\.(js|ts):\d+/);
    }
  });

  it("a body that claims gzip but is not gzip is a 400", async () => {
    const res = await fetch(`${server.url}/api/v1/commands`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: "this is not gzip",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).ok).toBe(false);
    // A real gzip body still works (validated, then refused as an unknown command).
    const ok = await fetch(`${server.url}/api/v1/commands`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: gzipSync(JSON.stringify({ id: randomUUID(), type: "no.such", payload: {} })),
    });
    expect(ok.status).toBe(400);
    expect((await ok.json()).error.code).toBe("unknown_command");
  });

  it("a JSON body or a broken multipart body posted to a form action is a 400", async () => {
    const json = await fetch(`${server.url}/lang`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"lang":"en"}' });
    expect(json.status).toBe(400);
    const multipart = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=XYZ" },
      body: '--XYZ\r\nContent-Disposition: form-data; name="email"\r\n\r\nno end',
    });
    expect(multipart.status).toBe(400);
  });

  it("serves a favicon", async () => {
    const res = await fetch(`${server.url}/favicon.ico`);
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });
});

describe("rate limits", () => {
  it("a 429 says when to come back, and a retry of an applied opinion still gets its first answer", async () => {
    const { consultationId } = await openIntake(server);
    const citizen = new ApiClient(server.url);
    const firstId = randomUUID();
    const first = await citizen.command("opinion.submit", opinion(consultationId), firstId);
    expect(first.status).toBe(200);
    await citizen.command("opinion.submit", opinion(consultationId));
    const limited = await fetch(`${server.url}/api/v1/commands`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: randomUUID(), type: "opinion.submit", payload: opinion(consultationId) }),
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const retry = await citizen.command("opinion.submit", opinion(consultationId), firstId);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ ...first.body, replayed: true });
  });
});

describe("the server's secret without SESSION_SECRET", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-secret-"));
  const dbFile = path.join(dir, "cocrea.sqlite");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // A SQLite-only feature (PostgreSQL requires SESSION_SECRET): this one runs on its file under test:postgres too.
  it("is kept beside the database: a phone's retry after a SIGKILL and restart gets its first receipt", async () => {
    const { db } = openDatabase(`file:${dbFile}`);
    await migrateToLatest(db);
    const bus = new CommandBus({ db, commands, publish: () => {} });
    const system = { kind: "system" as const, label: "test" };
    const created = await bus.execute({ id: randomUUID(), type: "consultation.create", payload: factories.consultation() }, system);
    if (!created.ok) throw new Error(created.error.messageKey);
    const { consultationId } = created.result as { consultationId: string };
    const stages = await db.selectFrom("stages").select(["id", "phase"]).where("consultation_id", "=", consultationId).execute();
    await bus.execute({ id: randomUUID(), type: "stage.open", payload: { stageId: stages.find((s) => s.phase === "opinion_intake")!.id } }, system);
    await db.destroy();

    const env = { SESSION_SECRET: "" };
    let child = await spawnServer({ dbFile, databaseUrl: `file:${dbFile}`, env });
    const id = randomUUID();
    const payload = opinion(consultationId);
    const first = await new ApiClient(child.url).command("opinion.submit", payload, id);
    expect(first.status).toBe(200);
    await child.kill();
    child = await spawnServer({ dbFile, databaseUrl: `file:${dbFile}`, env });
    try {
      const retry = await new ApiClient(child.url).command("opinion.submit", payload, id);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual({ ...first.body, replayed: true });
      expect(fs.existsSync(path.join(dir, "cocrea-secret"))).toBe(true);
    } finally {
      await child.stop();
    }
  });
});
