// Live broadcasts over socket.io, and the web adapters: login, CSRF, invitations, language, rate limits.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApiClient,
  createAdmin,
  createConsultation,
  createMember,
  emitWithAck,
  loginCookie,
  startServer,
  waitForEvent,
  type TestServer,
} from "../support/server";

let server: TestServer;
let admin: Awaited<ReturnType<typeof createAdmin>>;

beforeAll(async () => {
  server = await startServer({ LOGIN_RATE_LIMIT: "5" });
  admin = await createAdmin(server);
});
afterAll(() => server.stop());

/** GET a page and answer its CSRF cookie + token, as a browser would have them. */
async function formSession(path: string, cookie = "") {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
  const set = (res.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).find((c) => c.startsWith("cocrea_csrf="));
  const html = await res.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
  const nonce = /name="_nonce" value="([^"]+)"/.exec(html)?.[1] ?? "";
  return { cookie: [cookie, set].filter(Boolean).join("; "), token, nonce, html, status: res.status };
}

describe("live updates", () => {
  it("an anonymous visitor's socket hears a stage open in its consultation room", async () => {
    const { consultationId, stage } = await createConsultation(admin.client);
    const visitor = new ApiClient(server.url).socket();
    expect(await emitWithAck(visitor, "subscribe", { consultationId })).toEqual({ ok: true });
    const heard = waitForEvent<{ consultationId: string; type: string }>(visitor, "consultation:changed");
    await admin.client.ok("stage.open", { stageId: stage("opinion_intake") });
    expect(await heard).toMatchObject({ consultationId, type: "stage.open" });
    visitor.close();
  });

  it("staff rooms need a role: anonymous and outsiders are refused", async () => {
    const { consultationId } = await createConsultation(admin.client);
    const anon = new ApiClient(server.url).socket();
    const refused = await emitWithAck(anon, "subscribe", { consultationId, staff: true });
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe("unauthenticated");
    const other = await createConsultation(admin.client);
    const outsider = await createMember(server, admin.client, other.consultationId, "observer");
    const s = outsider.client.socket();
    expect((await emitWithAck(s, "subscribe", { consultationId, staff: true })).error.code).toBe("forbidden");
    expect((await emitWithAck(s, "subscribe", { consultationId: "nope" })).error.code).toBe("invalid");
    anon.close();
    s.close();
  });

  it("staff-only changes (invitations) are not broadcast to the public room", async () => {
    const { consultationId } = await createConsultation(admin.client);
    const visitor = new ApiClient(server.url).socket();
    await emitWithAck(visitor, "subscribe", { consultationId });
    const staff = admin.client.socket();
    await emitWithAck(staff, "subscribe", { consultationId, staff: true });
    let publicHeard = false;
    visitor.on("consultation:changed", () => (publicHeard = true));
    const staffHeard = waitForEvent(staff, "consultation:changed");
    await admin.client.ok("invitation.create", { consultationId, email: "n@example.org", name: "N", role: "facilitator" });
    await staffHeard;
    await new Promise((r) => setTimeout(r, 100));
    expect(publicHeard).toBe(false);
    visitor.close();
    staff.close();
  });

  it("refuses a socket with a wrong bearer token", async () => {
    const s = new ApiClient(server.url, { token: "cocrea_wrong" }).socket();
    const error = await new Promise<Error>((resolve) => s.once("connect_error", resolve));
    expect(error.message).toBe("unauthenticated");
    s.close();
  });
});

