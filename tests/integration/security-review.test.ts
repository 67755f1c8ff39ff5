// Security items from the outside review (issue 11): hidden opinions stay hidden from staff who do not moderate,
// drafts stay with their organization, staff e-mails go only to the point of contact, a revoked role or a signed-out
// session stops receiving staff broadcasts at once, shared organizations have an owner, and pages carry a CSP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { opinion, openIntake } from "../support/intake";
import { createDelegate, proposalPayload, setupRoundtable } from "../support/roundtables";
import { ApiClient, createConsultation, createMember, emitWithAck, loginCookie, startServer, type TestServer } from "../support/server";
import type { Socket } from "socket.io-client";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
});
afterAll(() => server.stop());

const SYSTEMATIZATION = "routes%2Fadmin.c.%24id_.systematization";
const DASHBOARD = "routes%2Fadmin.c.%24id";

/** Resolves with whether `event` arrived within `ms`. */
function arrives(socket: Socket, event: string, ms = 800): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.off(event, on);
      resolve(false);
    }, ms);
    const on = () => {
      clearTimeout(timer);
      resolve(true);
    };
    socket.once(event, on);
  });
}

describe("a hidden opinion's text", () => {
  it("reaches the moderators on the systematization page, and no other staff", async () => {
    const intake = await openIntake(server);
    const admin = intake.admin.client;
    const kept = "Que los municipios publiquen sus compras en datos abiertos cada mes.";
    const secret = "Texto ofensivo que la moderación ocultó: no debe verse fuera de la moderación.";
    const citizen = new ApiClient(server.url);
    const a = await citizen.ok<{ inputId: string }>("opinion.submit", opinion(intake.consultationId, { text: kept }));
    const b = await citizen.ok<{ inputId: string }>("opinion.submit", opinion(intake.consultationId, { text: secret }));
    await admin.ok("summary.create", {
      consultationId: intake.consultationId,
      themeId: intake.themeIds[0],
      title: "Compras municipales",
      text: "La ciudadanía pide compras abiertas.",
      inputIds: [a.inputId, b.inputId],
    });
    await admin.ok("opinion.hide", { inputId: b.inputId, reason: "Lenguaje ofensivo" });

    const observer = await createMember(server, admin, intake.consultationId, "observer");
    const facilitator = await createMember(server, admin, intake.consultationId, "facilitator");
    const systematizer = await createMember(server, admin, intake.consultationId, "systematizer");
    const page = `/admin/c/${intake.consultationId}/systematization?theme=${intake.themeIds[0]}`;

    for (const staff of [observer, facilitator]) {
      const html = await staff.client.get(page);
      expect(html.status).toBe(200);
      expect(html.body).toContain(kept);
      expect(html.body).toContain("Oculta por moderación");
      expect(html.body).not.toContain(secret);
      const data = await staff.client.get(`${page}&_data=${SYSTEMATIZATION}`);
      expect(JSON.stringify(data.body)).not.toContain(secret);
      expect(data.body.summaries[0].sources.map((s: { text: string | null }) => s.text)).toEqual([kept, null]);
    }
    for (const moderator of [systematizer.client, admin]) {
      const html = await moderator.get(page);
      expect(html.body).toContain(secret);
    }
  });
});

describe("another organization's draft", () => {
  it("is not found by id for a member, an observer, another proponent or the point of contact; its organization opens it", async () => {
    const t = await setupRoundtable(server);
    const draft = await t.icefi.client.ok<{ proposalId: string }>(
      "proposal.create",
      proposalPayload(t.roundtableId, { title: "Borrador reservado de ICEFI", draft: true }),
    );
    const colleague = await createDelegate(server, t.admin.client, t.consultationId, "proponent", t.orgs.icefi);
    const observer = await createMember(server, t.admin.client, t.consultationId, "observer");
    const base = `/admin/c/${t.consultationId}/proposals/${draft.proposalId}`;

    for (const outsider of [t.member.client, observer.client, t.ciidh.client, t.admin.client]) {
      for (const path of [base, `${base}/edit`, `${base}/refine`]) {
        const res = await outsider.get(path);
        expect(res.status, path).toBe(404);
        expect(String(res.body)).not.toContain("Borrador reservado de ICEFI");
      }
    }
    for (const own of [t.icefi.client, colleague.client]) {
      const res = await own.get(base);
      expect(res.status).toBe(200);
      expect(res.body).toContain("Borrador reservado de ICEFI");
    }
  });
});

