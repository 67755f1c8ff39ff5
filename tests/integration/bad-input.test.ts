// Bodies that are not forms, posted to every page that has a form (issue 17, "bad input and leaks" 1 and 3).
// Every route file in app/routes with an action is listed below (the first test fails when a new one is not), and
// each gets three bad bodies — a broken multipart body, a multipart body without a boundary, and JSON — carrying a
// valid CSRF token and sent by someone allowed on the page, so that reading the body is what is tested. Each must
// answer 400 with the page's words (HTML), write nothing (the audit log does not grow), and the public pages must
// still answer 200 afterwards. The no-JavaScript opinion and plan-comment forms answer their 429 with Retry-After.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factories } from "../../db/factories";
import { FormClient } from "../support/intake";
import { setupPlan, type PlanFixture } from "../support/plan";
import { registerProposals } from "../support/roundtables";
import { loginCookie, startServer, type TestServer } from "../support/server";

let server: TestServer;
let f: PlanFixture;
let slug = "";
const ids = { forumId: "", shortCode: "", inviteToken: "", draftProposalId: "" };

beforeAll(async () => {
  // The default public limit (10 commands a minute per device); the citizen of the 429 test comes through the proxy.
  server = await startServer({ TRUST_PROXY: "1" });
  f = await setupPlan(server, { adopted: 1, unified: 2 });
  const admin = f.t.admin.client;
  slug = (await admin.get(`/api/v1/consultations/${f.t.consultationId}`)).body.result.consultation.slug;
  await admin.ok("plan.publish", { planId: f.planId });
  await admin.ok("stage.open", { stageId: f.t.stage("opinion_intake") });
  await admin.ok("stage.open", { stageId: f.t.stage("draft_plan") });
  const { forumId } = await admin.ok<{ forumId: string }>("forum.create", factories.forum(f.t.consultationId));
  const table = await admin.ok<{ shortCode: string }>("worktable.create", { forumId, themeId: f.t.themeIds[0] });
  const { path: invitePath } = await admin.ok<{ path: string }>("invitation.create", factories.invitation(f.t.consultationId, "observer"));
  // A round open again at the thematic roundtable, where the proponent keeps a proposal to edit.
  const { roundId } = await admin.ok<{ roundId: string }>("round.schedule", { roundtableId: f.t.roundtableId, heldOn: "2016-07-07", venue: "MINFIN" });
  await admin.ok("round.open", { roundId });
  const [draft] = await registerProposals(f.t.icefi.client, f.t.roundtableId, 1);
  Object.assign(ids, { forumId, shortCode: table.shortCode, inviteToken: invitePath.split("/").pop()!, draftProposalId: draft });
}, 180_000);
afterAll(() => server.stop());

type Persona = "anonymous" | "admin" | "proponent" | "chair";

