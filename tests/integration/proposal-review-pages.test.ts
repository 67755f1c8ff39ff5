// The technical roundtable's review as people read it: the public proposal sheet (criteria, recusals, votes and
// their outcome in words, the state reason, the text versions with what changed) without JavaScript and without an
// e-mail address anywhere; private answers hide who answered what; the dashboard's technical panel creates the table
// and its decision-settings form changes the rule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newPage, signedInContext } from "../support/browser";
import { unifiedPayload } from "../support/roundtables";
import { createConsultation, loginCookie, startServer, type TestServer } from "../support/server";
import { meetCriteria, setupTechnical, type TechnicalTable } from "../support/technical";

let server: TestServer;
let t: TechnicalTable;
let slug: string;
let adopted: string;
let blocked: string;
let withdrawn: string;

const RECUSAL = "Mi organización ejecutaría los fondos de este compromiso";
const BLOCK = "Falta el dictamen de la Contraloría General de Cuentas";
const RESERVATIONS = "Conviene publicar también los datos municipales";
const WITHDRAWAL = "Nuestra organización ya no puede acompañar este compromiso";
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+/;

async function html(path: string, cookie = "") {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: "manual" });
  const body = await res.text();
  expect(body).not.toContain("\0");
  return { status: res.status, body, setCookie: (res.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).find((c) => c.startsWith("cocrea_csrf=")) };
}

/** A vote opened by the chair, answered by the given members, closed. */
async function vote(proposalId: string, answers: Array<[number, "agree" | "reservations" | "stand_aside" | "block", string?]>) {
  const { voteId } = await t.chair.client.ok<{ voteId: string }>("vote.open", { proposalId });
  for (const [i, answer, reason] of answers) await t.members[i].client.ok("vote.answer", { voteId, answer, reason: reason ?? "" });
  await t.chair.client.ok("vote.close", { voteId });
}

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  t = await setupTechnical(server, { unified: 3 });
  slug = (await server.cocrea.db.selectFrom("consultations").select("slug").where("id", "=", t.consultationId).executeTakeFirstOrThrow()).slug;
  [adopted, blocked, withdrawn] = t.unified;

  // Adopted: criteria met, a recusal, a refined text, then a vote by consent.
  await meetCriteria(t, adopted);
  await t.members[2].client.ok("proposal.declare_conflict", { proposalId: adopted, reason: RECUSAL });
  await t.chair.client.ok("proposal.revise", {
    proposalId: adopted,
    note: "La mesa precisó la frecuencia de publicación",
    ...unifiedPayload("Compromiso unificado 1"),
    objective: "Publicar la ejecución presupuestaria mensual en datos abiertos y en lenguaje sencillo.",
  });
  await vote(adopted, [
    [0, "agree"],
    [1, "reservations", RESERVATIONS],
  ]);

  // Blocked: a reasoned block under the consent rule.
  await meetCriteria(t, blocked);
  await vote(blocked, [
    [0, "agree"],
    [1, "block", BLOCK],
    [2, "agree"],
  ]);

  // Withdrawn by an organization behind the unified proposal.
  await t.icefi.client.ok("proposal.withdraw", { proposalId: withdrawn, reason: WITHDRAWAL });
}, 120_000);
afterAll(() => server.stop());

