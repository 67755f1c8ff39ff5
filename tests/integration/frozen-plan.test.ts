// Issue 17, "the figures agree everywhere": once the plan is approved it is frozen, and one more adoption is refused
// in the command (409 naming the frozen plan) on every path — a vote cannot be opened, the plan cannot be approved
// while a vote could still adopt — and the only way in is an amendment of the plan that records it, with its reason,
// shown publicly. Every surface reads the same number of commitments after every step (expectCommitments).
import { afterAll, beforeAll, expect, it } from "vitest";
import { expectCommitments } from "../support/commitment-count";
import { setupPlan, type PlanFixture } from "../support/plan";
import { startServer, type CommandResponse, type TestServer } from "../support/server";
import { meetCriteria } from "../support/technical";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000", PUBLIC_ADDRESS_LIMIT_PER_MINUTE: "1000" });
});
afterAll(() => server.stop());

/** The words of a refusal (empty when the command was carried out). */
const said = (r: CommandResponse<unknown>): string => (r.body.ok ? "" : r.body.error.message);

async function slugOf(f: PlanFixture): Promise<string> {
  const row = await server.cocrea.db.selectFrom("consultations").select("slug").where("id", "=", f.t.consultationId).executeTakeFirstOrThrow();
  return row.slug;
}

const pageText = async (path: string, lang = "es") =>
  (await (await fetch(`${server.url}${path}`, { headers: { "accept-language": lang, cookie: `cocrea_lang=${lang}` } })).text()).replace(/<[^>]+>/g, " ");