/** Where each route with an action is posted, and who posts there (someone the page lets in). */
const TARGETS: Record<string, { url: () => string; as: Persona }> = {
  "admin._index.tsx": { url: () => "/admin?index", as: "admin" },
  "admin.c.$id.tsx": { url: () => `/admin/c/${f.t.consultationId}`, as: "admin" },
  "admin.c.$id_.opiniones.tsx": { url: () => `/admin/c/${f.t.consultationId}/opiniones`, as: "admin" },
  "admin.c.$id_.plan.tsx": { url: () => `/admin/c/${f.t.consultationId}/plan`, as: "admin" },
  "admin.c.$id_.plan_.comentarios.tsx": { url: () => `/admin/c/${f.t.consultationId}/plan/comentarios`, as: "admin" },
  "admin.c.$id_.plan_.enmendar.$proposalId.tsx": { url: () => `/admin/c/${f.t.consultationId}/plan/enmendar/${f.adopted[0]}`, as: "admin" },
  "admin.c.$id_.proposals.$proposalId.tsx": { url: () => `/admin/c/${f.t.consultationId}/proposals/${ids.draftProposalId}`, as: "admin" },
  "admin.c.$id_.proposals.$proposalId_.edit.tsx": { url: () => `/admin/c/${f.t.consultationId}/proposals/${ids.draftProposalId}/edit`, as: "proponent" },
  "admin.c.$id_.proposals.$proposalId_.refine.tsx": { url: () => `/admin/c/${f.t.consultationId}/proposals/${f.t.unified[1]}/refine`, as: "chair" },
  "admin.c.$id_.roundtables.$roundtableId.tsx": { url: () => `/admin/c/${f.t.consultationId}/roundtables/${f.t.roundtableId}`, as: "admin" },
  "admin.c.$id_.roundtables.$roundtableId_.new.tsx": { url: () => `/admin/c/${f.t.consultationId}/roundtables/${f.t.roundtableId}/new`, as: "proponent" },
  "admin.c.$id_.seguimiento.tsx": { url: () => `/admin/c/${f.t.consultationId}/seguimiento`, as: "admin" },
  "admin.c.$id_.systematization.tsx": { url: () => `/admin/c/${f.t.consultationId}/systematization`, as: "admin" },
  "admin.c.$id_.technical.tsx": { url: () => `/admin/c/${f.t.consultationId}/technical`, as: "chair" },
  "c.$slug._index.tsx": { url: () => `/c/${slug}?index`, as: "anonymous" },
  "c.$slug.opinar.tsx": { url: () => `/c/${slug}/opinar`, as: "anonymous" },
  "c.$slug.plan._index.tsx": { url: () => `/c/${slug}/plan?index`, as: "anonymous" },
  "c.$slug.respuesta.tsx": { url: () => `/c/${slug}/respuesta`, as: "admin" },
  "forums.$forumId.attendance.tsx": { url: () => `/forums/${ids.forumId}/attendance`, as: "admin" },
  "invite.$token.tsx": { url: () => `/invite/${ids.inviteToken}`, as: "anonymous" },
  "lang.tsx": { url: () => "/lang", as: "anonymous" },
  "login.tsx": { url: () => "/login", as: "anonymous" },
  "logout.tsx": { url: () => "/logout", as: "admin" },
  "t.$code.tsx": { url: () => `/t/${ids.shortCode}`, as: "admin" },
};

function routesWithAction(): string[] {
  const dir = path.join(process.cwd(), "app/routes");
  return fs
    .readdirSync(dir)
    .filter((name) => /export\s+(async\s+function|const|function)\s+action\b/.test(fs.readFileSync(path.join(dir, name), "utf8")))
    .sort();
}

const cookies = new Map<Persona, string>();
async function cookieOf(who: Persona): Promise<string> {
  if (!cookies.has(who)) {
    if (who === "anonymous") {
      const res = await fetch(`${server.url}/login`);
      cookies.set(who, (res.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).join("; "));
    } else {
      const person = who === "admin" ? f.t.admin : who === "proponent" ? f.t.icefi : f.t.chair;
      cookies.set(who, await loginCookie(server.url, person.email, person.password));
    }
  }
  return cookies.get(who)!;
}

/** The CSRF token that goes with the person's cookie (every page's language switch carries it). */
async function csrfOf(cookie: string): Promise<string> {
  const html = await (await fetch(`${server.url}/login`, { headers: { cookie } })).text();
  return /name="_csrf" value="([^"]+)"/.exec(html)![1];
}

