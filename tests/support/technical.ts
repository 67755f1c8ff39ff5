// A technical roundtable ready to vote, built through the JSON API as a point of contact would: unified proposals
// from a thematic roundtable whose last round closed, the technical roundtable with members of two sectors, an
// observer, a chair, an open session with everyone present. Shared by the technical-roundtable tests and the bench.
import { randomUUID } from "node:crypto";
import { createDelegate, mergePayload, registerProposals, setupRoundtable, type Table } from "./roundtables";
import type { ApiClient, TestServer } from "./server";

export interface TechnicalTable extends Table {
  technicalId: string;
  sessionId: string;
  members: Array<Awaited<ReturnType<typeof createDelegate>>>;
  observer: Awaited<ReturnType<typeof createDelegate>>;
  chair: Awaited<ReturnType<typeof createDelegate>>;
  /** Unified proposals at the technical table. */
  unified: string[];
}

export async function setupTechnical(
  server: TestServer,
  options: { unified?: number; members?: Array<"public" | "civil_society" | "academia">; settings?: Record<string, unknown> } = {},
): Promise<TechnicalTable> {
  const table = await setupRoundtable(server);
  const admin = table.admin.client;
  const { consultationId } = table;
  // Thematic roundtable: register and merge, then close the last round (proposals enter "unified").
  const count = options.unified ?? 3;
  const unifiedIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const ids = await registerProposals(table.icefi.client, table.roundtableId, 2);
    unifiedIds.push(
      (await table.member.client.ok<{ proposalId: string }>("proposal.merge", mergePayload(table, ids, `Compromiso unificado ${i + 1}`))).proposalId,
    );
  }
  await admin.ok("round.close", { roundId: table.roundId });
  const suffix = randomUUID().slice(0, 4).toUpperCase();
  const org = async (acronym: string, sector: string) =>
    (
      await admin.ok<{ organizationId: string }>("organization.create", {
        consultationId,
        name: `${acronym} ${suffix}`,
        acronym: `${acronym}-${suffix}`,
        sector,
      })
    ).organizationId;
  const sectors = options.members ?? ["public", "civil_society", "civil_society"];
  const members: TechnicalTable["members"] = [];
  for (const [i, sector] of sectors.entries()) {
    const orgId = sector === "public" && i === 0 ? table.orgs.minfin : await org(`MT${i}`, sector);
    members.push(await createDelegate(server, admin, consultationId, "technical_member", orgId));
  }
  const observer = await createDelegate(server, admin, consultationId, "observer", await org("OBS", "international"));
  await admin.ok("stage.open", { stageId: table.stage("technical_roundtable") });
  if (options.settings) await admin.ok("consultation.decision_settings", { consultationId, decisionRule: "consent", ...options.settings });
  const { roundtableId: technicalId } = await admin.ok<{ roundtableId: string }>("technical.create", { consultationId });
  const chair = members[0];
  await admin.ok("technical.chair", { roundtableId: technicalId, userId: chair.userId });
  const { roundId: sessionId } = await chair.client.ok<{ roundId: string }>("technical.session.schedule", {
    roundtableId: technicalId,
    kind: "review",
    closesStage: "technical",
    venue: "SEGEPLAN",
  });
  await chair.client.ok("technical.session.open", { roundId: sessionId });
  for (const person of [...members, observer]) await chair.client.ok("technical.attendance", { roundId: sessionId, userId: person.userId, present: true });
  return { ...table, technicalId, sessionId, members, observer, chair, unified: unifiedIds };
}

/** Records the three adoption criteria as met: the public member's institution accepts, legal and financial viability. */
export async function meetCriteria(t: TechnicalTable, proposalId: string, by: ApiClient = t.members[0].client): Promise<void> {
  await by.ok("proposal.criterion", { proposalId, criterion: "institution", met: true, note: "Carta de aceptación del ministerio" });
  await by.ok("proposal.criterion", { proposalId, criterion: "legal", met: true, note: "Dictamen jurídico favorable" });
  await by.ok("proposal.criterion", { proposalId, criterion: "financial", met: true, note: "Cubierto por el presupuesto 2017" });
}