describe("the public proposal sheet shows the technical roundtable's review", () => {
  it("criteria, recusal, the vote's outcome in words, its tally, who answered what, and the changed words", async () => {
    const page = await html(`/c/${slug}/propuestas/${adopted}`);
    expect(page.status).toBe(200);
    const text = page.body;
    expect(text).toContain("Revisión de la Mesa Técnica");
    // The three criteria, each met, with who recorded it (name and organization acronym) and the note.
    expect(text).toContain("(a) La institución pública responsable acepta");
    expect(text).toContain("(b) Viable legalmente");
    expect(text).toContain("(c) Viable financieramente");
    expect(text.match(/review-status status-met/g)).toHaveLength(3);
    const acronym = (await server.cocrea.db.selectFrom("organizations").select("acronym").where("id", "=", t.orgs.minfin).executeTakeFirstOrThrow()).acronym;
    expect(text).toContain(`Registrado por ${t.members[0].name} (${acronym})`);
    expect(text).toContain("Carta de aceptación del ministerio");
    expect(text).toContain("Dictamen jurídico favorable");
    // The recusal is public on the sheet.
    expect(text).toContain("La recusación es pública en la ficha de la propuesta");
    expect(text).toContain(`${t.members[2].name} (`);
    expect(text).toContain(RECUSAL);
    // The vote: outcome and grade in words, the tally, and who answered what (closed, answers public).
    expect(text).toContain("Adoptada por consentimiento");
    expect(text).toMatch(/data-testid="tally-agree">1</);
    expect(text).toMatch(/data-testid="tally-reservations">1</);
    expect(text).toMatch(/data-testid="tally-block">0</);
    expect(text).toContain("2 de 2 integrantes con derecho a voto respondieron");
    expect(text).toContain('data-testid="vote-answers"');
    expect(text).toContain(RESERVATIONS);
    // Versions: the original and the refined text, the changed words marked inserted and deleted.
    expect(text).toContain("Versión 1");
    expect(text).toContain("Versión 2");
    expect(text).toContain("La mesa precisó la frecuencia de publicación");
    expect(text).toMatch(/<ins class="diff-ins">(?:(?!<\/ins>).)*mensual(?:(?!<\/ins>).)*<\/ins>/);
    expect(text).toMatch(/<ins class="diff-ins">(?:(?!<\/ins>).)*sencillo(?:(?!<\/ins>).)*<\/ins>/);
    expect(text).toMatch(/<del class="diff-del">(?:(?!<\/del>).)*ciudadano(?:(?!<\/del>).)*<\/del>/);
    expect(text).toContain("Añadido: ");
    expect(text).toContain("Eliminado: ");
    // Never an e-mail address (the responsible person's, a member's) anywhere in the page.
    expect(text).not.toMatch(EMAIL);
    expect(text).not.toContain("2222-0000");
  });

  it("a blocked proposal reads as not adopted, with the block's reason and the rejection", async () => {
    const { body } = await html(`/c/${slug}/propuestas/${blocked}`);
    expect(body).toContain("No adoptada: bloqueada");
    expect(body).toContain("Motivos de los bloqueos");
    expect(body).toContain(BLOCK);
    expect(body).toContain(`Rechazada: ${BLOCK}`);
    expect(body).toMatch(/data-testid="tally-block">1</);
    expect(body).not.toMatch(EMAIL);
  });

  it("a withdrawal names the organization it was recorded for", async () => {
    const { body } = await html(`/c/${slug}/propuestas/${withdrawn}`);
    const acronym = (await server.cocrea.db.selectFrom("organizations").select("acronym").where("id", "=", t.orgs.icefi).executeTakeFirstOrThrow()).acronym;
    expect(body).toContain(`Retirada por ${acronym}: ${WITHDRAWAL}`);
  });

  it("a proposal that never reached the technical table shows nothing new", async () => {
    const source = await server.cocrea.db
      .selectFrom("proposals")
      .select("id")
      .where("consultation_id", "=", t.consultationId)
      .where("state", "=", "merged")
      .executeTakeFirstOrThrow();
    const { status, body } = await html(`/c/${slug}/propuestas/${source.id}`);
    expect(status).toBe(200);
    expect(body).not.toContain("Revisión de la Mesa Técnica");
  });

  it("the staff sheet shows the same review", async () => {
    const cookie = await loginCookie(server.url, t.observer.email, t.observer.password);
    const { status, body } = await html(`/admin/c/${t.consultationId}/proposals/${adopted}`, cookie);
    expect(status).toBe(200);
    expect(body).toContain("Revisión de la Mesa Técnica");
    expect(body).toContain("Adoptada por consentimiento");
    expect(body).toContain(RECUSAL);
  });

  it("with private answers, only the tally is published", async () => {
    await t.admin.client.ok("consultation.decision_settings", { consultationId: t.consultationId, decisionRule: "consent", privateAnswers: true });
    const { body } = await html(`/c/${slug}/propuestas/${adopted}`);
    expect(body).toContain("Adoptada por consentimiento");
    expect(body).toMatch(/data-testid="tally-reservations">1</);
    expect(body).not.toContain('data-testid="vote-answers"');
    expect(body).not.toContain(RESERVATIONS);
    expect(body).toContain("las respuestas individuales son privadas");
    await t.admin.client.ok("consultation.decision_settings", { consultationId: t.consultationId, decisionRule: "consent", privateAnswers: false });
  });
});

