// Two finishing pieces of the action plan (issue 9), through the pages as a browser without JavaScript posts them:
// citizens' comments on the plan in the one moderation queue beside the opinions (hidden and restored from there,
// through plan.comment_hide / plan.comment_restore), and the amendment page, which amends any field of the OGP
// template after approval — milestones included — without moving the follow-up's reports off their milestone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupPlan, type PlanFixture } from "../support/plan";
import { createDelegate } from "../support/roundtables";
import { ApiClient, createMember, loginCookie, startServer, type TestServer } from "../support/server";

let server: TestServer;
let f: PlanFixture;
let slug: string;
const citizen = () => new ApiClient(server.url);

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  f = await setupPlan(server, { adopted: 2, unified: 2 });
  slug = (await server.cocrea.db.selectFrom("consultations").select("slug").where("id", "=", f.t.consultationId).executeTakeFirstOrThrow()).slug;
  await f.t.admin.client.ok("plan.publish", { planId: f.planId });
  await f.t.admin.client.ok("stage.open", { stageId: f.t.stage("draft_plan") });
}, 120_000);
afterAll(() => server.stop());

async function page(path: string, cookie = "") {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: "manual" });
  const html = await res.text();
  return {
    status: res.status,
    html,
    token: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "",
    nonce: /name="_nonce" value="([^"]+)"/.exec(html)?.[1] ?? "",
  };
}

async function post(path: string, cookie: string, fields: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams(fields),
  });
}

