// The technical roundtable's pages over plain HTTP, as a browser without JavaScript sees them: the staff session is
// for the consultation's staff, the public page shows the tallies and outcomes of the votes taken through the API,
// never an e-mail address, and no names of who answered what when the consultation keeps answers private.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginCookie, startServer, type TestServer } from "../support/server";
import { setupRoundtable } from "../support/roundtables";
import { meetCriteria, setupTechnical, type TechnicalTable } from "../support/technical";

let server: TestServer;
let t: TechnicalTable;
let slug: string;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  t = await setupTechnical(server);
  slug = (await server.cocrea.db.selectFrom("consultations").select("slug").where("id", "=", t.consultationId).executeTakeFirstOrThrow()).slug;
});
afterAll(() => server.stop());

async function page(path: string, cookie = "") {
  const res = await fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const html = await res.text();
  expect(html).not.toContain("\0");
  return {
    status: res.status,
    location: res.headers.get("location"),
    html,
    token: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "",
    nonce: /name="_nonce" value="([^"]+)"/.exec(html)?.[1] ?? "",
  };
}

/** The counts of one vote card, read from the HTML: "agree reservations stand_aside block · answered/eligible". */
function tallyOf(html: string, voteId: string): string {
  const start = html.indexOf(`data-vote-id="${voteId}"`);
  expect(start).toBeGreaterThan(-1);
  const card = html.slice(start, html.indexOf("</article>", start));
  const n = (key: string) => /<dd data-testid="tally-[a-z_]+">(\d+)<\/dd>/.exec(card.slice(card.indexOf(`tally-${key}`) - 20))?.[1];
  const answered = /data-testid="tally-answered">([^<]+)</.exec(card)?.[1];
  return `${n("agree")} ${n("reservations")} ${n("stand_aside")} ${n("block")} · ${answered}`;
}

const staffPath = () => `/admin/c/${t.consultationId}/technical`;
const publicPath = () => `/c/${slug}/mesa-tecnica`;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+/;

