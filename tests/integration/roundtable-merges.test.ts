// Merging, splitting and undoing at a thematic roundtable, over the JSON API and socket.io: conflicts (two members
// merging overlapping proposals at the same moment), bad input, lineage back to citizen input, counts, live events.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fateOf, invariantViolations, operationsFrom, type LineageGraph } from "../../app/domain/proposals/lineage";
import { proposalLineage } from "../../db/queries/lineage.server";
import { funnelCounts } from "../../db/queries/roundtables.server";
import { ApiClient, createMember, emitWithAck, startServer, waitForEvent, type TestServer } from "../support/server";
import { createDelegate, mergePayload, registerProposals, setupRoundtable, unifiedPayload, type Table } from "../support/roundtables";

let server: TestServer;
let table: Table;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  table = await setupRoundtable(server);
});
afterAll(() => server.stop());

const db = () => server.cocrea.db;

/** The whole lineage graph of a consultation as the database holds it. */
async function graphOf(consultationId: string): Promise<LineageGraph> {
  const proposals = await db().selectFrom("proposals").select(["id", "state"]).where("consultation_id", "=", consultationId).execute();
  const ops = await db().selectFrom("proposal_operations").select(["id", "kind", "undone_at"]).where("consultation_id", "=", consultationId).execute();
  const edges = await db()
    .selectFrom("proposal_lineage as l")
    .innerJoin("proposal_operations as o", "o.id", "l.operation_id")
    .select(["l.operation_id", "l.source_id", "l.result_id"])
    .where("o.consultation_id", "=", consultationId)
    .execute();
  return { states: Object.fromEntries(proposals.map((p) => [p.id, p.state])), operations: operationsFrom(ops, edges) };
}

/** Read straight from the records, not through the read models: each proposal's state and the stages it entered. */
async function recordsOf(ids: string[]) {
  const rows = await db().selectFrom("proposals").select(["id", "state", "stage"]).where("id", "in", ids).execute();
  const history = await db().selectFrom("proposal_stage_history").select(["proposal_id", "stage"]).where("proposal_id", "in", ids).orderBy("id").execute();
  return ids.map((id) => ({ ...rows.find((r) => r.id === id)!, entered: history.filter((h) => h.proposal_id === id).map((h) => h.stage) }));
}

async function stateOf(id: string) {
  return (await db().selectFrom("proposals").select("state").where("id", "=", id).executeTakeFirstOrThrow()).state;
}

