// Systematization over the real server: summaries gather forum captures and online opinions of one theme,
// keep their lineage both ways, and refuse links that would break it.
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupForum, type ForumFixture } from "../support/forum-fixture";
import { ApiClient, createAdmin, createMember, emitWithAck, startServer, type TestServer } from "../support/server";

let server: TestServer;
let admin: Awaited<ReturnType<typeof createAdmin>>;
let f: ForumFixture;
let systematizer: Awaited<ReturnType<typeof createMember>>;
let board: Socket;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  admin = await createAdmin(server);
  f = await setupForum(server, admin.client, { tables: 2 });
  const view = await admin.client.get(`/api/v1/consultations/${f.consultationId}`);
  const intake = (view.body.result.stages as Array<{ id: string; phase: string }>).find((st) => st.phase === "opinion_intake")!;
  await admin.client.ok("stage.open", { stageId: intake.id });
  systematizer = await createMember(server, admin.client, f.consultationId, "systematizer");
  board = systematizer.client.socket();
  await emitWithAck(board, "subscribe:forum", { forumId: f.forumId });
});
afterAll(async () => {
  board.close();
  await server.stop();
});

async function capture(table: number, text: string, themeId?: string): Promise<string> {
  const t = f.tables[table];
  return (await t.facilitators[0].client.ok("capture.create", { worktableId: t.worktableId, text, themeId })).inputId;
}

/** An online opinion, sent by a citizen through the intake command (the intake stage is opened in beforeAll). */
async function onlineOpinion(text: string, themeId: string | null): Promise<string> {
  const about = themeId ? `theme:${themeId}` : "methodology";
  return (await new ApiClient(server.url).ok("opinion.submit", { consultationId: f.consultationId, about, text, department: "Petén" })).inputId;
}

async function summaryOf(inputId: string): Promise<string | null> {
  const row = await server.cocrea.db
    .selectFrom("summary_inputs")
    .select("summary_id")
    .where("input_id", "=", inputId)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  return row?.summary_id ?? null;
}

