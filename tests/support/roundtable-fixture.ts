// What the access specification's test (tests/integration/role-matrix.test.ts) needs at a thematic roundtable,
// made through the API as the point of contact, a proponent and a roundtable member would: a table with an open
// round; proposals of one proponent organization set aside for each command (to edit, to register from a draft, to
// withdraw, to merge, to split); a merge the table agreed, to undo, and its unified proposal; and a second table
// whose only round is still pending, to schedule, edit, open and close rounds without disturbing the first.
import { factories } from "../../db/factories";
import { proposalPayload, unifiedPayload } from "./roundtables";
import type { ApiClient } from "./server";

export async function roundtableMatrixFixture(
  admin: ApiClient,
  people: { proponent: ApiClient; member: ApiClient },
  refs: { consultationId: string; themeId: string; presentOrganizationIds: string[] },
) {
  const { roundtableId } = await admin.ok<{ roundtableId: string }>("roundtable.create", { consultationId: refs.consultationId, themeId: refs.themeId });
  const { roundId } = await admin.ok<{ roundId: string }>("round.schedule", { roundtableId, heldOn: "2016-06-15", venue: "SEGEPLAN" });
  await admin.ok("round.open", { roundId });

  const register = async (over: Record<string, unknown> = {}) =>
    (await people.proponent.ok<{ proposalId: string }>("proposal.create", proposalPayload(roundtableId, over))).proposalId;
  const ownProposalId = await register();
  const draftId = await register({ draft: true });
  const toWithdrawId = await register();
  const mergeSourceIds = [await register(), await register()];
  const splitSourceId = await register();
  const merged = await people.member.ok<{ proposalId: string; operationId: string }>("proposal.merge", {
    sourceIds: [await register(), await register()],
    result: unifiedPayload(),
    present: refs.presentOrganizationIds,
    agreed: true,
    agreedNote: "Consenso",
  });

  const { themeId: spareThemeId } = await admin.ok<{ themeId: string }>("theme.create", factories.theme(refs.consultationId));
  const { roundtableId: spareRoundtableId } = await admin.ok<{ roundtableId: string }>("roundtable.create", {
    consultationId: refs.consultationId,
    themeId: spareThemeId,
  });
  const { roundId: spareRoundId } = await admin.ok<{ roundId: string }>("round.schedule", { roundtableId: spareRoundtableId, venue: "INAP" });

  return {
    roundtableId,
    roundId,
    ownProposalId,
    draftId,
    toWithdrawId,
    mergeSourceIds,
    splitSourceId,
    unifiedId: merged.proposalId,
    operationId: merged.operationId,
    spareRoundtableId,
    spareRoundId,
  };
}
