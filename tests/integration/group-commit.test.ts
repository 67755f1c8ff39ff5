// Group commit on SQLite (decision 0013): commands that arrive together share one transaction, each in its own
// savepoint. A command that fails inside a group leaves nothing behind; the others are stored once each, with their
// audit event and idempotency record; nobody is answered before the group's COMMIT; a SIGKILL under load loses
// nothing that was acknowledged. The HTTP tests run on PostgreSQL too (no groups there: concurrent transactions).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { migrateToLatest, openDatabase } from "../../db/connection.server";
import { factories } from "../../db/factories";
import { CommandBus } from "../../server/commands/bus.server";
import { CommandError } from "../../server/commands/errors";
import { commands } from "../../server/commands/registry";
import { defineCommand, type Broadcast } from "../../server/commands/types";
import { spawnServer, type ChildServer } from "../support/child-server";
import { openIntake, opinion } from "../support/intake";
import { databaseUrlFor, testPostgresUrl } from "../support/postgres";
import { ApiClient, createMember, startServer, type TestServer } from "../support/server";

const LIMITS = { PUBLIC_RATE_LIMIT_PER_MINUTE: "100000", PUBLIC_ADDRESS_LIMIT_PER_MINUTE: "100000", API_RATE_LIMIT_PER_MINUTE: "100000" };

describe("a burst of commands over HTTP, some of them refused", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(LIMITS);
  });
  afterAll(() => server.stop());

  it("stores each accepted one once with its audit event, and nothing of the refused ones", async () => {
    const { admin, consultationId, themeIds } = await openIntake(server);
    const facilitator = await createMember(server, admin.client, consultationId, "facilitator");
    const citizen = new ApiClient(server.url);
    const earlierId = randomUUID();
    const earlier = await citizen.command("opinion.submit", opinion(consultationId), earlierId);
    expect(earlier.status).toBe(200);
    const { inputId: earlierInput } = (earlier.body as { result: { inputId: string } }).result;

    type Sent = {
      kind: "ok" | "unknown_theme" | "forbidden" | "reused_id" | "retry";
      id: string;
      text?: string;
      send: () => Promise<{ status: number; body: any }>;
    };
    const sent: Sent[] = [];
    const retried = { id: randomUUID(), payload: opinion(consultationId, { about: `theme:${themeIds[0]}` }) };
    for (let i = 0; i < 60; i++) {
      const id = randomUUID();
      const kind = (["ok", "ok", "unknown_theme", "ok", "forbidden", "ok", "reused_id", "retry"] as const)[i % 8];
      if (kind === "ok") {
        const payload = opinion(consultationId);
        sent.push({ kind, id, text: payload.text, send: () => citizen.command("opinion.submit", payload, id) });
      } else if (kind === "unknown_theme") {
        const payload = opinion(consultationId, { about: `theme:${randomUUID()}` });
        sent.push({ kind, id, text: payload.text, send: () => citizen.command("opinion.submit", payload, id) });
      } else if (kind === "forbidden") {
        // A facilitator may not hide opinions: refused by the authorization check inside the transaction.
        sent.push({ kind, id, send: () => facilitator.client.command("opinion.hide", { inputId: earlierInput, reason: "No corresponde al tema" }, id) });
      } else if (kind === "reused_id") {
        // The id of an applied opinion.submit sent with another type: a conflict found inside the transaction.
        sent.push({ kind, id: earlierId, send: () => citizen.command("opinion.report", { inputId: earlierInput, reason: "Spam" }, earlierId) });
      } else {
        sent.push({ kind, id: retried.id, text: retried.payload.text, send: () => citizen.command("opinion.submit", retried.payload, retried.id) });
      }
    }
    const answers = await Promise.all(sent.map((s) => s.send()));

    const expected = { ok: 200, unknown_theme: 400, forbidden: 403, reused_id: 409, retry: 200 };
    sent.forEach((s, i) => expect(answers[i].status, s.kind).toBe(expected[s.kind]));
    // Every copy of the retried command got the same receipt.
    const receipts = new Set(answers.filter((_, i) => sent[i].kind === "retry").map((a) => a.body.result.inputId));
    expect(receipts.size).toBe(1);

    const db = server.cocrea.db;
    const rows = await db.selectFrom("citizen_inputs").select(["id", "text"]).where("consultation_id", "=", consultationId).execute();
    const accepted = sent.filter((s) => s.kind === "ok");
    const texts = rows.map((r) => r.text);
    for (const s of accepted) expect(texts.filter((t) => t === s.text)).toHaveLength(1);
    expect(texts.filter((t) => t === retried.payload.text)).toHaveLength(1);
    for (const s of sent.filter((x) => x.kind === "unknown_theme")) expect(texts).not.toContain(s.text);
    expect(rows).toHaveLength(accepted.length + 2); // plus the earlier one and the retried one

    // One audit event and one idempotency record per applied command, none for the refused ones.
    const audited = await db.selectFrom("audit_events").select(["command_id", "command_type"]).where("consultation_id", "=", consultationId).execute();
    const auditedIds = audited.map((a) => a.command_id);
    for (const s of [...accepted, { id: retried.id }, { id: earlierId }]) expect(auditedIds.filter((x) => x === s.id)).toHaveLength(1);
    for (const s of sent.filter((x) => x.kind === "unknown_theme" || x.kind === "forbidden")) expect(auditedIds).not.toContain(s.id);
    expect(audited.filter((a) => a.command_type !== "opinion.submit").map((a) => a.command_type)).not.toContain("opinion.hide");
    const logged = await db
      .selectFrom("command_log")
      .select("id")
      .where(
        "id",
        "in",
        sent.map((s) => s.id),
      )
      .execute();
    expect(new Set(logged.map((l) => l.id))).toEqual(new Set([...accepted.map((s) => s.id), retried.id, earlierId]));
    const hidden = await db.selectFrom("citizen_inputs").select("status").where("id", "=", earlierInput).executeTakeFirstOrThrow();
    expect(hidden.status).toBe("visible");
  });
});