describe("the staff page", () => {
  it("sends nobody-signed-in to the login page and answers 403 to someone without a role in the consultation", async () => {
    const anonymous = await page(staffPath());
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toBe(`/login?redirectTo=${encodeURIComponent(staffPath())}`);
    const other = await setupRoundtable(server);
    const stranger = await loginCookie(server.url, other.icefi.email, other.icefi.password);
    expect((await page(staffPath(), stranger)).status).toBe(403);
  });

  it("answers 404 with a clear message while the consultation has no technical roundtable; the point of contact gets the form to create it", async () => {
    const other = await setupRoundtable(server);
    const contact = await loginCookie(server.url, other.admin.email, other.admin.password);
    const view = await page(`/admin/c/${other.consultationId}/technical`, contact);
    expect(view.status).toBe(404);
    expect(view.html).toContain("Esta consulta todavía no tiene Mesa Técnica.");
    expect(view.html).toContain("Crear la Mesa Técnica");
    const member = await loginCookie(server.url, other.member.email, other.member.password);
    const memberView = await page(`/admin/c/${other.consultationId}/technical`, member);
    expect(memberView.status).toBe(404);
    expect(memberView.html).toContain("Esta consulta todavía no tiene Mesa Técnica.");
    expect(memberView.html).not.toContain("Crear la Mesa Técnica");
  });

  it("shows the chair, the proposals at the table with their criteria, and who may do what", async () => {
    const chair = await loginCookie(server.url, t.chair.email, t.chair.password);
    const view = await page(staffPath(), chair);
    expect(view.status).toBe(200);
    expect(view.html).toContain(`Preside: ${t.chair.name}`);
    for (const title of ["Compromiso unificado 1", "Compromiso unificado 2", "Compromiso unificado 3"]) expect(view.html).toContain(title);
    expect(view.html).toContain("a) La institución responsable acepta");
    expect(view.html).toContain("Abrir la votación");
    expect(view.html).toContain("Sesión 1");
    expect(view.html).toContain("No hay ninguna votación abierta.");
    expect(view.html).not.toMatch(EMAIL);

    // Opening a vote on a proposal whose criteria are missing: the 409's message comes back to the form.
    const res = await fetch(`${server.url}${staffPath()}?_data=${encodeURIComponent("routes/admin.c.$id_.technical")}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: chair },
      body: new URLSearchParams({ _csrf: view.token, _nonce: view.nonce, intent: "vote_open", proposalId: t.unified[2] }),
    });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.message).toBe(
      "«Compromiso unificado 3» no puede someterse a votación: faltan 3 criterios de adopción: la institución responsable acepta, viable legalmente, viable financieramente.",
    );
  });

  it("gives a present member the answer buttons and tells the observer why they do not vote", async () => {
    await meetCriteria(t, t.unified[1]);
    const { voteId } = await t.chair.client.ok<{ voteId: string }>("vote.open", { proposalId: t.unified[1] });
    const member = await page(staffPath(), await loginCookie(server.url, t.members[1].email, t.members[1].password));
    expect(member.html).toContain('data-testid="answer-form"');
    expect(member.html).toContain("Todavía no ha respondido.");
    expect(member.html).not.toContain("Cerrar la votación");
    const observer = await page(staffPath(), await loginCookie(server.url, t.observer.email, t.observer.password));
    expect(observer.html).not.toContain('data-testid="answer-form"');
    expect(observer.html).toContain("No vota: Las personas observadoras no votan.");
    const chair = await page(staffPath(), await loginCookie(server.url, t.chair.email, t.chair.password));
    expect(chair.html).toContain("Cerrar la votación");
    expect(tallyOf(chair.html, voteId)).toBe("0 0 0 0 · Respondieron 0 de 3");
    await t.chair.client.ok("vote.close", { voteId });
  });
});

describe("the public page", () => {
  it("shows a vote's count while open and its outcome once closed, with who answered what; never an e-mail address", async () => {
    const proposalId = t.unified[0];
    await meetCriteria(t, proposalId);
    const { voteId } = await t.chair.client.ok<{ voteId: string }>("vote.open", { proposalId });
    await t.members[1].client.ok("vote.answer", { voteId, answer: "agree" });
    await t.members[2].client.ok("vote.answer", { voteId, answer: "reservations", reason: "Que el portal sea accesible" });

    const open = await page(publicPath());
    expect(open.status).toBe(200);
    expect(tallyOf(open.html, voteId)).toBe("1 1 0 0 · Respondieron 2 de 3");
    expect(open.html).toContain("Compromiso unificado 1");
    expect(open.html).toContain(`href="/c/${slug}/propuestas/${proposalId}"`);
    expect(open.html).toContain(`href="/c/${slug}/propuestas"`);
    // While open, counts only: nobody's answer is published.
    expect(open.html).not.toContain("Quién respondió qué");
    expect(open.html).not.toContain("Que el portal sea accesible");

    await t.chair.client.ok("vote.answer", { voteId, answer: "agree" });
    await t.chair.client.ok("vote.close", { voteId });
    const closed = await page(publicPath());
    expect(tallyOf(closed.html, voteId)).toBe("2 1 0 0 · Respondieron 3 de 3");
    expect(closed.html).toContain("Adoptada por consentimiento");
    expect(closed.html).toContain("Quién respondió qué");
    expect(closed.html).toContain(`${t.members[1].name}`);
    expect(closed.html).toContain("Que el portal sea accesible");
    expect(closed.html).toContain("Compromisos adoptados: 1 de");
    expect(closed.html).not.toMatch(EMAIL);
    for (const person of [...t.members, t.observer]) expect(closed.html).not.toContain(person.email);
    expect(closed.html).not.toContain(t.admin.email);
  });

  it("keeps who answered what private when the consultation says so: the count and the block's reason, no names", async () => {
    const p = await setupTechnical(server, { settings: { privateAnswers: true } });
    const privateSlug = (await server.cocrea.db.selectFrom("consultations").select("slug").where("id", "=", p.consultationId).executeTakeFirstOrThrow()).slug;
    await meetCriteria(p, p.unified[0]);
    const { voteId } = await p.chair.client.ok<{ voteId: string }>("vote.open", { proposalId: p.unified[0] });
    await p.members[1].client.ok("vote.answer", { voteId, answer: "block", reason: "Duplica un compromiso vigente" });
    await p.members[2].client.ok("vote.answer", { voteId, answer: "agree" });
    await p.chair.client.ok("vote.close", { voteId });
    const html = (await page(`/c/${privateSlug}/mesa-tecnica`)).html;
    expect(tallyOf(html, voteId)).toBe("1 0 0 1 · Respondieron 2 de 3");
    expect(html).toContain("No adoptada: bloqueada");
    expect(html).toContain("Duplica un compromiso vigente");
    expect(html).toContain("Las respuestas individuales no se publican en esta consulta.");
    expect(html).not.toContain("Quién respondió qué");
    expect(html).not.toContain(`${p.members[1].name}: Duplica`);
    expect(html).not.toContain(`${p.members[1].name}: Bloqueo`);
    expect(html).not.toContain(`${p.members[2].name}: De acuerdo`);
    expect(html).not.toMatch(EMAIL);
  });

  it("says so when the consultation has no technical roundtable yet", async () => {
    const other = await setupRoundtable(server);
    const otherSlug = (await server.cocrea.db.selectFrom("consultations").select("slug").where("id", "=", other.consultationId).executeTakeFirstOrThrow()).slug;
    const view = await page(`/c/${otherSlug}/mesa-tecnica`);
    expect(view.status).toBe(200);
    expect(view.html).toContain("La Mesa Técnica todavía no se ha instalado.");
  });
});
