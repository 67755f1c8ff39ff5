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
  draft = (await table.icefi.client.ok<{ proposalId: string }>("proposal.create", proposalPayload(table.roundtableId, { title: "Borrador privado", draft: true }))).proposalId;
});
afterAll(() => server.stop());

const page = async (path: string) => {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, html: await res.text() };
};
const cell = (html: string, id: string) => new RegExp(`data-testid="funnel-${id}"[^>]*>(\\d+)<`).exec(html)?.[1];

it("counts registered proposals per theme and stage, hears merges live, and traces each figure", async () => {
  const visitor = new ApiClient(server.url).socket();
  await emitWithAck(visitor, "subscribe", { consultationId: table.consultationId });
  const heard = waitForEvent(visitor, "consultation:changed");
  merged = (await table.member.client.ok<{ proposalId: string }>("proposal.merge", mergePayload(table, ids.slice(0, 3), "Presupuesto abierto unificado"))).proposalId;
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
  expect(funnel.html).not.toContain("Borrador privado");

  const traced = await page(`/c/${slug}/propuestas?stage=unified&theme=${theme}`);
  const listed = [...traced.html.matchAll(/href="\/c\/[^/]+\/propuestas\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
  expect(listed.sort()).toEqual([merged, ids[3], ids[4]].sort());
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
