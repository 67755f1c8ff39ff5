// The technical roundtable's consensus vote, end to end: a live vote over socket.io with a member dropping out
// and coming back mid-vote, idempotent commands, and each decision rule (consent, full consensus, consensus with a
// fallback, quorum) set through consultation.decision_settings and decided by closing the vote through the API.
// Every expected figure below is written by hand from the rules in docs/domain.md and the issue.
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitWithAck, startServer, type TestServer } from "../support/server";
import { meetCriteria, setupTechnical, type TechnicalTable } from "../support/technical";

let server: TestServer;
let t: TechnicalTable;
let slug: string;
/** Unified proposals still unused by a test. */
let pool: string[];

// Four members: [0] MINFIN (public, the chair), [1] and [2] civil society, [3] academia. Eligible = 4.
beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  t = await setupTechnical(server, { unified: 12, members: ["public", "civil_society", "civil_society", "academia"] });
  slug = (await t.admin.client.get(`/api/v1/consultations/${t.consultationId}`)).body.result.consultation.slug;
  pool = [...t.unified];
});
afterAll(() => server.stop());

const member = (i: number) => t.members[i];
const chair = () => t.chair.client;

/** A unified proposal that meets the three adoption criteria. */
async function readyProposal(): Promise<string> {
  const id = pool.shift();
  if (!id) throw new Error("no unified proposal left: raise `unified` in beforeAll");
  await meetCriteria(t, id);
  return id;
}

async function settings(over: Record<string, unknown>) {
  await t.admin.client.ok("consultation.decision_settings", { consultationId: t.consultationId, ...over });
}

type Said = [memberIndex: number, answer: "agree" | "reservations" | "stand_aside" | "block", reason?: string];

async function answerAll(voteId: string, said: Said[]) {
  for (const [i, answer, reason] of said) await member(i).client.ok("vote.answer", { voteId, answer, reason });
}

/** Opens a vote, records the answers, closes it; answers the close result. */
async function decide(proposalId: string, said: Said[], expectedBallot = 1) {
  const opened = await chair().ok<{ voteId: string; ballot: number }>("vote.open", { proposalId });
  expect(opened.ballot).toBe(expectedBallot);
  await answerAll(opened.voteId, said);
  const closed = await chair().ok<{ voteId: string; outcome: any }>("vote.close", { voteId: opened.voteId });
  return { voteId: opened.voteId, outcome: closed.outcome };
}

/** The proposal as its public page shows it (the page's own loader data). */
async function publicProposal(id: string): Promise<{ state: string; stateReason: string | null; stage: string }> {
  const route = encodeURIComponent("routes/c.$slug.propuestas.$proposalId");
  const res = await fetch(`${server.url}/c/${slug}/propuestas/${id}?_data=${route}`);
  expect(res.status).toBe(200);
  return (await res.json()).proposal;
}

function tally(agree: number, reservations: number, stand_aside: number, block: number, eligible = 4) {
  return { agree, reservations, stand_aside, block, answered: agree + reservations + stand_aside + block, eligible };
}

