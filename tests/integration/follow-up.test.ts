// Follow-up of the plan's commitments (issue 9, decision 0009), through the HTTP command API against the real
// server: the point of contact names the responsible person, who reports progress and evidence; the public page,
// the JSON API and the open-data export show them (names and institutions, never an e-mail). Every bad input —
// someone not responsible (403), a link that is not http(s) (400), a proposal that is not a commitment (409) —
// writes nothing. Expected figures are written by hand from the steps taken.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replaceMilestones } from "../../server/commands/proposal-store.server";
import { setupFollowup, type FollowupSetup } from "../support/follow-up";
import { ApiClient, createMember, emitWithAck, startServer, waitForEvent, type TestServer } from "../support/server";

let server: TestServer;
let s: FollowupSetup;
let commitmentA: string;
let commitmentB: string;

beforeAll(async () => {
  server = await startServer({ API_RATE_LIMIT_PER_MINUTE: "100000" });
  s = await setupFollowup(server, { commitments: 2 });
  [commitmentA, commitmentB] = s.commitments;
}, 60_000);
afterAll(() => server.stop());

const admin = () => s.t.admin.client;
const pagePath = () => `/c/${s.slug}/plan/seguimiento`;

async function page(): Promise<string> {
  const res = await fetch(`${server.url}${pagePath()}`);
  expect(res.status).toBe(200);
  return res.text();
}

