// Vote outcomes a facilitator can live with (issue 17), over the JSON API and the pages as a reader gets them:
// - the stuck table: a vote opened at 19 commitments under a cap of 20, closing after another vote made the 20th,
//   and its two ways out — closing it records "not adopted: the plan is full", cancelling it records the chair's
//   reason — each recorded, audited, broadcast and public in words (es/en);
// - stand-asides over the allowed share under full consensus: not adopted with the figures in words, the proposal
//   stays active, the table refines it and a second vote adopts it;
// - one rule for every act of the table: refused without an open session (409 naming the session to open),
//   accepted within one.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unifiedPayload } from "../support/roundtables";
import { emitWithAck, startServer, type ApiClient, type TestServer } from "../support/server";
import { meetCriteria, setupTechnical, type TechnicalTable } from "../support/technical";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
});
afterAll(() => server.stop());

const db = () => server.cocrea.db;

async function auditCount(): Promise<number> {
  return Number(
    (
      await db()
        .selectFrom("audit_events")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/** Sends a command that must be refused with this status and message; nothing is written (the audit log did not grow). */
async function refused(client: ApiClient, type: string, payload: unknown, status: number, message: string) {
  const before = await auditCount();
  const r = await client.command(type, payload);
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  const error = (r.body as { error: { message: string; issues?: Array<{ path: unknown[]; message: string }> } }).error;
  expect(error.message).toBe(message);
  expect(await auditCount()).toBe(before);
  return error;
}

async function slugOf(t: TechnicalTable): Promise<string> {
  return (await db().selectFrom("consultations").select("slug").where("id", "=", t.consultationId).executeTakeFirstOrThrow()).slug;
}

/** A page's text as a person reads it (tags dropped, entities decoded, spaces collapsed), in Spanish or English. */
async function read(path: string, lang: "es" | "en" = "es"): Promise<{ status: number; text: string }> {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie: `cocrea_lang=${lang}` } });
  const html = await res.text();
  const text = html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
  return { status: res.status, text };
}

async function stateOf(id: string) {
  return db().selectFrom("proposals").select(["state", "state_reason"]).where("id", "=", id).executeTakeFirstOrThrow();
}

async function adoptedCount(consultationId: string): Promise<number> {
  return (await db().selectFrom("proposals").select("id").where("consultation_id", "=", consultationId).where("state", "=", "adopted").execute()).length;
}