async function audits(): Promise<number> {
  const row = await server.cocrea.db
    .selectFrom("audit_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const publicPlan = async () => (await page(`/c/${slug}/plan`)).html;

describe("plan comments in the one moderation queue", () => {
  const reported = "Este comentario repite propaganda partidaria sobre el compromiso de presupuesto.";
  const general = "Que el plan incluya un calendario de rendición de cuentas trimestral.";
  let reportedId = "";

  it("lists comments on the plan beside the opinions, labelled, with their reports and counts", async () => {
    const queue = `/admin/c/${f.t.consultationId}/opiniones`;
    const systematizer = await createMember(server, f.t.admin.client, f.t.consultationId, "systematizer");
    const cookie = await loginCookie(server.url, systematizer.email, "contraseña-segura-123");
    const empty = await page(queue, cookie);
    expect(empty.status).toBe(200);
    expect(empty.html).toContain("No hay opiniones ni comentarios al plan en esta vista.");

    ({ commentId: reportedId } = await citizen().ok<{ commentId: string }>("plan.comment", { planId: f.planId, proposalId: f.adopted[0], text: reported }));
    await citizen().ok("plan.comment", { planId: f.planId, proposalId: null, text: general });
    await citizen().ok("plan.comment_report", { commentId: reportedId, reason: "Propaganda partidaria" });
    const title = (await server.cocrea.db.selectFrom("proposals").select("title").where("id", "=", f.adopted[0]).executeTakeFirstOrThrow()).title;

    const all = await page(queue, cookie);
    expect(all.html.match(/data-testid="mod-plan-comment"/g)).toHaveLength(2);
    // Newest first: the general comment came second.
    expect(all.html.indexOf(general)).toBeLessThan(all.html.indexOf(reported));
    expect(all.html).toContain(`Comentario al plan · compromiso 1: ${title}`);
    expect(all.html).toContain("Comentario al plan de acción");
    expect(all.html).toContain("Propaganda partidaria");
    expect(all.html).toContain("Comentarios al plan: 2 visibles, 0 ocultos, 1 con denuncias.");
    const onlyReported = await page(`${queue}?filter=reported`, cookie);
    expect(onlyReported.html).toContain(reported);
    expect(onlyReported.html).not.toContain(general);
  });

  it("a non-moderator posting the queue's hide form gets 403 and nothing is written", async () => {
    const member = f.t.members[0];
    const cookie = await loginCookie(server.url, member.email, member.password);
    const own = await page(`/admin/c/${f.t.consultationId}/plan`, cookie);
    const before = await audits();
    const res = await post(`/admin/c/${f.t.consultationId}/opiniones`, cookie, {
      _csrf: own.token,
      intent: "comment_hide",
      commentId: reportedId,
      reason: "No me gusta",
    });
    expect(res.status).toBe(403);
    expect(await audits()).toBe(before);
    expect(await publicPlan()).toContain(reported);
  });

  it("a systematizer hides the reported comment from the queue: the public plan no longer shows it; restoring brings it back", async () => {
    const queue = `/admin/c/${f.t.consultationId}/opiniones`;
    const systematizer = await createMember(server, f.t.admin.client, f.t.consultationId, "systematizer");
    const cookie = await loginCookie(server.url, systematizer.email, "contraseña-segura-123");
    const form = await page(queue, cookie);
    const hidden = await post(queue, cookie, {
      _csrf: form.token,
      _nonce: form.nonce,
      intent: "comment_hide",
      commentId: reportedId,
      reason: "Propaganda partidaria",
    });
    expect(hidden.status).toBe(200);
    expect(await publicPlan()).not.toContain(reported);
    const after = await page(`${queue}?filter=hidden`, cookie);
    expect(after.html).toContain(reported);
    expect(after.html).toContain("Propaganda partidaria");
    expect(after.html).toContain("Comentarios al plan: 1 visibles, 1 ocultos, 1 con denuncias.");
    const row = await server.cocrea.db
      .selectFrom("plan_comments")
      .select(["status", "status_reason", "text"])
      .where("id", "=", reportedId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "hidden", status_reason: "Propaganda partidaria", text: reported });

    const again = await page(queue, cookie);
    const restored = await post(queue, cookie, { _csrf: again.token, _nonce: again.nonce, intent: "comment_restore", commentId: reportedId });
    expect(restored.status).toBe(200);
    expect(await publicPlan()).toContain(reported);
  });
});

describe("amending any field of the approved plan", () => {
  it("amends a milestone's description through the form; the follow-up's report stays on that milestone", async () => {
    const admin = f.t.admin.client;
    const proposalId = f.adopted[0];
    await admin.ok("stage.close", { stageId: f.t.stage("draft_plan") });
    await admin.ok("plan.send_review", { planId: f.planId });
    await admin.ok("plan.approve", { planId: f.planId, approvedBy: "Mesa de Alto Nivel", approvedOn: "2016-10-28", reference: "Acta 07-2016" });
    const responsible = await createDelegate(server, admin, f.t.consultationId, "commitment_responsible", f.t.orgs.minfin);
    await admin.ok("followup.assign_responsible", { proposalId, userId: responsible.userId });
    await responsible.client.ok("followup.update_milestone", {
      proposalId,
      position: 1,
      status: "limited",
      actualStartOn: "2016-09-05",
      note: "Mesa técnica conformada",
    });

    const db = server.cocrea.db;
    const milestones = await db.selectFrom("milestones").selectAll().where("proposal_id", "=", proposalId).orderBy("position").execute();
    const oldText = milestones[0]!.description;
    const newText = "Publicar el presupuesto aprobado y su ejecución mensual en datos abiertos";

    const cookie = await loginCookie(server.url, f.t.admin.email, f.t.admin.password);
    const path = `/admin/c/${f.t.consultationId}/plan/enmendar/${proposalId}`;
    const form = await page(path, cookie);
    expect(form.status).toBe(200);
    // Every field of the template, prefilled, milestones included.
    for (const name of ["title", "leadAgency", "responsiblePerson.name", "otherActors.government", "problem", "objective", "description", "ambition"]) {
      expect(form.html).toContain(`name="${name}"`);
    }
    expect(form.html).toMatch(new RegExp(`name="milestones\\.0\\.description"[^>]*>${oldText}</textarea>`));
    const version = /name="expectedVersion" value="(\d+)"/.exec(form.html)![1]!;

    const fields: Record<string, string> = { _csrf: form.token, _nonce: form.nonce, intent: "amend", expectedVersion: version };
    milestones.forEach((m, i) => {
      fields[`milestones.${i}.description`] = i === 0 ? newText : m.description;
      fields[`milestones.${i}.responsibleInstitution`] = m.responsible_institution;
      fields[`milestones.${i}.isNew`] = m.is_new ? "new" : "ongoing";
      fields[`milestones.${i}.startsOn`] = m.starts_on ?? "";
      fields[`milestones.${i}.endsOn`] = m.ends_on ?? "";
    });

    // The reason is required: 400 with the form, nothing written.
    const before = await audits();
    const missing = await post(path, cookie, fields);
    expect(missing.status).toBe(400);
    expect(await audits()).toBe(before);

    const res = await post(path, cookie, { ...fields, reason: "La Mesa de Alto Nivel amplió la meta a la ejecución mensual." });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/admin/c/${f.t.consultationId}/plan`);
    const amendments = await db.selectFrom("plan_amendments").selectAll().where("proposal_id", "=", proposalId).execute();
    expect(amendments).toHaveLength(1);

    // The public sheet: the amendment's reason and the milestone's previous text.
    const sheet = await publicPlan();
    expect(sheet).toContain("Enmienda después de la aprobación. Motivo: La Mesa de Alto Nivel amplió la meta a la ejecución mensual.");
    expect(sheet).toContain(newText);
    expect(sheet).toContain(oldText);

    // The follow-up: the report stays on milestone 1, now under its new text, saying what it read then.
    const followup = await page(`/c/${slug}/plan/seguimiento`);
    expect(followup.html).toContain("Mesa técnica conformada");
    expect(followup.html).toContain(newText);
    expect(followup.html).toContain(`Texto de la meta entonces: «${oldText}»`);
    const updates = await db.selectFrom("followup_updates").select(["proposal_id", "milestone_position"]).where("proposal_id", "=", proposalId).execute();
    expect(updates).toEqual([{ proposal_id: proposalId, milestone_position: 1 }]);
  });

  it("the API amends any template field too (the lead agency), and the amendment page is the point of contact's alone (403 for a member)", async () => {
    const admin = f.t.admin.client;
    await admin.ok("plan.amend", {
      planId: f.planId,
      proposalId: f.adopted[1],
      leadAgency: "Secretaría de Planificación (SEGEPLAN)",
      reason: "Cambio de institución responsable.",
    });
    const sheet = await publicPlan();
    expect(sheet).toContain("Secretaría de Planificación (SEGEPLAN)");
    expect(sheet).toContain("Cambio de institución responsable.");
    const member = f.t.members[0];
    const cookie = await loginCookie(server.url, member.email, member.password);
    expect((await page(`/admin/c/${f.t.consultationId}/plan/enmendar/${f.adopted[1]}`, cookie)).status).toBe(403);
  });
});