describe("web forms", () => {
  it("signs in through the login form with an httpOnly SameSite session cookie", async () => {
    const page = await formSession("/login");
    const res = await fetch(`${server.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: page.cookie },
      body: new URLSearchParams({ _csrf: page.token, email: admin.email, password: admin.password }),
    });
    expect(res.status).toBe(302);
    const session = res.headers.getSetCookie().find((c) => c.startsWith("cocrea_session="))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
  });

  it("refuses a form post without the CSRF token (403) and writes nothing", async () => {
    const cookie = await loginCookie(server.url, admin.email, admin.password);
    const { consultationId } = await createConsultation(admin.client);
    const before = await server.cocrea.db.selectFrom("themes").select("id").where("consultation_id", "=", consultationId).execute();
    const res = await fetch(`${server.url}/admin/c/${consultationId}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ intent: "theme_create", consultationId, name: "Sin CSRF", _csrf: "forged" }),
    });
    expect(res.status).toBe(403);
    const after = await server.cocrea.db.selectFrom("themes").select("id").where("consultation_id", "=", consultationId).execute();
    expect(after.length).toBe(before.length);
  });

  it("the dashboard form opens a stage; the public page then shows it open", async () => {
    const cookie = await loginCookie(server.url, admin.email, admin.password);
    const { consultationId, stage } = await createConsultation(admin.client);
    const page = await formSession(`/admin/c/${consultationId}`, cookie);
    expect(page.status).toBe(200);
    const res = await fetch(`${server.url}/admin/c/${consultationId}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: page.cookie },
      body: new URLSearchParams({ _csrf: page.token, _nonce: page.nonce, intent: "stage_open", stageId: stage("opinion_intake") }),
    });
    expect(res.status).toBe(200);
    const view = await admin.client.get(`/api/v1/consultations/${consultationId}`);
    expect(view.body.result.stages.find((s: { phase: string }) => s.phase === "opinion_intake").status).toBe("open");
    const slug = view.body.result.consultation.slug;
    const html = await (await fetch(`${server.url}/c/${slug}`)).text();
    expect(html).toMatch(/data-testid="stage-status-opinion_intake">Abierta/);
  });

  it("a staff page sends anonymous visitors to the login page", async () => {
    const res = await fetch(`${server.url}/admin`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Fadmin");
  });

  it("an invitation link creates the account, signs it in, and cannot be used twice", async () => {
    const { consultationId } = await createConsultation(admin.client);
    const { path } = await admin.client.ok<{ path: string }>("invitation.create", {
      consultationId,
      email: "facilitadora@example.org",
      name: "Ana",
      role: "facilitator",
    });
    const page = await formSession(path);
    expect(page.html).toContain("Facilitador(a)");
    const res = await fetch(`${server.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: page.cookie },
      body: new URLSearchParams({ _csrf: page.token, _nonce: page.nonce, intent: "accept", name: "Ana López", password: "una-clave-muy-larga" }),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/admin/c/${consultationId}`);
    expect(res.headers.getSetCookie().some((c) => c.startsWith("cocrea_session="))).toBe(true);
    const again = await formSession(path);
    expect(again.html).toContain("no es válida");
    const user = await server.cocrea.db
      .selectFrom("users")
      .select(["name", "password_hash"])
      .where("email", "=", "facilitadora@example.org")
      .executeTakeFirstOrThrow();
    expect(user.name).toBe("Ana López");
    expect(user.password_hash).toMatch(/^scrypt\$/);
  });

  it("remembers the language switch in a cookie", async () => {
    const page = await formSession("/");
    expect(page.html).toContain("Consultas de co-creación");
    const res = await fetch(`${server.url}/lang`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: page.cookie },
      body: new URLSearchParams({ _csrf: page.token, lang: "en", redirectTo: "/" }),
    });
    const langCookie = res.headers
      .getSetCookie()
      .find((c) => c.startsWith("cocrea_lang="))!
      .split(";")[0];
    const english = await (await fetch(`${server.url}/`, { headers: { cookie: `${page.cookie}; ${langCookie}` } })).text();
    expect(english).toContain("Co-creation consultations");
    expect(english).toContain('lang="en"');
  });

  it("limits login attempts per client and e-mail (429)", async () => {
    const page = await formSession("/login");
    const attempt = () =>
      fetch(`${server.url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: page.cookie },
        body: new URLSearchParams({ _csrf: page.token, email: "victima@example.org", password: "adivinanza" }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
  });

  it("limits public commands per client (429) and writes nothing", async () => {
    const limited = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "2" });
    const anon = new ApiClient(limited.url);
    const payload = { token: "x".repeat(43), name: "X", password: "contraseña-segura-123" };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await anon.command("invitation.accept", payload, randomUUID())).status);
    expect(statuses).toEqual([404, 404, 429]);
    await limited.stop();
  });

  it("a technical-roundtable member signs the ethics declaration from the public page, without JavaScript", async () => {
    const { consultationId, stage } = await createConsultation(admin.client);
    await admin.client.ok("stage.open", { stageId: stage("public_call") });
    const { path } = await admin.client.ok<{ path: string }>("invitation.create", {
      consultationId,
      email: "mtga@example.org",
      name: "Delegada MTGA",
      role: "technical_member",
    });
    await new ApiClient(server.url).ok("invitation.accept", { token: path.split("/").pop(), name: "Delegada MTGA", password: "una-clave-muy-larga" });
    const cookie = await loginCookie(server.url, "mtga@example.org", "una-clave-muy-larga");
    const slug = (await admin.client.get(`/api/v1/consultations/${consultationId}`)).body.result.consultation.slug;
    const page = await formSession(`/c/${slug}`, cookie);
    expect(page.html).toContain("Firmar la declaración");
    const post = (accept: string | null) => {
      const body = new URLSearchParams({ _csrf: page.token, _nonce: page.nonce, intent: "sign", conflicts: "Ninguno" });
      if (accept) body.set("accept", accept);
      return fetch(`${server.url}/c/${slug}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", cookie: page.cookie }, body });
    };
    const unchecked = await post(null);
    expect(unchecked.status).toBe(400);
    const signed = await post("on");
    expect(signed.status).toBe(200);
    expect(await signed.text()).toContain("Su declaración quedó firmada.");
    const after = await (await fetch(`${server.url}/c/${slug}`)).text();
    expect(after).toContain("Delegada MTGA");
    expect(after).not.toContain("mtga@example.org");
  });
});
