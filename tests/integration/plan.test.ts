// The action plan end to end over the JSON API and the pages (issue 9): assembled from adopted commitments, published,
// commented on without an account (receipt), answered, revised (every version kept, with the comments behind it),
// sent for review with observations, approved (frozen), submitted and amended — and every refusal on the way, with
// proof that nothing was written. Staff hear new comments live on the socket.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupPlan, type PlanFixture } from "../support/plan";
import { ApiClient, createAdmin, emitWithAck, startServer, waitForEvent, type CommandResponse, type TestServer } from "../support/server";

let server: TestServer;
let f: PlanFixture;
let slug: string;
let citizen: ApiClient;
const state: { commentId?: string; generalId?: string; receipt?: string; observationId?: string } = {};

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  f = await setupPlan(server, { adopted: 2, unified: 3 });
  slug = (await server.cocrea.db.selectFrom("consultations").select("slug").where("id", "=", f.t.consultationId).executeTakeFirstOrThrow()).slug;
  citizen = new ApiClient(server.url);
}, 120_000);
afterAll(() => server.stop());

const admin = () => f.t.admin.client;
const member = () => f.t.members[1].client;

async function audits(): Promise<number> {
  const row = await server.cocrea.db
    .selectFrom("audit_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A refusal: its status and error code, and nothing written. */
async function refused(run: () => Promise<CommandResponse>, status: number, code: string) {
  const before = await audits();
  const res = await run();
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(!res.body.ok && res.body.error.code).toBe(code);
  expect(await audits()).toBe(before);
  return res.body.ok ? null : res.body.error;
}

const comment = (text: string, proposalId: string | null = f.adopted[0]) => citizen.command("plan.comment", { planId: f.planId, proposalId, text });

describe("draft for public comment", () => {
  it("refuses comments before the draft is published, naming why", async () => {
    const error = await refused(() => comment("Que el portal publique también los contratos."), 409, "stage_closed");
    expect(error!.message).toBe("El borrador del plan todavía no se ha publicado para comentario.");
  });

  it("the public page says the draft is not published yet, and the assembled plan is staff-only", async () => {
    const page = await citizen.get(`/c/${slug}/plan`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("El borrador del plan todavía no se ha publicado.");
    expect((await citizen.get(`/c/${slug}/plan/exportar/plan.json`)).status).toBe(404);
    expect((await admin().get(`/c/${slug}/plan/exportar/plan.json`)).status).toBe(200);
  });

  it("only the point of contact assembles and publishes (403 for a member, 401 without an account)", async () => {
    await refused(() => member().command("plan.publish", { planId: f.planId }), 403, "forbidden");
    await refused(() => citizen.command("plan.publish", { planId: f.planId }), 401, "unauthenticated");
    await refused(() => member().command("plan.assemble", { consultationId: f.t.consultationId, proposalIds: f.adopted }), 403, "forbidden");
  });

  it("refuses a proposal that is not adopted in the plan (400 naming it)", async () => {
    const error = await refused(
      () => admin().command("plan.assemble", { consultationId: f.t.consultationId, proposalIds: [f.adopted[0], f.t.unified[2]] }),
      400,
      "invalid",
    );
    expect(error!.issues).toEqual([{ path: ["proposalIds", 1], code: "custom", message: "plan.issue.not_adopted" }]);
  });

  it("reorders and numbers the commitments, then publishes", async () => {
    await admin().ok("plan.assemble", {
      consultationId: f.t.consultationId,
      introduction: "Introducción del plan.",
      proposalIds: [f.adopted[1], f.adopted[0]],
      numbers: ["A", ""],
    });
    await admin().ok("plan.assemble", { consultationId: f.t.consultationId, introduction: "Introducción del plan.", proposalIds: f.adopted });
    const rows = await server.cocrea.db.selectFrom("plan_commitments").selectAll().where("plan_id", "=", f.planId).orderBy("added_at").execute();
    // Nothing deleted: one row per commitment, renumbered in place.
    expect(rows.map((r) => [r.proposal_id, r.position, r.number, r.removed_at])).toEqual([
      [f.adopted[0], 1, "1", null],
      [f.adopted[1], 2, "2", null],
    ]);
    expect(await admin().ok("plan.publish", { planId: f.planId })).toEqual({ planId: f.planId, status: "draft" });
    await refused(() => admin().command("plan.publish", { planId: f.planId }), 409, "conflict");
  });

  it("refuses comments while the draft-plan stage is not open, naming the stage", async () => {
    const error = await refused(() => comment("Que el portal publique también los contratos."), 409, "stage_closed");
    expect(error!.message).toBe("La etapa «Borrador del plan para comentario público» no está abierta (Pendiente).");
  });

  it("takes a citizen's comment with a receipt once the stage opens, and staff hear it live", async () => {
    await admin().ok("stage.open", { stageId: f.t.stage("draft_plan") });
    const staff = admin().socket();
    try {
      expect(await emitWithAck(staff, "subscribe", { consultationId: f.t.consultationId, staff: true })).toEqual({ ok: true });
      const heard = waitForEvent<{ commentId: string; change: string }>(staff, "plan:comment");
      const res = await comment("Que el portal publique también los contratos de obra municipal.");
      expect(res.status).toBe(200);
      const receipt = (res.body as { ok: true; result: { commentId: string; receiptCode: string; duplicate: boolean } }).result;
      expect(receipt.receiptCode).toMatch(/^[23456789BCDFGHJKMNPQRSTVWXZ]{8}$/);
      expect(receipt.duplicate).toBe(false);
      expect(await heard).toMatchObject({ commentId: receipt.commentId, change: "new" });
      state.commentId = receipt.commentId;
      state.receipt = receipt.receiptCode;
    } finally {
      staff.close();
    }
    // The same words again from the same client: the first receipt, nothing new stored.
    const again = await comment("Que el portal publique también los contratos de obra municipal.");
    expect((again.body as { ok: true; result: { receiptCode: string; duplicate: boolean } }).result).toMatchObject({
      receiptCode: state.receipt,
      duplicate: true,
    });
    const general = await citizen.ok<{ commentId: string }>("plan.comment", {
      planId: f.planId,
      text: "El plan debería incluir un compromiso sobre municipios.",
    });
    state.generalId = general.commentId;
  });

  it("the receipt code opens the comment's receipt through /r/:code", async () => {
    const res = await fetch(`${server.url}/r/${state.receipt}`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/c/${slug}/plan/recibo/${state.receipt}`);
    const page = await citizen.get(`/c/${slug}/plan/recibo/${state.receipt}`);
    expect(page.body).toContain("Que el portal publique también los contratos de obra municipal.");
    expect(page.body).toContain("Sin respuesta todavía.");
  });

  it("a form post without JavaScript: a too-short comment answers 400 with the page, the message beside the form and the text kept", async () => {
    const page = await fetch(`${server.url}/c/${slug}/plan`);
    const cookie = (page.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).find((c) => c.startsWith("cocrea_csrf="))!;
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1];
    const before = await audits();
    const res = await fetch(`${server.url}/c/${slug}/plan`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ _csrf: token, intent: "comment", planId: f.planId, proposalId: f.adopted[1], text: "Corto" }),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('class="field-error"');
    expect(html).toContain(">Corto</textarea>");
    expect(await audits()).toBe(before);
  });

  it("refuses a comment over the length limit (400), on a proposal outside the plan (400) and a filled honeypot (400)", async () => {
    const error = await refused(() => comment("x".repeat(2001)), 400, "invalid");
    expect(error!.issues?.[0].path).toEqual(["text"]);
    await refused(() => comment("Comentario sobre otra propuesta.", f.t.unified[2]), 400, "invalid");
    await refused(() => citizen.command("plan.comment", { planId: f.planId, text: "Comentario de un robot cualquiera.", website: "spam" }), 400, "invalid");
  });
});

describe("answers and revisions", () => {
  it("only the technical roundtable and the point of contact answer (403 for an observer, 401 without an account)", async () => {
    const answer = { commentId: state.commentId, verdict: "partly", reason: "Se incluyen los contratos de obra, no los de servicios." };
    await refused(() => f.t.observer.client.command("plan.comment_answer", answer), 403, "forbidden");
    await refused(() => citizen.command("plan.comment_answer", answer), 401, "unauthenticated");
    await refused(() => member().command("plan.comment_answer", { ...answer, verdict: "maybe" }), 400, "invalid");
    expect(await member().ok("plan.comment_answer", answer)).toMatchObject({ commentId: state.commentId, verdict: "partly" });
    await member().ok("plan.comment_answer", { commentId: state.generalId, verdict: "not_accepted", reason: "Los municipios tendrán su propio plan." });
  });

  it("revises the commitment's text naming the comment; every version is kept", async () => {
    await refused(() => f.t.observer.client.command("plan.revise", { planId: f.planId, proposalId: f.adopted[0], objective: "Otro" }), 403, "forbidden");
    await refused(
      () => member().command("plan.revise", { planId: f.planId, proposalId: f.adopted[0], objective: "Publicar contratos", commentIds: [f.planId] }),
      400,
      "invalid",
    );
    const revised = await member().ok<{ revision: number }>("plan.revise", {
      planId: f.planId,
      proposalId: f.adopted[0],
      objective: "Publicar en datos abiertos los contratos de obra pública, también los municipales.",
      note: "Se agregan los contratos municipales, como pidió un comentario.",
      commentIds: [state.commentId],
    });
    expect(revised.revision).toBe(2);
    const versions = await server.cocrea.db
      .selectFrom("proposal_versions")
      .select(["revision"])
      .where("proposal_id", "=", f.adopted[0])
      .orderBy("revision")
      .execute();
    expect(versions.map((v) => v.revision)).toEqual([1, 2]);
  });

  it("the public sheet shows the new text, the difference, the comment that led to it and the answer", async () => {
    const page = await citizen.get(`/c/${slug}/plan`);
    const html = page.body as string;
    expect(html).toContain("también los municipales.");
    expect(html).toMatch(/<ins class="diff-ins">/);
    expect(html).toContain("Comentarios que llevaron a este cambio");
    expect(html).toContain("Aceptado en parte");
    expect(html).toContain("Se incluyen los contratos de obra, no los de servicios.");
    expect(html).toContain("No aceptado");
    // The page carries no script (light on a cheap phone).
    expect(html).not.toMatch(/<script/);
  });
});

describe("review, approval, submission, amendment", () => {
  it("sends the draft for review and records the support unit's observations with answers", async () => {
    await refused(() => member().command("plan.send_review", { planId: f.planId }), 403, "forbidden");
    await admin().ok("plan.send_review", { planId: f.planId });
    const { observationId } = await admin().ok<{ observationId: string }>("plan.observe", {
      planId: f.planId,
      proposalId: f.adopted[1],
      text: "Las metas deben tener fechas verificables.",
    });
    state.observationId = observationId;
    await refused(() => f.t.observer.client.command("plan.observation_answer", { observationId, answer: "Hecho" }), 403, "forbidden");
    await member().ok("plan.observation_answer", { observationId, answer: "Se agregaron fechas a cada meta." });
    const page = await citizen.get(`/c/${slug}/plan`);
    expect(page.body).toContain("Las metas deben tener fechas verificables.");
    expect(page.body).toContain("Se agregaron fechas a cada meta.");
  });

  it("amending before approval is refused (409): texts are revised until then", async () => {
    await refused(() => admin().command("plan.amend", { planId: f.planId, proposalId: f.adopted[0], objective: "X", reason: "Cambio" }), 409, "conflict");
    await refused(() => admin().command("plan.submit", { planId: f.planId, submittedOn: "2016-10-31", link: "https://example.org/plan.pdf" }), 409, "conflict");
  });

  it("approves (who, when, the act) and freezes the plan", async () => {
    await refused(() => member().command("plan.approve", { planId: f.planId, approvedBy: "X", approvedOn: "2016-10-28", reference: "Acta" }), 403, "forbidden");
    await admin().ok("plan.approve", {
      planId: f.planId,
      approvedBy: "Mesa Técnica de Gobierno Abierto",
      approvedOn: "2016-10-28",
      reference: "Acta 07-2016",
    });
    const frozen = await refused(
      () => member().command("plan.revise", { planId: f.planId, proposalId: f.adopted[0], objective: "Otro objetivo del compromiso" }),
      409,
      "conflict",
    );
    expect(frozen!.message).toBe("El plan ya está aprobado: el texto de un compromiso solo cambia con una enmienda y su motivo.");
    await refused(() => comment("Un comentario que llega tarde al plan."), 409, "stage_closed");
    await refused(() => admin().command("plan.assemble", { consultationId: f.t.consultationId, proposalIds: [f.adopted[0]] }), 409, "conflict");
    await refused(() => member().command("plan.comment_answer", { commentId: state.commentId, verdict: "accepted", reason: "Cambio" }), 409, "conflict");
  });

  it("refuses a submission link that is not http(s) (400) and records a good one", async () => {
    for (const link of ["javascript:alert(1)", "ftp://example.org/plan.pdf", "file:///etc/passwd", "plan.pdf"]) {
      const error = await refused(() => admin().command("plan.submit", { planId: f.planId, submittedOn: "2016-10-31", link }), 400, "invalid");
      expect(error!.issues?.[0].path).toEqual(["link"]);
    }
    await refused(() => admin().command("plan.submit", { planId: f.planId, submittedOn: "2016-10-31" }), 400, "invalid");
    await refused(() => member().command("plan.submit", { planId: f.planId, submittedOn: "2016-10-31", link: "https://example.org/p.pdf" }), 403, "forbidden");
    await admin().ok("plan.submit", { planId: f.planId, submittedOn: "2016-10-31", link: "https://www.opengovpartnership.org/plan-gt.pdf" });
  });

  it("amends a frozen commitment with a reason; the previous text stays readable", async () => {
    await refused(() => admin().command("plan.amend", { planId: f.planId, proposalId: f.adopted[1], objective: "Nuevo objetivo" }), 400, "invalid");
    await refused(() => member().command("plan.amend", { planId: f.planId, proposalId: f.adopted[1], objective: "Nuevo", reason: "R" }), 403, "forbidden");
    const before = await server.cocrea.db.selectFrom("proposals").select("objective").where("id", "=", f.adopted[1]).executeTakeFirstOrThrow();
    const amended = await admin().ok<{ revision: number }>("plan.amend", {
      planId: f.planId,
      proposalId: f.adopted[1],
      objective: "Objetivo enmendado por acuerdo de la Mesa de Alto Nivel.",
      reason: "Ajuste presupuestario acordado el 15 de noviembre.",
    });
    expect(amended.revision).toBe(2);
    const html = (await citizen.get(`/c/${slug}/plan`)).body as string;
    expect(html).toContain("Enmienda después de la aprobación. Motivo: Ajuste presupuestario acordado el 15 de noviembre.");
    expect(html).toContain(before.objective.split(" ")[0]);
    expect(html).toContain(`/c/${slug}/plan/seguimiento`);
  });
});

describe("export in the OGP template", () => {
  it("JSON carries every template field, the origin and the funnel table, without contact details", async () => {
    const res = await citizen.get(`/c/${slug}/plan/exportar/plan.json`);
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.status).toBe("submitted");
    expect(doc.commitments).toHaveLength(2);
    expect(doc.commitments[0].fields.map((x: { key: string }) => x.key)).toEqual([
      "title",
      "leadAgency",
      "responsiblePerson",
      "otherActors",
      "problem",
      "objective",
      "description",
      "ogpChallenges",
      "relevance",
      "ambition",
    ]);
    expect(doc.commitments[0].fields.find((x: { key: string }) => x.key === "objective").value).toContain("también los municipales.");
    expect(doc.commitments[0].origin.mergedFrom).toHaveLength(2);
    expect(doc.commitments[0].origin.roundtable).toBeTruthy();
    expect(doc.funnel.columns.map((c: { key: string }) => c.key)).toEqual(["proposed", "unified", "technical", "refined", "plan"]);
    // Two commitments entered the plan, from one theme.
    expect(doc.funnel.total.at(-1)).toBe(2);
    expect(JSON.stringify(doc)).not.toMatch(/@example\.|"email"|"phone"/);
  });

  it("HTML, Markdown and CSV in Spanish or English", async () => {
    const html = await fetch(`${server.url}/c/${slug}/plan/exportar/plan.html`);
    expect(html.headers.get("content-type")).toContain("text/html");
    const text = await html.text();
    expect(text).toContain("Cuántas propuestas quedaron en cada etapa, por eje temático");
    expect(text.match(/class="commitment"/g)).toHaveLength(2);
    const en = await (await fetch(`${server.url}/c/${slug}/plan/exportar/plan.md?lang=en`)).text();
    expect(en).toContain("# Open Government National Action Plan");
    expect(en).toContain("## Commitment 1:");
    const csv = await (await fetch(`${server.url}/c/${slug}/plan/exportar/plan.csv`)).text();
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(3);
    expect(csv).toContain("Nombre del compromiso");
    // plan.pdf is written on the server (issue 17; tests/integration/plan-pdf.test.ts reads it page by page).
    const pdf = await fetch(`${server.url}/c/${slug}/plan/exportar/plan.pdf`);
    expect([pdf.status, pdf.headers.get("content-type")]).toEqual([200, "application/pdf"]);
  });
});

describe("moderation", () => {
  it("a report reaches the moderators; a hidden comment keeps its row, leaves the public page and its receipt says so", async () => {
    await citizen.ok("plan.comment_report", { commentId: state.generalId, reason: "No es sobre el plan" });
    await refused(() => member().command("plan.comment_hide", { commentId: state.generalId, reason: "Fuera de tema" }), 403, "forbidden");
    await admin().ok("plan.comment_hide", { commentId: state.generalId, reason: "Fuera de tema" });
    await refused(() => admin().command("plan.comment_hide", { commentId: state.generalId, reason: "Otra vez" }), 409, "conflict");
    const html = (await citizen.get(`/c/${slug}/plan`)).body as string;
    expect(html).not.toContain("El plan debería incluir un compromiso sobre municipios.");
    expect(html).toContain("Comentario ocultado por moderación.");
    const row = await server.cocrea.db
      .selectFrom("plan_comments")
      .select(["text", "status", "status_reason"])
      .where("id", "=", state.generalId!)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ text: "El plan debería incluir un compromiso sobre municipios.", status: "hidden", status_reason: "Fuera de tema" });
    await admin().ok("plan.comment_restore", { commentId: state.generalId });
    expect((await citizen.get(`/c/${slug}/plan`)).body).toContain("El plan debería incluir un compromiso sobre municipios.");
  });

  it("the staff pages are for staff: the comments view answers 403 to a signed-in person without a role", async () => {
    const outsider = await createAdmin(server);
    // A platform admin is the point of contact anywhere; a citizen without an account is sent to sign in.
    expect((await outsider.client.get(`/admin/c/${f.t.consultationId}/plan/comentarios`)).status).toBe(200);
    const res = await fetch(`${server.url}/admin/c/${f.t.consultationId}/plan/comentarios`, { redirect: "manual" });
    expect([302, 303, 401, 403]).toContain(res.status);
  });
});
