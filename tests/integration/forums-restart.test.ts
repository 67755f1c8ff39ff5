// The server is SIGKILLed in the middle of a forum and started again on the same database: every capture it
// acknowledged is there, and the captures that were still on the phone (unacknowledged, or acknowledged but
// the answer lost) sync afterwards exactly once, with the same client-made ids.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { migrateToLatest, openDatabase } from "../../db/connection.server";
import { factories } from "../../db/factories";
import { CommandBus } from "../../server/commands/bus.server";
import { commands } from "../../server/commands/registry";
import { databaseUrlFor } from "../support/postgres";
import { spawnServer, type ChildServer } from "../support/child-server";
import { ApiClient, emitWithAck, loginCookie } from "../support/server";

let dir: string;
let dbFile: string;
let server: ChildServer | null = null;
const sockets: Socket[] = [];

/** The first admin and its API token, made the way the CLI makes them (before the server runs). */
async function seedAdmin(): Promise<string> {
  const { db } = openDatabase(await databaseUrlFor(dbFile));
  await migrateToLatest(db);
  const bus = new CommandBus({ db, commands, publish: () => {} });
  const system = { kind: "system" as const, label: "test" };
  const created = await bus.execute({ id: randomUUID(), type: "admin.create", payload: factories.admin() }, system);
  if (!created.ok) throw new Error(created.error.messageKey);
  const token = await bus.execute(
    { id: randomUUID(), type: "api_token.create", payload: { userId: (created.result as { userId: string }).userId, name: "t" } },
    system,
  );
  await db.destroy();
  if (!token.ok) throw new Error(token.error.messageKey);
  return (token.result as { token: string }).token;
}

/** Invited, accepted and signed in through the real login form: a facilitator with a session cookie. */
async function member(url: string, admin: ApiClient, consultationId: string, role: string) {
  const invitation = factories.invitation(consultationId, role);
  const { path: invitePath } = await admin.ok<{ path: string }>("invitation.create", invitation);
  const { userId } = await new ApiClient(url).ok<{ userId: string }>("invitation.accept", {
    token: invitePath.split("/").pop(),
    name: invitation.name,
    password: "contraseña-segura-123",
  });
  return { userId, client: new ApiClient(url, { cookie: await loginCookie(url, invitation.email, "contraseña-segura-123") }) };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-restart-"));
  dbFile = path.join(dir, "cocrea.sqlite");
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("keeps every acknowledged capture across a SIGKILL and syncs the queued ones exactly once", async () => {
  const adminToken = await seedAdmin();
  server = await spawnServer({ dbFile });
  const admin = new ApiClient(server.url, { token: adminToken });
  const { consultationId } = await admin.ok("consultation.create", factories.consultation());
  const { themeId } = await admin.ok("theme.create", factories.theme(consultationId));
  const { forumId } = await admin.ok("forum.create", factories.forum(consultationId));
  const { worktableId } = await admin.ok("worktable.create", { forumId, themeId });
  const facilitator = await member(server.url, admin, consultationId, "facilitator");
  await admin.ok("worktable.assign", { worktableId, userId: facilitator.userId });
  await admin.ok("forum.open", { forumId });

  // A board watches while the facilitator's phone sends a stream of captures, each with its own id.
  const board = admin.socket();
  sockets.push(board);
  await emitWithAck(board, "subscribe:forum", { forumId });
  const envelopes = Array.from({ length: 60 }, (_, i) => ({
    id: randomUUID(),
    type: "capture.create",
    payload: { worktableId, text: `Aporte ${i + 1} en el foro`, capturedAt: new Date().toISOString() },
  }));
  const acknowledged = new Set<string>();
  const send = async (e: (typeof envelopes)[number]) => {
    try {
      const res = await fetch(`${server!.url}/api/v1/commands`, {
        method: "POST",
        headers: facilitator.client.headers(),
        body: JSON.stringify(e),
        signal: AbortSignal.timeout(5_000),
      });
      if (res.status === 200) acknowledged.add(e.id);
    } catch {
      // The server is gone: this one stays on the phone.
    }
  };

  // Four at a time (two phones' worth of retries), and the server is killed once 25 are acknowledged.
  let next = 0;
  let killed: Promise<void> | null = null;
  const worker = async () => {
    while (next < envelopes.length) {
      const e = envelopes[next++];
      await send(e);
      if (!killed && acknowledged.size >= 25) killed = server!.kill();
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  await killed;
  expect(acknowledged.size).toBeGreaterThanOrEqual(25);
  expect(acknowledged.size).toBeLessThan(envelopes.length);

  // Restarted on the same file and port: every acknowledged capture is there.
  server = await spawnServer({ dbFile, port: server.port });
  const afterRestart = await facilitator.client.get(`/forums/${forumId}/captures.json`);
  expect(afterRestart.status).toBe(200);
  const stored = new Set<string>(afterRestart.body.captures.map((c: { id: string }) => c.id));
  for (const id of acknowledged) expect(stored.has(id)).toBe(true);

  // The board's socket comes back by itself (a new session: the server's memory was lost) and rejoins.
  await expect.poll(() => board.connected, { timeout: 15_000 }).toBe(true);
  expect(board.recovered).toBe(false);
  await emitWithAck(board, "subscribe:forum", { forumId });
  const seen: string[] = [];
  board.on("capture:new", (c: { id: string }) => seen.push(c.id));

  // The phone's outbox sends everything not acknowledged, with the same ids. Captures that were committed
  // just before the kill (answer lost) come back as replays and are not written again.
  const pending = envelopes.filter((e) => !acknowledged.has(e.id));
  let replayed = 0;
  for (const e of pending) {
    const r = await facilitator.client.command("capture.create", e.payload, e.id);
    expect(r.status).toBe(200);
    if (r.body.ok && r.body.replayed) replayed++;
  }
  // Syncing again (a second phone tab, a retry) changes nothing.
  for (const e of pending.slice(0, 5))
    expect((await facilitator.client.command("capture.create", e.payload, e.id)).body).toMatchObject({ ok: true, replayed: true });

  const final = await facilitator.client.get(`/forums/${forumId}/captures.json`);
  const ids = final.body.captures.map((c: { id: string }) => c.id) as string[];
  expect(ids).toHaveLength(envelopes.length);
  expect(new Set(ids)).toEqual(new Set(envelopes.map((e) => e.id)));
  await expect.poll(() => seen.length).toBe(pending.length - replayed);
}, 90_000);
