// Every refusal the technical roundtable owes its users, over the JSON API: the status, the message as the person
// reads it (Spanish by default) and proof that nothing was written (the audit log did not grow). Also what is
// allowed and looks close to a refusal: answers changed at the same moment, withdrawal by an organization behind a
// unified proposal, merging at the technical table, revisions that keep every version.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDelegate, proposalPayload, unifiedPayload } from "../support/roundtables";
import { startServer, type ApiClient, type TestServer } from "../support/server";
import { meetCriteria, setupTechnical, type TechnicalTable } from "../support/technical";

let server: TestServer;
let t: TechnicalTable;
let pool: string[];
/** A member of the technical roundtable never recorded present at the session. */
let absent: Awaited<ReturnType<typeof createDelegate>>;
/** A member from another public institution (SEGEPLAN), present. */
let segeplan: Awaited<ReturnType<typeof createDelegate>>;

// Members: [0] MINFIN (public, the chair), [1] and [2] civil society; an observer; all present.
beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  t = await setupTechnical(server, { unified: 12 });
  pool = [...t.unified];
  const admin = t.admin.client;
  absent = await createDelegate(server, admin, t.consultationId, "technical_member", t.orgs.ciidh);
  const segeplanOrg = (
    await admin.ok<{ organizationId: string }>("organization.create", {
      consultationId: t.consultationId,
      name: "Secretaría de Planificación y Programación de la Presidencia",
      acronym: "SEGEPLAN",
      sector: "public",
    })
  ).organizationId;
  segeplan = await createDelegate(server, admin, t.consultationId, "technical_member", segeplanOrg);
  await t.chair.client.ok("technical.attendance", { roundId: t.sessionId, userId: segeplan.userId, present: true });
});
afterAll(() => server.stop());

const db = () => server.cocrea.db;
const member = (i: number) => t.members[i].client;
const chair = () => t.chair.client;