it("refuses a fifth adoption after approval (409, nothing written, 4 everywhere) and takes it by an amendment of the plan (5 everywhere)", async () => {
  // The story: four proposals adopted by consensus and assembled into the plan, a fifth and a sixth still at the table.
  const f = await setupPlan(server, { adopted: 4, unified: 6 });
  const { t, planId } = f;
  const admin = t.admin.client;
  const chair = t.chair.client;
  const consultation = { slug: await slugOf(f) };
  const [fifth, sixth] = [t.unified[4], t.unified[5]];
  await admin.ok("plan.publish", { planId });
  await expectCommitments(server, consultation, 4);

  // Before approval a commitment enters by assembling the plan again: the amendment is refused (409) and says so.
  const early = await admin.command("plan.amend_add", { planId, proposalId: fifth, reason: "Acuerdo de la Mesa de Alto Nivel" });
  expect(early.status).toBe(409);
  expect(said(early)).toContain("antes de su aprobación un compromiso entra al armar el plan de nuevo");

  // A vote still open when the plan is about to be approved could adopt into a frozen plan: approval is refused…
  await meetCriteria(t, sixth);
  const { voteId } = await chair.ok<{ voteId: string }>("vote.open", { proposalId: sixth });
  const approval = { planId, approvedBy: "Mesa de Alto Nivel", approvedOn: "2016-10-20", reference: "Acta 3-2016" };
  const blocked = await admin.command("plan.approve", approval);
  expect(blocked.status).toBe(409);
  expect(said(blocked)).toContain("Hay una votación abierta sobre");
  expect((await server.cocrea.db.selectFrom("plans").select("status").where("id", "=", planId).executeTakeFirstOrThrow()).status).toBe("draft");
  // …and the way out is to close the vote: the table adopts it, before approval, but it is not in the assembled plan.
  for (const m of t.members) await m.client.ok("vote.answer", { voteId, answer: "agree" });
  expect((await chair.ok<{ outcome: { kind: string } }>("vote.close", { voteId })).outcome.kind).toBe("adopted");
  await expectCommitments(server, consultation, 4);
  await admin.ok("plan.approve", approval);
  await expectCommitments(server, consultation, 4);

  // The fifth adoption: the vote cannot even open on a frozen plan. 409 naming the frozen plan, in both languages.
  await meetCriteria(t, fifth);
  const refused = await chair.command("vote.open", { proposalId: fifth });
  expect(refused.status).toBe(409);
  expect(said(refused)).toContain("El plan ya está aprobado y quedó congelado");
  expect(said(refused)).toContain("solo por una enmienda");
  const english = await fetch(`${server.url}/api/v1/commands`, {
    method: "POST",
    headers: { ...chair.headers(), "accept-language": "en", cookie: "cocrea_lang=en" },
    body: JSON.stringify({ id: crypto.randomUUID(), type: "vote.open", payload: { proposalId: fifth } }),
  });
  expect(english.status).toBe(409);
  expect(((await english.json()) as { error: { message: string } }).error.message).toContain("only through an amendment that records it");
  // Nothing written: no vote on it, still active, still 4 everywhere.
  const { db } = server.cocrea;
  expect(await db.selectFrom("consensus_votes").select("id").where("proposal_id", "=", fifth).execute()).toEqual([]);
  expect((await db.selectFrom("proposals").select("state").where("id", "=", fifth).executeTakeFirstOrThrow()).state).toBe("active");
  await expectCommitments(server, consultation, 4);

  // The way in: an amendment of the approved plan that records it, with its reason.
  const reason = "La Mesa de Alto Nivel acordó incluir el compromiso de datos abiertos municipales";
  const added = await admin.ok<{ number: string; commitments: number }>("plan.amend_add", { planId, proposalId: fifth, reason });
  expect(added).toMatchObject({ number: "5", commitments: 5 });
  expect((await db.selectFrom("proposals").select("state").where("id", "=", fifth).executeTakeFirstOrThrow()).state).toBe("adopted");
  await expectCommitments(server, consultation, 5);
  // Shown publicly like other amendments: on the plan page (es/en) and in the exports.
  expect(await pageText(`/c/${consultation.slug}/plan`)).toContain(`Añadido al plan aprobado por enmienda. Motivo: ${reason}`);
  expect(await pageText(`/c/${consultation.slug}/plan`, "en")).toContain(`Added to the approved plan by amendment. Reason: ${reason}`);
  expect(await pageText(`/c/${consultation.slug}/plan`, "en")).toContain("The plan has 5 commitments.");
  expect(await (await fetch(`${server.url}/c/${consultation.slug}/plan/exportar/plan.md`)).text()).toContain(
    `Añadido al plan aprobado por enmienda. Motivo: ${reason}`,
  );
  // The audit keeps the amendment as a command of its own.
  const audit = await db.selectFrom("audit_events").select("command_type").where("command_type", "=", "plan.amend_add").execute();
  expect(audit).toHaveLength(1);

  // The sixth, adopted before approval but left out of the assembled plan, enters the same way; twice is refused.
  await admin.ok("plan.amend_add", { planId, proposalId: sixth, reason: "Adoptado antes de la aprobación y omitido al armar el plan" });
  await expectCommitments(server, consultation, 6);
  const twice = await admin.command("plan.amend_add", { planId, proposalId: sixth, reason: "Otra vez" });
  expect(twice.status).toBe(409);
  expect(said(twice)).toContain("ya es un compromiso del plan");

  // Submitted, the plan stays frozen: a vote is still refused.
  await admin.ok("plan.submit", { planId, submittedOn: "2016-10-31", link: "https://www.opengovpartnership.org/" });
  const third = t.unified.find((id) => ![...f.adopted, fifth, sixth].includes(id));
  expect(third).toBeUndefined();
  const after = await chair.command("vote.open", { proposalId: fifth });
  expect(after.status).toBe(409);
  await expectCommitments(server, consultation, 6);
}, 120_000); // a whole plan through the commands, read on eight surfaces seven times

it("an amendment refuses a proposal that does not meet the three adoption criteria; recording them is the way in", async () => {
  const f = await setupPlan(server, { adopted: 1, unified: 3 });
  const { t, planId } = f;
  const admin = t.admin.client;
  await admin.ok("plan.publish", { planId });
  await admin.ok("plan.approve", { planId, approvedBy: "Mesa de Alto Nivel", approvedOn: "2016-10-20", reference: "Acta 3-2016" });
  const missing = await admin.command("plan.amend_add", { planId, proposalId: t.unified[1], reason: "Acuerdo" });
  expect(missing.status).toBe(409);
  expect(said(missing)).toMatch(/criterio/i);
  await expectCommitments(server, { slug: await slugOf(f) }, 1);
  // The way out: the table records the criteria, then the amendment takes it.
  await meetCriteria(t, t.unified[1]);
  await admin.ok("plan.amend_add", { planId, proposalId: t.unified[1], reason: "Criterios cumplidos después de la aprobación" });
  await expectCommitments(server, { slug: await slugOf(f) }, 2);
});