async function auditCount(): Promise<number> {
  const row = await server.cocrea.db
    .selectFrom("audit_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const BAD_BODIES = (csrf: string): Array<[string, string, string]> => [
  // The closing boundary never comes.
  [
    "a broken multipart body",
    "multipart/form-data; boundary=XYZ",
    `--XYZ\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--XYZ\r\nContent-Disposition: form-data; name="intent"\r\n\r\nx`,
  ],
  ["a multipart body without a boundary", "multipart/form-data", `--XYZ\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--XYZ--\r\n`],
  ["JSON", "application/json", JSON.stringify({ _csrf: csrf, intent: "submit", text: "Que se publiquen las compras." })],
];

describe("a body that is not a form", () => {
  it("every route with an action is covered here", () => {
    expect(routesWithAction()).toEqual(Object.keys(TARGETS).sort());
  });

  it("answers 400 with the page's words on every form route, writing nothing; the public pages still answer", async () => {
    const failures: string[] = [];
    for (const [file, target] of Object.entries(TARGETS)) {
      const cookie = await cookieOf(target.as);
      const csrf = await csrfOf(cookie);
      // Someone allowed: the page itself opens for them (the invitation, the proposal to edit, the table to refine…).
      const page = await fetch(`${server.url}${target.url().replace(/\?index$/, "")}`, { headers: { cookie }, redirect: "manual" });
      if (!["lang.tsx", "logout.tsx"].includes(file)) expect(page.status, `GET ${file}`).toBe(200);
      for (const [what, contentType, body] of BAD_BODIES(csrf)) {
        const before = await auditCount();
        const res = await fetch(`${server.url}${target.url()}`, {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": contentType, cookie },
          body,
        });
        const html = await res.text();
        const ok =
          res.status === 400 &&
          (res.headers.get("content-type") ?? "").includes("text/html") &&
          html.includes("No se pudo leer el formulario") &&
          html.includes("No se guardó nada") &&
          (await auditCount()) === before;
        if (!ok) failures.push(`${file} with ${what}: ${res.status} ${res.headers.get("content-type")} ${html.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    for (const pathname of [
      `/c/${slug}`,
      `/c/${slug}/opinar`,
      `/c/${slug}/plan`,
      `/c/${slug}/propuestas`,
      `/c/${slug}/mesa-tecnica`,
      `/c/${slug}/plan/seguimiento`,
    ]) {
      expect((await fetch(`${server.url}${pathname}`)).status, pathname).toBe(200);
    }
  });

  it("the 400 page says it in English too, with the way back to the page", async () => {
    const res = await fetch(`${server.url}/c/${slug}/opinar`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: "cocrea_lang=en", "accept-language": "en" },
      body: "{}",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("The form could not be read");
    expect(html).toContain("Nothing was saved");
    expect(html).toContain(`href="/c/${slug}/opinar"`);
  });

  it("no action reads its form but through readForm (app/lib/read-form.server.ts)", () => {
    const offenders: string[] = [];
    for (const dir of ["app/routes", "app/lib"]) {
      for (const name of fs.readdirSync(path.join(process.cwd(), dir))) {
        if (name === "read-form.server.ts") continue;
        if (/\.formData\(\)/.test(fs.readFileSync(path.join(process.cwd(), dir, name), "utf8"))) offenders.push(`${dir}/${name}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe("the forms' 429 says when to come back", () => {
  it("the opinion form and the plan-comment form, without JavaScript, answer 429 with Retry-After and the wait in words", async () => {
    const citizen = new FormClient(server.url, { "x-forwarded-for": "203.0.113.9" });
    const forms: Array<[string, (i: number) => Record<string, string>]> = [
      [`/c/${slug}/opinar`, (i) => ({ intent: "opinion", about: "methodology", text: `Que los foros se hagan también en idiomas mayas (${i}).` })],
      [`/c/${slug}/plan?index`, (i) => ({ intent: "comment", proposalId: f.adopted[0], text: `Que el compromiso incluya a las municipalidades (${i}).` })],
    ];
    for (const [pathname, fields] of forms) {
      // Ten in a minute are welcome; the eleventh waits.
      for (let i = 1; i <= 10; i++) expect((await citizen.post(pathname, fields(i))).status, `${pathname} #${i}`).toBe(200);
      const before = await auditCount();
      const res = await citizen.post(pathname, fields(11));
      expect(res.status, pathname).toBe(429);
      const seconds = Number(res.headers.get("retry-after"));
      expect(seconds, pathname).toBeGreaterThan(0);
      expect(seconds, pathname).toBeLessThanOrEqual(60);
      expect(res.html, pathname).toMatch(/Espere \d+ segundos? e intente de nuevo/);
      // What was typed stays in the form, to send again after the wait; nothing was written.
      expect(res.html, pathname).toContain(fields(11).text);
      expect(await auditCount()).toBe(before);
    }
  });
});
