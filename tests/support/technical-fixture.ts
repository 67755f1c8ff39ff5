// What the access specification's test (tests/integration/role-matrix.test.ts) needs at the technical roundtable,
// built through the API on setupTechnical (tests/support/technical.ts: an open session, members of two sectors with
// a MINFIN chair, an observer, everyone present): a vote open in the session (and another to cancel), a member recused from it, proposals
// meeting the three criteria for more votes, unified proposals set aside for each command, a split the technical
// table agreed (to undo, and whose two results only the technical table may merge), a spare pending session, and a
// technical-roundtable delegate of the proponent organization (ICEFI) behind every unified proposal.
import { createDelegate, unifiedPayload } from "./roundtables";
import type { TestServer } from "./server";
import { meetCriteria, setupTechnical } from "./technical";

const UNIFIED = [
  "vote",
  "toOpenVote",
  "toOpenVoteByChair",
  "toReject",
  "toRejectByChair",
  "toRevise",
  "toWithdraw",
  "splitAtTechnical",
  "mergeA",
  "mergeB",
  "toSplit",
  // Adopted by tests/support/follow-up.ts (followupMatrixFixture): commitments to follow up.
  "commitmentA",
  "commitmentB",
  "toPlan",
  // vote.cancel's sample: a vote of its own, open in the session.
  "toCancelVote",
] as const;

export async function technicalMatrixFixture(server: TestServer) {
  const t = await setupTechnical(server, { unified: UNIFIED.length });
  const unified = Object.fromEntries(UNIFIED.map((name, i) => [name, t.unified[i]])) as Record<(typeof UNIFIED)[number], string>;
  const chair = t.chair.client;
  const [, presentMember, recusedMember] = t.members;

  for (const id of [unified.vote, unified.toOpenVote, unified.toOpenVoteByChair, unified.toCancelVote]) await meetCriteria(t, id);
  const { voteId } = await chair.ok<{ voteId: string }>("vote.open", { proposalId: unified.vote });
  const { voteId: voteToCancel } = await chair.ok<{ voteId: string }>("vote.open", { proposalId: unified.toCancelVote });
  await recusedMember.client.ok("proposal.declare_conflict", { proposalId: unified.vote, reason: "Mi organización ejecutaría el compromiso" });

  const split = await chair.ok<{ proposalIds: string[]; operationId: string }>("proposal.split", {
    roundtableId: t.technicalId,
    sourceId: unified.splitAtTechnical,
    results: [unifiedPayload(), unifiedPayload()],
    present: [t.orgs.minfin],
    agreed: true,
    agreedNote: "Consenso de la Mesa Técnica",
  });
  const { roundId: spareSessionId } = await chair.ok<{ roundId: string }>("technical.session.schedule", {
    roundtableId: t.technicalId,
    kind: "refinement",
    venue: "SEGEPLAN",
  });
  const icefiTechnical = await createDelegate(server, t.admin.client, t.consultationId, "technical_member", t.orgs.icefi);

  return {
    t,
    unified,
    voteId,
    voteToCancel,
    presentMember,
    recusedMember,
    icefiTechnical,
    spareSessionId,
    technicalResultIds: split.proposalIds,
    technicalOperationId: split.operationId,
  };
}