describe("the stuck table: a vote opened at 19 commitments of 20 closes after another made the 20th", () => {
  let t: TechnicalTable;
  let slug: string;
  let title: (id: string) => Promise<string>;
  let x: string, y: string, z: string;
  let voteX: string, voteY: string, voteZ: string;
  let socket: Socket;
  const heard: Array<{ voteId: string; status: string; outcome: string | null; grade: string | null; figures?: Record<string, unknown> | null }> = [];
  const REASON = "El plan se completó con el compromiso 20 mientras esta votación seguía abierta";

  beforeAll(async () => {
    // 22 proposals reach the table; the plan holds at most 20 commitments (the default cap).
    t = await setupTechnical(server, { unified: 22 });
    slug = await slugOf(t);
    title = async (id) => (await db().selectFrom("proposals").select("title").where("id", "=", id).executeTakeFirstOrThrow()).title;
    const agreeBoth = async (voteId: string) => {
      for (const m of t.members.slice(0, 2)) await m.client.ok("vote.answer", { voteId, answer: "agree" });
    };
    // 19 commitments adopted by consent, one after the other.
    for (const id of t.unified.slice(0, 19)) {
      await meetCriteria(t, id);
      const { voteId } = await t.chair.client.ok<{ voteId: string }>("vote.open", { proposalId: id });
      await agreeBoth(voteId);
      expect((await t.chair.client.ok("vote.close", { voteId })).outcome.kind).toBe("adopted");
    }
    expect(await adoptedCount(t.consultationId)).toBe(19);
    [x, y, z] = t.unified.slice(19);
    for (const id of [x, y, z]) await meetCriteria(t, id);
    // At 19 of 20, three votes open; X and Y gather agreement.
    voteX = (await t.chair.client.ok<{ voteId: string }>("vote.open", { proposalId: x })).voteId;
    voteY = (await t.chair.client.ok<{ voteId: string }>("vote.open", { proposalId: y })).voteId;
    voteZ = (await t.chair.client.ok<{ voteId: string }>("vote.open", { proposalId: z })).voteId;
    await agreeBoth(voteX);
    await agreeBoth(voteY);
    await t.members[0].client.ok("vote.answer", { voteId: voteZ, answer: "agree" });
    // X takes the 20th place.
    expect((await t.chair.client.ok("vote.close", { voteId: voteX })).outcome.kind).toBe("adopted");
    expect(await adoptedCount(t.consultationId)).toBe(20);

    // An observer follows the votes live over socket.io.
    socket = t.observer.client.socket();
    socket.on("vote:tally", (e: (typeof heard)[number]) => heard.push(e));
    expect(await emitWithAck(socket, "subscribe", { consultationId: t.consultationId })).toEqual({ ok: true });
  });
  afterAll(() => socket?.close());

  /** Resolves once the socket heard this vote closed with this outcome (or had already). */
  const hearsClosed = (voteId: string, outcome: string) =>
    expect.poll(() => heard.find((e) => e.voteId === voteId && e.status === "closed")?.outcome ?? null, { timeout: 5_000 }).toBe(outcome);

  it("while the votes are open, the table says how to get out: close or cancel them", async () => {
    await refused(
      t.chair.client,
      "proposal.reject",
      { proposalId: z, reason: "No cabe en el plan" },
      409,
      `Hay una votación abierta sobre «${await title(z)}»: ciérrela o cancélela primero.`,
    );
    await refused(
      t.chair.client,
      "technical.session.close",
      { roundId: t.sessionId },
      409,
      "Hay 2 votaciones abiertas en esta sesión: ciérrelas o cancélelas (con su motivo) antes de cerrar la sesión.",
    );
  });

  it("way out 1: closing Y records «not adopted: the plan is full»; Y stays at the table and the plan keeps 20", async () => {
    const before = await auditCount();
    const closed = await t.chair.client.ok("vote.close", { voteId: voteY });
    expect(closed.outcome).toEqual({
      kind: "not_adopted",
      because: "plan_full",
      wouldBe: "consent",
      max: 20,
      blocks: [],
      tally: { agree: 2, reservations: 0, stand_aside: 0, block: 0, answered: 2, eligible: 3 },
    });
    expect(await auditCount()).toBe(before + 1);
    expect(await stateOf(y)).toEqual({ state: "active", state_reason: null });
    expect(await adoptedCount(t.consultationId)).toBe(20);
    await hearsClosed(voteY, "not_adopted");
    expect(heard.find((e) => e.voteId === voteY && e.status === "closed")).toMatchObject({ grade: "plan_full", figures: { max: 20, wouldBe: "consent" } });

    const es = await read(`/c/${slug}/mesa-tecnica`);
    expect(es.status).toBe(200);
    expect(es.text).toContain(
      "No adoptada: el plan ya tiene sus 20 compromisos (la votación la habría adoptado por consentimiento). La propuesta sigue en la mesa",
    );
    expect(es.text).toContain("Compromisos adoptados: 20 de 20");
    expect(es.text).not.toContain("plan_full");
    const en = await read(`/c/${slug}/mesa-tecnica`, "en");
    expect(en.text).toContain(
      "Not adopted: the plan already has its 20 commitments (the vote would have adopted it by consent). The proposal stays at the table",
    );
    // The proposal's public sheet says the same.
    expect((await read(`/c/${slug}/propuestas/${y}`)).text).toContain("No adoptada: el plan ya tiene sus 20 compromisos");
  });

  it("way out 2: the chair cancels Z with a reason (required, the chair only); recorded, audited, heard live, public in words", async () => {
    const error = await refused(t.chair.client, "vote.cancel", { voteId: voteZ, reason: "  " }, 400, "Revise los datos: hay campos inválidos.");
    expect(error.issues).toEqual([{ path: ["reason"], code: "custom", message: "technical.issue.cancel_reason_required" }]);
    await refused(
      t.members[1].client,
      "vote.cancel",
      { voteId: voteZ, reason: REASON },
      403,
      "Solo quien preside la Mesa Técnica (o el punto de contacto) puede hacerlo.",
    );

    const before = await auditCount();
    const cancelled = await t.chair.client.ok("vote.cancel", { voteId: voteZ, reason: REASON });
    expect(cancelled).toEqual({ voteId: voteZ, proposalId: z, outcome: { kind: "cancelled", reason: REASON } });
    expect(await auditCount()).toBe(before + 1);
    const audit = await db().selectFrom("audit_events").selectAll().orderBy("seq", "desc").executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ command_type: "vote.cancel", consultation_id: t.consultationId });
    await hearsClosed(voteZ, "cancelled");
    // The reason travels with the broadcast: a live page words it before reloading.
    expect(heard.find((e) => e.voteId === voteZ && e.status === "closed")?.figures).toMatchObject({ cancelReason: REASON });

    // Nothing is deleted: the answer given stays, beside the reason; the proposal is as it was.
    const row = await db().selectFrom("consensus_votes").selectAll().where("id", "=", voteZ).executeTakeFirstOrThrow();
    expect({ status: row.status, outcome: row.outcome, grade: row.grade }).toEqual({ status: "closed", outcome: "cancelled", grade: null });
    expect(JSON.parse(row.outcome_detail!)).toMatchObject({ kind: "cancelled", reason: REASON, tally: { agree: 1, answered: 1 } });
    expect((await db().selectFrom("vote_answers").select("answer").where("vote_id", "=", voteZ).execute()).map((a) => a.answer)).toEqual(["agree"]);
    expect(await stateOf(z)).toEqual({ state: "active", state_reason: null });

    // A cancelled vote is over: cancelling or closing it again is a 409.
    await refused(t.chair.client, "vote.cancel", { voteId: voteZ, reason: REASON }, 409, "La votación ya está cerrada: su resultado es definitivo.");
    await refused(t.chair.client, "vote.close", { voteId: voteZ }, 409, "La votación ya está cerrada: su resultado es definitivo.");

    const es = await read(`/c/${slug}/mesa-tecnica`);
    expect(es.text).toContain(`Votación cancelada: ${REASON}`);
    expect((await read(`/c/${slug}/mesa-tecnica`, "en")).text).toContain(`Vote cancelled: ${REASON}`);
    expect((await read(`/c/${slug}/propuestas/${z}`)).text).toContain(`Votación cancelada: ${REASON}`);
  });

  it("after both ways out the table goes on: the chair rejects what cannot enter the plan and closes the session", async () => {
    await t.chair.client.ok("proposal.reject", { proposalId: z, reason: "El plan ya tiene sus 20 compromisos" });
    const closed = await t.chair.client.ok<{ roundId: string }>("technical.session.close", { roundId: t.sessionId });
    expect(closed.roundId).toBe(t.sessionId);
    expect(await adoptedCount(t.consultationId)).toBe(20);
    expect((await read(`/c/${slug}/mesa-tecnica`)).text).toContain("Compromisos adoptados: 20 de 20");
  });
});

