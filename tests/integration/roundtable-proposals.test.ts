// Thematic roundtables over the JSON API: rounds, proposals on the OGP template (drafts, registration, editing,
// withdrawal), the milestone cap, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, createMember, startServer, type TestServer } from "../support/server";
import { createDelegate, proposalPayload, registerProposals, setupRoundtable, type Table } from "../support/roundtables";

let server: TestServer;
let table: Table;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  table = await setupRoundtable(server);
});
afterAll(() => server.stop());

const db = () => server.cocrea.db;

describe("roundtables and rounds", () => {
  it("one thematic roundtable per theme", async () => {
    const again = await table.admin.client.command("roundtable.create", { consultationId: table.consultationId, themeId: table.themeIds[0] });
    expect(again.status).toBe(409);
    expect(!again.body.ok && again.body.error.message).toMatch(/ya tiene su mesa temática/);
  });

  it("opens rounds in order, one at a time, and only while the stage is open", async () => {
    const t = await setupRoundtable(server, { openRound: false });
    const { roundId: second } = await t.admin.client.ok("round.schedule", { roundtableId: t.roundtableId, venue: "PDH" });
    const early = await t.admin.client.command("round.open", { roundId: second });
    expect(early.status).toBe(409);
    expect(!early.body.ok && early.body.error.message).toBe("Primero abra y cierre la ronda 1.");

    await t.admin.client.ok("stage.close", { stageId: t.stage("thematic_roundtables") });
    const closedStage = await t.admin.client.command("round.open", { roundId: t.roundId });
    expect(closedStage.status).toBe(409);
    expect(!closedStage.body.ok && closedStage.body.error.message).toMatch(/Mesas temáticas/);

    await t.admin.client.ok("stage.open", { stageId: t.stage("thematic_roundtables") });
    await t.admin.client.ok("round.open", { roundId: t.roundId });
    const twice = await t.admin.client.command("round.open", { roundId: second });
    expect(twice.status).toBe(409);
    expect(!twice.body.ok && twice.body.error.message).toBe("La ronda 1 sigue abierta: ciérrela primero.");
  });

  it("records attendance by organization; a proponent may not", async () => {
    await table.member.client.ok("round.attendance", { roundId: table.roundId, organizationIds: [table.orgs.icefi, table.orgs.minfin, table.orgs.icefi] });
    const rows = await db().selectFrom("round_attendance").select("organization_id").where("round_id", "=", table.roundId).execute();
    expect(rows.map((r) => r.organization_id).sort()).toEqual([table.orgs.icefi, table.orgs.minfin].sort());
    const refused = await table.icefi.client.command("round.attendance", { roundId: table.roundId, organizationIds: [] });
    expect(refused.status).toBe(403);
  });
});