function next(): string {
  const id = pool.shift();
  if (!id) throw new Error("no unified proposal left: raise `unified` in beforeAll");
  return id;
}
async function ready(): Promise<string> {
  const id = next();
  await meetCriteria(t, id);
  return id;
}
async function titleOf(id: string): Promise<string> {
  return (await db().selectFrom("proposals").select("title").where("id", "=", id).executeTakeFirstOrThrow()).title;
}
async function auditCount(): Promise<number> {
  return (
    await db()
      .selectFrom("audit_events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow()
  ).n;
}

/** Sends a command that must be refused with this status and message, and checks the audit log did not grow. */
async function refused(client: ApiClient, type: string, payload: unknown, status: number, message: string | RegExp) {
  const before = await auditCount();
  const r = await client.command(type, payload);
  expect(r.status).toBe(status);
  expect(r.body.ok).toBe(false);
  const error = (r.body as { error: { code: string; message: string; issues?: Array<{ path: unknown[]; code?: string; message: string }> } }).error;
  if (typeof message === "string") expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
  expect(await auditCount()).toBe(before);
  return error;
}

async function answersOf(voteId: string) {
  return db().selectFrom("vote_answers").select(["user_id", "answer"]).where("vote_id", "=", voteId).execute();
}

describe("who may answer a vote", () => {
  let voteId: string;
  let proposalId: string;
  beforeAll(async () => {
    proposalId = await ready();
    voteId = (await chair().ok<{ voteId: string }>("vote.open", { proposalId })).voteId;
  });

  it("an observer: 403, observers never vote", async () => {
    await refused(t.observer.client, "vote.answer", { voteId, answer: "agree" }, 403, "Las personas observadoras no votan.");
    expect(await answersOf(voteId)).toEqual([]);
  });

  it("a member not recorded present at the session: 403", async () => {
    await refused(
      absent.client,
      "vote.answer",
      { voteId, answer: "agree" },
      403,
      "Solo votan las personas integrantes presentes en la sesión: registre su asistencia primero.",
    );
    expect(await answersOf(voteId)).toEqual([]);
  });

  it("a member who declared a conflict of interest on the proposal: 403 with the declared reason", async () => {
    const other = await ready();
    await member(2).ok("proposal.declare_conflict", { proposalId: other, reason: "Mi organización ejecutaría el proyecto" });
    const { voteId: onOther } = await chair().ok<{ voteId: string }>("vote.open", { proposalId: other });
    await refused(
      member(2),
      "vote.answer",
      { voteId: onOther, answer: "agree" },
      403,
      "Usted declaró un conflicto de interés sobre esta propuesta y no vota en ella (Mi organización ejecutaría el proyecto).",
    );
    expect(await answersOf(onOther)).toEqual([]);
  });

  it("a block without a reason: 400 with the issue on `reason`", async () => {
    const error = await refused(member(1), "vote.answer", { voteId, answer: "block" }, 400, "Revise los datos: hay campos inválidos.");
    expect(error.issues).toEqual([{ path: ["reason"], code: "custom", message: "technical.issue.block_reason_required" }]);
    expect(await answersOf(voteId)).toEqual([]);
  });

  it("answering a closed vote: 409, the result is final", async () => {
    await member(0).ok("vote.answer", { voteId, answer: "agree" });
    await member(1).ok("vote.answer", { voteId, answer: "agree" });
    await chair().ok("vote.close", { voteId });
    await refused(member(2), "vote.answer", { voteId, answer: "block", reason: "Tarde" }, 409, "La votación ya está cerrada: su resultado es definitivo.");
    expect((await answersOf(voteId)).length).toBe(2);
  });

  it("two members changing their answers at the same moment: both apply and the tally counts both", async () => {
    const id = await ready();
    const { voteId: v } = await chair().ok<{ voteId: string }>("vote.open", { proposalId: id });
    await member(0).ok("vote.answer", { voteId: v, answer: "agree" });
    await member(1).ok("vote.answer", { voteId: v, answer: "agree" });
    await member(2).ok("vote.answer", { voteId: v, answer: "agree" });
    const [a, b] = await Promise.all([
      member(1).command("vote.answer", { voteId: v, answer: "stand_aside" }),
      member(2).command("vote.answer", { voteId: v, answer: "reservations", reason: "Que se consulte a las municipalidades" }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body).toEqual({ ok: true, result: { voteId: v, answer: "stand_aside", answered: 3 } });
    expect(b.body).toEqual({ ok: true, result: { voteId: v, answer: "reservations", answered: 3 } });
    const closed = await chair().ok("vote.close", { voteId: v });
    expect(closed.outcome).toEqual({
      kind: "adopted",
      grade: "consent",
      tally: { agree: 1, reservations: 1, stand_aside: 1, block: 0, answered: 3, eligible: 5 },
    });
  });
});

describe("opening a vote", () => {
  it("on a proposal missing criteria: 409 naming exactly the missing ones", async () => {
    const id = next();
    await member(0).ok("proposal.criterion", { proposalId: id, criterion: "legal", met: true, note: "Dictamen jurídico favorable" });
    const title = await titleOf(id);
    const error = await refused(
      chair(),
      "vote.open",
      { proposalId: id },
      409,
      `«${title}» no puede someterse a votación: faltan 2 criterios de adopción: la institución responsable acepta, viable financieramente.`,
    );
    expect(error.issues).toEqual([
      { path: ["criteria", "institution"], code: "criteria_missing", message: "institution" },
      { path: ["criteria", "financial"], code: "criteria_missing", message: "financial" },
    ]);
    // A criterion recorded as not met still counts as missing.
    await member(0).ok("proposal.criterion", { proposalId: id, criterion: "institution", met: true, note: "Oficio del ministro" });
    await member(0).ok("proposal.criterion", { proposalId: id, criterion: "financial", met: false, note: "Sin partida presupuestaria" });
    await refused(
      chair(),
      "vote.open",
      { proposalId: id },
      409,
      `«${title}» no puede someterse a votación: falta 1 criterio de adopción: viable financieramente.`,
    );
    expect(await db().selectFrom("consensus_votes").select("id").where("proposal_id", "=", id).execute()).toEqual([]);
  });

  it("a second vote on a proposal with one open: 409", async () => {
    const id = await ready();
    await chair().ok("vote.open", { proposalId: id });
    await refused(chair(), "vote.open", { proposalId: id }, 409, `Ya hay una votación abierta sobre «${await titleOf(id)}».`);
    expect((await db().selectFrom("consensus_votes").select("id").where("proposal_id", "=", id).execute()).length).toBe(1);
  });

  it("by a member who does not chair the table: 403", async () => {
    const id = await ready();
    await refused(member(1), "vote.open", { proposalId: id }, 403, "Solo quien preside la Mesa Técnica (o el punto de contacto) puede hacerlo.");
    pool.unshift(id); // still usable, criteria met
  });
});

describe("criterion (a): the responsible public institution accepts", () => {
  it("recorded by a member of another institution for the proposal's institution: 403", async () => {
    const id = pool[0];
    await refused(
      segeplan.client,
      "proposal.criterion",
      { proposalId: id, criterion: "institution", met: true, note: "Acepta", organizationId: t.orgs.minfin },
      403,
      "Solo puede registrar la aceptación de su propia institución.",
    );
  });

  it("recorded by a civil-society member: 400, responsibility lies with a public institution", async () => {
    await refused(
      member(1),
      "proposal.criterion",
      { proposalId: pool[0], criterion: "institution", met: true, note: "Acepta" },
      400,
      /^«MT1 [A-Z0-9]{4}» no es una institución pública: la responsabilidad de un compromiso recae siempre en una institución pública\.$/,
    );
  });

  it("recorded by the point of contact without the written-behalf note: 400", async () => {
    await refused(
      t.admin.client,
      "proposal.criterion",
      { proposalId: pool[0], criterion: "institution", met: true, organizationId: t.orgs.minfin },
      400,
      "Anote la referencia del documento con que la institución acepta (el punto de contacto registra en su nombre).",
    );
    // With the note it is recorded in the institution's name.
    await t.admin.client.ok("proposal.criterion", {
      proposalId: pool[0],
      criterion: "institution",
      met: true,
      organizationId: t.orgs.minfin,
      note: "Oficio 123-2016 del MINFIN",
    });
    const row = await db()
      .selectFrom("proposal_criteria")
      .select(["organization_id", "note"])
      .where("proposal_id", "=", pool[0])
      .where("criterion", "=", "institution")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ organization_id: t.orgs.minfin, note: "Oficio 123-2016 del MINFIN" });
  });
});

describe("the commitment cap (maxCommitments 2, four proposals, a second consultation)", () => {
  it("the third adoption is refused when its vote opens; a vote opened earlier that closes after the plan filled is recorded «not adopted: the plan is full», and the session can close", async () => {
    const c = await setupTechnical(server, { unified: 4 });
    await c.admin.client.ok("consultation.update", { consultationId: c.consultationId, title: "Consulta con un límite de dos compromisos", maxCommitments: 2 });
    const [a, b, cc, d] = c.unified;
    for (const id of [a, b, cc, d]) await meetCriteria(c, id);
    const adopt = async (voteId: string) => {
      for (const m of c.members.slice(0, 2)) await m.client.ok("vote.answer", { voteId, answer: "agree" });
    };
    const first = await c.chair.client.ok<{ voteId: string }>("vote.open", { proposalId: a });
    await adopt(first.voteId);
    expect((await c.chair.client.ok("vote.close", { voteId: first.voteId })).outcome.kind).toBe("adopted");

    // Two votes open while one place is left; the first to close takes it.
    const second = await c.chair.client.ok<{ voteId: string }>("vote.open", { proposalId: b });
    const late = await c.chair.client.ok<{ voteId: string }>("vote.open", { proposalId: d });
    await adopt(second.voteId);
    await adopt(late.voteId);
    expect((await c.chair.client.ok("vote.close", { voteId: second.voteId })).outcome.kind).toBe("adopted");
    await refused(c.chair.client, "vote.open", { proposalId: cc }, 409, "El plan ya tiene el máximo de 2 compromisos.");

    // The way out: the late vote closes all the same, as "not adopted: the plan is full"; its proposal stays at the table.
    const closed = await c.chair.client.ok("vote.close", { voteId: late.voteId });
    expect(closed.outcome).toEqual({
      kind: "not_adopted",
      because: "plan_full",
      wouldBe: "consent",
      max: 2,
      blocks: [],
      tally: { agree: 2, reservations: 0, stand_aside: 0, block: 0, answered: 2, eligible: 3 },
    });
    const states = await db().selectFrom("proposals").select(["id", "state"]).where("id", "in", [a, b, cc, d]).execute();
    expect(Object.fromEntries(states.map((s) => [s.id, s.state]))).toEqual({ [a]: "adopted", [b]: "adopted", [cc]: "active", [d]: "active" });
    expect(await db().selectFrom("consensus_votes").select(["status", "outcome", "grade"]).where("id", "=", late.voteId).executeTakeFirstOrThrow()).toEqual({
      status: "closed",
      outcome: "not_adopted",
      grade: "plan_full",
    });
    // Nothing is left open: the chair may reject what cannot enter the plan, and close the session.
    await c.chair.client.ok("proposal.reject", { proposalId: d, reason: "El plan ya tiene sus dos compromisos" });
    await c.chair.client.ok("technical.session.close", { roundId: c.sessionId });
  });
});

describe("withdrawal of a unified proposal", () => {
  it("by a proponent whose organization's proposals it unified: allowed, recorded in the organization's name", async () => {
    const id = next();
    const withdrawn = await t.icefi.client.ok("proposal.withdraw", {
      proposalId: id,
      reason: "El ICEFI retira la propuesta para presentarla en el próximo plan",
    });
    expect(withdrawn).toMatchObject({ proposalId: id, state: "withdrawn" });
    const row = await db().selectFrom("proposals").select(["state", "state_reason", "state_organization_id"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({
      state: "withdrawn",
      state_reason: "El ICEFI retira la propuesta para presentarla en el próximo plan",
      state_organization_id: t.orgs.icefi,
    });
  });

  it("by a proponent of another organization: 403", async () => {
    const id = pool[pool.length - 1];
    await refused(t.ciidh.client, "proposal.withdraw", { proposalId: id, reason: "No es nuestra" }, 403, "No tiene permiso para hacer esto.");
    expect((await db().selectFrom("proposals").select("state").where("id", "=", id).executeTakeFirstOrThrow()).state).toBe("active");
  });
});

describe("leaving the table while a vote on it is open", () => {
  it("withdrawing or merging a proposal under vote: 409 (closing the vote would otherwise adopt a proposal that left)", async () => {
    const [voted, other] = [await ready(), next()];
    const title = await titleOf(voted);
    const { voteId } = await chair().ok<{ voteId: string }>("vote.open", { proposalId: voted });
    await member(0).ok("vote.answer", { voteId, answer: "agree" });
    const message = `Hay una votación abierta sobre «${title}»: ciérrela o cancélela primero.`;
    await refused(t.icefi.client, "proposal.withdraw", { proposalId: voted, reason: "Lo retiramos" }, 409, message);
    await refused(
      member(0),
      "proposal.merge",
      {
        roundtableId: t.technicalId,
        sourceIds: [other, voted],
        result: unifiedPayload("Fusión durante la votación"),
        present: [t.orgs.minfin],
        agreed: true,
        agreedNote: "",
      },
      409,
      message,
    );
    await refused(
      member(0),
      "proposal.split",
      {
        roundtableId: t.technicalId,
        sourceId: voted,
        results: [unifiedPayload("Parte A"), unifiedPayload("Parte B")],
        present: [t.orgs.minfin],
        agreed: true,
        agreedNote: "",
      },
      409,
      message,
    );
    expect((await db().selectFrom("proposals").select("state").where("id", "in", [voted, other]).execute()).map((r) => r.state)).toEqual(["active", "active"]);
    // Once the vote is closed (here without quorum), the proponent may withdraw it.
    await chair().ok("vote.close", { voteId });
    await t.icefi.client.ok("proposal.withdraw", { proposalId: voted, reason: "Lo retiramos" });
    pool.push(other);
  });
});

describe("merging at the technical table", () => {
  const present = () => [t.orgs.minfin, t.orgs.icefi];

  it("two unified proposals merge there; the result belongs to the technical table, and the merge can be undone", async () => {
    const [x, y] = [next(), next()];
    const merged = await member(0).ok<{ proposalId: string; operationId: string }>("proposal.merge", {
      roundtableId: t.technicalId,
      sourceIds: [x, y],
      result: unifiedPayload("Presupuesto abierto y datos de deuda"),
      present: present(),
      agreed: true,
      agreedNote: "Acordado en la sesión de revisión",
    });
    const row = await db().selectFrom("proposals").select(["roundtable_id", "stage", "state"]).where("id", "=", merged.proposalId).executeTakeFirstOrThrow();
    expect(row).toEqual({ roundtable_id: t.technicalId, stage: "unified", state: "active" });
    const sources = await db().selectFrom("proposals").select("state").where("id", "in", [x, y]).execute();
    expect(sources.map((s) => s.state)).toEqual(["merged", "merged"]);

    await member(0).ok("proposal.undo", { operationId: merged.operationId });
    const after = await db().selectFrom("proposals").select(["id", "state"]).where("id", "in", [x, y, merged.proposalId]).execute();
    expect(Object.fromEntries(after.map((r) => [r.id, r.state]))).toEqual({ [x]: "active", [y]: "active", [merged.proposalId]: "undone" });
    pool.push(x, y);
  });

  it("a proposal still at «proposed» cannot be merged there: 400", async () => {
    // A second thematic round receives a late proposal: it is at "proposed", not yet unified.
    const { roundId } = await t.admin.client.ok<{ roundId: string }>("round.schedule", { roundtableId: t.roundtableId, heldOn: "2016-07-07", venue: "MINFIN" });
    await t.admin.client.ok("round.open", { roundId });
    const late = (
      await t.icefi.client.ok<{ proposalId: string }>("proposal.create", proposalPayload(t.roundtableId, { title: "Propuesta tardía de presupuesto" }))
    ).proposalId;
    const unified = pool[0];
    await refused(
      member(0),
      "proposal.merge",
      {
        roundtableId: t.technicalId,
        sourceIds: [unified, late],
        result: unifiedPayload("No debería existir"),
        present: present(),
        agreed: true,
        agreedNote: "",
      },
      400,
      "La propuesta «Propuesta tardía de presupuesto» todavía no llegó a la Mesa Técnica (no fue unificada en su mesa temática).",
    );
    expect((await db().selectFrom("proposals").select("id").where("title", "=", "No debería existir").execute()).length).toBe(0);
  });
});

describe("revisions", () => {
  it("keep every version: revision 1 is the text before, revision 2 the new one; a revision during an open vote: 409", async () => {
    const id = next();
    const before = await titleOf(id);
    const revised = await member(0).ok("proposal.revise", {
      proposalId: id,
      note: "Se precisaron los hitos con el MINFIN",
      ...unifiedPayload("Presupuesto abierto con hitos trimestrales"),
    });
    expect(revised).toMatchObject({ proposalId: id, revision: 2 });
    const versions = await db()
      .selectFrom("proposal_versions")
      .select(["revision", "template", "note"])
      .where("proposal_id", "=", id)
      .orderBy("revision")
      .execute();
    expect(versions.map((v) => [v.revision, JSON.parse(v.template).title, v.note])).toEqual([
      [1, before, ""],
      [2, "Presupuesto abierto con hitos trimestrales", "Se precisaron los hitos con el MINFIN"],
    ]);

    await meetCriteria(t, id);
    await chair().ok("vote.open", { proposalId: id });
    await refused(
      member(0),
      "proposal.revise",
      { proposalId: id, note: "", ...unifiedPayload("Otra redacción") },
      409,
      "Hay una votación abierta sobre «Presupuesto abierto con hitos trimestrales»: ciérrela o cancélela primero.",
    );
    expect((await db().selectFrom("proposal_versions").select("revision").where("proposal_id", "=", id).execute()).length).toBe(2);
  });
});