describe("a live vote over socket.io", () => {
  type TallyEvent = { voteId: string; status: string; ballot: number; tally: ReturnType<typeof tally>; outcome: string | null; grade: string | null };
  const sockets: Socket[] = [];
  const heard: TallyEvent[][] = [[], [], []];

  /** Resolves when this socket has heard (or hears) a tally of the vote that matches. */
  function hears(i: number, voteId: string, match: (e: TallyEvent) => boolean): Promise<TallyEvent> {
    const already = heard[i].find((e) => e.voteId === voteId && match(e));
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`socket ${i} heard no matching vote:tally`)), 5_000);
      const on = (e: TallyEvent) => {
        if (e.voteId !== voteId || !match(e)) return;
        clearTimeout(timer);
        sockets[i].off("vote:tally", on);
        resolve(e);
      };
      sockets[i].on("vote:tally", on);
    });
  }
  const allHear = (voteId: string, match: (e: TallyEvent) => boolean, who = [0, 1, 2]) => Promise.all(who.map((i) => hears(i, voteId, match)));
  const command = (i: number, type: string, payload: unknown, id: string = randomUUID()) => emitWithAck(sockets[i], "command", { id, type, payload });
  const sameCounts = (expected: ReturnType<typeof tally>) => (e: TallyEvent) => JSON.stringify(e.tally) === JSON.stringify(expected);

  afterAll(() => sockets.forEach((s) => s.close()));

  it("three members answer over their sockets, one drops out and comes back to change its answer; every socket ends on the same tally", async () => {
    const proposalId = await readyProposal();
    for (let i = 0; i < 3; i++) {
      sockets.push(member(i).client.socket());
      sockets[i].on("vote:tally", (e: TallyEvent) => heard[i].push(e));
      expect(await emitWithAck(sockets[i], "subscribe", { consultationId: t.consultationId })).toEqual({ ok: true });
    }

    // The chair opens the vote from its socket; everyone sees an empty tally of 4 eligible members.
    const openAck = await command(0, "vote.open", { proposalId });
    expect(openAck).toMatchObject({ ok: true, result: { ballot: 1 } });
    const voteId: string = openAck.result.voteId;
    const opened = await allHear(voteId, (e) => e.status === "open");
    for (const e of opened) expect(e.tally).toEqual(tally(0, 0, 0, 0));

    // Answers as socket commands: the ack carries the answer and how many members answered so far.
    expect(await command(0, "vote.answer", { voteId, answer: "agree" })).toEqual({ ok: true, result: { voteId, answer: "agree", answered: 1 } });
    expect(await command(1, "vote.answer", { voteId, answer: "reservations", reason: "Sujeto a la asignación presupuestaria 2017" })).toEqual({
      ok: true,
      result: { voteId, answer: "reservations", answered: 2 },
    });
    const standAside = allHear(voteId, sameCounts(tally(1, 1, 1, 0)));
    expect(await command(2, "vote.answer", { voteId, answer: "stand_aside" })).toEqual({ ok: true, result: { voteId, answer: "stand_aside", answered: 3 } });
    await standAside;

    // Member 2 loses its connection; meanwhile member 1 drops its reservations (sockets 0 and 1 see it).
    sockets[2].disconnect();
    const withoutReservations = allHear(voteId, sameCounts(tally(2, 0, 1, 0)), [0, 1]);
    expect(await command(1, "vote.answer", { voteId, answer: "agree" })).toEqual({ ok: true, result: { voteId, answer: "agree", answered: 3 } });
    await withoutReservations;

    // Back online, member 2 subscribes again and changes its stand-aside into agreement: everyone, itself included,
    // hears the new tally.
    sockets[2].connect();
    expect(await emitWithAck(sockets[2], "subscribe", { consultationId: t.consultationId })).toEqual({ ok: true });
    const allAgree = allHear(voteId, sameCounts(tally(3, 0, 0, 0)));
    expect(await command(2, "vote.answer", { voteId, answer: "agree" })).toEqual({ ok: true, result: { voteId, answer: "agree", answered: 3 } });
    await allAgree;

    // The chair closes it over its socket: the ack carries the outcome, every socket hears the final tally.
    const closedHeard = allHear(voteId, (e) => e.status === "closed");
    const closeAck = await command(0, "vote.close", { voteId });
    expect(closeAck.ok).toBe(true);
    expect(closeAck.result.outcome).toEqual({ kind: "adopted", grade: "consent", tally: tally(3, 0, 0, 0) });
    await closedHeard;
    for (let i = 0; i < 3; i++) {
      const last = heard[i].filter((e) => e.voteId === voteId).at(-1)!;
      expect(last).toMatchObject({ status: "closed", ballot: 1, outcome: "adopted", grade: "consent", tally: tally(3, 0, 0, 0) });
    }
    expect(await publicProposal(proposalId)).toMatchObject({ state: "adopted", stage: "plan" });
  });

  it("the same command id sent twice applies once: the second ack is the first one's result, replayed", async () => {
    const proposalId = await readyProposal();
    const { voteId } = await chair().ok<{ voteId: string }>("vote.open", { proposalId });
    await member(0).client.ok("vote.answer", { voteId, answer: "agree" });
    const rows = async () => (await server.cocrea.db.selectFrom("vote_answers").select("seq").where("vote_id", "=", voteId).execute()).length;
    const audits = async () => (await server.cocrea.db.selectFrom("audit_events").select("seq").execute()).length;

    const id = randomUUID();
    const first = await command(1, "vote.answer", { voteId, answer: "block", reason: "Duplica un compromiso del segundo plan" }, id);
    expect(first).toEqual({ ok: true, result: { voteId, answer: "block", answered: 2 } });
    const [before, auditsBefore] = [await rows(), await audits()];
    // Member 1 changes its mind with a new command; then the first command arrives again (a retry after a lost ack).
    await command(1, "vote.answer", { voteId, answer: "agree" });
    const again = await command(1, "vote.answer", { voteId, answer: "block", reason: "Duplica un compromiso del segundo plan" }, id);
    expect(again).toEqual({ ok: true, result: { voteId, answer: "block", answered: 2 }, replayed: true });
    expect(await rows()).toBe(before + 1); // only the change was written
    expect(await audits()).toBe(auditsBefore + 1);

    // The retry did not bring the block back: the vote is adopted.
    const closed = await chair().ok("vote.close", { voteId });
    expect(closed.outcome).toEqual({ kind: "adopted", grade: "consent", tally: tally(2, 0, 0, 0) });
  });
});