describe("staff e-mails on the dashboard", () => {
  it("show to the point of contact only; observers and facilitators see names and organizations", async () => {
    const intake = await openIntake(server);
    const admin = intake.admin.client;
    const observer = await createMember(server, admin, intake.consultationId, "observer");
    const facilitator = await createMember(server, admin, intake.consultationId, "facilitator");
    const { organizationId } = await admin.ok<{ organizationId: string }>("organization.create", {
      consultationId: intake.consultationId,
      name: "Acción Ciudadana",
      acronym: `AC-${Date.now()}`,
      sector: "civil_society",
    });
    const pendingEmail = `invitada-${Date.now()}@example.org`;
    await admin.ok("invitation.create", {
      consultationId: intake.consultationId,
      email: pendingEmail,
      name: "Invitada Pendiente",
      role: "proponent",
      organizationId,
    });
    const page = `/admin/c/${intake.consultationId}`;

    for (const staff of [observer, facilitator]) {
      const html = await staff.client.get(page);
      expect(html.status).toBe(200);
      expect(html.body).toContain("Invitada Pendiente");
      for (const email of [observer.email, facilitator.email, pendingEmail]) expect(html.body).not.toContain(email);
      const data = await staff.client.get(`${page}?_data=${DASHBOARD}`);
      const text = JSON.stringify(data.body);
      for (const email of [observer.email, facilitator.email, pendingEmail]) expect(text).not.toContain(email);
      expect(data.body.invitations[0]).toMatchObject({ name: "Invitada Pendiente", organization_acronym: expect.stringMatching(/^AC-/) });
    }
    const html = await admin.get(page);
    for (const email of [observer.email, facilitator.email, pendingEmail]) expect(html.body).toContain(email);
  });
});

describe("staff broadcasts on a socket already open", () => {
  it("stop at once for a member whose role is revoked", async () => {
    const t = await setupRoundtable(server);
    const admin = t.admin.client;
    const observer = await createMember(server, admin, t.consultationId, "observer");
    const { forumId } = await admin.ok<{ forumId: string }>("forum.create", {
      consultationId: t.consultationId,
      department: "Guatemala",
      municipality: "Mixco",
      venue: "Salón",
      heldOn: "2016-05-10",
      expectedAttendance: 10,
    });
    const watcher = admin.socket();
    const revoked = observer.client.socket();
    try {
      for (const s of [watcher, revoked]) {
        expect(await emitWithAck(s, "subscribe", { consultationId: t.consultationId, staff: true })).toEqual({ ok: true });
        expect((await emitWithAck(s, "subscribe:forum", { forumId })).ok).toBe(true);
        expect(await emitWithAck(s, "roundtable:join", { roundtableId: t.roundtableId })).toEqual({ ok: true });
      }
      await admin.ok("role.revoke", { consultationId: t.consultationId, userId: observer.userId, role: "observer" });

      // A staff-only change, a forum event and a roundtable feed line: the watcher gets each, the revoked member none.
      const staffSeen = [arrives(watcher, "consultation:changed"), arrives(revoked, "consultation:changed")];
      await admin.ok("invitation.create", { consultationId: t.consultationId, email: `x-${Date.now()}@example.org`, name: "Otra", role: "observer" });
      expect(await Promise.all(staffSeen)).toEqual([true, false]);

      const forumSeen = [arrives(watcher, "forum:status"), arrives(revoked, "forum:status")];
      await admin.ok("forum.open", { forumId });
      expect(await Promise.all(forumSeen)).toEqual([true, false]);

      const tableSeen = [arrives(watcher, "roundtable:changed"), arrives(revoked, "roundtable:changed")];
      await t.icefi.client.ok("proposal.create", proposalPayload(t.roundtableId));
      expect(await Promise.all(tableSeen)).toEqual([true, false]);

      // The socket stays connected for what is public, and may not join the staff rooms again.
      expect(revoked.connected).toBe(true);
      expect((await emitWithAck(revoked, "subscribe", { consultationId: t.consultationId, staff: true })).ok).toBe(false);
    } finally {
      watcher.close();
      revoked.close();
    }
  });

  it("stop at once for a session that signs out", async () => {
    const intake = await openIntake(server);
    const member = await createDelegate(server, intake.admin.client, intake.consultationId, "observer", null);
    const cookie = await loginCookie(server.url, member.email, member.password);
    const other = await loginCookie(server.url, member.email, member.password);
    const signedOut = new ApiClient(server.url, { cookie }).socket();
    const stillIn = new ApiClient(server.url, { cookie: other }).socket();
    try {
      for (const s of [signedOut, stillIn])
        expect(await emitWithAck(s, "subscribe", { consultationId: intake.consultationId, staff: true })).toEqual({ ok: true });
      const disconnected = new Promise<string>((resolve) => signedOut.once("disconnect", resolve));

      const page = await fetch(`${server.url}/`, { headers: { cookie } });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1];
      const out = await fetch(`${server.url}/logout`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ _csrf: csrf }),
      });
      expect(out.status).toBe(302);
      expect(await disconnected).toBe("io server disconnect");

      const seen = arrives(stillIn, "consultation:changed");
      await intake.admin.client.ok("invitation.create", {
        consultationId: intake.consultationId,
        email: `y-${Date.now()}@example.org`,
        name: "Otra",
        role: "observer",
      });
      expect(await seen).toBe(true);
      expect(signedOut.connected).toBe(false);
    } finally {
      signedOut.close();
      stillIn.close();
    }
  });
});

