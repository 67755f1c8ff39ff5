// The fate of a citizen's opinion, through the JSON API only: an opinion → a summary takes it up → a proposal
// responds to the summary → the thematic roundtable merges it → the technical roundtable adopts the result. The
// receipt (as a browser without JavaScript reads it) says each step in words, linking to the public sheets; a
// hidden opinion gives the moderation's reason; one left out when systematization closed says so. Then
// GET /api/v1/items/:id/lineage for the input, the summary and the commitment. Every expectation is written by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forumMatrixFixture } from "../support/forum-fixture";
import { opinion } from "../support/intake";
import { mergePayload, registerProposals } from "../support/roundtables";
import { ApiClient, createMember, loginCookie, startServer, type TestServer } from "../support/server";
import { meetCriteria, setupTechnical, type TechnicalTable } from "../support/technical";

let server: TestServer;
let t: TechnicalTable;
let slug: string;
let forum: Awaited<ReturnType<typeof forumMatrixFixture>>;
const citizen = () => new ApiClient(server.url);
const ids = {} as {
  input: string;
  receipt: string;
  summary: string;
  p1: string;
  p2: string;
  merged: string;
  hidden: string;
  hiddenReceipt: string;
  left: string;
  leftReceipt: string;
};

/** The page's text as a reader sees it: inline tags and React's text separators dropped, blocks spaced, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<!-- -->/g, "")
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<\/?(a|strong|q|span)\b[^>]*>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

async function receipt(code: string) {
  const res = await fetch(`${server.url}/r/${code}`);
  expect(res.status).toBe(200);
  const html = await res.text();
  return { html, text: textOf(html) };
}

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  // A technical roundtable with an open review session; its one unified proposal is not ours.
  t = await setupTechnical(server, { unified: 1 });
  const admin = t.admin.client;
  slug = (await admin.get(`/api/v1/consultations/${t.consultationId}`)).body.result.consultation.slug;
  await admin.ok("stage.open", { stageId: t.stage("opinion_intake") });
  const theme = t.themeIds[0];

  const sent = await citizen().ok(
    "opinion.submit",
    opinion(t.consultationId, { about: `theme:${theme}`, text: "Que los contratos de obra se publiquen completos, con sus cambios." }),
  );
  ids.input = sent.inputId;
  ids.receipt = sent.receiptCode;
  const hidden = await citizen().ok("opinion.submit", opinion(t.consultationId, { text: "Mi vecino Juan Pérez, de la zona 5, cobra sobornos." }));
  ids.hidden = hidden.inputId;
  ids.hiddenReceipt = hidden.receiptCode;
  const left = await citizen().ok("opinion.submit", opinion(t.consultationId, { text: "Que haya más foros en Petén." }));
  ids.left = left.inputId;
  ids.leftReceipt = left.receiptCode;

  // Moderation hides one with a reason; a systematizer groups the first into a summary.
  await admin.ok("opinion.hide", { inputId: ids.hidden, reason: "Acusa a una persona con nombre y dirección" });
  const systematizer = await createMember(server, admin, t.consultationId, "systematizer");
  ids.summary = (
    await systematizer.client.ok("summary.create", {
      consultationId: t.consultationId,
      themeId: theme,
      title: "Contratos de obra abiertos",
      text: "La ciudadanía pide publicar los contratos de obra y sus modificaciones.",
      inputIds: [ids.input],
    })
  ).summaryId;

  // A second round of the thematic table: ICEFI answers the summary, CIIDH registers another; the table merges both.
  const { roundId } = await admin.ok("round.schedule", { roundtableId: t.roundtableId, heldOn: "2016-07-07", venue: "SEGEPLAN" });
  await admin.ok("round.open", { roundId });
  [ids.p1] = await registerProposals(t.icefi.client, t.roundtableId, 1, {
    title: "Portal de contratos de obra",
    respondsTo: { summaryIds: [ids.summary], inputIds: [] },
  });
  [ids.p2] = await registerProposals(t.ciidh.client, t.roundtableId, 1, { title: "Contrataciones en datos abiertos" });
  ids.merged = (await t.member.client.ok("proposal.merge", mergePayload(t, [ids.p1, ids.p2], "Contrataciones abiertas de punta a punta"))).proposalId;
  await admin.ok("round.close", { roundId });

  // The technical roundtable: the three criteria, then a vote everyone agrees with.
  await meetCriteria(t, ids.merged);
  const { voteId } = await t.chair.client.ok("vote.open", { proposalId: ids.merged });
  for (const m of t.members) await m.client.ok("vote.answer", { voteId, answer: "agree" });
  expect((await t.chair.client.ok("vote.close", { voteId })).outcome.kind).toBe("adopted");

  // A forum: three captures at a table, one of them taken up by the summary «Compras públicas».
  forum = await forumMatrixFixture(server, admin, { consultationId: t.consultationId, themeId: theme });

  // Systematization closes: the third opinion was never taken up.
  await admin.ok("stage.open", { stageId: t.stage("systematization") });
  await admin.ok("stage.close", { stageId: t.stage("systematization") });
});
afterAll(() => server.stop());

describe("the receipt tells what became of the opinion", () => {
  it("step by step: summary, proposal, merge, commitment — each a link to its public sheet", async () => {
    const { html, text } = await receipt(ids.receipt);
    expect(text).toContain("Qué fue de su opinión");
    expect(text).toContain("Se agrupó en el resumen «Contratos de obra abiertos».");
    expect(text).toContain("La propuesta «Portal de contratos de obra» responde a ese resumen.");
    expect(text).toMatch(/Se unificó con otras en la propuesta «Contrataciones abiertas de punta a punta» \(\d{1,2} de [a-z]+ de \d{4}\)\./);
    // No plan was assembled: adopted, awaiting the plan (not "in the plan", not "still at the table").
    expect(text).toContain("«Contrataciones abiertas de punta a punta» fue adoptada por la Mesa Técnica y espera el plan.");
    expect(text).toContain("La Mesa Técnica la adoptó; espera el plan.");
    expect(text).not.toContain("Llegó al plan");
    expect(html).toContain(`href="/c/${slug}/resumenes/${ids.summary}"`);
    expect(html).toContain(`href="/c/${slug}/propuestas/${ids.p1}"`);
    expect(html).toContain(`href="/c/${slug}/propuestas/${ids.merged}"`);
    // The other proposal merged in is not this opinion's way forward.
    expect(text).not.toContain("Contrataciones en datos abiertos");

    // The steps' links open: the summary's sheet lists what answers it, the commitment's sheet exists.
    const summaryPage = textOf(await (await fetch(`${server.url}/c/${slug}/resumenes/${ids.summary}`)).text());
    expect(summaryPage).toContain("Contratos de obra abiertos");
    expect(summaryPage).toContain("La propuesta «Portal de contratos de obra» responde a ese resumen.");
    expect(summaryPage).toContain("Aportes que agrupa (1)");
    expect(summaryPage).toContain("Que los contratos de obra se publiquen completos, con sus cambios.");
    expect((await fetch(`${server.url}/c/${slug}/propuestas/${ids.merged}`)).status).toBe(200);

    // The reasoned response answers for the summary that took the opinion up.
    expect(text).toContain("Cómo se consideraron los aportes: la respuesta razonada");
    expect(html).toContain(`href="/c/${slug}/respuesta#item-${ids.summary}"`);
    expect(textOf(await (await fetch(`${server.url}/c/${slug}/respuesta`)).text())).toContain("Contratos de obra abiertos");
  });

  it("in English too", async () => {
    const res = await fetch(`${server.url}/r/${ids.receipt}`, { headers: { "accept-language": "en" } });
    const text = textOf(await res.text());
    expect(text).toContain("What became of your opinion");
    expect(text).toContain("It was grouped into the summary «Contratos de obra abiertos».");
    expect(text).toContain("The technical roundtable adopted it; it awaits the plan.");
  });

  it("a hidden opinion: it went no further, with the moderation's reason, and no text", async () => {
    const { text } = await receipt(ids.hiddenReceipt);
    expect(text).not.toContain("la respuesta razonada");
    expect(text).toContain("No siguió adelante: la moderación ocultó el texto. Motivo registrado: «Acusa a una persona con nombre y dirección»");
    expect(text).not.toContain("Juan Pérez");
  });

  it("an opinion no summary took up once systematization closed", async () => {
    const { text } = await receipt(ids.leftReceipt);
    expect(text).toContain("Ningún resumen recogió este texto y la sistematización ya cerró.");
  });
});

describe("GET /api/v1/items/:id/lineage", () => {
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;
  const byId = (nodes: Array<{ id: string }>) => Object.fromEntries(nodes.map((n) => [n.id, n]));
  const edgeList = (edges: Array<{ from: string; to: string; operation: string }>) => edges.map((e) => `${e.from} ${e.operation} ${e.to}`).sort();

  it("for the input: forward to the summary, the proposal answering it and the commitment it was merged into", async () => {
    const res = await citizen().get(`/api/v1/items/${ids.input}/lineage`);
    expect(res.status).toBe(200);
    const graph = res.body.result;
    expect(graph.kind).toBe("input");
    expect(byId(graph.nodes)).toEqual({
      [ids.input]: {
        id: ids.input,
        kind: "input",
        title: "Que los contratos de obra se publiquen completos, con sus cambios.",
        state: "visible",
        stage: "opinion_intake",
        channel: "online",
      },
      [ids.summary]: { id: ids.summary, kind: "summary", title: "Contratos de obra abiertos", state: "published", stage: "systematization" },
      [ids.p1]: { id: ids.p1, kind: "proposal", title: "Portal de contratos de obra", state: "merged", stage: "proposed" },
      [ids.merged]: { id: ids.merged, kind: "commitment", title: "Contrataciones abiertas de punta a punta", state: "adopted", stage: "plan" },
    });
    expect(edgeList(graph.edges)).toEqual(
      [`${ids.input} summarized ${ids.summary}`, `${ids.p1} merge ${ids.merged}`, `${ids.summary} responds ${ids.p1}`].sort(),
    );
    const merge = graph.edges.find((e: { operation: string }) => e.operation === "merge");
    expect(merge.at).toMatch(at);
    expect(merge.present.map((o: { acronym: string }) => o.acronym.split("-")[0]).sort()).toEqual(["CIIDH", "ICEFI", "MINFIN"]);
  });

  it("for the summary: back to its input, forward to the commitment", async () => {
    const graph = (await citizen().get(`/api/v1/items/${ids.summary}/lineage`)).body.result;
    expect(graph.kind).toBe("summary");
    expect(Object.keys(byId(graph.nodes)).sort()).toEqual([ids.input, ids.summary, ids.p1, ids.merged].sort());
    expect(edgeList(graph.edges)).toEqual(
      [`${ids.input} summarized ${ids.summary}`, `${ids.p1} merge ${ids.merged}`, `${ids.summary} responds ${ids.p1}`].sort(),
    );
  });

  it("for the commitment: back through both merged proposals to the summary and the opinion", async () => {
    const graph = (await citizen().get(`/api/v1/items/${ids.merged}/lineage`)).body.result;
    expect(graph.kind).toBe("commitment");
    const nodes = byId(graph.nodes);
    expect(Object.keys(nodes).sort()).toEqual([ids.input, ids.summary, ids.p1, ids.p2, ids.merged].sort());
    expect(nodes[ids.p2]).toEqual({ id: ids.p2, kind: "proposal", title: "Contrataciones en datos abiertos", state: "merged", stage: "proposed" });
    expect(edgeList(graph.edges)).toEqual(
      [`${ids.input} summarized ${ids.summary}`, `${ids.summary} responds ${ids.p1}`, `${ids.p1} merge ${ids.merged}`, `${ids.p2} merge ${ids.merged}`].sort(),
    );
  });

  it("a hidden input has no text; an unknown id is a 404 in the API envelope; no personal data anywhere", async () => {
    const hidden = (await citizen().get(`/api/v1/items/${ids.hidden}/lineage`)).body.result;
    expect(hidden.nodes).toEqual([{ id: ids.hidden, kind: "input", title: null, state: "hidden", stage: "opinion_intake", channel: "online" }]);
    expect(hidden.edges).toEqual([]);

    const missing = await citizen().get("/api/v1/items/7d0c3c43-2a55-4c39-9d2e-0d5b8c1c5e11/lineage");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ ok: false, error: { code: "not_found", message: "No se encontró: item." } });

    for (const id of [ids.input, ids.summary, ids.merged, ids.hidden]) {
      const body = JSON.stringify((await citizen().get(`/api/v1/items/${id}/lineage`)).body);
      for (const secret of [t.icefi.email, t.icefi.name, t.member.email, t.member.name, "ana@minfin.gob.gt", "Juan Pérez", ids.receipt, ids.hiddenReceipt]) {
        expect(body).not.toContain(secret);
      }
    }
  });
});

describe("a forum capture's fate, for the consultation's staff", () => {
  it("the board links each card to its fate; the page tells where the capture went, or that it was not taken up", async () => {
    const cookie = await loginCookie(server.url, t.admin.email, t.admin.password);
    const board = await (await fetch(`${server.url}/forums/${forum.forumId}/board`, { headers: { cookie } })).text();
    expect(board).toContain(`href="/forums/${forum.forumId}/captures/${forum.summarizedInputId}"`);
    expect(textOf(board)).toContain("Qué fue de él");

    const taken = textOf(await (await fetch(`${server.url}/forums/${forum.forumId}/captures/${forum.summarizedInputId}`, { headers: { cookie } })).text());
    expect(taken).toContain("Qué fue de este aporte");
    expect(taken).toContain("Que la municipalidad publique sus compras");
    expect(taken).toContain("Se agrupó en el resumen «Compras públicas».");
    expect(taken).toContain("Todavía ninguna propuesta responde a ese resumen.");

    const free = textOf(await (await fetch(`${server.url}/forums/${forum.forumId}/captures/${forum.freeInputId}`, { headers: { cookie } })).text());
    expect(free).toContain("Ningún resumen recogió este texto y la sistematización ya cerró.");

    // Not a public page; and an online opinion is not a capture of this forum.
    expect((await fetch(`${server.url}/forums/${forum.forumId}/captures/${forum.freeInputId}`, { redirect: "manual" })).status).toBe(302);
    expect((await fetch(`${server.url}/forums/${forum.forumId}/captures/${ids.input}`, { headers: { cookie } })).status).toBe(404);
  });
});