describe("consent", () => {
  beforeAll(() => settings({ decisionRule: "consent" }));

  it("a reasoned block rejects the proposal, which keeps the reason", async () => {
    const proposalId = await readyProposal();
    const reason = "La institución responsable no cuenta con financiamiento para ejecutarla";
    const { outcome } = await decide(proposalId, [
      [0, "agree"],
      [1, "agree"],
      [2, "block", reason],
      [3, "agree"],
    ]);
    expect(outcome).toEqual({ kind: "rejected", because: "blocked", blocks: [{ userId: member(2).userId, reason }], tally: tally(3, 0, 0, 1) });
    expect(await publicProposal(proposalId)).toMatchObject({ state: "rejected", stateReason: reason });
  });

  it("agreement, reservations and a stand-aside adopt it by consent", async () => {
    const proposalId = await readyProposal();
    const { outcome } = await decide(proposalId, [
      [0, "agree"],
      [1, "reservations", "Que el portal incluya idiomas mayas"],
      [2, "stand_aside"],
    ]);
    expect(outcome).toEqual({ kind: "adopted", grade: "consent", tally: tally(1, 1, 1, 0) });
    expect(await publicProposal(proposalId)).toMatchObject({ state: "adopted", stateReason: null, stage: "plan" });
  });
});

describe("full consensus (stand-asides at most 25 % of the answers)", () => {
  beforeAll(() => settings({ decisionRule: "full_consensus", standAsideMaxShare: 25 }));

  it("two stand-asides out of four answers (50 %) are over the share: not adopted, and the proposal stays active at the table", async () => {
    const proposalId = await readyProposal();
    const { outcome } = await decide(proposalId, [
      [0, "agree"],
      [1, "stand_aside"],
      [2, "stand_aside"],
      [3, "agree"],
    ]);
    // Nobody objected: 2 of 4 stood aside where 25 % of 4 allows 1. Only a reasoned block (or the chair) rejects.
    expect(outcome).toEqual({ kind: "not_adopted", because: "stand_asides", standAsides: 2, allowed: 1, blocks: [], tally: tally(2, 0, 2, 0) });
    expect(await publicProposal(proposalId)).toMatchObject({ state: "active", stateReason: null });
  });

  it("one stand-aside out of four answers (25 %) is at the share: adopted by full consensus", async () => {
    const proposalId = await readyProposal();
    const { outcome } = await decide(proposalId, [
      [0, "agree"],
      [1, "reservations", "Revisar las fechas del hito 2"],
      [2, "stand_aside"],
      [3, "agree"],
    ]);
    expect(outcome).toEqual({ kind: "adopted", grade: "full_consensus", tally: tally(2, 1, 1, 0) });
    expect((await publicProposal(proposalId)).state).toBe("adopted");
  });
});

describe("consensus with a fallback (two thirds of the votes cast in a second round)", () => {
  beforeAll(() => settings({ decisionRule: "fallback", supermajorityShare: 2 / 3 }));

  it("a block sends it to a second round; two thirds in favour there adopt it by supermajority", async () => {
    const proposalId = await readyProposal();
    const first = await decide(proposalId, [
      [0, "agree"],
      [1, "agree"],
      [2, "block", "Falta la opinión de la SAT"],
    ]);
    expect(first.outcome).toEqual({
      kind: "second_round",
      blocks: [{ userId: member(2).userId, reason: "Falta la opinión de la SAT" }],
      tally: tally(2, 0, 0, 1),
    });
    expect((await publicProposal(proposalId)).state).toBe("active");

    // Ballot 2: agree + reservations = 2 in favour, 1 block; the stand-aside is not cast. 2 of 3 = two thirds.
    const second = await decide(
      proposalId,
      [
        [0, "agree"],
        [1, "reservations", "Con la SAT como co-responsable"],
        [2, "block", "Falta la opinión de la SAT"],
        [3, "stand_aside"],
      ],
      2,
    );
    expect(second.outcome).toEqual({ kind: "adopted", grade: "supermajority", tally: tally(1, 1, 1, 1) });
    expect(await publicProposal(proposalId)).toMatchObject({ state: "adopted", stage: "plan" });
  });

  it("less than two thirds in the second round rejects it with the blocks' reasons", async () => {
    const proposalId = await readyProposal();
    const first = await decide(proposalId, [
      [0, "agree"],
      [1, "block", "No es viable legalmente"],
      [3, "agree"],
    ]);
    expect(first.outcome.kind).toBe("second_round");

    // Ballot 2: 2 in favour, 2 blocks: half of the votes cast.
    const second = await decide(
      proposalId,
      [
        [0, "agree"],
        [1, "block", "No es viable legalmente"],
        [2, "block", "Duplica otro compromiso"],
        [3, "agree"],
      ],
      2,
    );
    expect(second.outcome.kind).toBe("rejected");
    expect(second.outcome.because).toBe("supermajority_not_reached");
    expect(second.outcome.tally).toEqual(tally(2, 0, 0, 2));
    const page = await publicProposal(proposalId);
    expect(page.state).toBe("rejected");
    expect(page.stateReason!.split(" · ").sort()).toEqual(["Duplica otro compromiso", "No es viable legalmente"]);
  });

  it("a second round without quorum is held again as the second round, where blocks no longer send it back", async () => {
    await settings({ decisionRule: "fallback", supermajorityShare: 2 / 3, quorumShare: 50, quorumSectorMinimums: { public: 1, civil_society: 1 } });
    const proposalId = await readyProposal();
    expect(
      (
        await decide(proposalId, [
          [0, "agree"],
          [1, "block", "Falta la consulta a los pueblos indígenas"],
        ])
      ).outcome.kind,
    ).toBe("second_round");
    // Ballot 2 with only one answer: no quorum (2 of 4 needed).
    expect((await decide(proposalId, [[1, "block", "Falta la consulta a los pueblos indígenas"]], 2)).outcome.kind).toBe("no_quorum");
    // Held again as ballot 2: three in favour, one block = 3/4 of the votes cast, adopted by supermajority.
    const again = await decide(
      proposalId,
      [
        [0, "agree"],
        [1, "block", "Falta la consulta a los pueblos indígenas"],
        [2, "agree"],
        [3, "agree"],
      ],
      2,
    );
    expect(again.outcome).toEqual({ kind: "adopted", grade: "supermajority", tally: tally(3, 0, 0, 1) });
  });
});

