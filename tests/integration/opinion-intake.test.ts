// Online opinion intake against the real server: a valid opinion and its receipt, each invalid field, the closed
// stage, the rate limit, duplicates, the honeypot, text never rendered as HTML, and the form without JavaScript.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, emitWithAck, startServer, waitForEvent, type TestServer } from "../support/server";
import { clientAt, FormClient, openIntake, opinion } from "../support/intake";

let server: TestServer;
let intake: Awaited<ReturnType<typeof openIntake>>;
const citizen = () => new ApiClient(server.url);

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "10000" });
  intake = await openIntake(server);
});
afterAll(() => server.stop());

async function stored(inputId: string) {
  return server.cocrea.db.selectFrom("citizen_inputs").selectAll().where("id", "=", inputId).executeTakeFirst();
}

describe("a valid opinion", () => {
  it("is stored as online citizen input with its optional fields and answers a receipt", async () => {
    const res = await citizen().command(
      "opinion.submit",
      opinion(intake.consultationId, {
        about: `theme:${intake.themeIds[0]}`,
        text: "  Publicar las compras de cada municipalidad en datos abiertos.  ",
        department: "Quetzaltenango",
        sector: "civil_society",
        ageRange: "30_44",
        gender: "woman",
        indigenousLanguage: "yes",
      }),
    );
    expect(res.status).toBe(200);
    if (!res.body.ok) throw new Error("refused");
    const { inputId, receiptCode, duplicate } = res.body.result;
    expect(receiptCode).toMatch(/^[2-9BCDFGHJKMNPQRSTVWXZ]{8}$/);
    expect(duplicate).toBe(false);
    expect(await stored(inputId)).toMatchObject({
      channel: "online",
      subject: "theme",
      theme_id: intake.themeIds[0],
      axis: null,
      status: "visible",
      text: "Publicar las compras de cada municipalidad en datos abiertos.",
      department: "Quetzaltenango",
      sector: "civil_society",
      age_range: "30_44",
      gender: "woman",
      speaks_indigenous_language: 1,
      receipt_code: receiptCode,
    });
  });

  it("may be about the methodology or one of its axes, with nothing else said", async () => {
    const axis = await citizen().ok("opinion.submit", opinion(intake.consultationId, { about: "axis:open_data" }));
    expect(await stored(axis.inputId)).toMatchObject({
      subject: "axis",
      axis: "open_data",
      theme_id: null,
      department: null,
      speaks_indigenous_language: null,
    });
    const api = await citizen().ok("opinion.submit", {
      consultationId: intake.consultationId,
      subject: "methodology",
      text: "La metodología debe incluir más foros.",
    });
    expect(await stored(api.inputId)).toMatchObject({ subject: "methodology", axis: null, theme_id: null });
  });

  it("has a receipt page with the opinion and its status, reachable by code however it is typed", async () => {
    const { receiptCode } = await citizen().ok("opinion.submit", opinion(intake.consultationId, { text: "Más rendición de cuentas en salud, por favor." }));
    const page = await fetch(`${server.url}/r/${receiptCode}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("Más rendición de cuentas en salud, por favor.");
    expect(html).toContain(`${receiptCode.slice(0, 4)}-${receiptCode.slice(4)}`);
    expect(html).toContain("Publicada");
    const typed = await fetch(`${server.url}/r?code=${receiptCode.slice(0, 4).toLowerCase()}-${receiptCode.slice(4).toLowerCase()}`, { redirect: "manual" });
    expect(typed.headers.get("location")).toBe(`/r/${receiptCode}`);
    expect((await fetch(`${server.url}/r/BBBBBBBB`)).status).toBe(404);
  });

  it("is told live to the consultation's room, without personal data", async () => {
    const socket = citizen().socket();
    try {
      await emitWithAck(socket, "subscribe", { consultationId: intake.consultationId });
      const event = waitForEvent<Record<string, unknown>>(socket, "opinions:changed");
      const { inputId } = await citizen().ok("opinion.submit", opinion(intake.consultationId, { email: "ana@example.org", emailConsent: "on" }));
      const data = await event;
      expect(data).toMatchObject({ consultationId: intake.consultationId, inputId, change: "new" });
      expect(JSON.stringify(data)).not.toContain("ana@example.org");
    } finally {
      socket.close();
    }
  });
});

describe("invalid fields", () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ["text too short", { text: "corto" }, "text"],
    ["text too long", { text: "a".repeat(2_001) }, "text"],
    ["text only spaces", { text: "             " }, "text"],
    ["nothing chosen to opine about", { about: "" }, "subject"],
    ["an axis that does not exist", { about: "axis:weather" }, "axis"],
    ["a theme id that is not an id", { about: "theme:abc" }, "themeId"],
    ["a department outside the 22", { department: "Narnia" }, "department"],
    ["an unknown sector", { sector: "aliens" }, "sector"],
    ["an unknown age range", { ageRange: "100_plus" }, "ageRange"],
    ["an unknown gender", { gender: "robot" }, "gender"],
    ["a language answer other than yes/no", { indigenousLanguage: "a veces" }, "indigenousLanguage"],
    ["a malformed e-mail", { email: "ana-at-example", emailConsent: "on" }, "email"],
    ["an e-mail without consent", { email: "ana@example.org" }, "emailConsent"],
  ];
  for (const [name, over, field] of cases) {
    it(`refuses ${name} with 400, naming the field`, async () => {
      const before = await count();
      const res = await citizen().command("opinion.submit", opinion(intake.consultationId, over));
      expect(res.status).toBe(400);
      expect(!res.body.ok && res.body.error.issues?.map((i) => i.path[0])).toContain(field);
      expect(await count()).toBe(before);
    });
  }

  it("refuses a theme of another consultation", async () => {
    const other = await openIntake(server);
    const res = await citizen().command("opinion.submit", opinion(intake.consultationId, { about: `theme:${other.themeIds[0]}` }));
    expect(res.status).toBe(400);
    expect(!res.body.ok && res.body.error.issues).toEqual([expect.objectContaining({ path: ["themeId"] })]);
  });

  it("refuses an archived theme", async () => {
    const extra = await intake.admin.client.ok("theme.create", { consultationId: intake.consultationId, name: "Eje que se archiva" });
    await intake.admin.client.ok("theme.archive", { themeId: extra.themeId });
    const res = await citizen().command("opinion.submit", opinion(intake.consultationId, { about: `theme:${extra.themeId}` }));
    expect(res.status).toBe(400);
  });

  it("answers 404 for an unknown consultation", async () => {
    const res = await citizen().command("opinion.submit", opinion("6f1c3c5e-1d7e-4a8e-9d1e-2c3b4a5d6e7f"));
    expect(res.status).toBe(404);
  });
});

async function count(): Promise<number> {
  const row = await server.cocrea.db
    .selectFrom("citizen_inputs")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("the stage", () => {
  it("refuses opinions with 409 before the intake opens, and the page says when it opens", async () => {
    const pending = await openIntake(server, { open: false });
    const stageId = pending.stage("opinion_intake");
    await pending.admin.client.ok("stage.update", { stageId, name: "", description: "", startsOn: "2018-04-02", endsOn: "2018-05-15" });
    const res = await citizen().command("opinion.submit", opinion(pending.consultationId));
    expect(res.status).toBe(409);
    expect(!res.body.ok && res.body.error).toMatchObject({ code: "stage_closed" });
    // Answered as the stage does, with its date in words (issue 17).
    expect(!res.body.ok && res.body.error.message).toBe("La recepción de opiniones abre el 2 de abril de 2018.");
    const html = await (await fetch(`${server.url}/c/${pending.slug}/opinar`)).text();
    expect(html).toContain("todavía no está abierta");
    expect(html).toContain("La recepción de opiniones abre el 2 de abril de 2018.");
    expect(html).not.toContain('name="text"');
  });

  it("refuses opinions with 409 once it has closed, and the page says when it closed", async () => {
    const closing = await openIntake(server);
    await citizen().ok("opinion.submit", opinion(closing.consultationId));
    await closing.admin.client.ok("stage.close", { stageId: closing.stage("opinion_intake") });
    const res = await citizen().command("opinion.submit", opinion(closing.consultationId));
    expect(res.status).toBe(409);
    const html = await (await fetch(`${server.url}/c/${closing.slug}/opinar`)).text();
    expect(html).toContain("está cerrada");
    expect(html).toMatch(/La recepción de opiniones cerró el \d+ de \w+ de \d{4}\./);
    // What was said while it was open is still shown.
    expect(html).toContain("Que las instituciones publiquen sus compras");
  });
});

describe("abuse", () => {
  let limited: TestServer;
  let limitedIntake: Awaited<ReturnType<typeof openIntake>>;
  beforeAll(async () => {
    limited = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "3", TRUST_PROXY: "1" });
    limitedIntake = await openIntake(limited);
  });
  afterAll(() => limited.stop());

  it("rate limits each client with 429 and says how long to wait; other clients carry on", async () => {
    const ana = clientAt(limited, "203.0.113.10");
    for (let i = 0; i < 3; i++) expect((await ana.command("opinion.submit", opinion(limitedIntake.consultationId))).status).toBe(200);
    const refused = await ana.command("opinion.submit", opinion(limitedIntake.consultationId));
    expect(refused.status).toBe(429);
    expect(!refused.body.ok && refused.body.error.message).toMatch(/Espere \d+ segundos/);
    const beto = clientAt(limited, "203.0.113.11");
    expect((await beto.command("opinion.submit", opinion(limitedIntake.consultationId))).status).toBe(200);
  });

  it("takes the same text from the same client once within minutes, answering the first receipt", async () => {
    const carla = clientAt(limited, "203.0.113.20");
    const first = await carla.ok("opinion.submit", opinion(limitedIntake.consultationId, { text: "Transparencia en las compras de medicinas." }));
    const again = await carla.ok("opinion.submit", opinion(limitedIntake.consultationId, { text: "  transparencia EN las compras   de medicinas. " }));
    expect(again).toMatchObject({ inputId: first.inputId, receiptCode: first.receiptCode, duplicate: true });
    const rows = await limited.cocrea.db.selectFrom("citizen_inputs").select("id").where("text", "like", "%compras de medicinas%").execute();
    expect(rows).toHaveLength(1);
    // Another person may say the same thing: that is a second opinion.
    const other = await clientAt(limited, "203.0.113.21").ok(
      "opinion.submit",
      opinion(limitedIntake.consultationId, { text: "Transparencia en las compras de medicinas." }),
    );
    expect(other.duplicate).toBe(false);
    expect(other.inputId).not.toBe(first.inputId);
  });

  it("refuses a filled honeypot and stores nothing", async () => {
    const before = await count();
    const res = await citizen().command("opinion.submit", opinion(intake.consultationId, { website: "http://spam.example" }));
    expect(res.status).toBe(400);
    expect(!res.body.ok && res.body.error.message).toContain("No pudimos recibir su opinión");
    expect(await count()).toBe(before);
  });

  it("stores text as text and never renders it as HTML", async () => {
    const text = `<script>alert("x")</script><img src=x onerror=alert(1)> y <b>negrita</b>`;
    const { receiptCode } = await citizen().ok("opinion.submit", opinion(intake.consultationId, { text }));
    const row = await server.cocrea.db.selectFrom("citizen_inputs").select("text").where("receipt_code", "=", receiptCode).executeTakeFirstOrThrow();
    expect(row.text).toBe(text);
    for (const path of [`/r/${receiptCode}`, `/c/${intake.slug}/opinar`]) {
      const html = await (await fetch(`${server.url}${path}`)).text();
      expect(html).toContain("&lt;script&gt;alert(");
      expect(html).not.toContain('<script>alert("x")');
      expect(html).not.toContain("<img src=x");
      expect(html).not.toContain("<b>negrita</b>");
    }
  });
});

describe("the form without JavaScript", () => {
  it("posts a valid opinion and shows the receipt", async () => {
    const browser = new FormClient(server.url);
    const res = await browser.post(`/c/${intake.slug}/opinar`, {
      intent: "opinion",
      about: "methodology",
      text: "Quiero que los foros lleguen a Petén.",
      department: "Petén",
      sector: "",
      ageRange: "",
      gender: "",
      indigenousLanguage: "",
      email: "",
      website: "",
    });
    expect(res.status).toBe(200);
    const code = /data-testid="receipt-code">([2-9A-Z]{4}-[2-9A-Z]{4})</.exec(res.html)?.[1];
    expect(code).toBeTruthy();
    expect(res.html).toContain("Recibimos su opinión");
    const row = await server.cocrea.db.selectFrom("citizen_inputs").selectAll().where("receipt_code", "=", code!.replace("-", "")).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ text: "Quiero que los foros lleguen a Petén.", department: "Petén", sector: null });
  });

  it("shows errors next to the fields and keeps what was typed", async () => {
    const browser = new FormClient(server.url);
    const res = await browser.post(`/c/${intake.slug}/opinar`, {
      intent: "opinion",
      about: "methodology",
      text: "Mi opinión completa sobre los foros.",
      email: "ana@example.org",
      website: "",
    });
    expect(res.status).toBe(400);
    expect(res.html).toMatch(/data-testid="error-opinion-emailConsent">Marque la casilla/);
    expect(res.html).toContain("Mi opinión completa sobre los foros.</textarea>");
    expect(res.html).toMatch(/aria-invalid="true"[^>]*id="opinion-emailConsent"|id="opinion-emailConsent"[^>]*aria-invalid="true"/);
  });

  it("reports an opinion from its card and thanks the reporter", async () => {
    const { inputId } = await citizen().ok("opinion.submit", opinion(intake.consultationId, { text: "Una opinión que alguien va a reportar." }));
    const res = await new FormClient(server.url).post(`/c/${intake.slug}/opinar`, { intent: "report", inputId, reason: "Es publicidad de un partido" });
    expect(res.status).toBe(200);
    expect(res.html).toContain("el equipo de moderación revisará esta opinión");
    const reports = await server.cocrea.db.selectFrom("input_reports").select("reason").where("input_id", "=", inputId).execute();
    expect(reports).toEqual([{ reason: "Es publicidad de un partido" }]);
  });

  it("says plainly when a choice is not one of the list (a stale or tampered form)", async () => {
    const res = await new FormClient(server.url).post(`/c/${intake.slug}/opinar`, {
      intent: "opinion",
      about: "methodology",
      text: "Una opinión con un departamento raro.",
      department: "Atlántida",
    });
    expect(res.status).toBe(400);
    expect(res.html).toMatch(/data-testid="error-opinion-department">Elija una opción de la lista\./);
    expect(res.html).not.toContain("se esperaba una de");
  });

  it("refuses a post without the CSRF token", async () => {
    const res = await fetch(`${server.url}/c/${intake.slug}/opinar`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "opinion", about: "methodology", text: "Una opinión sin token de formulario." }),
    });
    expect(res.status).toBe(403);
  });

  it("applies a double submit of the same page once", async () => {
    const browser = new FormClient(server.url);
    const page = await browser.get(`/c/${intake.slug}/opinar`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.html)![1];
    const nonce = /name="_nonce" value="([^"]+)"/.exec(page.html)![1];
    const fields = { _csrf: csrf, _nonce: nonce, intent: "opinion", about: "methodology", text: "Doble clic en enviar desde un teléfono lento." };
    const post = () => browser.post(`/c/${intake.slug}/opinar`, fields);
    const [a, b] = await Promise.all([post(), post()]);
    const code = (html: string) => /data-testid="receipt-code">([^<]+)</.exec(html)?.[1];
    expect(code(a.html)).toBeTruthy();
    expect(code(a.html)).toBe(code(b.html));
  });
});
