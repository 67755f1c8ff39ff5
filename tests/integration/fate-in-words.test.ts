// An adopted proposal's fate in words, on every page that tells it, before and after the plan (issue 17): built
// through the JSON API as the people would. Two opinions: one grouped into a summary that ICEFI's proposal answers,
// one answered directly by CIIDH's; the thematic roundtable merges both; the technical roundtable merges the result
// with one of its own proposals, refines the text and adopts it by full consensus. Its sheet, each proposal's sheet
// behind it, both receipts, the summary's sheet and the reasoned response first say "adopted, awaiting the plan",
// then — once the plan is published with it second — "Compromiso 2 del plan", with links to its anchor in the plan
// and in the follow-up. Its lineage counts the six proposals, one summary and two inputs behind it. A full-consensus
// vote lost to stand-asides reads in words, and the staff's activity names plan.submit. Every expectation is
// written from the story.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { opinion } from "../support/intake";
import { adopt } from "../support/plan";
import { mergePayload, registerProposals, unifiedPayload } from "../support/roundtables";
import { ApiClient, createMember, loginCookie, startServer, type TestServer } from "../support/server";
import { meetCriteria, setupTechnical, type TechnicalTable } from "../support/technical";

let server: TestServer;
let t: TechnicalTable;
let slug: string;
const ids = {} as {
  inputA: string;
  receiptA: string;
  inputB: string;
  receiptB: string;
  summary: string;
  p1: string;
  p2: string;
  merged: string;
  commitment: string;
  other: string;
  standAsides: string;
  planId: string;
};
const COMMITMENT = "Compras y obra pública abiertas";