describe("full consensus: stand-asides over the allowed share, no block", () => {
  let t: TechnicalTable;
  let slug: string;

  beforeAll(async () => {
    // Eight members answer; a quarter of eight answers may stand aside (2).
    t = await setupTechnical(server, {
      unified: 2,
      members: ["public", "civil_society", "civil_society", "civil_society", "academia", "academia", "public", "civil_society"],
      settings: { decisionRule: "full_consensus", standAsideMaxShare: 25 },
    });
    slug = await slugOf(t);
  });

  it("3 of 8 stand aside: not adopted with the figures in words, the proposal stays active; the table refines it and a second vote adopts it", async () => {
    const id = t.unified[0];
    await meetCriteria(t, id);
    const first = await t.chair.client.ok<{ voteId: string; ballot: number }>("vote.open", { proposalId: id });
    const said = ["agree", "agree", "reservations", "agree", "stand_aside", "stand_aside", "stand_aside", "agree"] as const;
    for (const [i, answer] of said.entries())
      await t.members[i].client.ok("vote.answer", { voteId: first.voteId, answer, reason: answer === "reservations" ? "Precisar los plazos" : "" });
    const closed = await t.chair.client.ok("vote.close", { voteId: first.voteId });
    expect(closed.outcome).toEqual({
      kind: "not_adopted",
      because: "stand_asides",
      standAsides: 3,
      allowed: 2,
      blocks: [],
      tally: { agree: 4, reservations: 1, stand_aside: 3, block: 0, answered: 8, eligible: 8 },
    });
    // Not a rejection: nobody objected.
    expect(await stateOf(id)).toEqual({ state: "active", state_reason: null });

    const es = await read(`/c/${slug}/mesa-tecnica`);
    expect(es.text).toContain(
      "No adoptada: más abstenciones de las permitidas: 3 de 8, el máximo es 2. La propuesta sigue en la mesa: puede afinarse y votarse de nuevo",
    );
    expect(es.text).not.toContain("stand_asides");
    expect((await read(`/c/${slug}/mesa-tecnica`, "en")).text).toContain("Not adopted: more stand-asides than allowed: 3 of 8, the maximum is 2.");
    expect((await read(`/c/${slug}/propuestas/${id}`)).text).toContain("más abstenciones de las permitidas: 3 de 8, el máximo es 2");

    // The table refines the text in the session, then votes again: a fresh first ballot, and now it is adopted.
    await t.members[0].client.ok("proposal.revise", {
      proposalId: id,
      note: "Se acotó el alcance con quienes se abstuvieron",
      ...unifiedPayload("Texto afinado"),
    });
    const second = await t.chair.client.ok<{ voteId: string; ballot: number }>("vote.open", { proposalId: id });
    expect(second.ballot).toBe(1);
    const again = ["agree", "agree", "agree", "agree", "agree", "stand_aside", "agree", "reservations"] as const;
    for (const [i, answer] of again.entries())
      await t.members[i].client.ok("vote.answer", { voteId: second.voteId, answer, reason: answer === "reservations" ? "Revisar el hito 2" : "" });
    const adopted = await t.chair.client.ok("vote.close", { voteId: second.voteId });
    expect(adopted.outcome).toEqual({
      kind: "adopted",
      grade: "full_consensus",
      tally: { agree: 6, reservations: 1, stand_aside: 1, block: 0, answered: 8, eligible: 8 },
    });
    expect((await stateOf(id)).state).toBe("adopted");
    const after = await read(`/c/${slug}/mesa-tecnica`);
    expect(after.text).toContain("Adoptada por consenso pleno");
    expect(after.text).toContain("Compromisos adoptados: 1 de 20");
  });

  it("a reasoned block still rejects, with its reason", async () => {
    const id = t.unified[1];
    await meetCriteria(t, id);
    const { voteId } = await t.chair.client.ok<{ voteId: string }>("vote.open", { proposalId: id });
    await t.members[0].client.ok("vote.answer", { voteId, answer: "agree" });
    await t.members[1].client.ok("vote.answer", { voteId, answer: "stand_aside" });
    await t.members[2].client.ok("vote.answer", { voteId, answer: "stand_aside" });
    await t.members[3].client.ok("vote.answer", { voteId, answer: "block", reason: "Duplica el portal que ya existe" });
    const closed = await t.chair.client.ok("vote.close", { voteId });
    expect(closed.outcome).toMatchObject({ kind: "rejected", because: "blocked" });
    expect(await stateOf(id)).toEqual({ state: "rejected", state_reason: "Duplica el portal que ya existe" });
  });
});