async function written(): Promise<{ updates: number; audit: number; responsibles: number }> {
  const count = async (table: "followup_updates" | "audit_events" | "commitment_responsibles") =>
    Number(
      (
        await server.cocrea.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { updates: await count("followup_updates"), audit: await count("audit_events"), responsibles: await count("commitment_responsibles") };
}

async function followup(today: string) {
  const res = await new ApiClient(server.url).get(`/api/v1/consultations/${s.t.consultationId}/follow-up?today=${today}`);
  expect(res.status).toBe(200);
  return res.body.result;
}

// The milestones of every proposal in these tests (tests/support/roundtables.ts): 1) 2016-09-01 – 2016-12-31,
// 2) 2017-01-01 – 2017-06-30, both by MINFIN.

describe("follow-up, end to end", () => {
  it("shows an empty state before anyone reports, with the commitments not started", async () => {
    const html = await page();
    expect(html).toContain("Ningún compromiso tiene seguimiento todavía");
    const before = await followup("2016-10-01");
    expect(before.commitments).toHaveLength(2);
    expect(before.total).toMatchObject({ commitments: 2, milestones: 4, complete: 0, late: 0, level: "not_started" });
  });

  it("the point of contact assigns the responsible person; they report progress and evidence; the public page shows it", async () => {
    await admin().ok("followup.assign_responsible", { proposalId: commitmentA, userId: s.responsible.userId });
    const r = s.responsible.client;
    await r.ok("followup.update_milestone", {
      proposalId: commitmentA,
      position: 1,
      status: "limited",
      actualStartOn: "2016-09-05",
      note: "Mesa técnica conformada",
    });
    await r.ok("followup.add_evidence", {
      proposalId: commitmentA,
      position: 1,
      url: "https://www.minfin.gob.gt/gobierno-abierto/acta-reunion-13-marzo.pdf",
      description: "Lista de asistencia de la reunión del 13 de marzo",
    });
    await r.ok("followup.update_milestone", {
      proposalId: commitmentA,
      position: 1,
      status: "complete",
      actualStartOn: "2016-09-05",
      actualEndOn: "2016-12-20",
      note: "Presupuesto aprobado publicado en datos abiertos",
    });
    await r.ok("followup.update_milestone", { proposalId: commitmentA, position: 2, status: "limited", actualStartOn: "2017-01-10", note: "" });

    const html = await page();
    expect(html).not.toContain("Ningún compromiso tiene seguimiento todavía");
    expect(html).toContain(s.responsible.name);
    expect(html).toContain("Ministerio de Finanzas Públicas");
    expect(html).toContain('href="https://www.minfin.gob.gt/gobierno-abierto/acta-reunion-13-marzo.pdf"');
    expect(html).toContain("Lista de asistencia de la reunión del 13 de marzo");
    expect(html).toContain("1 de 2 metas cumplidas");
    expect(html).toContain("Presupuesto aprobado publicado en datos abiertos");
    // No personal data: the responsible person's e-mail appears nowhere.
    expect(html).not.toContain(s.responsible.email);
  });

  it("the API counts completion and lateness on the day asked", async () => {
    // 15 January 2017: milestone 1 complete on time (20 Dec ≤ 31 Dec), milestone 2 limited and on track.
    const jan = await followup("2017-01-15");
    const a = jan.commitments.find((c: { id: string }) => c.id === commitmentA);
    expect(a.responsible).toEqual({
      name: s.responsible.name,
      institution: expect.stringContaining("Ministerio de Finanzas Públicas"),
      since: expect.any(String),
    });
    expect(a.milestones.map((m: any) => [m.position, m.status, m.lateness])).toEqual([
      [1, "complete", { kind: "done" }],
      [2, "limited", { kind: "on_track" }],
    ]);
    // (3 + 1) thirds of 6 = 2/3: substantial.
    expect(a.completion).toMatchObject({ milestones: 2, complete: 1, late: 0, level: "substantial" });
    expect(a.milestones[0].evidence).toEqual([
      {
        url: "https://www.minfin.gob.gt/gobierno-abierto/acta-reunion-13-marzo.pdf",
        description: "Lista de asistencia de la reunión del 13 de marzo",
        createdAt: expect.any(String),
      },
    ]);
    // Newest first: milestone 2, then the completion, the evidence, the first report.
    expect(a.history.map((h: any) => [h.position, h.kind, h.status])).toEqual([
      [2, "progress", "limited"],
      [1, "progress", "complete"],
      [1, "evidence", null],
      [1, "progress", "limited"],
    ]);
    expect(JSON.stringify(jan)).not.toContain(s.responsible.email);
    expect(JSON.stringify(jan)).not.toContain(s.responsible.userId);

    // 10 July 2017: milestone 2 ended 30 June, 10 days ago; commitment B's two milestones were never reported, both late.
    const jul = await followup("2017-07-10");
    const a2 = jul.commitments.find((c: { id: string }) => c.id === commitmentA);
    expect(a2.milestones[1].lateness).toEqual({ kind: "late", days: 10 });
    expect(jul.total).toMatchObject({ commitments: 2, milestones: 4, complete: 1, late: 3 });
    expect(jul.total.commitmentsByLevel).toEqual({ not_started: 1, limited: 0, substantial: 1, complete: 0 });
  });

  it("a citizen's open page hears of a new report over socket.io (and reloads its data)", async () => {
    const visitor = new ApiClient(server.url).socket();
    try {
      expect(await emitWithAck(visitor, "subscribe", { consultationId: s.t.consultationId })).toEqual({ ok: true });
      const heard = waitForEvent<{ consultationId: string; type: string }>(visitor, "consultation:changed");
      await s.responsible.client.ok("followup.add_evidence", {
        proposalId: commitmentA,
        position: 2,
        url: "https://www.minfin.gob.gt/guias-ciudadanas.html",
        description: "Guías ciudadanas publicadas",
      });
      expect(await heard).toMatchObject({ consultationId: s.t.consultationId, type: "followup.add_evidence" });
    } finally {
      visitor.disconnect();
    }
  });

  it("a retried command (same id) is written once", async () => {
    const id = randomUUID();
    const payload = { proposalId: commitmentA, position: 2, status: "substantial", actualStartOn: "2017-01-10", note: "Guías en revisión" };
    const before = await written();
    const first = await s.responsible.client.command("followup.update_milestone", payload, id);
    const again = await s.responsible.client.command("followup.update_milestone", payload, id);
    expect(first.status).toBe(200);
    expect(again.body).toMatchObject({ ok: true, replayed: true });
    expect((await written()).updates).toBe(before.updates + 1);
  });
});

describe("bad input writes nothing", () => {
  async function expectNothingWritten(run: () => Promise<{ status: number; body: any }>, status: number) {
    const before = await written();
    const res = await run();
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(await written()).toEqual(before);
    return res.body;
  }

  it("403: a commitment-responsible person not assigned to that commitment", async () => {
    await expectNothingWritten(
      () => s.otherResponsible.client.command("followup.update_milestone", { proposalId: commitmentA, position: 1, status: "not_started" }),
      403,
    );
    await expectNothingWritten(
      () =>
        s.otherResponsible.client.command("followup.add_evidence", {
          proposalId: commitmentA,
          position: 1,
          url: "https://example.org/a.pdf",
          description: "Acta",
        }),
      403,
    );
  });

  it("403: the point of contact does not report in the responsible person's place", async () => {
    await expectNothingWritten(
      () =>
        admin().command("followup.update_milestone", {
          proposalId: commitmentA,
          position: 1,
          status: "complete",
          actualStartOn: "2016-09-05",
          actualEndOn: "2016-12-01",
        }),
      403,
    );
  });

  it("403: a person with another role (a technical-roundtable member)", async () => {
    await expectNothingWritten(
      () =>
        s.t.members[0].client.command("followup.update_milestone", { proposalId: commitmentA, position: 1, status: "limited", actualStartOn: "2016-09-05" }),
      403,
    );
  });

  it("400 with the zod issues: an evidence link that is not http(s)", async () => {
    for (const url of ["javascript:alert(1)", "ftp://minfin.gob.gt/acta.pdf", "www.minfin.gob.gt/acta.pdf"]) {
      const body = await expectNothingWritten(
        () => s.responsible.client.command("followup.add_evidence", { proposalId: commitmentA, position: 1, url, description: "Acta" }),
        400,
      );
      expect(body.error.code).toBe("invalid");
      expect(body.error.issues).toEqual([expect.objectContaining({ path: ["url"], message: "followup.issue.http_only" })]);
    }
  });

  it("400: a milestone marked complete without its completion date, or an unknown status", async () => {
    const body = await expectNothingWritten(
      () =>
        s.responsible.client.command("followup.update_milestone", { proposalId: commitmentA, position: 2, status: "complete", actualStartOn: "2017-01-10" }),
      400,
    );
    expect(body.error.issues).toEqual([expect.objectContaining({ path: ["actualEndOn"], message: "followup.issue.end_required" })]);
    const unknown = await expectNothingWritten(
      () => s.responsible.client.command("followup.update_milestone", { proposalId: commitmentA, position: 2, status: "almost" }),
      400,
    );
    expect(unknown.error.issues[0].path).toEqual(["status"]);
  });

  it("409: a milestone of a proposal that is not a commitment (and no one is assigned to one)", async () => {
    const body = await expectNothingWritten(
      () =>
        s.responsible.client.command("followup.update_milestone", { proposalId: s.notCommitment, position: 1, status: "limited", actualStartOn: "2016-09-05" }),
      409,
    );
    expect(body.error.code).toBe("conflict");
    await expectNothingWritten(
      () =>
        s.responsible.client.command("followup.add_evidence", {
          proposalId: s.notCommitment,
          position: 1,
          url: "https://example.org/a.pdf",
          description: "Acta",
        }),
      409,
    );
    await expectNothingWritten(() => admin().command("followup.assign_responsible", { proposalId: s.notCommitment, userId: s.responsible.userId }), 409);
  });

  it("409: assigning someone without the commitment-responsible role; 404: a milestone the commitment does not have", async () => {
    const observer = await createMember(server, admin(), s.t.consultationId, "observer");
    await expectNothingWritten(() => admin().command("followup.assign_responsible", { proposalId: commitmentB, userId: observer.userId }), 409);
    await expectNothingWritten(
      () => s.responsible.client.command("followup.update_milestone", { proposalId: commitmentA, position: 9, status: "limited", actualStartOn: "2016-09-05" }),
      404,
    );
  });
});

describe("history survives", () => {
  it("a later amendment that replaces the milestone rows: reports stay on the milestone's number, with the text they were written against", async () => {
    // What a revision of the commitment's text does to its milestones (proposal.revise; any later amendment of the
    // plan): the rows are deleted and inserted again, with new ids. Run here with the store's own function.
    const oldIds = await server.cocrea.db.selectFrom("milestones").select("id").where("proposal_id", "=", commitmentA).execute();
    await server.cocrea.db.transaction().execute((trx) =>
      replaceMilestones(trx, commitmentA, [
        {
          description: "Publicar el presupuesto aprobado y su ejecución mensual en datos abiertos",
          responsibleInstitution: "MINFIN",
          isNew: true,
          startsOn: "2016-09-01",
          endsOn: "2016-12-31",
        },
        {
          description: "Publicar guías ciudadanas del presupuesto",
          responsibleInstitution: "MINFIN",
          isNew: true,
          startsOn: "2017-01-01",
          endsOn: "2017-06-30",
        },
      ]),
    );
    const newIds = await server.cocrea.db.selectFrom("milestones").select("id").where("proposal_id", "=", commitmentA).execute();
    expect(newIds.map((r) => r.id)).not.toEqual(expect.arrayContaining(oldIds.map((r) => r.id)));

    const view = await followup("2017-01-15");
    const a = view.commitments.find((c: { id: string }) => c.id === commitmentA);
    expect(a.milestones[0]).toMatchObject({
      position: 1,
      status: "complete",
      description: "Publicar el presupuesto aprobado y su ejecución mensual en datos abiertos",
    });
    expect(a.milestones[0].evidence).toHaveLength(1);
    expect(a.history.at(-1)).toMatchObject({ position: 1, milestoneDescription: "Publicar el presupuesto aprobado en datos abiertos" });
    // The page says what the milestone read when the report was written.
    expect(await page()).toContain("Texto de la meta entonces: «Publicar el presupuesto aprobado en datos abiertos»");
  });

  it("reassigning the commitment keeps the earlier assignment; the earlier person may no longer report", async () => {
    const before = await written();
    await admin().ok("followup.assign_responsible", { proposalId: commitmentA, userId: s.otherResponsible.userId });
    expect((await written()).responsibles).toBe(before.responsibles + 1);
    const rows = await server.cocrea.db
      .selectFrom("commitment_responsibles")
      .selectAll()
      .where("proposal_id", "=", commitmentA)
      .orderBy("assigned_at")
      .execute();
    expect(rows.map((r) => [r.user_id, r.ended_at === null])).toEqual([
      [s.responsible.userId, false],
      [s.otherResponsible.userId, true],
    ]);
    const refused = await s.responsible.client.command("followup.update_milestone", {
      proposalId: commitmentA,
      position: 2,
      status: "limited",
      actualStartOn: "2017-01-10",
    });
    expect(refused.status).toBe(403);
    await s.otherResponsible.client.ok("followup.update_milestone", {
      proposalId: commitmentA,
      position: 2,
      status: "substantial",
      actualStartOn: "2017-01-10",
      note: "Relevo",
    });
  });

  it("ending an assignment without naming anyone: kept in history, reports stay, nobody may report until someone is named", async () => {
    // Commitment B: the first person is named, reports once, then the point of contact ends the assignment.
    await admin().ok("followup.assign_responsible", { proposalId: commitmentB, userId: s.responsible.userId });
    await s.responsible.client.ok("followup.update_milestone", { proposalId: commitmentB, position: 1, status: "limited", actualStartOn: "2016-09-20" });
    const before = await written();
    await admin().ok("followup.end_responsibility", { proposalId: commitmentB });
    const after = await written();
    expect(after.responsibles).toBe(before.responsibles); // ended, not deleted
    expect(after.updates).toBe(before.updates); // the report stays
    const row = await server.cocrea.db
      .selectFrom("commitment_responsibles")
      .select(["user_id", "ended_at"])
      .where("proposal_id", "=", commitmentB)
      .executeTakeFirstOrThrow();
    expect(row.user_id).toBe(s.responsible.userId);
    expect(row.ended_at).not.toBeNull();

    // The person can no longer report on it (403, nothing written); ending again is a 409 naming the commitment.
    const refused = await s.responsible.client.command("followup.update_milestone", {
      proposalId: commitmentB,
      position: 1,
      status: "substantial",
      actualStartOn: "2016-09-20",
    });
    expect(refused.status).toBe(403);
    const again = await admin().command("followup.end_responsibility", { proposalId: commitmentB });
    expect(again.status).toBe(409);
    expect(await written()).toEqual(after);

    // The public page says so, and still shows the report made before.
    const html = await page();
    expect(html).toContain("Sin persona responsable asignada");
    expect((await followup("2016-10-01")).commitments.find((c: { id: string }) => c.id === commitmentB)).toBeTruthy();
  });

  it("the open-data export lists every report, without e-mails or user ids", async () => {
    const res = await fetch(`${server.url}/api/v1/consultations/${s.t.consultationId}/export.json`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const file = JSON.parse(text);
    const ours = file.followup_updates.filter((u: { proposal_id: string }) => u.proposal_id === commitmentA);
    expect(ours.map((u: any) => [u.milestone_position, u.kind, u.status])).toEqual([
      [1, "progress", "limited"],
      [1, "evidence", null],
      [1, "progress", "complete"],
      [2, "progress", "limited"],
      [2, "evidence", null],
      [2, "progress", "substantial"],
      [2, "progress", "substantial"],
    ]);
    expect(Object.keys(ours[0]).sort()).toEqual(
      [
        "id",
        "proposal_id",
        "milestone_position",
        "milestone_description",
        "kind",
        "status",
        "actual_start_on",
        "actual_end_on",
        "evidence_url",
        "note",
        "author_name",
        "author_institution",
        "created_at",
      ].sort(),
    );
    expect(text).not.toContain(s.responsible.email);
    expect(text).not.toContain(s.otherResponsible.email);
  });
});