/** The page's text as a reader sees it: inline tags and React's text separators dropped, blocks spaced, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<!-- -->/g, "")
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<\/?(a|strong|q|span|em)\b[^>]*>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

async function page(path: string, lang: "es" | "en" = "es", cookie?: string) {
  const res = await fetch(`${server.url}${path}`, { headers: { "accept-language": lang, ...(cookie ? { cookie } : {}) } });
  expect(res.status, path).toBe(200);
  const html = await res.text();
  return { html, text: textOf(html) };
}

const sheet = (id: string) => `/c/${slug}/propuestas/${id}`;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  // Full consensus: stand-asides may be at most a quarter of the answers.
  t = await setupTechnical(server, { unified: 3, settings: { decisionRule: "full_consensus", standAsideMaxShare: 0.25 } });
  [ids.other, ids.standAsides] = t.unified;
  const admin = t.admin.client;
  slug = (await admin.get(`/api/v1/consultations/${t.consultationId}`)).body.result.consultation.slug;
  await admin.ok("stage.open", { stageId: t.stage("opinion_intake") });
  const theme = t.themeIds[0];
  const citizen = () => new ApiClient(server.url);
  const a = await citizen().ok(
    "opinion.submit",
    opinion(t.consultationId, { about: `theme:${theme}`, text: "Que se publiquen todas las compras del Estado." }),
  );
  const b = await citizen().ok("opinion.submit", opinion(t.consultationId, { text: "Que la obra pública se pueda seguir en un mapa." }));
  Object.assign(ids, { inputA: a.inputId, receiptA: a.receiptCode, inputB: b.inputId, receiptB: b.receiptCode });
  const systematizer = await createMember(server, admin, t.consultationId, "systematizer");
  ids.summary = (
    await systematizer.client.ok("summary.create", {
      consultationId: t.consultationId,
      themeId: theme,
      title: "Compras del Estado a la vista",
      text: "La ciudadanía pide ver cada compra pública.",
      inputIds: [ids.inputA],
    })
  ).summaryId;

  // The thematic roundtable: ICEFI answers the summary, CIIDH the second opinion directly; the table merges both.
  const { roundId } = await admin.ok("round.schedule", { roundtableId: t.roundtableId, heldOn: "2016-07-07", venue: "SEGEPLAN" });
  await admin.ok("round.open", { roundId });
  [ids.p1] = await registerProposals(t.icefi.client, t.roundtableId, 1, {
    title: "Portal de compras",
    respondsTo: { summaryIds: [ids.summary], inputIds: [] },
  });
  [ids.p2] = await registerProposals(t.ciidh.client, t.roundtableId, 1, {
    title: "Mapa de la obra pública",
    respondsTo: { summaryIds: [], inputIds: [ids.inputB] },
  });
  ids.merged = (await t.member.client.ok("proposal.merge", mergePayload(t, [ids.p1, ids.p2], "Compras y obra abiertas"))).proposalId;
  await admin.ok("round.close", { roundId });

  // The technical roundtable merges it further with one of its own, refines the text, and adopts it by full consensus.
  ids.commitment = (
    await t.members[0].client.ok("proposal.merge", {
      roundtableId: t.technicalId,
      sourceIds: [ids.merged, t.unified[2]],
      result: unifiedPayload("Compras y obra pública (unificada)"),
      present: [t.orgs.minfin, t.orgs.icefi],
      agreed: true,
      agreedNote: "Acordado en la sesión de revisión",
    })
  ).proposalId;
  await t.chair.client.ok("proposal.revise", {
    proposalId: ids.commitment,
    note: "La mesa precisó el nombre",
    ...unifiedPayload(COMMITMENT),
  });
  await adopt(t, ids.commitment);

  // Another proposal: two of three members stand aside, more than full consensus allows.
  await meetCriteria(t, ids.standAsides);
  const { voteId } = await t.chair.client.ok("vote.open", { proposalId: ids.standAsides });
  await t.members[0].client.ok("vote.answer", { voteId, answer: "agree" });
  await t.members[1].client.ok("vote.answer", { voteId, answer: "stand_aside" });
  await t.members[2].client.ok("vote.answer", { voteId, answer: "stand_aside" });
  await t.chair.client.ok("vote.close", { voteId });
}, 180_000);
afterAll(() => server.stop());

describe("adopted, before the plan is published: awaiting the plan, never 'still at the table'", () => {
  it("the commitment's sheet", async () => {
    const { text } = await page(sheet(ids.commitment));
    expect(text).toContain("Adoptada por la Mesa Técnica: espera el plan.");
    expect(text).not.toContain("Sigue en la mesa");
    expect(text).not.toContain("del plan. Ver el compromiso");
    const en = await page(sheet(ids.commitment), "en");
    expect(en.text).toContain("Adopted by the technical roundtable: awaiting the plan.");
    expect(en.text).not.toContain("Still at the table");
  });

  it("its lineage walks back through the technical merge and the thematic merge: 6 proposals, 1 summary, 2 citizen inputs", async () => {
    // Behind it: the thematic merge's result and the technical table's own proposal; behind those, ICEFI's and
    // CIIDH's proposals and the two registered proposals merged into the technical table's one.
    const { text } = await page(sheet(ids.commitment));
    expect(text).toContain("6 propuestas, 1 resumen y 2 aportes ciudadanos");
    expect(text).toContain("Que se publiquen todas las compras del Estado.");
    expect(text).toContain("Que la obra pública se pueda seguir en un mapa.");
  });

  it("a proposal merged into it says it lives on in the adopted proposal, awaiting the plan", async () => {
    const { text, html } = await page(sheet(ids.p1));
    expect(text).toContain(`«${COMMITMENT}» fue adoptada por la Mesa Técnica y espera el plan.`);
    expect(text).not.toContain("Sigue en la mesa");
    expect(html).toContain(`href="${sheet(ids.commitment)}"`);
  });

  it("both receipts say it was adopted and awaits the plan", async () => {
    for (const code of [ids.receiptA, ids.receiptB]) {
      const { text } = await page(`/r/${code}`);
      expect(text).toContain(`«${COMMITMENT}» fue adoptada por la Mesa Técnica y espera el plan.`);
      expect(text).toContain("La Mesa Técnica la adoptó; espera el plan.");
      expect(text).not.toContain("Llegó al plan");
    }
  });

  it("assembled but not published: still awaiting the plan", async () => {
    // The other adopted commitment first, ours second.
    await adopt(t, ids.other);
    ids.planId = (
      await t.admin.client.ok("plan.assemble", {
        consultationId: t.consultationId,
        introduction: "Los compromisos adoptados por consenso.",
        proposalIds: [ids.other, ids.commitment],
      })
    ).planId;
    expect((await page(sheet(ids.commitment))).text).toContain("Adoptada por la Mesa Técnica: espera el plan.");
    expect((await page(`/r/${ids.receiptA}`)).text).toContain("La Mesa Técnica la adoptó; espera el plan.");
  });
});

describe("in the published plan: commitment 2 of the plan, with links to the plan and its follow-up", () => {
  beforeAll(async () => {
    await t.admin.client.ok("plan.publish", { planId: ids.planId });
  });

  it("the commitment's sheet reads 'Compromiso 2 del plan' and links to both anchors, which exist", async () => {
    const { text, html } = await page(sheet(ids.commitment));
    expect(text).toContain("Compromiso 2 del plan.");
    expect(text).toContain("Ver el compromiso 2 en el plan");
    expect(text).toContain("Ver su seguimiento");
    expect(html).toContain(`href="/c/${slug}/plan#compromiso-2"`);
    expect(html).toContain(`href="/c/${slug}/plan/seguimiento#c-${ids.commitment}"`);
    expect((await page(`/c/${slug}/plan`)).html).toContain('id="compromiso-2"');
    expect((await page(`/c/${slug}/plan/seguimiento`)).html).toContain(`id="c-${ids.commitment}"`);

    const en = await page(sheet(ids.commitment), "en");
    expect(en.text).toContain("Commitment 2 of the plan.");
    expect(en.text).toContain("See commitment 2 in the plan");
    expect(en.text).toContain("See its follow-up");
  });

  it("a proposal behind it, the receipts, the summary's sheet and the reasoned response say the same", async () => {
    const p1 = await page(sheet(ids.p1));
    expect(p1.text).toContain(`«${COMMITMENT}» es el compromiso 2 del plan.`);
    expect(p1.html).toContain(`href="/c/${slug}/plan#compromiso-2"`);

    for (const code of [ids.receiptA, ids.receiptB]) {
      const { text, html } = await page(`/r/${code}`);
      expect(text).toContain(`«${COMMITMENT}» es el compromiso 2 del plan.`);
      expect(text).toContain("Llegó al plan como compromiso 2.");
      expect(html).toContain(`href="/c/${slug}/plan/seguimiento#c-${ids.commitment}"`);
    }
    const en = await page(`/r/${ids.receiptA}`, "en");
    expect(en.text).toContain(`«${COMMITMENT}» is commitment 2 of the plan.`);
    expect(en.text).toContain("It reached the plan as commitment 2.");

    const summary = await page(`/c/${slug}/resumenes/${ids.summary}`);
    expect(summary.text).toContain(`«${COMMITMENT}» es el compromiso 2 del plan.`);

    const response = await page(`/c/${slug}/respuesta`);
    expect(response.text).toContain("Compromiso 2 del plan.");
    expect(response.text).not.toContain("stand_asides");
  });
});

describe("codes reach readers in words", () => {
  it("the public technical page gives the stand-asides reason in words, in Spanish and English", async () => {
    const es = await page(`/c/${slug}/mesa-tecnica`);
    // Two of the three who answered stood aside; a quarter of three allows none.
    expect(es.text).toContain("No adoptada: más abstenciones de las permitidas: 2 de 3, el máximo es 0");
    expect(es.text).not.toContain("stand_asides");
    const en = await page(`/c/${slug}/mesa-tecnica`, "en");
    expect(en.text).toContain("Not adopted: more stand-asides than allowed: 2 of 3, the maximum is 0");
    expect(en.text).not.toContain("stand_asides");
  });

  it("the staff activity feed names the plan's approval and submission in words", async () => {
    await t.admin.client.ok("plan.approve", { planId: ids.planId, approvedBy: "Mesa de Alto Nivel", approvedOn: "2016-08-11", reference: "Acta 3-2016" });
    await t.admin.client.ok("plan.submit", { planId: ids.planId, submittedOn: "2016-10-31", link: "https://www.opengovpartnership.org/guatemala" });
    const cookie = await loginCookie(server.url, t.admin.email, t.admin.password);
    const es = await page(`/admin/c/${t.consultationId}`, "es", cookie);
    expect(es.text).toContain("Plan enviado a la AGA");
    expect(es.text).toContain("Plan aprobado");
    expect(es.text).not.toContain("Otra acción");
    // Approved and submitted, it is still commitment 2 of the plan.
    expect((await page(sheet(ids.commitment))).text).toContain("Compromiso 2 del plan.");
  });
});