describe("proposals on the OGP template", () => {
  it("saves an incomplete draft, refuses to register it until complete, then registers it", async () => {
    const { proposalId } = await table.icefi.client.ok("proposal.create", { roundtableId: table.roundtableId, title: "Borrador de ICEFI", draft: true });
    const incomplete = await table.icefi.client.command("proposal.submit", { proposalId });
    expect(incomplete.status).toBe(400);
    if (!incomplete.body.ok) {
      expect(incomplete.body.error.message).toMatch(/Falta información/);
      expect(incomplete.body.error.issues?.map((i) => i.path[0])).toEqual(expect.arrayContaining(["leadAgency", "objective", "milestones"]));
    }
    const complete = proposalPayload(table.roundtableId, { title: "Borrador de ICEFI" });
    const { roundtableId: _r, ...fields } = complete;
    const updated = await table.icefi.client.ok("proposal.update", { proposalId, expectedVersion: 1, ...fields });
    expect(updated.version).toBe(2);
    expect(await table.icefi.client.ok("proposal.submit", { proposalId })).toMatchObject({ state: "active", version: 3 });

    const row = await db().selectFrom("proposals").selectAll().where("id", "=", proposalId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      state: "active",
      stage: "proposed",
      proponent_organization_id: table.orgs.icefi,
      lead_agency: complete.leadAgency,
      starts_on: "2016-09-01",
      ends_on: "2017-06-30",
    });
    const history = await db().selectFrom("proposal_stage_history").select("stage").where("proposal_id", "=", proposalId).execute();
    expect(history.map((h) => h.stage)).toEqual(["proposed"]);
    const milestones = await db().selectFrom("milestones").selectAll().where("proposal_id", "=", proposalId).orderBy("position").execute();
    expect(milestones.map((m) => m.responsible_institution)).toEqual(["MINFIN", "MINFIN"]);
  });

  it("a sixth milestone → 400 naming the consultation's limit", async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ description: `Meta número ${i + 1} del compromiso`, responsibleInstitution: "MINFIN", isNew: true }));
    const r = await table.icefi.client.command("proposal.create", proposalPayload(table.roundtableId, { milestones: six }));
    expect(r.status).toBe(400);
    if (!r.body.ok) {
      expect(r.body.error.message).toBe("Máximo 5 metas por compromiso en esta consulta.");
      expect(r.body.error.issues?.[0].path).toEqual(["milestones"]);
    }
    const five = await table.icefi.client.command("proposal.create", proposalPayload(table.roundtableId, { milestones: six.slice(0, 5) }));
    expect(five.status).toBe(200);
  });

  it("the cap is the consultation's setting", async () => {
    const t = await setupRoundtable(server, { maxMilestones: 2 });
    const three = Array.from({ length: 3 }, (_, i) => ({ description: `Meta número ${i + 1} del compromiso`, responsibleInstitution: "MINFIN" }));
    const r = await t.icefi.client.command("proposal.create", proposalPayload(t.roundtableId, { milestones: three }));
    expect(r.status).toBe(400);
    expect(!r.body.ok && r.body.error.message).toBe("Máximo 2 metas por compromiso en esta consulta.");
  });

  it("edits are refused with 409 when the version moved on, and 403 for another organization's proposal", async () => {
    const [id] = await registerProposals(table.icefi.client, table.roundtableId, 1);
    const { roundtableId: _r, ...fields } = proposalPayload(table.roundtableId, { title: "Cambio de ICEFI" });
    await table.icefi.client.ok("proposal.update", { proposalId: id, expectedVersion: 1, ...fields });
    const stale = await table.icefi.client.command("proposal.update", { proposalId: id, expectedVersion: 1, ...fields, title: "Otro cambio" });
    expect(stale.status).toBe(409);
    expect(!stale.body.ok && stale.body.error.message).toMatch(/cambió mientras tanto \(versión 1 → 2\)/);
    const foreign = await table.ciidh.client.command("proposal.update", { proposalId: id, ...fields });
    expect(foreign.status).toBe(403);
    // A roundtable member does not edit a proponent's proposal either: only the table's unified ones.
    const member = await table.member.client.command("proposal.update", { proposalId: id, ...fields });
    expect(member.status).toBe(403);
  });

  it("a colleague of the same organization acts for it", async () => {
    const colleague = await createDelegate(server, table.admin.client, table.consultationId, "proponent", table.orgs.icefi);
    const [id] = await registerProposals(table.icefi.client, table.roundtableId, 1);
    const { roundtableId: _r, ...fields } = proposalPayload(table.roundtableId, { title: "Editada por colega" });
    expect(await colleague.client.ok("proposal.update", { proposalId: id, ...fields })).toMatchObject({ proposalId: id });
  });

  it("withdrawing someone else's proposal → 403; one's own → withdrawn with the reason, still counted as proposed", async () => {
    const [id] = await registerProposals(table.icefi.client, table.roundtableId, 1);
    const foreign = await table.ciidh.client.command("proposal.withdraw", { proposalId: id, reason: "No es mía" });
    expect(foreign.status).toBe(403);
    const admin = await table.admin.client.command("proposal.withdraw", { proposalId: id, reason: "Soy admin" });
    expect(admin.status).toBe(403);
    await table.icefi.client.ok("proposal.withdraw", { proposalId: id, reason: "La institución no tiene fondos" });
    const row = await db().selectFrom("proposals").select(["state", "state_reason"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: "withdrawn", state_reason: "La institución no tiene fondos" });
    const again = await table.icefi.client.command("proposal.withdraw", { proposalId: id, reason: "Otra vez" });
    expect(again.status).toBe(409);
    expect(!again.body.ok && again.body.error.message).toMatch(/está retirada/);
    const history = await db().selectFrom("proposal_stage_history").select("stage").where("proposal_id", "=", id).execute();
    expect(history.map((h) => h.stage)).toEqual(["proposed"]);
  });

  it("only proponents register proposals (a member or observer → 403)", async () => {
    const observer = await createMember(server, table.admin.client, table.consultationId, "observer");
    for (const client of [table.member.client, observer.client]) {
      const r = await client.command("proposal.create", proposalPayload(table.roundtableId));
      expect(r.status).toBe(403);
    }
  });

  it("links the citizen input it responds to, within the consultation only", async () => {
    const other = await setupRoundtable(server);
    // A citizen's opinion and its summary in each consultation, made the way the intake and systematization make them.
    const summarize = async (t: Table, title: string) => {
      await t.admin.client.ok("stage.open", { stageId: t.stage("opinion_intake") });
      const { inputId } = await new ApiClient(server.url).ok("opinion.submit", {
        consultationId: t.consultationId,
        about: `theme:${t.themeIds[0]}`,
        text: `Sobre ${title}`,
      });
      return (await t.admin.client.ok("summary.create", { consultationId: t.consultationId, themeId: t.themeIds[0], title, text: "…", inputIds: [inputId] }))
        .summaryId as string;
    };
    const summaryHere = await summarize(table, "Transparencia en municipios");
    const summaryThere = await summarize(other, "De otra consulta");
    const ok = await table.icefi.client.ok("proposal.create", proposalPayload(table.roundtableId, { respondsTo: { summaryIds: [summaryHere], inputIds: [] } }));
    const links = await db().selectFrom("proposal_responses").selectAll().where("proposal_id", "=", ok.proposalId).execute();
    expect(links).toEqual([{ proposal_id: ok.proposalId, summary_id: summaryHere, input_id: null }]);
    const bad = await table.icefi.client.command(
      "proposal.create",
      proposalPayload(table.roundtableId, { respondsTo: { summaryIds: [summaryThere], inputIds: [] } }),
    );
    expect(bad.status).toBe(400);
    expect(!bad.body.ok && bad.body.error.message).toBe("El resumen «De otra consulta» es de otra consulta.");
  });

  it("a table with no open or scheduled round does not receive proposals", async () => {
    const t = await setupRoundtable(server);
    await t.admin.client.ok("round.close", { roundId: t.roundId });
    const r = await t.icefi.client.command("proposal.create", proposalPayload(t.roundtableId));
    expect(r.status).toBe(409);
    expect(!r.body.ok && r.body.error.message).toMatch(/no tiene una ronda abierta ni programada/);
  });
});

