// The public sees how many proposals remain at each stage, per theme, and every figure opens the proposals behind it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiClient, emitWithAck, startServer, waitForEvent, type TestServer } from "../support/server";
import { mergePayload, proposalPayload, registerProposals, setupRoundtable, type Table } from "../support/roundtables";

let server: TestServer;
let table: Table;
let slug: string;
let ids: string[];
let merged: string;
let draft: string;

beforeAll(async () => {
  server = await startServer();
  table = await setupRoundtable(server);
  slug = (await table.admin.client.get(`/api/v1/consultations/${table.consultationId}`)).body.result.consultation.slug;
  ids = [...(await registerProposals(table.icefi.client, table.roundtableId, 3)), ...(await registerProposals(table.ciidh.client, table.roundtableId, 2))];
  draft = (
    await table.icefi.client.ok<{ proposalId: string }>("proposal.create", proposalPayload(table.roundtableId, { title: "Borrador privado", draft: true }))
  ).proposalId;
});
afterAll(() => server.stop());

const page = async (path: string) => {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, html: await res.text() };
};
const cell = (html: string, id: string) => new RegExp(`data-testid="(?:funnel-)?${id}"[^>]*>(\\d+)<`).exec(html)?.[1] ?? "";
const chart = (html: string, stage: string, at: string) => cell(html, `chart-${stage}-${at}`);
const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'");
// The proposals the list shows: the first link of each item (a merged one also links to where it went).
const listed = (html: string) => [...html.matchAll(/<li[^>]*><a [^>]*href="\/c\/[^/]+\/propuestas\/([0-9a-f-]{36})"/g)].map((m) => m[1]);

it("counts registered proposals per theme and stage, hears merges live, and traces each figure", async () => {
  const visitor = new ApiClient(server.url).socket();
  await emitWithAck(visitor, "subscribe", { consultationId: table.consultationId });
  const heard = waitForEvent(visitor, "consultation:changed");
  merged = (await table.member.client.ok<{ proposalId: string }>("proposal.merge", mergePayload(table, ids.slice(0, 3), "Presupuesto abierto unificado")))
    .proposalId;
  await heard;
  visitor.close();
  await table.admin.client.ok("round.close", { roundId: table.roundId });

  const funnel = await page(`/c/${slug}/propuestas`);
  expect(funnel.status).toBe(200);
  const theme = table.themeIds[0];
  expect(cell(funnel.html, `${theme}-proposed`)).toBe("5");
  expect(cell(funnel.html, `${theme}-unified`)).toBe("3");
  expect(cell(funnel.html, "total-proposed")).toBe("5");
  expect(cell(funnel.html, "total-unified")).toBe("3");
  // Alive there now: the five registered went on (or into the merge), so none is left at "proposed"; three at "unified".
  expect(cell(funnel.html, `now-${theme}-proposed`)).toBe("0");
  expect(cell(funnel.html, `now-${theme}-unified`)).toBe("3");
  expect(cell(funnel.html, `${table.themeIds[1]}-proposed`)).toBe("0");
  // The chart above the table carries the same figures, each bar a link to the proposals behind it.
  expect(chart(funnel.html, "proposed", "entered")).toBe("5");
  expect(chart(funnel.html, "proposed", "now")).toBe("0");
  expect(chart(funnel.html, "unified", "entered")).toBe("3");
  expect(chart(funnel.html, "unified", "now")).toBe("3");
  expect(chart(funnel.html, "plan", "entered")).toBe("0");
  expect(funnel.html).toContain(`href="/c/${slug}/propuestas?stage=unified&amp;at=now#list"`);
  expect(text(funnel.html)).toContain("Todas las mesas temáticas cerraron sus rondas");
  expect(text(funnel.html)).toContain("rondas cerradas (1)");
  expect(funnel.html).not.toContain("Borrador privado");

  const traced = await page(`/c/${slug}/propuestas?stage=unified&theme=${theme}`);
  expect(listed(traced.html).sort()).toEqual([merged, ids[3], ids[4]].sort());
  const entered = await page(`/c/${slug}/propuestas?stage=proposed&theme=${theme}`);
  expect(listed(entered.html).sort()).toEqual([...ids].sort());
});

it("lists neither undone results nor drafts, and says where a merged proposal went", async () => {
  // A second round: two more proposals, merged, and the merge undone.
  const round2 = (
    await table.admin.client.ok<{ roundId: string }>("round.schedule", { roundtableId: table.roundtableId, heldOn: "2016-07-07", venue: "MINFIN" })
  ).roundId;
  await table.admin.client.ok("round.open", { roundId: round2 });
  const more = await registerProposals(table.icefi.client, table.roundtableId, 2);
  const { operationId, proposalId: undone } = await table.member.client.ok<{ operationId: string; proposalId: string }>(
    "proposal.merge",
    mergePayload(table, more, "Unión que la mesa deshizo"),
  );
  await table.member.client.ok("proposal.undo", { operationId });

  const funnel = await page(`/c/${slug}/propuestas`);
  expect(funnel.html).not.toContain("Unión que la mesa deshizo");
  expect(listed(funnel.html)).not.toContain(undone);
  expect(listed(funnel.html)).toEqual(expect.arrayContaining(more));
  expect(funnel.html).not.toContain("Borrador privado");
  // The first merge's sources say where they went.
  expect(text(funnel.html)).toContain("unificada en «Presupuesto abierto unificado»");
  expect(text(funnel.html)).toContain("ronda 2 de 2 abierta");
  const api = (await table.admin.client.get(`/api/v1/consultations/${slug}/funnel?ids=1`)).body.result;
  expect(api.stages[0].enteredIds).not.toContain(undone);
  expect(api.stages[0].nowIds).not.toContain(undone);
  // Without ?ids=1 the answer carries the figures only.
  expect((await table.admin.client.get(`/api/v1/consultations/${slug}/funnel`)).body.result.stages[0].enteredIds).toBeUndefined();
  // Nor does its public sheet open by address (staff still see it in the lineage).
  expect((await page(`/c/${slug}/propuestas/${undone}`)).status).toBe(404);
});

it("shows the participation figures first, each opening what is behind it", async () => {
  const funnel = await page(`/c/${slug}/propuestas`);
  expect(cell(funnel.html, "participation-opinionsOnline")).toBe("0");
  expect(cell(funnel.html, "participation-forumAttendance")).toBe("0");
  expect(cell(funnel.html, "participation-summaries")).toBe("0");
  expect(funnel.html.indexOf('data-testid="participation"')).toBeLessThan(funnel.html.indexOf('data-testid="funnel-chart"'));
  expect(funnel.html.indexOf('data-testid="funnel-chart"')).toBeLessThan(funnel.html.indexOf('data-testid="funnel-table"'));
  expect(funnel.html).toContain(`href="/c/${slug}/estadisticas"`);
});

it("shows a proposal's sheet and lineage without the responsible person's e-mail or phone", async () => {
  const detail = await page(`/c/${slug}/propuestas/${merged}`);
  expect(detail.status).toBe(200);
  expect(detail.html).toContain("Presupuesto abierto unificado");
  for (const id of ids.slice(0, 3)) {
    const title = (await server.cocrea.db.selectFrom("proposals").select("title").where("id", "=", id).executeTakeFirstOrThrow()).title;
    expect(detail.html).toContain(title);
  }
  expect(detail.html).not.toContain("ana@minfin.gob.gt");
  expect(detail.html).not.toContain("2222-0000");
  expect((await page(`/c/${slug}/propuestas/${draft}`)).status).toBe(404);
});
