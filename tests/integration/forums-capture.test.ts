// Live capture at departmental forums over the real server: facilitators at two tables, a board, an
// unassigned facilitator and other roles; idempotent sync, edits, closing, attendance and reconnection.
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BoardCapture } from "../../app/domain/forum-board";
import { factories } from "../../db/factories";
import { setupForum, type ForumFixture } from "../support/forum-fixture";
import { ApiClient, createAdmin, createMember, emitWithAck, startServer, waitForEvent, type TestServer } from "../support/server";

let server: TestServer;
let admin: Awaited<ReturnType<typeof createAdmin>>;
const sockets: Socket[] = [];

beforeAll(async () => {
  // Every facilitator accepts an invitation (a public command): lift the per-client limit for the set-up.
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  admin = await createAdmin(server);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server.stop();
});

async function boardSocket(client: ApiClient, forumId: string): Promise<Socket> {
  const socket = client.socket();
  sockets.push(socket);
  const ack = await emitWithAck(socket, "subscribe:forum", { forumId });
  expect(ack).toMatchObject({ ok: true });
  return socket;
}

/** Every event of one name a socket receives, in order. */
function collect<T>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (data: T) => seen.push(data));
  return seen;
}

async function inputCount(forumId: string): Promise<number> {
  const row = await server.cocrea.db
    .selectFrom("citizen_inputs")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("forum_id", "=", forumId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("setting up a forum", () => {
  it("numbers worktables, gives each a short code, and assigns only people holding the facilitator role", async () => {
    const f = await setupForum(server, admin.client, { tables: 2, open: false });
    expect(f.tables.map((t) => t.number)).toEqual([1, 2]);
    expect(f.tables[0].shortCode).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    expect(f.tables[0].shortCode).not.toBe(f.tables[1].shortCode);

    const observer = await createMember(server, admin.client, f.consultationId, "observer");
    const notFacilitator = await admin.client.command("worktable.assign", { worktableId: f.tables[0].worktableId, userId: observer.userId });
    expect(notFacilitator.status).toBe(409);
    const twice = await admin.client.command("worktable.assign", { worktableId: f.tables[0].worktableId, userId: f.tables[0].facilitators[0].userId });
    expect(twice.status).toBe(409);
    expect(!twice.body.ok && twice.body.error.message).toMatch(/ya facilita la mesa 1/);
  });

  it("opens and closes a forum, refusing to close twice", async () => {
    const f = await setupForum(server, admin.client, { tables: 1, open: false });
    expect((await admin.client.command("forum.close", { forumId: f.forumId })).status).toBe(409);
    await admin.client.ok("forum.open", { forumId: f.forumId });
    await admin.client.ok("forum.close", { forumId: f.forumId });
    const again = await admin.client.command("forum.close", { forumId: f.forumId });
    expect(again.status).toBe(409);
    const forum = await server.cocrea.db.selectFrom("forums").selectAll().where("id", "=", f.forumId).executeTakeFirstOrThrow();
    expect(forum.status).toBe("closed");
    expect(forum.closed_at).toBeTruthy();
  });
});

describe("capturing live", () => {
  let f: ForumFixture;
  let systematizer: Awaited<ReturnType<typeof createMember>>;

  beforeAll(async () => {
    f = await setupForum(server, admin.client, { tables: 2 });
    systematizer = await createMember(server, admin.client, f.consultationId, "systematizer");
  });

  it("a capture reaches the board and the table's other facilitator at once; another table's too", async () => {
    const board = await boardSocket(systematizer.client, f.forumId);
    const partner = await boardSocket(f.tables[0].facilitators[1].client, f.forumId);
    const onBoard = collect<BoardCapture>(board, "capture:new");
    const onPartner = collect<BoardCapture>(partner, "capture:new");

    // Facilitator A at table 1 captures over socket.io; the envelope id becomes the capture's id.
    const a = await boardSocket(f.tables[0].facilitators[0].client, f.forumId);
    const id = randomUUID();
    const started = Date.now();
    const ack = await emitWithAck(a, "command", {
      id,
      type: "capture.create",
      payload: {
        worktableId: f.tables[0].worktableId,
        text: "  Que la municipalidad publique sus compras.  ",
        speakerSector: "citizen",
        tags: "Compras, municipal, compras",
      },
    });
    expect(ack).toMatchObject({ ok: true, result: { inputId: id } });
    await expect.poll(() => onBoard.length).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(onBoard[0]).toMatchObject({
      id,
      worktableId: f.tables[0].worktableId,
      tableNumber: 1,
      themeId: f.tables[0].themeId,
      text: "Que la municipalidad publique sus compras.",
      speakerSector: "citizen",
      tags: ["compras", "municipal"],
      status: "visible",
      capturedBy: f.tables[0].facilitators[0].userId,
    });
    await expect.poll(() => onPartner.map((c) => c.id)).toEqual([id]);

    // Facilitator at table 2 captures over HTTP, on another theme than the table's.
    const r = await f.tables[1].facilitators[0].client.command("capture.create", {
      worktableId: f.tables[1].worktableId,
      text: "Datos abiertos del presupuesto.",
      themeId: f.themeIds[0],
    });
    expect(r.status).toBe(200);
    await expect.poll(() => onBoard.length).toBe(2);
    expect(onBoard[1]).toMatchObject({ tableNumber: 2, themeId: f.themeIds[0] });
  });

  it("a facilitator not assigned to the table gets 403 and writes nothing; so do other roles", async () => {
    const before = await inputCount(f.forumId);
    const otherTable = await f.tables[1].facilitators[0].client.command("capture.create", { worktableId: f.tables[0].worktableId, text: "No es mi mesa" });
    expect(otherTable.status).toBe(403);
    const unassigned = await createMember(server, admin.client, f.consultationId, "facilitator");
    expect((await unassigned.client.command("capture.create", { worktableId: f.tables[0].worktableId, text: "Sin mesa" })).status).toBe(403);
    expect((await systematizer.client.command("capture.create", { worktableId: f.tables[0].worktableId, text: "Sistematizador" })).status).toBe(403);
    // The platform admin may do everything else, but captures only happen at one's own table.
    expect((await admin.client.command("capture.create", { worktableId: f.tables[0].worktableId, text: "Admin" })).status).toBe(403);
    expect((await new ApiClient(server.url).command("capture.create", { worktableId: f.tables[0].worktableId, text: "Anónimo" })).status).toBe(401);
    expect(await inputCount(f.forumId)).toBe(before);
  });

  it("empty or over-long text is a 400 naming the field", async () => {
    const client = f.tables[0].facilitators[0].client;
    const before = await inputCount(f.forumId);
    for (const text of ["", "    ", "x".repeat(2_001)]) {
      const r = await client.command("capture.create", { worktableId: f.tables[0].worktableId, text });
      expect(r.status).toBe(400);
      expect(!r.body.ok && r.body.error.issues?.[0].path).toEqual(["text"]);
    }
    expect((await client.command("capture.create", { worktableId: f.tables[0].worktableId, text: "x".repeat(2_000) })).status).toBe(200);
    expect(await inputCount(f.forumId)).toBe(before + 1);
  });

  it("syncing the same capture twice writes it once and tells the board once", async () => {
    const board = await boardSocket(systematizer.client, f.forumId);
    const seen = collect<BoardCapture>(board, "capture:new");
    const client = f.tables[0].facilitators[0].client;
    const before = await inputCount(f.forumId);
    const id = randomUUID();
    const payload = { worktableId: f.tables[0].worktableId, text: "Capturado sin conexión", capturedAt: new Date().toISOString() };
    const first = await client.command("capture.create", payload, id);
    const second = await client.command("capture.create", payload, id);
    expect(second.body).toMatchObject({ ok: true, replayed: true });
    expect(second.body.ok && second.body.result).toEqual(first.body.ok && first.body.result);
    expect(await inputCount(f.forumId)).toBe(before + 1);
    await sleep(200);
    expect(seen.filter((c) => c.id === id)).toHaveLength(1);
  });

  it("facilitators correct and withdraw their own captures (audited), not their partner's", async () => {
    const board = await boardSocket(systematizer.client, f.forumId);
    const changed = collect<BoardCapture>(board, "capture:changed");
    const [mine, partner] = f.tables[0].facilitators;
    const { inputId } = await mine.client.ok("capture.create", { worktableId: f.tables[0].worktableId, text: "Trasparencia" });

    expect((await partner.client.command("capture.update", { inputId, text: "Otro texto" })).status).toBe(403);
    await mine.client.ok("capture.update", { inputId, text: "Transparencia", tags: ["ortografía"] });
    await expect.poll(() => changed.at(-1)?.text).toBe("Transparencia");
    const audit = await server.cocrea.db
      .selectFrom("audit_events")
      .selectAll()
      .where("command_type", "=", "capture.update")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.result).previous.text).toBe("Trasparencia");
    expect(audit.actor_user_id).toBe(mine.userId);

    expect((await partner.client.command("capture.withdraw", { inputId })).status).toBe(403);
    await mine.client.ok("capture.withdraw", { inputId, reason: "Repetido" });
    await expect.poll(() => changed.at(-1)?.status).toBe("withdrawn");
    expect((await mine.client.command("capture.withdraw", { inputId })).status).toBe(409);
    const row = await server.cocrea.db.selectFrom("citizen_inputs").selectAll().where("id", "=", inputId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "withdrawn", status_reason: "Repetido", text: "Transparencia" });
  });

  it("a board that loses its connection gets what it missed when it comes back (connection state recovery)", async () => {
    const board = await boardSocket(systematizer.client, f.forumId);
    const seen = collect<BoardCapture>(board, "capture:new");
    const client = f.tables[1].facilitators[1].client;
    await client.ok("capture.create", { worktableId: f.tables[1].worktableId, text: "Antes del corte" });
    await expect.poll(() => seen.length).toBe(1);

    // The board's network drops (not a clean disconnect), input keeps arriving meanwhile.
    const dropped = waitForEvent(board, "disconnect");
    board.io.engine.close();
    await dropped;
    const missed = [];
    for (const text of ["Durante el corte 1", "Durante el corte 2"])
      missed.push((await client.ok("capture.create", { worktableId: f.tables[1].worktableId, text })).inputId);
    await waitForEvent(board, "connect", 10_000);
    expect(board.recovered).toBe(true);
    await expect.poll(() => seen.map((c) => c.id).slice(1)).toEqual(missed);
  });
});

