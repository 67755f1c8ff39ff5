// Commitments ready for follow-up, built through the JSON API as the process makes them: a technical roundtable
// adopts unified proposals by consent (three adoption criteria, a vote, every member agreeing), the point of contact
// invites a person of the responsible institution with the commitment-responsible role and assigns them.
import { createDelegate } from "./roundtables";
import type { ApiClient, TestServer } from "./server";
import { meetCriteria, setupTechnical, type TechnicalTable } from "./technical";

export async function adopt(t: TechnicalTable, proposalId: string): Promise<void> {
  await meetCriteria(t, proposalId);
  const { voteId } = await t.chair.client.ok<{ voteId: string }>("vote.open", { proposalId });
  for (const m of t.members) await m.client.ok("vote.answer", { voteId, answer: "agree" });
  const closed = await t.chair.client.ok<{ outcome: { kind: string } }>("vote.close", { voteId });
  if (closed.outcome.kind !== "adopted") throw new Error(`not adopted: ${JSON.stringify(closed.outcome)}`);
}

export interface FollowupSetup {
  t: TechnicalTable;
  slug: string;
  /** Adopted proposals (commitments). */
  commitments: string[];
  /** A unified proposal still under discussion (not a commitment). */
  notCommitment: string;
  /** A person holding the commitment-responsible role, from MINFIN. */
  responsible: Awaited<ReturnType<typeof createDelegate>>;
  /** Another one, not assigned to the first commitment. */
  otherResponsible: Awaited<ReturnType<typeof createDelegate>>;
}

export async function setupFollowup(server: TestServer, options: { commitments?: number } = {}): Promise<FollowupSetup> {
  const count = options.commitments ?? 2;
  const t = await setupTechnical(server, { unified: count + 1 });
  const commitments = t.unified.slice(0, count);
  for (const id of commitments) await adopt(t, id);
  const admin: ApiClient = t.admin.client;
  const responsible = await createDelegate(server, admin, t.consultationId, "commitment_responsible", t.orgs.minfin);
  const otherResponsible = await createDelegate(server, admin, t.consultationId, "commitment_responsible", t.orgs.icefi);
  const slug = (await admin.get(`/api/v1/consultations/${t.consultationId}`)).body.result.consultation.slug as string;
  return { t, slug, commitments, notCommitment: t.unified[count], responsible, otherResponsible };
}

/**
 * For the access specification's test: two commitments adopted at the technical table, each with its responsible
 * person (A: a MINFIN delegate, B: an ICEFI one), built on the technical fixture's set-aside proposals.
 */
export async function followupMatrixFixture(server: TestServer, technical: { t: TechnicalTable; unified: { commitmentA: string; commitmentB: string } }) {
  const { t, unified } = technical;
  await adopt(t, unified.commitmentA);
  await adopt(t, unified.commitmentB);
  const admin = t.admin.client;
  const responsibleA = await createDelegate(server, admin, t.consultationId, "commitment_responsible", t.orgs.minfin);
  const responsibleB = await createDelegate(server, admin, t.consultationId, "commitment_responsible", t.orgs.icefi);
  await admin.ok("followup.assign_responsible", { proposalId: unified.commitmentA, userId: responsibleA.userId });
  await admin.ok("followup.assign_responsible", { proposalId: unified.commitmentB, userId: responsibleB.userId });
  return { commitmentA: unified.commitmentA, commitmentB: unified.commitmentB, responsibleA, responsibleB };
}