describe("merging", () => {
  it("merges three proposals into one that lists its sources; the sources become «merged into» it", async () => {
    const ids = [
      ...(await registerProposals(table.icefi.client, table.roundtableId, 2)),
      ...(await registerProposals(table.ciidh.client, table.roundtableId, 1)),
    ];
    const { proposalId, operationId } = await table.member.client.ok("proposal.merge", mergePayload(table, ids, "Presupuesto abierto unificado"));

    for (const id of ids) expect(await stateOf(id)).toBe("merged");
    const result = await db().selectFrom("proposals").selectAll().where("id", "=", proposalId).executeTakeFirstOrThrow();
    expect(result).toMatchObject({
      state: "active",
      stage: "proposed",
      proponent_user_id: null,
      round_id: table.roundId,
      title: "Presupuesto abierto unificado",
    });
    const op = await db().selectFrom("proposal_operations").selectAll().where("id", "=", operationId).executeTakeFirstOrThrow();
    expect(op).toMatchObject({ kind: "merge", agreed_note: "Consenso de la mesa", created_by: table.member.userId, undone_at: null });
    expect(JSON.parse(op.present)).toHaveLength(3);
    const edges = await db().selectFrom("proposal_lineage").select(["source_id", "result_id"]).where("operation_id", "=", operationId).execute();
    expect(edges.map((e) => e.source_id).sort()).toEqual([...ids].sort());

    // The three registrations still count as having entered «proposed»; the result is no new registration (it enters
    // no stage by being made); at the table now, one proposal stands for the three.
    expect(await recordsOf([...ids, proposalId])).toEqual([
      { id: ids[0], state: "merged", stage: "proposed", entered: ["proposed"] },
      { id: ids[1], state: "merged", stage: "proposed", entered: ["proposed"] },
      { id: ids[2], state: "merged", stage: "proposed", entered: ["proposed"] },
      { id: proposalId, state: "active", stage: "proposed", entered: [] },
    ]);
    expect(fateOf(await graphOf(table.consultationId), ids[0])).toEqual({ kind: "current", ids: [proposalId] });
  });

  it("merging an already merged, withdrawn or rejected proposal → 409 naming what changed", async () => {
    const [a, b, c, d, e] = await registerProposals(table.icefi.client, table.roundtableId, 5);
    const { proposalId } = await table.member.client.ok("proposal.merge", mergePayload(table, [a, b], "Primera unificación"));
    const merged = await table.member.client.command("proposal.merge", mergePayload(table, [a, c]));
    expect(merged.status).toBe(409);
    expect(!merged.body.ok && merged.body.error.message).toMatch(/^La propuesta «.+» ya fue unificada en «Primera unificación»\.$/);

    await table.icefi.client.ok("proposal.withdraw", { proposalId: d, reason: "Duplicada" });
    const withdrawn = await table.member.client.command("proposal.merge", mergePayload(table, [c, d]));
    expect(withdrawn.status).toBe(409);
    expect(!withdrawn.body.ok && withdrawn.body.error.message).toMatch(/está retirada/);

    // The technical roundtable rejects proposals (its own issue); here the record is set as it would leave it.
    await db().updateTable("proposals").set({ state: "rejected", state_reason: "Sin financiamiento" }).where("id", "=", e).execute();
    const rejected = await table.member.client.command("proposal.merge", mergePayload(table, [proposalId, e]));
    expect(rejected.status).toBe(409);
    expect(!rejected.body.ok && rejected.body.error.message).toMatch(/está rechazada/);
    expect(await stateOf(c)).toBe("active");
    expect(await stateOf(proposalId)).toBe("active");
  });

  it("proposals from another consultation → 400; fewer than two → 400; nothing written", async () => {
    const other = await setupRoundtable(server);
    const [mine] = await registerProposals(table.icefi.client, table.roundtableId, 1);
    const [theirs] = await registerProposals(other.icefi.client, other.roundtableId, 1);
    const count = async () =>
      Number(
        (
          await db()
            .selectFrom("proposals")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const mixed = await table.member.client.command("proposal.merge", mergePayload(table, [mine, theirs]));
    expect(mixed.status).toBe(400);
    expect(!mixed.body.ok && mixed.body.error.message).toMatch(/^La propuesta «.+» es de otra consulta\.$/);
    const one = await table.member.client.command("proposal.merge", mergePayload(table, [mine]));
    expect(one.status).toBe(400);
    const twice = await table.member.client.command("proposal.merge", mergePayload(table, [mine, mine]));
    expect(twice.status).toBe(400);
    expect(await count()).toBe(before);
    expect(await stateOf(mine)).toBe("active");
  });

  it("a member without the role → 403 (proponent, observer)", async () => {
    const ids = await registerProposals(table.icefi.client, table.roundtableId, 2);
    const observer = await createMember(server, table.admin.client, table.consultationId, "observer");
    for (const client of [table.icefi.client, observer.client]) {
      const r = await client.command("proposal.merge", mergePayload(table, ids));
      expect(r.status).toBe(403);
    }
  });

  it("a sixth milestone in the unified proposal → 400 naming the limit", async () => {
    const ids = await registerProposals(table.icefi.client, table.roundtableId, 2);
    const result = unifiedPayload();
    result.milestones = Array.from({ length: 6 }, (_, i) => ({ ...result.milestones[0], description: `Meta unificada número ${i + 1}` }));
    const r = await table.member.client.command("proposal.merge", mergePayload(table, ids, undefined, { result }));
    expect(r.status).toBe(400);
    if (!r.body.ok) {
      expect(r.body.error.message).toBe("Máximo 5 metas por compromiso en esta consulta.");
      expect(r.body.error.issues?.[0].path).toEqual(["result", "milestones"]);
    }
  });

  it("refuses a source edited since the member composed the merge (expected versions)", async () => {
    const [a, b] = await registerProposals(table.icefi.client, table.roundtableId, 2);
    const { roundtableId: _r, ...fields } = { ...unifiedPayload("Editada"), roundtableId: "" };
    await table.icefi.client.ok("proposal.update", { proposalId: a, ...fields });
    const r = await table.member.client.command("proposal.merge", mergePayload(table, [a, b], undefined, { expectedVersions: { [a]: 1, [b]: 1 } }));
    expect(r.status).toBe(409);
    expect(!r.body.ok && r.body.error.message).toMatch(/«Editada» cambió mientras tanto \(versión 1 → 2\)/);
  });

  it("a retried merge (same command id) applies once", async () => {
    const ids = await registerProposals(table.icefi.client, table.roundtableId, 2);
    const id = randomUUID();
    const payload = mergePayload(table, ids);
    const first = await table.member.client.command("proposal.merge", payload, id);
    const again = await table.member.client.command("proposal.merge", payload, id);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ ok: true, replayed: true });
    expect(again.body.ok && first.body.ok && again.body.result).toEqual(first.body.ok && first.body.result);
    const ops = await db().selectFrom("proposal_lineage").select("operation_id").where("source_id", "in", ids).execute();
    expect(new Set(ops.map((o) => o.operation_id)).size).toBe(1);
  });
});