// The bus on its own, so a test command can write and then fail in the middle of a group (SQLite only).
describe.skipIf(Boolean(testPostgresUrl()))("one group on SQLite", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-group-"));
  const file = path.join(dir, "cocrea.sqlite");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Stores an opinion row, then refuses when asked to: its row must not survive the rollback to its savepoint. */
  const writeThenFail = defineCommand({
    type: "test.write_then_fail",
    summary: "test only",
    schema: z.object({ consultationId: z.string(), text: z.string(), fail: z.boolean() }),
    access: "public",
    consultationOf: async (_trx, p) => p.consultationId,
    async handle(trx, p, ctx) {
      const id = randomUUID();
      await trx
        .insertInto("citizen_inputs")
        .values({
          id,
          consultation_id: p.consultationId,
          channel: "online",
          subject: "methodology",
          text: p.text,
          tags: "[]",
          status: "visible",
          created_at: ctx.now,
          updated_at: ctx.now,
        })
        .execute();
      ctx.broadcasts.push({ room: "test", event: "test:written", data: { id } });
      if (p.fail) throw new CommandError("conflict", "error.command_id_reused");
      return { id };
    },
  });

  it("rolls back only the failing commands, and answers each only once its row is committed", async () => {
    const { db } = openDatabase(`file:${file}`);
    await migrateToLatest(db);
    const published: Broadcast[] = [];
    const bus = new CommandBus({ db, commands: [...commands, writeThenFail], publish: (b) => published.push(...b) });
    const system = { kind: "system" as const, label: "test" };
    const created = await bus.execute({ id: randomUUID(), type: "consultation.create", payload: factories.consultation() }, system);
    if (!created.ok) throw new Error(created.error.messageKey);
    const { consultationId } = created.result as { consultationId: string };

    // A second connection sees only what is committed: each answer must find its row there already.
    const reader = new SQLite(file, { readonly: true });
    const committed = reader.prepare("SELECT count(*) AS n FROM citizen_inputs WHERE text = ?");
    const seenAtAnswer: number[] = [];
    const envelopes = Array.from({ length: 40 }, (_, i) => ({
      id: randomUUID(),
      type: "test.write_then_fail",
      payload: { consultationId, text: `fila ${i}`, fail: i % 3 === 1 },
    }));
    // Sent in one turn of the event loop: all of them go into one group.
    const outcomes = await Promise.all(
      envelopes.map((e, i) =>
        bus.execute(e, system).then((o) => {
          seenAtAnswer[i] = (committed.get(e.payload.text) as { n: number }).n;
          return o;
        }),
      ),
    );
    reader.close();

    envelopes.forEach((e, i) => {
      expect(outcomes[i].ok, e.payload.text).toBe(!e.payload.fail);
      expect(seenAtAnswer[i], e.payload.text).toBe(e.payload.fail ? 0 : 1);
    });
    const texts = (await db.selectFrom("citizen_inputs").select("text").execute()).map((r) => r.text).sort();
    expect(texts).toEqual(
      envelopes
        .filter((e) => !e.payload.fail)
        .map((e) => e.payload.text)
        .sort(),
    );
    const audited = (await db.selectFrom("audit_events").select("command_id").where("command_type", "=", "test.write_then_fail").execute()).map(
      (a) => a.command_id,
    );
    expect(audited.sort()).toEqual(
      envelopes
        .filter((e) => !e.payload.fail)
        .map((e) => e.id)
        .sort(),
    );
    // Broadcasts only for what was stored.
    expect(published.filter((b) => b.event === "test:written")).toHaveLength(texts.length);
    await db.destroy();
  });
});

