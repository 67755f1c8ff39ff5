// Issue 10: funnel snapshots and the reasoned response, through the JSON API and the public pages.
// Every expected figure and sentence below is written by hand from the steps taken.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, createMember, loginCookie, startServer, type TestServer } from "../support/server";
import { setupTechnical, type TechnicalTable } from "../support/technical";
import { unifiedPayload } from "../support/roundtables";

let server: TestServer;
let t: TechnicalTable;
let slug: string;
let stageSnapshotId: string;
let resultId: string;
let summaryId: string;
const [a1, a2, a3] = [0, 1, 2];

/** The visible text of an HTML fragment. */
function text(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&gt;/g, ">")
    .replace(/&lt;/g, "<")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
/** The visible text of the element carrying this data-testid (first match, up to its closing tag). */
function byTestId(html: string, id: string): string {
  const m = new RegExp(`<(\\w+)[^>]*data-testid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  if (!m) throw new Error(`no element with data-testid="${id}"`);
  return text(m[2]);
}
async function page(path: string): Promise<{ status: number; html: string }> {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, html: await res.text() };
}

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  // Theme A: six proposals registered, merged two by two into three unified ones; the table's only round closed.
  t = await setupTechnical(server, { unified: 3 });
  const admin = t.admin.client;
  slug = (await admin.get(`/api/v1/consultations/${t.consultationId}`)).body.result.consultation.slug;
  // A summary of one online opinion in theme A, that no proposal takes up.
  await admin.ok("stage.open", { stageId: t.stage("opinion_intake") });
  const { inputId } = await new ApiClient(server.url).ok<{ inputId: string }>("opinion.submit", {
    consultationId: t.consultationId,
    subject: "theme",
    themeId: t.themeIds[0],
    text: "Que el presupuesto municipal se publique cada mes.",
  });
  const systematizer = await createMember(server, admin, t.consultationId, "systematizer");
  ({ summaryId } = await systematizer.client.ok<{ summaryId: string }>("summary.create", {
    consultationId: t.consultationId,
    themeId: t.themeIds[0],
    title: "Presupuesto municipal abierto",
    text: "Publicar el presupuesto municipal.",
    inputIds: [inputId],
  }));
});
afterAll(() => server.stop());

describe("snapshots", () => {
  it("closing a stage records the funnel as it stands, with the ids behind each figure", async () => {
    const closed = await t.admin.client.ok<{ snapshotId: string }>("stage.close", { stageId: t.stage("thematic_roundtables") });
    stageSnapshotId = closed.snapshotId;
    expect(stageSnapshotId).toMatch(/^[0-9a-f-]{36}$/);

    const list = await page(`/c/${slug}/propuestas/instantaneas`);
    expect(list.status).toBe(200);
    const rows = byTestId(list.html, "snapshot-list");
    // Newest first: the stage's close, then the thematic round's close (the table's last round).
    expect(rows).toContain("Cierre de la etapa «Mesas temáticas»");
    expect(rows).toContain("Cierre de la ronda 1 de la mesa");
    expect(rows.indexOf("Cierre de la etapa")).toBeLessThan(rows.indexOf("Cierre de la ronda 1"));

    const detail = await page(`/c/${slug}/propuestas/instantaneas/${stageSnapshotId}`);
    expect(detail.status).toBe(200);
    // Theme A: 6 registered, 3 unified; nothing further yet. Theme B: nothing.
    const expected = { proposed: "6", unified: "3", technical: "0", refined: "0", plan: "0" };
    for (const [stage, n] of Object.entries(expected)) {
      expect(byTestId(detail.html, `snap-total-${stage}`)).toBe(n);
      expect(byTestId(detail.html, `snap-${t.themeIds[0]}-${stage}`)).toBe(n);
      expect(byTestId(detail.html, `snap-${t.themeIds[1]}-${stage}`)).toBe("0");
    }
    expect(text(detail.html)).toContain("Ninguna cifra cambió desde esta instantánea.");
  });

  it("after a merge and a session close, the comparison shows what changed and by which command", async () => {
    // The technical table merges unified 1 and 2; the chair rejects unified 3; closing the session fills "technical".
    const merged = await t.chair.client.ok<{ proposalId: string }>("proposal.merge", {
      roundtableId: t.technicalId,
      sourceIds: [t.unified[a1], t.unified[a2]],
      result: unifiedPayload("Presupuesto abierto y compras públicas"),
      present: [t.orgs.minfin],
      agreed: true,
      agreedNote: "Tratan el mismo presupuesto",
    });
    resultId = merged.proposalId;
    await t.chair.client.ok("proposal.reject", { proposalId: t.unified[a3], reason: "No es financieramente viable" });
    const closed = await t.chair.client.ok<{ snapshotId: string; entered: number }>("technical.session.close", { roundId: t.sessionId });
    expect(closed.entered).toBe(1);

    const detail = await page(`/c/${slug}/propuestas/instantaneas/${stageSnapshotId}`);
    // "After the technical roundtable": 0 then, 1 today (the merge's result); the other figures did not move.
    expect(byTestId(detail.html, "snap-total-technical")).toBe("0 → 1");
    expect(byTestId(detail.html, `snap-${t.themeIds[0]}-technical`)).toBe("0 → 1");
    expect(byTestId(detail.html, "snap-total-unified")).toBe("3");
    expect(byTestId(detail.html, "snap-total-proposed")).toBe("6");
    const change = byTestId(detail.html, `change-${resultId}`);
    expect(change).toContain("Presupuesto abierto y compras públicas");
    expect(change).toContain("entró en «Después de la Mesa Técnica»");
    // The command that changed it, named as people say it (not its identifier).
    expect(change).toContain("Propuestas unificadas");
    expect(change).not.toContain("proposal.merge");
    expect(detail.html.match(/data-testid="change-/g)).toHaveLength(1);

    // The session's own snapshot already holds today's figures.
    const list = byTestId((await page(`/c/${slug}/propuestas/instantaneas`)).html, "snapshot-list");
    expect(list).toContain("Cierre de la sesión 1 de la Mesa Técnica");
    const own = await page(`/c/${slug}/propuestas/instantaneas/${closed.snapshotId}`);
    expect(byTestId(own.html, "snap-total-technical")).toBe("1");
  });

  it("an unknown snapshot is a 404", async () => {
    expect((await page(`/c/${slug}/propuestas/instantaneas/${randomUUID()}`)).status).toBe(404);
  });
});

describe("the reasoned response", () => {
  const report = () => page(`/c/${slug}/respuesta`);

  it("response.write refuses bad input (400) and anyone but the point of contact (403), writing nothing", async () => {
    const admin = t.admin.client;
    const bad = [
      { proposalId: resultId, text: "" },
      { proposalId: "no-es-un-id", text: "Respuesta" },
      { summaryId, proposalId: resultId, text: "Las dos a la vez" },
      { text: "Ninguna" },
    ];
    for (const payload of bad) {
      const r = await admin.command("response.write", payload);
      expect(r.status).toBe(400);
      expect(r.body.ok).toBe(false);
    }
    for (const who of [t.chair.client, t.observer.client, t.icefi.client]) {
      const r = await who.command("response.write", { proposalId: resultId, text: "No me corresponde" });
      expect(r.status).toBe(403);
    }
    expect((await new ApiClient(server.url).command("response.write", { proposalId: resultId, text: "Anónimo" })).status).toBe(401);
    expect((await admin.command("response.write", { proposalId: randomUUID(), text: "Nadie" })).status).toBe(404);
    const html = (await report()).html;
    expect(byTestId(html, `response-${resultId}`)).toContain("Todavía sin respuesta escrita.");
    expect(html).not.toContain("No me corresponde");
  });

  it("shows every summary and proposal with its fate in words and the written response", async () => {
    const admin = t.admin.client;
    await admin.ok("response.write", { proposalId: t.unified[a3], text: "Se buscará financiamiento para el próximo plan." });
    await admin.ok("response.write", { proposalId: t.unified[a3], text: "El ministerio la incluirá en su presupuesto 2018." });
    await admin.ok("response.write", { summaryId, text: "Se trasladó a la mesa de transparencia fiscal." });

    const { status, html } = await report();
    expect(status).toBe(200);
    expect(html).toContain('href="/response-print.css"');
    const rejected = byTestId(html, `response-${t.unified[a3]}`);
    expect(rejected).toContain("Compromiso unificado 3");
    expect(rejected).toContain("Rechazada. Motivo: No es financieramente viable");
    expect(rejected).toContain("El ministerio la incluirá en su presupuesto 2018.");
    expect(rejected).toContain("1 respuesta(s) anterior(es) reemplazada(s)");
    expect(rejected).not.toContain("Se buscará financiamiento");
    expect(byTestId(html, `response-${t.unified[a1]}`)).toContain(
      "Unificada en «Presupuesto abierto y compras públicas». Acuerdo de la mesa: Tratan el mismo presupuesto",
    );
    expect(byTestId(html, `response-${resultId}`)).toContain("Sigue en consideración (llegó a «Después de la Mesa Técnica»).");
    const summary = byTestId(html, `response-${summaryId}`);
    expect(summary).toContain("Presupuesto municipal abierto");
    expect(summary).toContain("Ninguna propuesta la retomó.");
    expect(summary).toContain("Se trasladó a la mesa de transparencia fiscal.");
    // Anonymous readers get no form.
    expect(html).not.toContain('name="text"');
  });

  it("the CSV has one row per summary and proposal with the fate, the reason and the response", async () => {
    const res = await fetch(`${server.url}/c/${slug}/respuesta.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("kind,id,theme,title,state,fate,reason,response,response_written_at");
    // 1 summary + 6 registered + 3 unified + 1 merge result.
    expect(lines).toHaveLength(1 + 11);
    const row = lines.find((l) => l.includes(t.unified[a3]))!;
    expect(row).toMatch(/^proposal,/);
    expect(row).toContain(
      ",Compromiso unificado 3,rejected,Rechazada. Motivo: No es financieramente viable,No es financieramente viable,El ministerio la incluirá en su presupuesto 2018.,",
    );
    expect(lines.find((l) => l.includes(summaryId))).toMatch(
      /^summary,.*,Presupuesto municipal abierto,,Ninguna propuesta la retomó\.,,Se trasladó a la mesa de transparencia fiscal\.,/,
    );
  });

  it("the point of contact writes a response from the page without JavaScript", async () => {
    const session = await loginCookie(server.url, t.admin.email as string, t.admin.password as string);
    const form = await fetch(`${server.url}/c/${slug}/respuesta`, { headers: { cookie: session } });
    const html = await form.text();
    expect(html).toContain(`name="proposalId" value="${resultId}"`);
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const posted = await fetch(`${server.url}/c/${slug}/respuesta`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: session },
      body: new URLSearchParams({
        _csrf: token,
        _nonce: randomUUID(),
        intent: `respond-proposal-${resultId}`,
        proposalId: resultId,
        text: "Pasa a la consulta del borrador.",
      }),
    });
    expect(posted.status).toBe(200);
    expect(byTestId(await posted.text(), `response-${resultId}`)).toContain("Respuesta guardada.");
    expect(byTestId((await report()).html, `response-${resultId}`)).toContain("Pasa a la consulta del borrador.");
  });
});