describe("closing rounds moves proposals between stages", () => {
  it("carries live proposals to the next round, then (last round) into «unified»", async () => {
    const t = await setupRoundtable(server);
    const ids = await registerProposals(t.icefi.client, t.roundtableId, 3);
    const { roundId: round2 } = await t.admin.client.ok("round.schedule", { roundtableId: t.roundtableId, venue: "MINFIN", heldOn: "2016-07-04" });
    await t.icefi.client.ok("proposal.withdraw", { proposalId: ids[2], reason: "Se presentará el próximo año" });

    const first = await t.admin.client.ok("round.close", { roundId: t.roundId });
    expect(first).toMatchObject({ alive: 2, advanced: 0, carriedTo: round2 });
    const carried = await db().selectFrom("proposals").select(["round_id", "stage"]).where("id", "in", ids.slice(0, 2)).execute();
    expect(carried.every((p) => p.round_id === round2 && p.stage === "proposed")).toBe(true);

    // Editing is closed with the round: the proposal now belongs to round 2, which is not closed.
    await t.admin.client.ok("round.open", { roundId: round2 });
    const last = await t.admin.client.ok("round.close", { roundId: round2 });
    expect(last).toMatchObject({ alive: 2, advanced: 2, carriedTo: null });
    const stages = await db().selectFrom("proposal_stage_history").select(["proposal_id", "stage"]).where("proposal_id", "in", ids).orderBy("id").execute();
    expect(
      stages
        .filter((s) => s.stage === "unified")
        .map((s) => s.proposal_id)
        .sort(),
    ).toEqual(ids.slice(0, 2).sort());

    const { roundtableId: _r, ...fields } = proposalPayload(t.roundtableId);
    const late = await t.icefi.client.command("proposal.update", { proposalId: ids[0], ...fields });
    expect(late.status).toBe(409);
  });
});