describe("quorum", () => {
  it("fewer answers than the quorum share: no quorum, the proposal stays active and the vote can be opened again", async () => {
    // 75 % of 4 eligible members = 3 answers needed.
    await settings({ decisionRule: "consent", quorumShare: 75, quorumSectorMinimums: { public: 1, civil_society: 1 } });
    const proposalId = await readyProposal();
    const { outcome } = await decide(proposalId, [
      [0, "agree"],
      [1, "agree"],
    ]);
    expect(outcome).toEqual({ kind: "no_quorum", quorum: { met: false, needed: 3, answered: 2, missingSectors: [] }, tally: tally(2, 0, 0, 0) });
    expect((await publicProposal(proposalId)).state).toBe("active");

    const again = await decide(proposalId, [
      [0, "agree"],
      [1, "agree"],
      [3, "agree"],
    ]);
    expect(again.outcome).toEqual({ kind: "adopted", grade: "consent", tally: tally(3, 0, 0, 0) });
  });

  it("a sector minimum not met (no public institution answered): no quorum naming the sector", async () => {
    await settings({ decisionRule: "consent", quorumShare: 50, quorumSectorMinimums: { public: 1, civil_society: 1 } });
    const proposalId = await readyProposal();
    const { outcome } = await decide(proposalId, [
      [1, "agree"],
      [2, "agree"],
      [3, "agree"],
    ]);
    expect(outcome).toEqual({
      kind: "no_quorum",
      quorum: { met: false, needed: 2, answered: 3, missingSectors: [{ sector: "public", needed: 1, answered: 0 }] },
      tally: tally(3, 0, 0, 0),
    });
    expect((await publicProposal(proposalId)).state).toBe("active");
  });
});

describe("changing answers", () => {
  it("answers change until the vote closes; after it closes they are final", async () => {
    await settings({ decisionRule: "consent" });
    const proposalId = await readyProposal();
    const { voteId } = await chair().ok<{ voteId: string }>("vote.open", { proposalId });
    await answerAll(voteId, [
      [0, "agree"],
      [1, "block", "Falta el dictamen jurídico"],
      [2, "agree"],
    ]);
    await answerAll(voteId, [[1, "reservations", "Con el dictamen jurídico antes del hito 1"]]);
    const closed = await chair().ok("vote.close", { voteId });
    expect(closed.outcome).toEqual({ kind: "adopted", grade: "consent", tally: tally(2, 1, 0, 0) });

    const late = await member(1).client.command("vote.answer", { voteId, answer: "block", reason: "Lo pensé mejor" });
    expect(late.status).toBe(409);
    expect(late.body).toEqual({ ok: false, error: { code: "conflict", message: "La votación ya está cerrada: su resultado es definitivo." } });
    const current = await server.cocrea.db
      .selectFrom("vote_answers")
      .select(["user_id", "answer"])
      .where("vote_id", "=", voteId)
      .where("superseded_at", "is", null)
      .orderBy("user_id")
      .execute();
    expect(current.find((a) => a.user_id === member(1).userId)?.answer).toBe("reservations");
    expect((await publicProposal(proposalId)).state).toBe("adopted");
  });
});