describe("the dashboard's technical panel", () => {
  async function formPage(path: string, cookie: string) {
    const page = await html(path, cookie);
    return {
      ...page,
      cookie: [cookie, page.setCookie].filter(Boolean).join("; "),
      token: /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "",
      nonce: /name="_nonce" value="([^"]+)"/.exec(page.body)?.[1] ?? "",
    };
  }
  const post = (path: string, cookie: string, fields: Record<string, string>) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams(fields),
    });

  it("shows the chair, the links and the settings form; posting the form changes the rule", async () => {
    const cookie = await loginCookie(server.url, t.admin.email, t.admin.password);
    const path = `/admin/c/${t.consultationId}`;
    const page = await formPage(path, cookie);
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-testid="technical-panel"');
    expect(page.body).toContain(`href="/admin/c/${t.consultationId}/technical"`);
    expect(page.body).toContain(`href="/c/${slug}/mesa-tecnica"`);
    expect(page.body).toContain(t.chair.name);
    expect(page.body).toMatch(/<input[^>]*id="decision-rule-consent"[^>]*checked=""[^>]*\/>/);
    expect(page.body).toContain('name="quorumSectorMinimums.civil_society"');
    expect(page.body).toContain("Cooperación internacional");
    expect(page.body).toContain("Se edita en «Datos de la consulta»");

    const res = await post(path, page.cookie, {
      _csrf: page.token,
      _nonce: page.nonce,
      intent: "decision_settings",
      consultationId: t.consultationId,
      decisionRule: "full_consensus",
      standAsideMaxShare: "20",
      supermajorityShare: "75",
      quorumShare: "60",
      "quorumSectorMinimums.public": "1",
      "quorumSectorMinimums.civil_society": "2",
      "quorumSectorMinimums.academia": "0",
      "quorumSectorMinimums.private": "",
      "quorumSectorMinimums.international": "0",
    });
    expect(res.status).toBe(200);
    const row = await server.cocrea.db.selectFrom("consultations").selectAll().where("id", "=", t.consultationId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ decision_rule: "full_consensus", private_answers: 0 });
    expect(row.stand_aside_max_share).toBeCloseTo(0.2);
    expect(row.supermajority_share).toBeCloseTo(0.75);
    expect(row.quorum_share).toBeCloseTo(0.6);
    expect(JSON.parse(row.quorum_sector_minimums)).toEqual({ public: 1, civil_society: 2 });

    const again = await html(path, cookie);
    expect(again.body).toMatch(/<input[^>]*id="decision-rule-full_consensus"[^>]*checked=""[^>]*\/>/);
    expect(again.body).toContain('value="20"');
  });

  it("a small percentage stays a percentage (1 % is not the fraction 1)", async () => {
    const cookie = await loginCookie(server.url, t.admin.email, t.admin.password);
    const path = `/admin/c/${t.consultationId}`;
    const page = await formPage(path, cookie);
    const res = await post(path, page.cookie, {
      _csrf: page.token,
      _nonce: page.nonce,
      intent: "decision_settings",
      consultationId: t.consultationId,
      decisionRule: "consent",
      standAsideMaxShare: "1",
      supermajorityShare: "66.67",
      quorumShare: "50",
      privateAnswers: "on",
    });
    expect(res.status).toBe(200);
    const row = await server.cocrea.db.selectFrom("consultations").selectAll().where("id", "=", t.consultationId).executeTakeFirstOrThrow();
    expect(row.stand_aside_max_share).toBeCloseTo(0.01);
    expect(row).toMatchObject({ decision_rule: "consent", private_answers: 1 });
  });

  it("other staff read the settings in words, without the form", async () => {
    const cookie = await loginCookie(server.url, t.observer.email, t.observer.password);
    const { status, body } = await html(`/admin/c/${t.consultationId}`, cookie);
    expect(status).toBe(200);
    expect(body).toContain('data-testid="decision-summary"');
    expect(body).toContain("Consentimiento");
    expect(body).toContain(`href="/c/${slug}/mesa-tecnica"`);
    expect(body).not.toContain('name="decisionRule"');
  });

  it("without a technical roundtable, the point of contact creates it from the panel", async () => {
    const cookie = await loginCookie(server.url, t.admin.email, t.admin.password);
    const { consultationId } = await createConsultation(t.admin.client);
    const path = `/admin/c/${consultationId}`;
    const page = await formPage(path, cookie);
    expect(page.body).toContain("La consulta todavía no tiene Mesa Técnica.");
    expect(page.body).toContain('value="technical_create"');
    const res = await post(path, page.cookie, { _csrf: page.token, _nonce: page.nonce, intent: "technical_create", consultationId });
    expect(res.status).toBe(200);
    const table = await server.cocrea.db
      .selectFrom("roundtables")
      .select("id")
      .where("consultation_id", "=", consultationId)
      .where("kind", "=", "technical")
      .executeTakeFirst();
    expect(table).toBeTruthy();
    const after = await html(path, cookie);
    expect(after.body).toContain(`href="/admin/c/${consultationId}/technical"`);
    expect(after.body).toContain("Sin presidencia designada");
  });
});

describe("at 390 px", () => {
  it("the public sheet with its review and the dashboard's panel do not scroll sideways", async () => {
    const browser = await launchBrowser();
    try {
      const viewport = { width: 390, height: 844 };
      const page = await newPage(browser, { viewport });
      await page.goto(`${server.url}/c/${slug}/propuestas/${adopted}`);
      await page.getByText("Revisión de la Mesa Técnica").waitFor();
      if (process.env.REVIEW_SCREENSHOTS) await page.getByTestId("technical-review").screenshot({ path: "/tmp/review-public.png" });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      const { context, page: staff } = await signedInContext(browser, server.url, t.admin.email, t.admin.password, { viewport });
      await staff.goto(`${server.url}/admin/c/${t.consultationId}`);
      await staff.getByTestId("technical-panel").waitFor();
      if (process.env.REVIEW_SCREENSHOTS) await staff.getByTestId("technical-panel").screenshot({ path: "/tmp/review-panel.png" });
      expect(await staff.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await context.close();
    } finally {
      await browser.close();
    }
  }, 60_000);
});
