// Moderation (hide with a reason, restore, report; never deleted, audited), statistics, open data, and privacy:
// no e-mail in any public response.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, createMember, emitWithAck, loginCookie, startServer, waitForEvent, type TestServer } from "../support/server";
import { FormClient, openIntake, opinion } from "../support/intake";
import { opinionStatsFacets } from "../../db/queries/opinions.server";

let server: TestServer;
let intake: Awaited<ReturnType<typeof openIntake>>;
let systematizer: Awaited<ReturnType<typeof createMember>>;
let facilitator: Awaited<ReturnType<typeof createMember>>;
const citizen = () => new ApiClient(server.url);

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "10000", LOGIN_RATE_LIMIT: "1000" });
  intake = await openIntake(server);
  systematizer = await createMember(server, intake.admin.client, intake.consultationId, "systematizer");
  facilitator = await createMember(server, intake.admin.client, intake.consultationId, "facilitator");
});
afterAll(() => server.stop());

describe("moderation", () => {
  it("a systematizer hides an opinion with a reason and restores it; nothing is deleted, all is audited", async () => {
    const { inputId, receiptCode } = await citizen().ok("opinion.submit", opinion(intake.consultationId, { text: "Un insulto que no debe publicarse aquí." }));
    expect(await systematizer.client.ok("opinion.hide", { inputId, reason: "Lenguaje ofensivo" })).toEqual({ inputId, status: "hidden" });
    const row = await server.cocrea.db.selectFrom("citizen_inputs").selectAll().where("id", "=", inputId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "hidden", status_reason: "Lenguaje ofensivo", text: "Un insulto que no debe publicarse aquí." });

    // Hidden twice is a conflict; the receipt says it is hidden and why, without showing the text.
    expect((await systematizer.client.command("opinion.hide", { inputId, reason: "Otra vez" })).status).toBe(409);
    const receipt = await (await fetch(`${server.url}/r/${receiptCode}`)).text();
    expect(receipt).toContain("Oculta por moderación");
    expect(receipt).toContain("Lenguaje ofensivo");
    expect(receipt).not.toContain("Un insulto que no debe publicarse");

    await intake.admin.client.ok("opinion.restore", { inputId, reason: "Revisado: era una cita" });
    expect((await server.cocrea.db.selectFrom("citizen_inputs").select("status").where("id", "=", inputId).executeTakeFirstOrThrow()).status).toBe("visible");
    expect((await intake.admin.client.command("opinion.restore", { inputId })).status).toBe(409);

    const audit = await server.cocrea.db
      .selectFrom("audit_events")
      .select(["command_type", "actor_user_id", "payload"])
      .where("command_type", "in", ["opinion.submit", "opinion.hide", "opinion.restore"])
      .where("payload", "like", `%${inputId}%`)
      .orderBy("seq")
      .execute();
    expect(audit.map((a) => [a.command_type, a.actor_user_id])).toEqual([
      ["opinion.hide", systematizer.userId],
      ["opinion.restore", intake.admin.userId],
    ]);
  });

  it("is refused to citizens (401) and to roles that do not moderate (403)", async () => {
    const { inputId } = await citizen().ok("opinion.submit", opinion(intake.consultationId));
    expect((await citizen().command("opinion.hide", { inputId, reason: "No me gusta" })).status).toBe(401);
    expect((await facilitator.client.command("opinion.hide", { inputId, reason: "No me gusta" })).status).toBe(403);
    expect((await systematizer.client.command("opinion.hide", { inputId, reason: "" })).status).toBe(400);
  });

  it("anyone can report an opinion; the staff room hears of it live", async () => {
    const { inputId } = await citizen().ok("opinion.submit", opinion(intake.consultationId));
    const socket = systematizer.client.socket();
    try {
      expect(await emitWithAck(socket, "subscribe", { consultationId: intake.consultationId, staff: true })).toEqual({ ok: true });
      const heard = waitForEvent<Record<string, unknown>>(socket, "opinions:reported");
      const res = await citizen().command("opinion.report", { inputId, reason: "Es publicidad" });
      expect(res.status).toBe(200);
      expect(await heard).toMatchObject({ inputId, change: "reported" });
    } finally {
      socket.close();
    }
    const reports = await server.cocrea.db.selectFrom("input_reports").selectAll().where("input_id", "=", inputId).execute();
    expect(reports.map((r) => r.reason)).toEqual(["Es publicidad"]);
  });

  it("the moderation page lists opinions for staff, with reports, and is closed to others", async () => {
    const { inputId } = await citizen().ok("opinion.submit", opinion(intake.consultationId, { text: "Opinión reportada por una vecina." }));
    await citizen().ok("opinion.report", { inputId, reason: "Datos personales de un tercero" });
    const cookie = await loginCookie(server.url, systematizer.email, "contraseña-segura-123");
    const page = await fetch(`${server.url}/admin/c/${intake.consultationId}/opiniones?filter=reported`, { headers: { cookie } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("Opinión reportada por una vecina.");
    expect(html).toContain("Datos personales de un tercero");
    const facilitatorCookie = await loginCookie(server.url, facilitator.email, "contraseña-segura-123");
    expect((await fetch(`${server.url}/admin/c/${intake.consultationId}/opiniones`, { headers: { cookie: facilitatorCookie } })).status).toBe(403);
    expect((await fetch(`${server.url}/admin/c/${intake.consultationId}/opiniones`, { redirect: "manual" })).status).toBe(302);
  });

  it("hides from the moderation page's form, without JavaScript", async () => {
    const { inputId } = await citizen().ok("opinion.submit", opinion(intake.consultationId));
    const cookie = await loginCookie(server.url, systematizer.email, "contraseña-segura-123");
    const staff = new FormClient(server.url, { cookie });
    // The login cookie header carries its own CSRF cookie; the FormClient posts with the page's token.
    const res = await staff.post(`/admin/c/${intake.consultationId}/opiniones`, { intent: "hide", inputId, reason: "Spam" });
    expect(res.status).toBe(200);
    expect((await server.cocrea.db.selectFrom("citizen_inputs").select("status").where("id", "=", inputId).executeTakeFirstOrThrow()).status).toBe("hidden");
  });
});

describe("statistics and open data", () => {
  let stats: Awaited<ReturnType<typeof openIntake>>;
  let hiddenId: string;
  let visibleIds: string[];

  beforeAll(async () => {
    stats = await openIntake(server);
    const a = await citizen().ok(
      "opinion.submit",
      opinion(stats.consultationId, {
        about: `theme:${stats.themeIds[0]}`,
        text: 'Compras abiertas, con comas, "comillas" y\nsaltos de línea.',
        department: "Petén",
        sector: "citizen",
        gender: "woman",
        ageRange: "18_29",
        indigenousLanguage: "yes",
      }),
    );
    const b = await citizen().ok("opinion.submit", opinion(stats.consultationId, { department: "Petén", email: "privada@example.org", emailConsent: "on" }));
    const c = await citizen().ok("opinion.submit", opinion(stats.consultationId, { text: '=HYPERLINK("http://malo.example") abusiva', department: "Zacapa" }));
    await stats.admin.client.ok("opinion.hide", { inputId: c.inputId, reason: "Abusiva" });
    hiddenId = c.inputId;
    visibleIds = [a.inputId, b.inputId];
  });

  it("counts visible opinions by theme, department and more, hidden ones apart", async () => {
    const html = await (await fetch(`${server.url}/c/${stats.slug}/estadisticas`)).text();
    expect(html).toContain("Opiniones publicadas: 2");
    expect(html).toContain("ocultas por moderación, contadas aparte: 1");
    expect(html).toMatch(/data-key="Petén"[\s\S]*?data-testid="chart-department-count">2/);
    // Zacapa's only opinion is hidden: no bar for it.
    expect(html).not.toContain('data-key="Zacapa"');
  });

  it("recomputes statistics at most once a second under load, saying when an answer is a moment old", async () => {
    const busy = await openIntake(server);
    const total = (facets: Array<{ status: string; n: number }>) => facets.filter((f) => f.status === "visible").reduce((s, f) => s + f.n, 0);
    await citizen().ok("opinion.submit", opinion(busy.consultationId));
    const first = await opinionStatsFacets(server.cocrea.db, busy.consultationId);
    expect([total(first.facets), first.stale]).toEqual([1, false]);
    expect((await opinionStatsFacets(server.cocrea.db, busy.consultationId)).stale).toBe(false); // nothing changed
    await citizen().ok("opinion.submit", opinion(busy.consultationId));
    const soon = await opinionStatsFacets(server.cocrea.db, busy.consultationId);
    expect([total(soon.facets), soon.stale]).toEqual([1, true]);
    await new Promise((r) => setTimeout(r, 1_050));
    const later = await opinionStatsFacets(server.cocrea.db, busy.consultationId);
    expect([total(later.facets), later.stale]).toEqual([2, false]);
  });

  it("exports visible opinions as JSON with a license line, and nothing private", async () => {
    const res = await fetch(`${server.url}/api/v1/consultations/${stats.consultationId}/opinions.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = await res.json();
    expect(body.license).toMatch(/CC BY 4\.0/);
    expect(body.count).toBe(2);
    expect(body.opinions.map((o: { id: string }) => o.id).sort()).toEqual([...visibleIds].sort());
    expect(body.opinions.map((o: { id: string }) => o.id)).not.toContain(hiddenId);
    const first = body.opinions.find((o: { id: string }) => o.id === visibleIds[0]);
    expect(first).toMatchObject({
      subject: "theme",
      theme_id: stats.themeIds[0],
      department: "Petén",
      sector: "citizen",
      gender: "woman",
      age_range: "18_29",
      speaks_indigenous_language: true,
    });
    expect(Object.keys(first).sort()).toEqual([
      "age_range",
      "axis",
      "created_at",
      "department",
      "gender",
      "id",
      "sector",
      "speaks_indigenous_language",
      "subject",
      "text",
      "theme_id",
      "theme_name",
    ]);
    // The slug works too.
    expect((await fetch(`${server.url}/api/v1/consultations/${stats.slug}/opinions.json`)).status).toBe(200);
  });

  it("exports visible opinions as CSV that spreadsheets read safely", async () => {
    const res = await fetch(`${server.url}/api/v1/consultations/${stats.consultationId}/opinions.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain(`opiniones-${stats.slug}.csv`);
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("id,created_at,subject,axis,theme_id,theme_name,text,department,sector,age_range,gender,speaks_indigenous_language");
    expect(text).toContain(`"Compras abiertas, con comas, ""comillas"" y\nsaltos de línea."`);
    expect(text).not.toContain(hiddenId);
    expect(text).not.toContain("HYPERLINK");
    expect(lines.filter((l) => visibleIds.some((id) => l.startsWith(id)))).toHaveLength(2);
    expect((await fetch(`${server.url}/api/v1/consultations/nope/opinions.csv`)).status).toBe(404);
  });

  it("pages through a large export without losing or repeating an opinion", async () => {
    const big = await openIntake(server);
    const now = new Date().toISOString();
    const rows = Array.from({ length: 2_345 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      consultation_id: big.consultationId,
      channel: "online" as const,
      subject: "methodology",
      theme_id: null,
      axis: null,
      text: `Opinión ${i}`,
      department: null,
      sector: null,
      age_range: null,
      gender: null,
      speaks_indigenous_language: null,
      forum_id: null,
      worktable_id: null,
      captured_by: null,
      speaker_sector: null,
      tags: "[]",
      receipt_code: null,
      client_hash: null,
      text_fingerprint: null,
      status: "visible" as const,
      status_reason: null,
      // Many share a timestamp: the cursor must break ties by id.
      created_at: i < 1_500 ? now : new Date(Date.now() + i).toISOString(),
      updated_at: now,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await server.cocrea.db
        .insertInto("citizen_inputs")
        .values(rows.slice(i, i + 500))
        .execute();
    const body = await (await fetch(`${server.url}/api/v1/consultations/${big.consultationId}/opinions.json`)).json();
    expect(body.count).toBe(2_345);
    expect(new Set(body.opinions.map((o: { id: string }) => o.id)).size).toBe(2_345);
  });
});

describe("systematization", () => {
  it("takes opinions up as citizen input with forum input, and the receipt says where it went", async () => {
    const { inputId, receiptCode } = await citizen().ok(
      "opinion.submit",
      opinion(intake.consultationId, { about: `theme:${intake.themeIds[0]}`, text: "Que los contratos de obra se publiquen completos." }),
    );
    const page = await (
      await fetch(`${server.url}/admin/c/${intake.consultationId}/systematization?theme=${intake.themeIds[0]}&channel=online`, {
        headers: { cookie: await loginCookie(server.url, systematizer.email, "contraseña-segura-123") },
      })
    ).text();
    expect(page).toContain("Que los contratos de obra se publiquen completos.");
    await systematizer.client.ok("summary.create", {
      consultationId: intake.consultationId,
      themeId: intake.themeIds[0],
      title: "Contratos de obra abiertos",
      text: "La ciudadanía pide publicar los contratos.",
      inputIds: [inputId],
    });
    const receipt = await (await fetch(`${server.url}/r/${receiptCode}`)).text();
    expect(receipt).toContain("Se agrupó en el resumen ");
    expect(receipt).toContain(">«Contratos de obra abiertos»</a>");
  });
});

describe("privacy", () => {
  it("never shows a contact e-mail in any public response, though it is kept privately", async () => {
    const email = "maria.privada@example.org";
    const res = await citizen().command(
      "opinion.submit",
      opinion(intake.consultationId, { email, emailConsent: "on", text: "Quiero que me contacten sobre los foros." }),
    );
    expect(res.status).toBe(200);
    if (!res.body.ok) throw new Error("refused");
    const { inputId, receiptCode } = res.body.result;
    expect(await server.cocrea.db.selectFrom("input_contacts").select("email").where("input_id", "=", inputId).executeTakeFirst()).toEqual({ email });

    const responses = [
      JSON.stringify(res.body),
      ...(await Promise.all(
        [
          `/r/${receiptCode}`,
          `/c/${intake.slug}/opinar`,
          `/c/${intake.slug}/estadisticas`,
          `/c/${intake.slug}`,
          `/api/v1/consultations/${intake.consultationId}`,
          `/api/v1/consultations/${intake.consultationId}/opinions.csv`,
          `/api/v1/consultations/${intake.consultationId}/opinions.json`,
          `/c/${intake.slug}/opinar?_data=routes%2Fc.%24slug.opinar`,
          `/c/${intake.slug}/estadisticas?_data=routes%2Fc.%24slug.estadisticas`,
          `/r/${receiptCode}?_data=routes%2Fr.%24code`,
        ].map(async (path) => {
          const r = await fetch(`${server.url}${path}`);
          expect(r.status, path).toBe(200);
          return r.text();
        }),
      )),
    ];
    for (const body of responses) {
      expect(body).not.toContain(email);
      expect(body).not.toContain("maria.privada");
    }
    // Nor in the audit log, which staff read.
    const audit = await server.cocrea.db.selectFrom("audit_events").select("payload").where("command_type", "=", "opinion.submit").execute();
    expect(audit.some((a) => a.payload.includes(email))).toBe(false);
    expect(audit.some((a) => a.payload.includes('"email":"[private]"'))).toBe(true);
  });

  it("never exposes the client hash or the duplicate fingerprint", async () => {
    const { inputId } = await citizen().ok("opinion.submit", opinion(intake.consultationId));
    const row = await server.cocrea.db
      .selectFrom("citizen_inputs")
      .select(["client_hash", "text_fingerprint"])
      .where("id", "=", inputId)
      .executeTakeFirstOrThrow();
    expect(row.client_hash).toBeTruthy();
    const json = await (await fetch(`${server.url}/api/v1/consultations/${intake.consultationId}/opinions.json`)).text();
    const page = await (await fetch(`${server.url}/c/${intake.slug}/opinar`)).text();
    for (const body of [json, page]) {
      expect(body).not.toContain(row.client_hash!);
      expect(body).not.toContain(row.text_fingerprint!);
    }
  });
});