describe("a shared organization", () => {
  it("is updated by the point of contact of the one consultation that has it, not by another consultation's", async () => {
    const t = await setupRoundtable(server);
    // Another consultation with its own point of contact (not a platform admin).
    const other = await createConsultation(t.admin.client);
    const contactB = await createMember(server, t.admin.client, other.consultationId, "point_of_contact");
    const contactA = await createMember(server, t.admin.client, t.consultationId, "point_of_contact");
    const rename = (consultationId: string, organizationId: string, name: string) => ({
      consultationId,
      organizationId,
      name,
      acronym: `R-${Math.random().toString(36).slice(2, 8)}`,
      sector: "civil_society",
    });

    // ICEFI's delegates work in consultation A: B's point of contact may not rename it, A's may.
    const refused = await contactB.client.command("organization.update", rename(other.consultationId, t.orgs.icefi, "Nombre puesto desde B"));
    expect(refused.status).toBe(403);
    await contactA.client.ok("organization.update", rename(t.consultationId, t.orgs.icefi, "Instituto Centroamericano de Estudios Fiscales"));

    // An organization B created and only B uses is B's to edit; once A uses it too, only a platform admin edits it.
    const { organizationId } = await contactB.client.ok<{ organizationId: string }>("organization.create", {
      consultationId: other.consultationId,
      name: "Red de Jóvenes",
      acronym: `RJ-${Date.now()}`,
      sector: "civil_society",
    });
    await contactB.client.ok("organization.update", rename(other.consultationId, organizationId, "Red de Jóvenes por la Transparencia"));
    expect((await contactA.client.command("organization.update", rename(t.consultationId, organizationId, "Desde A"))).status).toBe(403);
    await contactA.client.ok("invitation.create", {
      consultationId: t.consultationId,
      email: `rj-${Date.now()}@example.org`,
      name: "Delegada RJ",
      role: "proponent",
      organizationId,
    });
    expect((await contactB.client.command("organization.update", rename(other.consultationId, organizationId, "Otra vez desde B"))).status).toBe(403);
    expect((await contactA.client.command("organization.update", rename(t.consultationId, organizationId, "Desde A"))).status).toBe(403);
    await t.admin.client.ok("organization.update", rename(other.consultationId, organizationId, "Red de Jóvenes de Guatemala"));
    const row = await server.cocrea.db.selectFrom("organizations").select("name").where("id", "=", organizationId).executeTakeFirstOrThrow();
    expect(row.name).toBe("Red de Jóvenes de Guatemala");
  });
});