describe("a SIGKILL under load", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-group-kill-"));
  const dbFile = path.join(dir, "cocrea.sqlite");
  let server: ChildServer | null = null;
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("loses no acknowledged opinion, and the rest sync afterwards exactly once", async () => {
    const { db } = openDatabase(await databaseUrlFor(dbFile));
    await migrateToLatest(db);
    const bus = new CommandBus({ db, commands, publish: () => {} });
    const system = { kind: "system" as const, label: "test" };
    const created = await bus.execute({ id: randomUUID(), type: "consultation.create", payload: factories.consultation() }, system);
    if (!created.ok) throw new Error(created.error.messageKey);
    const { consultationId } = created.result as { consultationId: string };
    const stages = await db.selectFrom("stages").select(["id", "phase"]).where("consultation_id", "=", consultationId).execute();
    await bus.execute({ id: randomUUID(), type: "stage.open", payload: { stageId: stages.find((s) => s.phase === "opinion_intake")!.id } }, system);
    await db.destroy();

    server = await spawnServer({ dbFile, env: LIMITS });
    const envelopes = Array.from({ length: 400 }, () => ({ id: randomUUID(), type: "opinion.submit", payload: opinion(consultationId) }));
    const acknowledged = new Set<string>();
    let next = 0;
    let killed: Promise<void> | null = null;
    // Sixteen clients at once, so commands travel in groups; the server dies once 100 are acknowledged.
    const client = async () => {
      while (next < envelopes.length && !killed) {
        const e = envelopes[next++];
        try {
          const res = await fetch(`${server!.url}/api/v1/commands`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(e),
            signal: AbortSignal.timeout(5_000),
          });
          if (res.status === 200) acknowledged.add(e.id);
        } catch {
          // The server is gone: this one is still to send.
        }
        if (!killed && acknowledged.size >= 100) killed = server!.kill();
      }
    };
    await Promise.all(Array.from({ length: 16 }, client));
    await killed;
    expect(acknowledged.size).toBeGreaterThanOrEqual(100);

    server = await spawnServer({ dbFile, port: server.port, env: LIMITS });
    const citizen = new ApiClient(server.url);
    // Everything is sent again with the same ids: the acknowledged ones (and any committed whose answer was lost)
    // come back as replays, the rest are stored now.
    for (const e of envelopes) {
      const r = await citizen.command("opinion.submit", e.payload, e.id);
      expect(r.status).toBe(200);
      if (acknowledged.has(e.id)) expect(r.body).toMatchObject({ ok: true, replayed: true });
    }
    const check = openDatabase(server.databaseUrl).db;
    const rows = await check.selectFrom("citizen_inputs").select("text").where("consultation_id", "=", consultationId).execute();
    await check.destroy();
    expect(rows).toHaveLength(envelopes.length);
    expect(new Set(rows.map((r) => r.text)).size).toBe(envelopes.length);
  });
});