describe("one rule for every act of the table: in an open session", () => {
  let t: TechnicalTable;
  const NONE = "Ninguna sesión de la Mesa Técnica está abierta: la mesa unifica, divide, afina, rechaza y vota solo en sesión. Programe una sesión y ábrala.";
  const OPEN_2 = "Ninguna sesión de la Mesa Técnica está abierta: la mesa unifica, divide, afina, rechaza y vota solo en sesión. Abra la sesión 2.";

  beforeAll(async () => {
    t = await setupTechnical(server, { unified: 7 });
    for (const id of t.unified.slice(0, 2)) await meetCriteria(t, id);
    // The review session ends; nothing else is scheduled.
    await t.chair.client.ok("technical.session.close", { roundId: t.sessionId });
  });

  /** Every act of the table, each on proposals of its own. */
  const acts = () => {
    const [toVote, , toReject, toRevise, mergeA, mergeB, toSplit] = t.unified;
    const present = [t.orgs.minfin];
    return [
      { type: "vote.open", payload: { proposalId: toVote } },
      { type: "proposal.reject", payload: { proposalId: toReject, reason: "No es financieramente viable" } },
      { type: "proposal.revise", payload: { proposalId: toRevise, note: "Hitos más precisos", ...unifiedPayload("Texto afinado en sesión") } },
      {
        type: "proposal.merge",
        payload: {
          roundtableId: t.technicalId,
          sourceIds: [mergeA, mergeB],
          result: unifiedPayload("Fusión en sesión"),
          present,
          agreed: true,
          agreedNote: "",
        },
      },
      {
        type: "proposal.split",
        payload: {
          roundtableId: t.technicalId,
          sourceId: toSplit,
          results: [unifiedPayload("Parte A"), unifiedPayload("Parte B")],
          present,
          agreed: true,
          agreedNote: "",
        },
      },
    ];
  };

  it("without an open session each act is refused (409 saying to schedule and open one), nothing written; a scheduled session is named", async () => {
    for (const act of acts()) await refused(t.chair.client, act.type, act.payload, 409, NONE);
    const { roundId } = await t.chair.client.ok<{ roundId: string }>("technical.session.schedule", {
      roundtableId: t.technicalId,
      kind: "refinement",
      closesStage: "refined",
      venue: "SEGEPLAN",
    });
    for (const act of acts()) await refused(t.chair.client, act.type, act.payload, 409, OPEN_2);
    expect((await stateOf(t.unified[2])).state).toBe("active");

    // Criteria and conflicts of interest are not acts of the table: an institution's letter or a member's
    // declaration is recorded whenever it arrives, in session or not.
    await t.members[0].client.ok("proposal.criterion", { proposalId: t.unified[1], criterion: "legal", met: true, note: "Dictamen recibido entre sesiones" });

    // The way out: open the session; every act is then accepted.
    await t.chair.client.ok("technical.session.open", { roundId });
    for (const act of acts()) {
      const r = await t.chair.client.command(act.type, act.payload);
      expect(r.status, `${act.type}: ${JSON.stringify(r.body)}`).toBe(200);
    }
    expect((await stateOf(t.unified[2])).state).toBe("rejected");
  });

  it("closing or cancelling a vote happens in its session too: the session cannot close around an open vote, cancelling lets it", async () => {
    const session = await db()
      .selectFrom("rounds")
      .select(["id", "number"])
      .where("roundtable_id", "=", t.technicalId)
      .where("status", "=", "open")
      .executeTakeFirstOrThrow();
    const open = await db()
      .selectFrom("consensus_votes")
      .select("id")
      .where("proposal_id", "=", t.unified[0])
      .where("status", "=", "open")
      .executeTakeFirstOrThrow();
    await refused(
      t.chair.client,
      "technical.session.close",
      { roundId: session.id },
      409,
      "Hay 1 votación abierta en esta sesión: ciérrela o cancélela (con su motivo) antes de cerrar la sesión.",
    );
    await t.chair.client.ok("vote.cancel", { voteId: open.id, reason: "La sesión terminó sin tiempo para votar" });
    await t.chair.client.ok("technical.session.close", { roundId: session.id });
    // Next session: a new vote on the same proposal is the same ballot again.
    const { roundId } = await t.chair.client.ok<{ roundId: string }>("technical.session.schedule", {
      roundtableId: t.technicalId,
      kind: "review",
      venue: "SEGEPLAN",
    });
    await refused(
      t.chair.client,
      "vote.open",
      { proposalId: t.unified[0] },
      409,
      `Ninguna sesión de la Mesa Técnica está abierta: la mesa unifica, divide, afina, rechaza y vota solo en sesión. Abra la sesión ${session.number + 1}.`,
    );
    await t.chair.client.ok("technical.session.open", { roundId });
    expect((await t.chair.client.ok<{ ballot: number }>("vote.open", { proposalId: t.unified[0] })).ballot).toBe(1);
  });
});
