// GET /api/v1/consultations/:idOrSlug/funnel: participation first, then the five columns in pipeline order, each
// with how many proposals entered it and how many are alive there now, per theme and in total, and the state of
// what fills it. Everything is set up through the commands; every expected figure is written by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factories } from "../../db/factories";
import { ApiClient, createMember, startServer, type TestServer } from "../support/server";
import { mergePayload, registerProposals, setupRoundtable, type Table } from "../support/roundtables";

let server: TestServer;
let table: Table;
let slug: string;

beforeAll(async () => {
  server = await startServer();
  table = await setupRoundtable(server);
  slug = (await table.admin.client.get(`/api/v1/consultations/${table.consultationId}`)).body.result.consultation.slug;
});
afterAll(() => server.stop());

type Stage = {
  key: string;
  label: string;
  entered: number;
  now: number;
  state: Record<string, unknown>;
  byTheme: Record<string, { entered: number; now: number }>;
};
const funnel = async (idOrSlug = table.consultationId, lang = "es") => {
  const res = await fetch(`${server.url}/api/v1/consultations/${idOrSlug}/funnel`, { headers: { "accept-language": lang } });
  return { status: res.status, body: await res.json() };
};
const stages = async () => (await funnel()).body.result.stages as Stage[];
const figures = async (key: string) => {
  const s = (await stages()).find((x) => x.key === key)!;
  return { entered: s.entered, now: s.now };
};

