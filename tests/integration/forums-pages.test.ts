// The forum pages over HTTP, as staff and outsiders see them: capture screen, boards, report, CSV, QR.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupForum, type ForumFixture } from "../support/forum-fixture";
import { createAdmin, createMember, loginCookie, startServer, type TestServer } from "../support/server";

let server: TestServer;
let admin: Awaited<ReturnType<typeof createAdmin>>;
let f: ForumFixture;
let systematizer: Awaited<ReturnType<typeof createMember>>;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000", LOGIN_RATE_LIMIT: "1000" });
  admin = await createAdmin(server);
  f = await setupForum(server, admin.client, {
    tables: 2,
    forum: { department: "Quetzaltenango", municipality: "Quetzaltenango", venue: "CUNOC", expectedAttendance: 206 },
  });
  systematizer = await createMember(server, admin.client, f.consultationId, "systematizer");
  const [one, two] = f.tables;
  await one.facilitators[0].client.ok("capture.create", {
    worktableId: one.worktableId,
    text: "=SUMA(A1) no es una fórmula, es un aporte",
    speakerSector: "academia",
    tags: "datos, municipal",
  });
  await two.facilitators[0].client.ok("capture.create", { worktableId: two.worktableId, text: 'Dijo: "más transparencia"' });
  await one.facilitators[0].client.ok("attendance.count", { forumId: f.forumId, count: 205 });
  await one.facilitators[0].client.ok("attendance.register", {
    forumId: f.forumId,
    sector: "civil_society",
    gender: "woman",
    ageRange: "18_29",
    name: "Nombre Privado",
  });
});
afterAll(() => server.stop());

describe("who may open forum pages", () => {
  it("sends anonymous visitors to sign in and refuses people without a role here", async () => {
    for (const page of [`/forums/${f.forumId}/board`, `/forums/${f.forumId}/captures.json`, `/t/${f.tables[0].shortCode}`]) {
      const res = await fetch(`${server.url}${page}`, { redirect: "manual" });
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(page)}`);
    }
    const elsewhere = await setupForum(server, admin.client, { tables: 1 });
    const outsider = elsewhere.tables[0].facilitators[0].client;
    for (const page of ["board", "projection", "attendance", "report", "captures.json", "captures.csv", "qr"]) {
      expect((await outsider.get(`/forums/${f.forumId}/${page}`)).status).toBe(403);
    }
    expect((await outsider.get(`/t/${f.tables[0].shortCode}`)).status).toBe(403);
    expect((await outsider.get(`/t/${f.tables[0].shortCode}/qr.svg`)).status).toBe(403);
  });

  it("gives assigned facilitators the capture form, and other staff a read-only list", async () => {
    const mine = await f.tables[0].facilitators[0].client.get(`/t/${f.tables[0].shortCode.toLowerCase()}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toContain("Registrar aporte");
    expect(mine.body).toContain("no es una fórmula");
    const other = await f.tables[1].facilitators[0].client.get(`/t/${f.tables[0].shortCode}`);
    expect(other.status).toBe(200);
    expect(other.body).not.toContain("Registrar aporte");
    expect(other.body).toContain("No está asignado(a) a esta mesa");
  });
});

describe("capturing without JavaScript", () => {
  it("the capture form posts to the page and a double submit applies once", async () => {
    const [one] = f.tables;
    const cookie = await loginCookie(server.url, one.facilitators[1].email, "contraseña-segura-123");
    const page = await (await fetch(`${server.url}/t/${one.shortCode}`, { headers: { cookie } })).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1];
    const nonce = /name="_nonce" value="([^"]+)"/.exec(page)![1];
    const post = () =>
      fetch(`${server.url}/t/${one.shortCode}`, {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ _csrf: csrf, _nonce: nonce, intent: "capture", text: "Sin JavaScript también se captura", tags: "" }),
      });
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    const rows = await server.cocrea.db.selectFrom("citizen_inputs").select("id").where("text", "=", "Sin JavaScript también se captura").execute();
    expect(rows).toHaveLength(1);
  });
});

describe("boards, report and exports", () => {
  it("the board and projection show the captures grouped by theme with the attendance", async () => {
    const board = await systematizer.client.get(`/forums/${f.forumId}/board`);
    expect(board.status).toBe(200);
    expect(board.body).toContain("Tablero · Foro de Quetzaltenango");
    expect(board.body).toMatch(/data-testid="attendance-forum"[^>]*>206</);
    expect(board.body).toContain("más transparencia");
    const projection = await systematizer.client.get(`/forums/${f.forumId}/projection`);
    expect(projection.body).toContain('class="projection"');
  });

  it("the printable report counts from the records and never shows attendee names", async () => {
    const report = await systematizer.client.get(`/forums/${f.forumId}/report`);
    expect(report.status).toBe(200);
    expect(report.body).toContain("Informe del foro departamental de Quetzaltenango");
    expect(report.body).toMatch(/data-testid="report-attendance"[^>]*>206</);
    expect(report.body).toMatch(/data-testid="report-total"[^>]*>3</);
    expect(report.body).not.toContain("Nombre Privado");
    const attendance = await admin.client.get(`/forums/${f.forumId}/attendance`);
    expect(attendance.body).not.toContain("Nombre Privado");
  });

  it("exports the captures as CSV, safe for spreadsheets", async () => {
    const res = await fetch(`${server.url}/forums/${f.forumId}/captures.csv`, { headers: systematizer.client.headers() });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/foro-quetzaltenango-2016-05-10\.csv/);
    const csv = await res.text();
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "id,forum_department,forum_municipality,forum_date,table,theme,text,speaker_sector,tags,status,captured_by,captured_at_device,received_at,updated_at,summary_id,summary_title",
    );
    expect(lines).toHaveLength(4);
    expect(csv).toContain(`"'=SUMA(A1) no es una fórmula, es un aporte"`);
    expect(csv).toContain('"Dijo: ""más transparencia"""');
    expect(csv).toContain('"datos; municipal"');
  });

  it("serves each worktable's QR code as SVG pointing at its short link", async () => {
    const res = await fetch(`${server.url}/t/${f.tables[0].shortCode}/qr.svg`, { headers: admin.client.headers() });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(await res.text()).toMatch(/^<svg/);
    const cards = await admin.client.get(`/forums/${f.forumId}/qr`);
    expect(cards.body).toContain(`/t/${f.tables[1].shortCode}`);
  });

  it("the systematization page lists the theme's input and the summaries with their sources", async () => {
    const [one] = f.tables;
    const inputs = await server.cocrea.db.selectFrom("citizen_inputs").select("id").where("worktable_id", "=", one.worktableId).execute();
    await systematizer.client.ok("summary.create", {
      consultationId: f.consultationId,
      themeId: one.themeId,
      title: "Datos municipales abiertos",
      text: "Piden publicar datos municipales.",
      inputIds: inputs.map((i) => i.id),
    });
    const page = await systematizer.client.get(`/admin/c/${f.consultationId}/systematization?theme=${one.themeId}&free=0`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Datos municipales abiertos");
    expect(page.body).toContain(`Aportes de origen (${inputs.length})`);
    expect(page.body).toContain("En el resumen «Datos municipales abiertos»");
  });
});