describe("a forum that is not open", () => {
  it("refuses captures before opening and after closing with 409 saying so", async () => {
    const f = await setupForum(server, admin.client, { tables: 1, open: false, forum: { department: "Quetzaltenango", municipality: "Quetzaltenango" } });
    const client = f.tables[0].facilitators[0].client;
    const pending = await client.command("capture.create", { worktableId: f.tables[0].worktableId, text: "Demasiado pronto" });
    expect(pending.status).toBe(409);
    expect(!pending.body.ok && pending.body.error.message).toMatch(/Quetzaltenango aún no se ha abierto/);

    await admin.client.ok("forum.open", { forumId: f.forumId });
    const { inputId } = await client.ok("capture.create", { worktableId: f.tables[0].worktableId, text: "A tiempo" });
    const beforeClose = new Date(Date.now() - 1_000).toISOString();
    await admin.client.ok("forum.close", { forumId: f.forumId });

    const closed = await client.command("capture.create", { worktableId: f.tables[0].worktableId, text: "Tarde" });
    expect(closed.status).toBe(409);
    expect(!closed.body.ok && closed.body.error).toMatchObject({ code: "stage_closed", message: expect.stringMatching(/Quetzaltenango está cerrado/) });
    const english = await fetch(`${server.url}/api/v1/commands`, {
      method: "POST",
      headers: { ...client.headers(), "accept-language": "en" },
      body: JSON.stringify({ id: randomUUID(), type: "capture.create", payload: { worktableId: f.tables[0].worktableId, text: "Late" } }),
    });
    expect((await english.json()).error.message).toMatch(/Quetzaltenango forum is closed/);

    // Nor may captures be corrected once the forum is over.
    expect((await client.command("capture.update", { inputId, text: "Corregido" })).status).toBe(409);

    // A phone that captured before closing but was offline still syncs; one captured after closing does not.
    const late = await client.command("capture.create", { worktableId: f.tables[0].worktableId, text: "Hecho antes del cierre", capturedAt: beforeClose });
    expect(late.body).toMatchObject({ ok: true, result: { late: true } });
    const after = await client.command("capture.create", {
      worktableId: f.tables[0].worktableId,
      text: "Hecho después",
      capturedAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(after.status).toBe(409);
  });
});

describe("attendance", () => {
  it("counts people per forum and in total, live on every board of the consultation", async () => {
    const f = await setupForum(server, admin.client, { tables: 1 });
    const { forumId: second } = await admin.client.ok("forum.create", factories.forum(f.consultationId, { department: "Alta Verapaz", municipality: "Cobán" }));
    const { forumId: third } = await admin.client.ok(
      "forum.create",
      factories.forum(f.consultationId, { department: "Quetzaltenango", municipality: "Quetzaltenango" }),
    );
    const systematizer = await createMember(server, admin.client, f.consultationId, "systematizer");
    const board = await boardSocket(systematizer.client, third);
    const events = collect<{ forumId: string; byForum: Record<string, number>; total: number }>(board, "attendance:changed");

    const door = f.tables[0].facilitators[0].client;
    const registered = await door.ok("attendance.register", {
      forumId: f.forumId,
      sector: "civil_society",
      gender: "woman",
      ageRange: "30_44",
      department: "Guatemala",
      name: "María",
    });
    await door.ok("attendance.count", { forumId: f.forumId, count: 112 });
    await admin.client.ok("attendance.count", { forumId: second, count: 212 });
    await admin.client.ok("attendance.count", { forumId: third, count: 206 });
    await expect.poll(() => events.at(-1)?.total).toBe(531);
    expect(events.at(-1)!.byForum).toEqual({ [f.forumId]: 113, [second]: 212, [third]: 206 });

    // The name stays private: not in the audit log.
    const audit = await server.cocrea.db
      .selectFrom("audit_events")
      .select("payload")
      .where("command_type", "=", "attendance.register")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.payload).not.toContain("María");

    const undo = await door.ok("attendance.remove", { attendanceId: registered.attendanceId });
    expect(undo).toMatchObject({ forumCount: 112, total: 530 });
    // The entry is kept, voided (decision 0001), and counted no more; it cannot be undone twice.
    const voided = await server.cocrea.db
      .selectFrom("attendance")
      .select(["head_count", "voided_at"])
      .where("id", "=", registered.attendanceId)
      .executeTakeFirstOrThrow();
    expect(voided.head_count).toBe(1);
    expect(voided.voided_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await door.command("attendance.remove", { attendanceId: registered.attendanceId })).status).toBe(404);

    expect((await door.command("attendance.count", { forumId: f.forumId, count: 0 })).status).toBe(400);
    await admin.client.ok("forum.close", { forumId: f.forumId });
    expect((await door.command("attendance.count", { forumId: f.forumId, count: 1 })).status).toBe(409);
    expect((await systematizer.client.command("attendance.count", { forumId: third, count: 1 })).status).toBe(403);
  });

  it("refuses a board subscription to people without a role in the consultation", async () => {
    const f = await setupForum(server, admin.client, { tables: 1 });
    const elsewhere = await setupForum(server, admin.client, { tables: 1 });
    const outsider = elsewhere.tables[0].facilitators[0].client.socket();
    sockets.push(outsider);
    expect(await emitWithAck(outsider, "subscribe:forum", { forumId: f.forumId })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const anonymous = new ApiClient(server.url).socket();
    sockets.push(anonymous);
    expect(await emitWithAck(anonymous, "subscribe:forum", { forumId: f.forumId })).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
  });
});
