// Adopted commitments and an assembled plan, built through the API as the roundtable and the point of contact would:
// the technical roundtable meets the three criteria and adopts proposals by consensus vote, then the point of contact
// assembles the plan. Shared by the plan's integration and browser tests and the role matrix.
import { ApiClient, type TestServer } from "./server";
import { meetCriteria, setupTechnical, type TechnicalTable } from "./technical";

/** Meets the criteria, opens a vote, every member agrees, the chair closes it: the proposal is adopted. */
export async function adopt(t: TechnicalTable, proposalId: string): Promise<void> {
  await meetCriteria(t, proposalId);
  const { voteId } = await t.chair.client.ok<{ voteId: string }>("vote.open", { proposalId });
  for (const m of t.members) await m.client.ok("vote.answer", { voteId, answer: "agree" });
  const closed = await t.chair.client.ok<{ outcome: { kind: string } }>("vote.close", { voteId });
  if (closed.outcome.kind !== "adopted") throw new Error(`not adopted: ${closed.outcome.kind}`);
}

export interface PlanFixture {
  t: TechnicalTable;
  adopted: string[];
  planId: string;
}

/** A technical roundtable with `adopted` commitments, assembled in that order with an introduction (not published). */
export async function setupPlan(server: TestServer, options: { adopted?: number; unified?: number } = {}): Promise<PlanFixture> {
  const count = options.adopted ?? 2;
  const t = await setupTechnical(server, { unified: Math.max(options.unified ?? count, count) });
  const adopted = t.unified.slice(0, count);
  for (const id of adopted) await adopt(t, id);
  const { planId } = await t.admin.client.ok<{ planId: string }>("plan.assemble", {
    consultationId: t.consultationId,
    introduction: "Este plan reúne los compromisos adoptados por consenso en la Mesa Técnica.",
    proposalIds: adopted,
  });
  return { t, adopted, planId };
}

/**
 * The plan as the access specification's test needs it (tests/integration/role-matrix.samples.ts): one adopted
 * commitment in a published plan, the draft-plan stage open, a citizen's comment and an observation to act on.
 */
export async function planMatrixFixture(t: TechnicalTable, proposalId: string) {
  await adopt(t, proposalId);
  const admin = t.admin.client;
  const { planId } = await admin.ok<{ planId: string }>("plan.assemble", { consultationId: t.consultationId, proposalIds: [proposalId] });
  await admin.ok("plan.publish", { planId });
  await admin.ok("stage.open", { stageId: t.stage("draft_plan") });
  const citizen = new ApiClient(t.admin.client.url);
  const { commentId } = await citizen.ok<{ commentId: string }>("plan.comment", { planId, proposalId, text: "Que el compromiso incluya a los municipios." });
  const { observationId } = await admin.ok<{ observationId: string }>("plan.observe", { planId, proposalId, text: "Falta la persona responsable." });
  return { planId, proposalId, commentId, observationId };
}