describe("summaries", () => {
  it("gather forum captures and online opinions of a theme, and each input knows its summary", async () => {
    const theme = f.tables[0].themeId;
    const a = await capture(0, "Publicar contratos municipales");
    const b = await capture(1, "Portal de compras con datos abiertos", theme);
    const c = await onlineOpinion("Que cada municipalidad publique sus compras en línea.", theme);
    const methodology = await onlineOpinion("La metodología debería incluir más foros en el interior.", null);
    const marked = new Promise<{ summaryId: string; inputIds: string[] }>((resolve) => board.once("capture:summarized", resolve));

    const { summaryId, inputCount } = await systematizer.client.ok("summary.create", {
      consultationId: f.consultationId,
      themeId: theme,
      title: "Compras públicas abiertas",
      text: "Foros y ciudadanía en línea piden publicar las compras municipales como datos abiertos.",
      inputIds: [a, b, c, methodology, a],
    });
    expect(inputCount).toBe(4);
    for (const id of [a, b, c, methodology]) expect(await summaryOf(id)).toBe(summaryId);
    const event = await marked;
    expect(event.summaryId).toBe(summaryId);
    expect(event.inputIds.sort()).toEqual([a, b].sort());
  });

  it("refuses an input already in another summary (409), another theme's or a withdrawn one (400), and writes nothing", async () => {
    const [themeA, themeB] = [f.tables[0].themeId, f.tables[1].themeId];
    const taken = await capture(0, "Rendición de cuentas municipal");
    await systematizer.client.ok("summary.create", { consultationId: f.consultationId, themeId: themeA, title: "Primero", text: "Uno", inputIds: [taken] });
    const before = await server.cocrea.db
      .selectFrom("summaries")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();

    const twice = await systematizer.client.command("summary.create", {
      consultationId: f.consultationId,
      themeId: themeA,
      title: "Segundo",
      text: "Dos",
      inputIds: [taken],
    });
    expect(twice.status).toBe(409);
    expect(!twice.body.ok && twice.body.error.message).toMatch(/ya forman parte de otro resumen/);

    const otherTheme = await capture(1, "Tema de la otra mesa", themeB);
    expect(
      (
        await systematizer.client.command("summary.create", {
          consultationId: f.consultationId,
          themeId: themeA,
          title: "X",
          text: "X",
          inputIds: [otherTheme],
        })
      ).status,
    ).toBe(400);

    const withdrawn = await capture(0, "Me equivoqué");
    await f.tables[0].facilitators[0].client.ok("capture.withdraw", { inputId: withdrawn });
    expect(
      (await systematizer.client.command("summary.create", { consultationId: f.consultationId, themeId: themeA, title: "X", text: "X", inputIds: [withdrawn] }))
        .status,
    ).toBe(400);

    expect(
      (await systematizer.client.command("summary.create", { consultationId: f.consultationId, themeId: themeA, title: "X", text: "X", inputIds: [] })).status,
    ).toBe(400);
    expect(
      (
        await systematizer.client.command("summary.create", {
          consultationId: f.consultationId,
          themeId: themeA,
          title: "X",
          text: "X",
          inputIds: [randomUUID()],
        })
      ).status,
    ).toBe(400);
    const after = await server.cocrea.db
      .selectFrom("summaries")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("editing a summary moves its links; inputs let go are free again; deleting frees them all", async () => {
    const theme = f.tables[0].themeId;
    const [x, y, z] = [await capture(0, "Uno"), await capture(0, "Dos"), await capture(0, "Tres")];
    const { summaryId } = await systematizer.client.ok("summary.create", {
      consultationId: f.consultationId,
      themeId: theme,
      title: "Borrador",
      text: "Texto",
      inputIds: [x, y],
    });

    const edited = await systematizer.client.ok("summary.update", { summaryId, title: "Final", text: "Texto final", inputIds: [y, z] });
    expect(edited).toMatchObject({ added: [z], removed: [x], previous: { title: "Borrador" } });
    expect([await summaryOf(x), await summaryOf(y), await summaryOf(z)]).toEqual([null, summaryId, summaryId]);

    // A summarized capture can no longer be changed by its facilitator.
    const locked = await f.tables[0].facilitators[0].client.command("capture.update", { inputId: y, text: "Cambio" });
    expect(locked.status).toBe(409);

    await systematizer.client.ok("summary.delete", { summaryId });
    expect([await summaryOf(y), await summaryOf(z)]).toEqual([null, null]);
    const audit = await server.cocrea.db
      .selectFrom("audit_events")
      .select("result")
      .where("command_type", "=", "summary.delete")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.result)).toMatchObject({ title: "Final", text: "Texto final" });

    // Nothing is deleted (decision 0001): the summary and every link it ever had keep their rows, marked.
    const kept = await server.cocrea.db
      .selectFrom("summaries")
      .select(["title", "text", "deleted_at", "deleted_by"])
      .where("id", "=", summaryId)
      .executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ title: "Final", text: "Texto final", deleted_by: systematizer.userId });
    expect(kept.deleted_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const links = await server.cocrea.db
      .selectFrom("summary_inputs")
      .select(["input_id", "linked_at", "removed_at"])
      .where("summary_id", "=", summaryId)
      .orderBy("id")
      .execute();
    expect(links.map((l) => l.input_id)).toEqual([x, y, z]);
    expect(links.every((l) => l.linked_at !== null && l.removed_at !== null)).toBe(true);
    // A deleted summary is gone from what anyone reads or edits, and its inputs can be taken up again.
    expect((await systematizer.client.command("summary.update", { summaryId, title: "Otra", text: "Otra", inputIds: [y] })).status).toBe(404);
    expect((await systematizer.client.command("summary.delete", { summaryId })).status).toBe(404);
    const again = await systematizer.client.ok("summary.create", {
      consultationId: f.consultationId,
      themeId: theme,
      title: "De nuevo",
      text: "Texto",
      inputIds: [x, y, z],
    });
    expect([await summaryOf(x), await summaryOf(y), await summaryOf(z)]).toEqual([again.summaryId, again.summaryId, again.summaryId]);
  });

  it("only systematizers and the point of contact write summaries", async () => {
    const inputId = await capture(0, "Participación");
    const payload = { consultationId: f.consultationId, themeId: f.tables[0].themeId, title: "X", text: "X", inputIds: [inputId] };
    expect((await f.tables[0].facilitators[0].client.command("summary.create", payload)).status).toBe(403);
    expect((await admin.client.command("summary.create", payload)).status).toBe(200);
  });
});
