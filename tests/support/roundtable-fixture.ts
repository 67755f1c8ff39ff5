// References the role × command matrix needs for the roundtable commands: a thematic roundtable with an open
// round, a registered proposal and a merge to undo — made through the bus as the system actor.
import { randomUUID } from "node:crypto";
import type { ApiClient, TestServer } from "./server";
import { proposalPayload, unifiedPayload } from "./roundtables";

export async function roundtableMatrixFixture(server: TestServer, admin: ApiClient, refs: { consultationId: string; themeId: string; organizationId: string; thematicStageId: string }) {
  const system = { kind: "system" as const, label: "test" };
  const run = async <R>(type: string, payload: unknown): Promise<R> => {
    const outcome = await server.cocrea.bus.execute({ id: randomUUID(), type, payload }, system);
    if (!outcome.ok) throw new Error(`${type}: ${outcome.error.messageKey}`);
    return outcome.result as R;
  };
  await admin.ok("stage.open", { stageId: refs.thematicStageId });
  const { roundtableId } = await run<{ roundtableId: string }>("roundtable.create", { consultationId: refs.consultationId, themeId: refs.themeId });
  const { roundId } = await run<{ roundId: string }>("round.schedule", { roundtableId, venue: "Salón" });
  await run("round.open", { roundId });
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) ids.push((await run<{ proposalId: string }>("proposal.create", proposalPayload(roundtableId))).proposalId);
  const { operationId } = await run<{ operationId: string }>("proposal.merge", { sourceIds: ids.slice(1), result: unifiedPayload(), present: [refs.organizationId], agreed: true });
  return { roundtableId, roundId, proposalId: ids[0], operationId };
}
