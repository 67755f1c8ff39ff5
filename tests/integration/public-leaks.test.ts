// Public pages and the public API show what a reader needs and nothing more (issue 17, "bad input and leaks" 4 and 5):
// - no public loader carries a user id or an e-mail — neither in its `?_data=` answer nor in the page's embedded
//   Remix context — while names of members, observers and responsible persons stay public;
// - the lineage API follows the public sheet's rule: the result of an undone merge is not found on either.
// Everything is set up through the commands, as the people of the process would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupFollowup, type FollowupSetup } from "../support/follow-up";
import { mergePayload, registerProposals } from "../support/roundtables";
import { ApiClient, startServer, type TestServer } from "../support/server";

let server: TestServer;
let s: FollowupSetup;
let admin: ApiClient;
const codes = { opinion: "", comment: "" };
let summaryId = "";
let inputId = "";

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  s = await setupFollowup(server, { commitments: 2 });
  admin = s.t.admin.client;
  const [commitmentA, commitmentB] = s.commitments;
  // A member declares a conflict on the proposal still at the table: the public page names them (and no id).
  await s.t.members[1].client.ok("proposal.declare_conflict", { proposalId: s.notCommitment, reason: "Mi organización ejecutaría el compromiso" });
  await admin.ok("followup.assign_responsible", { proposalId: commitmentA, userId: s.responsible.userId });
  await s.responsible.client.ok("followup.update_milestone", {
    proposalId: commitmentA,
    position: 1,
    status: "limited",
    actualStartOn: "2016-09-05",
    note: "Mesa técnica conformada",
  });
  const { planId } = await admin.ok<{ planId: string }>("plan.assemble", { consultationId: s.t.consultationId, proposalIds: [commitmentA, commitmentB] });
  await admin.ok("plan.publish", { planId });
  await admin.ok("stage.open", { stageId: s.t.stage("draft_plan") });
  await admin.ok("stage.open", { stageId: s.t.stage("opinion_intake") });
  const citizen = new ApiClient(server.url);
  const opinion = await citizen.ok<{ receiptCode: string; inputId: string }>("opinion.submit", {
    consultationId: s.t.consultationId,
    about: "methodology",
    text: "Que los foros se hagan también en idiomas mayas.",
  });
  codes.opinion = opinion.receiptCode;
  inputId = opinion.inputId;
  codes.comment = (
    await citizen.ok<{ receiptCode: string }>("plan.comment", { planId, proposalId: commitmentA, text: "Que el compromiso incluya a las municipalidades." })
  ).receiptCode;
  await admin.ok("stage.open", { stageId: s.t.stage("systematization") });
  summaryId = (
    await admin.ok<{ summaryId: string }>("summary.create", {
      consultationId: s.t.consultationId,
      themeId: s.t.themeIds[0],
      title: "Foros en idiomas mayas",
      text: "Varias personas piden foros en idiomas mayas.",
      inputIds: [inputId],
    })
  ).summaryId;
}, 180_000);
afterAll(() => server.stop());