describe("the funnel API", () => {
  it("answers 404 in the API envelope for an unknown consultation", async () => {
    const res = await funnel("no-such-consultation");
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ ok: false, error: { code: "not_found", message: expect.any(String) } });
  });

  it("lists the five columns in pipeline order with their labels, by id and by slug, in the caller's language", async () => {
    const es = await funnel(slug);
    expect(es.status).toBe(200);
    expect(es.body.ok).toBe(true);
    expect(es.body.result.stages.map((s: Stage) => [s.key, s.label])).toEqual([
      ["proposed", "Propuestas en mesas temáticas"],
      ["unified", "Unificadas en mesas temáticas"],
      ["technical", "Después de la Mesa Técnica"],
      ["refined", "Después de los talleres de afinamiento"],
      ["plan", "En el plan"],
    ]);
    const en = await funnel(table.consultationId, "en");
    expect(en.body.result.stages.map((s: Stage) => s.label)).toEqual([
      "Proposed at thematic roundtables",
      "Unified at thematic roundtables",
      "After the technical roundtable",
      "After the refinement workshops",
      "In the plan",
    ]);
    const empty = es.body.result.stages[0] as Stage;
    expect(empty).toMatchObject({ entered: 0, now: 0, byTheme: { [table.themeIds[0]]: { entered: 0, now: 0 }, [table.themeIds[1]]: { entered: 0, now: 0 } } });
  });

  it("follows a table registering, merging, undoing and closing its round, then a withdrawal", async () => {
    const [theme, other] = table.themeIds;
    const ids = [
      ...(await registerProposals(table.icefi.client, table.roundtableId, 3)),
      ...(await registerProposals(table.ciidh.client, table.roundtableId, 2)),
    ];

    let all = await stages();
    expect(all[0]).toMatchObject({ key: "proposed", entered: 5, now: 5, byTheme: { [theme]: { entered: 5, now: 5 }, [other]: { entered: 0, now: 0 } } });
    expect(all[0].state).toEqual({ by: "thematic_rounds", status: "open", tables: 1, open: 1, closed: 0 });
    expect(all[1]).toMatchObject({ key: "unified", entered: 0, now: 0 });
    expect(all[2].state).toEqual({ by: "technical_session", status: "none", session: null });
    expect(all[4].state).toEqual({ by: "votes", status: "none", open: 0, closed: 0 });

    // Three become one: five entered, three alive at the table now.
    await table.member.client.ok("proposal.merge", mergePayload(table, ids.slice(0, 3), "Presupuesto abierto unificado"));
    expect(await figures("proposed")).toEqual({ entered: 5, now: 3 });

    // Two more merged, then undone: the result goes, the two come back.
    const { operationId } = await table.member.client.ok<{ operationId: string }>(
      "proposal.merge",
      mergePayload(table, ids.slice(3, 5), "Unión que se deshizo"),
    );
    expect(await figures("proposed")).toEqual({ entered: 5, now: 2 });
    await table.member.client.ok("proposal.undo", { operationId });
    expect(await figures("proposed")).toEqual({ entered: 5, now: 3 });

    // The only round closes: the three alive proposals enter "unified".
    await table.admin.client.ok("round.close", { roundId: table.roundId });
    all = await stages();
    expect(all.map((s) => [s.key, s.entered, s.now])).toEqual([
      ["proposed", 5, 0],
      ["unified", 3, 3],
      ["technical", 0, 0],
      ["refined", 0, 0],
      ["plan", 0, 0],
    ]);
    expect(all[1].state).toEqual({ by: "thematic_rounds", status: "closed", tables: 1, open: 0, closed: 1 });
    expect((await funnel()).body.result.themes).toEqual([
      expect.objectContaining({ id: theme, rounds: { status: "closed", round: 1, rounds: 1 } }),
      expect.objectContaining({ id: other, rounds: { status: "none", round: null, rounds: 0 } }),
    ]);

    // CIIDH withdraws one of its proposals: it still counts where it reached, but is no longer alive there.
    await table.ciidh.client.ok("proposal.withdraw", { proposalId: ids[3], reason: "La institución no puede asumirla" });
    const unified = (await stages())[1];
    expect(unified).toMatchObject({ entered: 3, now: 2, byTheme: { [theme]: { entered: 3, now: 2 }, [other]: { entered: 0, now: 0 } } });
  });

  it("counts participation: visible online opinions, forum attendance, forum captures not withdrawn, summaries", async () => {
    const admin = table.admin.client;
    await admin.ok("stage.open", { stageId: table.stage("opinion_intake") });
    const citizen = new ApiClient(server.url);
    const opinions: string[] = [];
    for (const text of ["Publicar las compras municipales cada mes.", "Más foros en los departamentos.", "Explicar el presupuesto en idiomas mayas."]) {
      opinions.push((await citizen.ok<{ inputId: string }>("opinion.submit", { consultationId: table.consultationId, subject: "methodology", text })).inputId);
    }
    await admin.ok("opinion.hide", { inputId: opinions[2], reason: "Duplicada" });

    await admin.ok("stage.open", { stageId: table.stage("forums") });
    const { forumId } = await admin.ok<{ forumId: string }>("forum.create", factories.forum(table.consultationId));
    const { worktableId } = await admin.ok<{ worktableId: string }>("worktable.create", { forumId, themeId: table.themeIds[0] });
    const facilitator = await createMember(server, admin, table.consultationId, "facilitator");
    await admin.ok("worktable.assign", { worktableId, userId: facilitator.userId });
    await admin.ok("forum.open", { forumId });
    const captures: string[] = [];
    for (const text of ["Que la municipalidad publique sus compras", "Mesas de diálogo en cada municipio", "Texto anotado por error"]) {
      captures.push((await facilitator.client.ok<{ inputId: string }>("capture.create", { worktableId, text })).inputId);
    }
    await facilitator.client.ok("capture.withdraw", { inputId: captures[2], reason: "Anotado por error" });
    await admin.ok("attendance.count", { forumId, count: 40 });
    await admin.ok("attendance.count", { forumId, count: 7 });
    await admin.ok("summary.create", {
      consultationId: table.consultationId,
      themeId: table.themeIds[0],
      title: "Compras públicas",
      text: "Publicar las compras municipales.",
      inputIds: [captures[0], opinions[0]],
    });

    expect((await funnel()).body.result.participation).toEqual({ opinionsOnline: 2, forumAttendance: 47, forumCaptures: 2, summaries: 1 });
  });
});
