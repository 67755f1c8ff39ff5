// Spanish pages speak Spanish: form errors in plain words, the activity log naming what happened and when,
// channels and subjects by name, field errors spelled out on the server (not as translation keys).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FormClient, openIntake, opinion } from "../support/intake";
import { setupRoundtable } from "../support/roundtables";
import { ApiClient, createMember, loginCookie, startServer, type TestServer } from "../support/server";

let server: TestServer;
let intake: Awaited<ReturnType<typeof openIntake>>;
let adminCookie: string;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000", LOGIN_RATE_LIMIT: "1000" });
  intake = await openIntake(server);
  adminCookie = await loginCookie(server.url, intake.admin.email, intake.admin.password);
});
afterAll(() => server.stop());

/** The page's text as a reader sees it: React's text separators and the tags dropped. */
async function text(path: string, cookie = adminCookie): Promise<{ status: number; html: string; text: string }> {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
  const html = await res.text();
  const body = html.split("<body")[1]?.split("<script")[0] ?? html;
  return {
    status: res.status,
    html,
    text: body
      .replace(/<!-- -->/g, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " "),
  };
}

describe("form errors in plain Spanish", () => {
  it("asks for ten characters, not what zod expected", async () => {
    const res = await new FormClient(server.url).post(`/c/${intake.slug}/opinar`, { intent: "opinion", about: "methodology", text: "Corto", website: "" });
    expect(res.status).toBe(400);
    expect(res.html).toContain("Escriba al menos 10 caracteres.");
    expect(res.html).not.toContain("se esperaba");
  });
});

describe("the dashboard's activity log", () => {
  it("names what happened, who did it and when", async () => {
    await new ApiClient(server.url).ok("opinion.submit", opinion(intake.consultationId, { text: "Que el registro de obras sea público." }));
    const page = await text(`/admin/c/${intake.consultationId}`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/Opinión enviada · Una persona anónima · \d{1,2} de [a-z]+ de \d{4} a las \d{1,2}:\d{2} [ap]\. m\./);
    expect(page.text).toContain("Etapa abierta");
    expect(page.text).not.toContain("opinion.submit");
    expect(page.text).not.toContain("anonymous");
  });
});

describe("channels and subjects by name on the systematization page", () => {
  it("shows an online opinion about the methodology as «En línea» and «La metodología»", async () => {
    await new ApiClient(server.url).ok("opinion.submit", opinion(intake.consultationId, { text: "La metodología debería incluir foros en idiomas mayas." }));
    const page = await text(`/admin/c/${intake.consultationId}/systematization`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/La metodología debería incluir foros en idiomas mayas\. En línea [^·]+ · La metodología/);
    expect(page.text).not.toMatch(/· methodology/);
  });
});

describe("field errors that commands word as keys", () => {
  it("come back spelled out in Spanish, without the key, next to the proposal's fields", async () => {
    const table = await setupRoundtable(server);
    const cookie = await loginCookie(server.url, table.icefi.email, table.icefi.password);
    const client = new FormClient(server.url, { cookie });
    const path = `/admin/c/${table.consultationId}/roundtables/${table.roundtableId}/new`;
    const res = await client.post(path, { intent: "create", title: "Una propuesta sin lo demás" });
    expect(res.status).toBe(400);
    expect(res.html).toContain("Este campo es necesario para registrar la propuesta.");
    expect(res.html).not.toContain("proposal.issue.required");
  });
});

describe("closing a stage asks for confirmation, also without JavaScript", () => {
  it("offers a required «Sí, cerrar la etapa» box, refuses the post without it and closes with it", async () => {
    const dashboard = `/admin/c/${intake.consultationId}`;
    const page = await text(dashboard);
    expect(page.html).toContain('<label class="check"><input type="checkbox" name="confirm" required="" value="yes"/> <!-- -->Sí, cerrar la etapa</label>');
    const stageId = intake.stage("opinion_intake");
    const status = async () => (await server.cocrea.db.selectFrom("stages").select("status").where("id", "=", stageId).executeTakeFirstOrThrow()).status;
    const admin = new FormClient(server.url, { cookie: adminCookie });

    const refused = await admin.post(dashboard, { intent: "stage_close", stageId });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("Marque la casilla «Sí, cerrar…» para confirmar: cerrar detiene la participación en esta etapa.");
    expect(await status()).toBe("open");

    const closed = await admin.post(dashboard, { intent: "stage_close", stageId, confirm: "yes" });
    expect(closed.status).toBe(200);
    expect(await status()).toBe("closed");
    await intake.admin.client.ok("stage.open", { stageId });
  });
});

describe("moderation", () => {
  it("counts a reported opinion that was hidden since, as its «Reportadas» filter lists it", async () => {
    const citizen = new ApiClient(server.url);
    const { inputId } = await citizen.ok("opinion.submit", opinion(intake.consultationId, { text: "Propaganda de un partido en la consulta." }));
    await citizen.ok("opinion.report", { inputId, reason: "Es propaganda" });
    await intake.admin.client.ok("opinion.hide", { inputId, reason: "Propaganda partidaria" });
    const queue = await text(`/admin/c/${intake.consultationId}/opiniones`);
    expect(queue.text).toContain("Con reportes: 1");
    const reported = await text(`/admin/c/${intake.consultationId}/opiniones?filter=reported`);
    expect(reported.html.match(/data-testid="mod-opinion"/g)).toHaveLength(1);
    expect(reported.text).toContain("Propaganda de un partido en la consulta.");
  });

  it("is linked from the dashboard only for those who may moderate", async () => {
    const admin = await text(`/admin/c/${intake.consultationId}`);
    expect(admin.html).toContain(`href="/admin/c/${intake.consultationId}/opiniones"`);
    const facilitator = await createMember(server, intake.admin.client, intake.consultationId, "facilitator");
    const cookie = await loginCookie(server.url, facilitator.email, "contraseña-segura-123");
    const page = await text(`/admin/c/${intake.consultationId}`, cookie);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("Moderación de opiniones");
    expect((await text(`/admin/c/${intake.consultationId}/opiniones`, cookie)).status).toBe(403);
  });
});