async function people(): Promise<Array<{ id: string; email: string; name: string }>> {
  return server.cocrea.db.selectFrom("users").select(["id", "email", "name"]).execute();
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+/;

/** Every place a public page's data reaches the reader: the loader's JSON and the HTML with its embedded context. */
async function publicData(pathname: string, routeId: string): Promise<string[]> {
  const sep = pathname.includes("?") ? "&" : "?";
  const data = await fetch(`${server.url}${pathname}${sep}_data=${encodeURIComponent(routeId)}`);
  expect(data.status, `${pathname} ?_data`).toBe(200);
  const html = await fetch(`${server.url}${pathname}`);
  expect(html.status, pathname).toBe(200);
  return [await data.text(), await html.text()];
}

describe("no public loader carries a user id or an e-mail", () => {
  const pages = (slug: string): Array<[string, string]> => [
    [`/c/${slug}/mesa-tecnica`, "routes/c.$slug.mesa-tecnica"],
    [`/c/${slug}`, "routes/c.$slug._index"],
    [`/c/${slug}/propuestas`, "routes/c.$slug.propuestas._index"],
    [`/c/${slug}/propuestas/${s.commitments[0]}`, "routes/c.$slug.propuestas.$proposalId"],
    [`/c/${slug}/propuestas/${s.notCommitment}`, "routes/c.$slug.propuestas.$proposalId"],
    [`/c/${slug}/plan`, "routes/c.$slug.plan._index"],
    [`/c/${slug}/plan/seguimiento`, "routes/c.$slug.plan_.seguimiento"],
    [`/c/${slug}/plan/recibo/${codes.comment}`, "routes/c.$slug.plan.recibo.$code"],
    [`/r/${codes.opinion}`, "routes/r.$code"],
    [`/c/${slug}/resumenes/${summaryId}`, "routes/c.$slug.resumenes.$summaryId"],
    [`/c/${slug}/respuesta`, "routes/c.$slug.respuesta"],
    [`/c/${slug}/estadisticas`, "routes/c.$slug.estadisticas"],
    [`/c/${slug}/opinar`, "routes/c.$slug.opinar"],
  ];

  it("the technical roundtable's public session names its members, observers, chair and recusals, without their ids", async () => {
    const [data, html] = await publicData(`/c/${s.slug}/mesa-tecnica`, "routes/c.$slug.mesa-tecnica");
    const everyone = await people();
    for (const member of [...s.t.members, s.t.observer]) {
      const name = everyone.find((p) => p.id === member.userId)!.name;
      expect(data).toContain(name);
      expect(data).not.toContain(member.userId);
      expect(html).not.toContain(member.userId);
    }
    expect(data).toContain("Mi organización ejecutaría el compromiso");
    expect(data).not.toContain('"userId"');
    expect(html).not.toContain('"userId"');
  });

  it("none of the public pages holds any person's id or e-mail", async () => {
    const everyone = await people();
    expect(everyone.length).toBeGreaterThan(8);
    for (const [pathname, routeId] of pages(s.slug)) {
      for (const text of await publicData(pathname, routeId)) {
        for (const p of everyone) {
          expect(text, `${pathname}: id of ${p.name}`).not.toContain(p.id);
          expect(text, `${pathname}: e-mail of ${p.name}`).not.toContain(p.email);
        }
        expect(text.match(EMAIL)?.[0] ?? null, `${pathname}: an e-mail address`).toBeNull();
      }
    }
  });

  it("the follow-up page still names the responsible person and their institution", async () => {
    const [data] = await publicData(`/c/${s.slug}/plan/seguimiento`, "routes/c.$slug.plan_.seguimiento");
    const name = (await people()).find((p) => p.id === s.responsible.userId)!.name;
    expect(data).toContain(name);
    expect(data).toContain("Ministerio de Finanzas Públicas");
  });
});

describe("the lineage API follows the public sheet's rule", () => {
  it("an undone merge's result is not found on its sheet nor in the API, and its sources' lineage no longer shows it", async () => {
    const roundId = (await admin.ok<{ roundId: string }>("round.schedule", { roundtableId: s.t.roundtableId, heldOn: "2016-07-07", venue: "MINFIN" })).roundId;
    await admin.ok("round.open", { roundId });
    const sources = await registerProposals(s.t.icefi.client, s.t.roundtableId, 2);
    const merged = await s.t.member.client.ok<{ operationId: string; proposalId: string }>(
      "proposal.merge",
      mergePayload(s.t, sources, "Unión que la mesa deshizo"),
    );
    // While the merge stands, both answer.
    expect((await fetch(`${server.url}/c/${s.slug}/propuestas/${merged.proposalId}`)).status).toBe(200);
    const before = await new ApiClient(server.url).get(`/api/v1/items/${merged.proposalId}/lineage`);
    expect(before.status).toBe(200);
    expect(JSON.stringify(before.body)).toContain("Unión que la mesa deshizo");

    await s.t.member.client.ok("proposal.undo", { operationId: merged.operationId });

    expect((await fetch(`${server.url}/c/${s.slug}/propuestas/${merged.proposalId}`)).status).toBe(404);
    const after = await new ApiClient(server.url).get(`/api/v1/items/${merged.proposalId}/lineage`);
    expect(after.status).toBe(404);
    expect(JSON.stringify(after.body)).not.toContain("Unión que la mesa deshizo");
    // The sources are back on the table: their sheets and lineages answer, without the undone result.
    for (const id of sources) {
      expect((await fetch(`${server.url}/c/${s.slug}/propuestas/${id}`)).status).toBe(200);
      const lineage = await new ApiClient(server.url).get(`/api/v1/items/${id}/lineage`);
      expect(lineage.status).toBe(200);
      expect(JSON.stringify(lineage.body)).not.toContain("Unión que la mesa deshizo");
      expect(JSON.stringify(lineage.body)).not.toContain(merged.proposalId);
    }
  });
});