describe("two members merging overlapping proposals at the same moment", () => {
  it("exactly one merge applies; the other gets 409 saying what changed; nothing is half-applied", async () => {
    const second = await createDelegate(server, table.admin.client, table.consultationId, "roundtable_member", table.orgs.ciidh);
    const [a, b, c] = await registerProposals(table.icefi.client, table.roundtableId, 3);
    const proposalsBefore = Number(
      (
        await db()
          .selectFrom("proposals")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

    const [r1, r2] = await Promise.all([
      table.member.client.command("proposal.merge", mergePayload(table, [a, b], "Unificación de la integrante 1")),
      second.client.command("proposal.merge", mergePayload(table, [b, c], "Unificación de la integrante 2")),
    ]);
    const statuses = [r1.status, r2.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = r1.status === 200 ? r1 : r2;
    const loser = r1.status === 200 ? r2 : r1;
    const winnerTitle = r1.status === 200 ? "Unificación de la integrante 1" : "Unificación de la integrante 2";
    expect(!loser.body.ok && loser.body.error.message).toMatch(new RegExp(`ya fue unificada en «${winnerTitle}»`));

    // Exactly one new proposal; the loser's other source is untouched; the graph holds every invariant.
    const proposalsAfter = Number(
      (
        await db()
          .selectFrom("proposals")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(proposalsAfter).toBe(proposalsBefore + 1);
    expect(await stateOf(b)).toBe("merged");
    const untouched = winnerTitle.endsWith("1") ? c : a;
    expect(await stateOf(untouched)).toBe("active");
    expect(winner.body.ok).toBe(true);
    const winnerSources = winnerTitle.endsWith("1") ? [a, b] : [b, c];
    for (const id of winnerSources) expect(await stateOf(id)).toBe("merged");
    expect(await stateOf(winner.body.ok ? winner.body.result.proposalId : "-")).toBe("active");
    expect(invariantViolations(await graphOf(table.consultationId))).toEqual([]);
    const audit = await db()
      .selectFrom("audit_events")
      .select("command_type")
      .where("command_type", "=", "proposal.merge")
      .where("result", "like", `%${winner.body.ok ? winner.body.result.operationId : "-"}%`)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("a burst of overlapping merges from several members leaves a consistent graph", async () => {
    const members = [table.member, await createDelegate(server, table.admin.client, table.consultationId, "roundtable_member", table.orgs.icefi)];
    const ids = await registerProposals(table.ciidh.client, table.roundtableId, 8);
    // Every pair of neighbours, twice: most must lose.
    const attempts = [...ids.slice(0, -1).map((id, i) => [id, ids[i + 1]]), ...ids.slice(0, -2).map((id, i) => [id, ids[i + 2]])];
    const responses = await Promise.all(attempts.map((pair, i) => members[i % members.length].client.command("proposal.merge", mergePayload(table, pair))));
    const ok = responses.filter((r) => r.status === 200).length;
    expect(responses.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const graph = await graphOf(table.consultationId);
    expect(invariantViolations(graph)).toEqual([]);
    // Merges of two that succeeded never share a proposal: 2 × ok originals are merged, the rest still active.
    const states = (await recordsOf(ids)).map((r) => r.state);
    expect(states.filter((st) => st === "merged")).toHaveLength(2 * ok);
    expect(states.filter((st) => st === "active")).toHaveLength(8 - 2 * ok);
    expect(ok).toBeGreaterThanOrEqual(1);
    // Each original ends in exactly one live successor: 8 originals, `ok` merges of two → 8 - ok alive.
    const alive = new Set(ids.flatMap((id) => (fateOf(graph, id) as { ids: string[] }).ids));
    expect(alive.size).toBe(8 - ok);
  });
});

describe("undo and split", () => {
  it("undoing a merge during the round restores the sources and sets the result aside", async () => {
    const ids = await registerProposals(table.icefi.client, table.roundtableId, 3);
    const { proposalId, operationId } = await table.member.client.ok("proposal.merge", mergePayload(table, ids));
    const undone = await table.member.client.ok("proposal.undo", { operationId });
    expect(undone.restored.sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await stateOf(id)).toBe("active");
    expect(await stateOf(proposalId)).toBe("undone");
    const op = await db().selectFrom("proposal_operations").select(["undone_at", "undone_by"]).where("id", "=", operationId).executeTakeFirstOrThrow();
    expect(op.undone_by).toBe(table.member.userId);
    const twice = await table.member.client.command("proposal.undo", { operationId });
    expect(twice.status).toBe(409);
    expect(!twice.body.ok && twice.body.error.message).toBe("Ese paso ya se deshizo.");
    // The sources can be merged again, differently.
    const again = await table.member.client.ok("proposal.merge", mergePayload(table, ids.slice(0, 2)));
    expect((await recordsOf([...ids, proposalId, again.proposalId])).map((r) => r.state)).toEqual(["merged", "merged", "active", "undone", "active"]);
    expect(invariantViolations(await graphOf(table.consultationId))).toEqual([]);
  });

  it("a merge whose result moved on cannot be undone until that later step is", async () => {
    const [a, b, c] = await registerProposals(table.icefi.client, table.roundtableId, 3);
    const first = await table.member.client.ok("proposal.merge", mergePayload(table, [a, b], "Paso uno"));
    const second = await table.member.client.ok("proposal.merge", mergePayload(table, [first.proposalId, c], "Paso dos"));
    const blocked = await table.member.client.command("proposal.undo", { operationId: first.operationId });
    expect(blocked.status).toBe(409);
    expect(!blocked.body.ok && blocked.body.error.message).toBe("No se puede deshacer: «Paso uno» ya está unificada. Deshaga primero ese paso.");
    await table.member.client.ok("proposal.undo", { operationId: second.operationId });
    await table.member.client.ok("proposal.undo", { operationId: first.operationId });
    for (const id of [a, b, c]) expect(await stateOf(id)).toBe("active");
  });

  it("splits a proposal into several, and undoes the split", async () => {
    const [source] = await registerProposals(table.icefi.client, table.roundtableId, 1);
    const { proposalIds, operationId } = await table.member.client.ok("proposal.split", {
      sourceId: source,
      results: [unifiedPayload("Parte fiscal"), unifiedPayload("Parte municipal")],
      present: [table.orgs.icefi],
      agreed: true,
      agreedNote: "",
    });
    expect(proposalIds).toHaveLength(2);
    expect(await stateOf(source)).toBe("split");
    expect(fateOf(await graphOf(table.consultationId), source)).toEqual({ kind: "current", ids: proposalIds });
    const lineage = await proposalLineage(db(), proposalIds[1]);
    expect(Object.keys(lineage!.proposals)).toContain(source);
    await table.member.client.ok("proposal.undo", { operationId });
    expect(await stateOf(source)).toBe("active");
  });

  it("nothing can be merged, split or undone once the round is closed", async () => {
    const t = await setupRoundtable(server);
    const ids = await registerProposals(t.icefi.client, t.roundtableId, 4);
    const { operationId } = await t.member.client.ok("proposal.merge", mergePayload(t, ids.slice(0, 2)));
    await t.admin.client.ok("round.close", { roundId: t.roundId });
    const merge = await t.member.client.command("proposal.merge", mergePayload(t, ids.slice(2)));
    expect(merge.status).toBe(409);
    expect(!merge.body.ok && merge.body.error.message).toBe("No hay una ronda abierta en esta mesa.");
    const undo = await t.member.client.command("proposal.undo", { operationId });
    expect(undo.status).toBe(409);
    expect(!undo.body.ok && undo.body.error.message).toBe("La ronda de este cambio ya se cerró.");
  });
});

describe("lineage and counts", () => {
  it("reaches back from a final proposal to every proposal, summary and citizen input behind it", async () => {
    const t = await setupRoundtable(server);
    // Three citizens write during the online intake; a summary takes up two; the point of contact then hides the second.
    await t.admin.client.ok("stage.open", { stageId: t.stage("opinion_intake") });
    const citizen = new ApiClient(server.url);
    const inputs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { inputId } = await citizen.ok("opinion.submit", {
        consultationId: t.consultationId,
        about: `theme:${t.themeIds[0]}`,
        text: `Aporte ciudadano ${i + 1}`,
      });
      inputs.push(inputId);
    }
    const { summaryId } = await t.admin.client.ok("summary.create", {
      consultationId: t.consultationId,
      themeId: t.themeIds[0],
      title: "Datos fiscales abiertos",
      text: "Publicar los datos fiscales.",
      inputIds: [inputs[0], inputs[1]],
    });
    await t.admin.client.ok("opinion.hide", { inputId: inputs[1], reason: "Datos personales de un tercero" });

    const [a] = await registerProposals(t.icefi.client, t.roundtableId, 1, { respondsTo: { summaryIds: [summaryId], inputIds: [] } });
    const [b] = await registerProposals(t.ciidh.client, t.roundtableId, 1, { respondsTo: { summaryIds: [], inputIds: [inputs[2]] } });
    const [c] = await registerProposals(t.ciidh.client, t.roundtableId, 1);
    const ab = await t.member.client.ok("proposal.merge", mergePayload(t, [a, b], "AB"));
    const abc = await t.member.client.ok("proposal.merge", mergePayload(t, [ab.proposalId, c], "ABC"));

    const lineage = (await proposalLineage(db(), abc.proposalId))!;
    expect(Object.keys(lineage.proposals).sort()).toEqual([a, b, c, ab.proposalId, abc.proposalId].sort());
    expect(Object.keys(lineage.summaries)).toEqual([summaryId]);
    expect(lineage.summaries[summaryId].inputIds.sort()).toEqual([inputs[0], inputs[1]].sort());
    expect(Object.keys(lineage.inputs).sort()).toEqual([...inputs].sort());
    expect(lineage.inputs[inputs[1]].text).toBeNull(); // moderated away: its text is not shown
    expect(lineage.inputs[inputs[0]].text).toBe("Aporte ciudadano 1");

    // Forward: an original knows what stands for it today.
    const fromA = (await proposalLineage(db(), a))!;
    expect(fateOf(fromA.graph, a)).toEqual({ kind: "current", ids: [abc.proposalId] });
  });

  it("counts per stage and theme are derived from the records: 2016 fiscal-transparency style 6 → 2 → unified", async () => {
    const t = await setupRoundtable(server);
    const ids = [...(await registerProposals(t.icefi.client, t.roundtableId, 4)), ...(await registerProposals(t.ciidh.client, t.roundtableId, 2))];
    await t.member.client.ok("proposal.merge", mergePayload(t, ids.slice(0, 3)));
    await t.member.client.ok("proposal.merge", mergePayload(t, ids.slice(3, 5)));
    await t.ciidh.client.ok("proposal.withdraw", { proposalId: ids[5], reason: "Se integra a otra mesa" });
    await t.admin.client.ok("round.close", { roundId: t.roundId });
    // By hand: six registered (proposed), three and two merged into two results, one withdrawn; closing the last
    // round moves the two results on to «unified». Read straight from the records…
    const all = await db().selectFrom("proposals").select(["id", "state", "stage"]).where("roundtable_id", "=", t.roundtableId).execute();
    const results = all.filter((p) => !ids.includes(p.id));
    expect(results.map((p) => ({ state: p.state, stage: p.stage }))).toEqual([
      { state: "active", stage: "unified" },
      { state: "active", stage: "unified" },
    ]);
    expect((await recordsOf(ids)).map((r) => r.state)).toEqual(["merged", "merged", "merged", "merged", "merged", "withdrawn"]);
    expect((await recordsOf(results.map((p) => p.id))).map((r) => r.entered)).toEqual([["unified"], ["unified"]]);
    const registered = await db()
      .selectFrom("proposal_stage_history")
      .select("proposal_id")
      .where("proposal_id", "in", ids)
      .where("stage", "=", "proposed")
      .execute();
    expect(registered.map((h) => h.proposal_id).sort()).toEqual([...ids].sort());
    // …and the read model says the same figures.
    const counts = await funnelCounts(db(), t.consultationId);
    const theme = counts.byTheme[t.themeIds[0]];
    expect(theme.proposed.entered).toBe(6);
    expect(theme.unified.entered).toBe(2);
    expect(theme.unified.now).toBe(2);
    expect(theme.proposed.now).toBe(0);
    expect(theme.unified.enteredIds.sort()).toEqual(results.map((p) => p.id).sort());
  });
});

describe("the live session", () => {
  it("tells everyone at the table what changed, and who is connected", async () => {
    const t = await setupRoundtable(server);
    const watcher = t.ciidh.client.socket();
    const presence = waitForEvent<{ people: Array<{ name: string; organization: string }> }>(watcher, "roundtable:presence");
    expect(await emitWithAck(watcher, "roundtable:join", { roundtableId: t.roundtableId })).toEqual({ ok: true });
    expect((await presence).people.map((p) => p.name)).toEqual([t.ciidh.name]);

    const merger = t.member.client.socket();
    const both = waitForEvent<{ people: Array<{ name: string }> }>(watcher, "roundtable:presence");
    await emitWithAck(merger, "roundtable:join", { roundtableId: t.roundtableId });
    expect((await both).people.map((p) => p.name).sort()).toEqual([t.ciidh.name, t.member.name].sort());

    const ids = await registerProposals(t.icefi.client, t.roundtableId, 3);
    const changed = waitForEvent<{ key: string; params: Record<string, unknown>; actor: string }>(watcher, "roundtable:changed");
    const merged = await emitWithAck(merger, "command", { id: randomUUID(), type: "proposal.merge", payload: mergePayload(t, ids, "Unificada en vivo") });
    expect(merged.ok).toBe(true);
    // The first change event may be a registration; wait for the merge.
    let event = await changed;
    while (event.key !== "roundtable.feed.merged") event = await waitForEvent(watcher, "roundtable:changed");
    expect(event).toMatchObject({ key: "roundtable.feed.merged", params: { count: 3, title: "Unificada en vivo" }, actor: t.member.name });

    const left = waitForEvent<{ people: Array<{ name: string }> }>(watcher, "roundtable:presence");
    merger.close();
    expect((await left).people.map((p) => p.name)).toEqual([t.ciidh.name]);
    watcher.close();
  });

  it("refuses to seat someone without a role in the consultation", async () => {
    const t = await setupRoundtable(server);
    const stranger = (await setupRoundtable(server)).icefi.client.socket();
    const r = await emitWithAck(stranger, "roundtable:join", { roundtableId: t.roundtableId });
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe("forbidden");
    stranger.close();
  });
});
