// A thematic roundtable ready to work: consultation with its stage open, organizations, a table with an open
// round, proponents (delegates of organizations) and a roundtable member — all made through the commands.
import { randomUUID } from "node:crypto";
import { factories } from "../../db/factories";
import { ApiClient, createAdmin, createConsultation, type TestServer } from "./server";

/** Invites a delegate of an organization to a role, accepts, and answers a client signed in by API token. */
export async function createDelegate(server: TestServer, admin: ApiClient, consultationId: string, role: string, organizationId: string | null) {
  const invitation = factories.invitation(consultationId, role, { organizationId });
  const { path: invitePath } = await admin.ok<{ path: string }>("invitation.create", invitation);
  const password = "contraseña-segura-123";
  const accepted = await new ApiClient(server.url).ok<{ userId: string }>("invitation.accept", {
    token: invitePath.split("/").pop(),
    name: invitation.name,
    password,
  });
  const system = { kind: "system" as const, label: "test" };
  const token = await server.cocrea.bus.execute({ id: randomUUID(), type: "api_token.create", payload: { userId: accepted.userId, name: "test" } }, system);
  if (!token.ok) throw new Error(token.error.messageKey);
  return {
    userId: accepted.userId,
    email: invitation.email as string,
    name: invitation.name as string,
    password,
    client: new ApiClient(server.url, { token: (token.result as { token: string }).token }),
  };
}

/** A complete proposal on the OGP template (registrable as is). */
export function proposalPayload(roundtableId: string, over: Record<string, unknown> = {}) {
  const n = randomUUID().slice(0, 4);
  return {
    roundtableId,
    title: `Presupuesto abierto ${n}`,
    leadAgency: "Ministerio de Finanzas Públicas (MINFIN)",
    responsiblePerson: { name: "Lic. Ana Pérez", title: "Directora", email: "ana@minfin.gob.gt", phone: "2222-0000" },
    otherActors: { government: "SEGEPLAN", others: "ICEFI, CIIDH" },
    problem: "La ciudadanía no conoce cómo se ejecuta el presupuesto público en su municipio.",
    objective: "Publicar la ejecución presupuestaria en datos abiertos y en lenguaje ciudadano.",
    description: "Portal de presupuesto abierto con datos mensuales y guías ciudadanas.",
    ogpChallenges: ["public_resources"],
    relevance: { transparency: true, accountability: true, participation: false, technology: true, text: "Abre los datos fiscales a la ciudadanía." },
    ambition: "Que cualquier persona pueda seguir el gasto público.",
    milestones: [
      {
        description: "Publicar el presupuesto aprobado en datos abiertos",
        responsibleInstitution: "MINFIN",
        isNew: true,
        startsOn: "2016-09-01",
        endsOn: "2016-12-31",
      },
      { description: "Publicar guías ciudadanas del presupuesto", responsibleInstitution: "MINFIN", isNew: true, startsOn: "2017-01-01", endsOn: "2017-06-30" },
    ],
    ...over,
  };
}

/** The unified proposal a merge composes (complete, so the merge can apply). */
export function unifiedPayload(title = `Unificada ${randomUUID().slice(0, 4)}`) {
  const { roundtableId: _omit, ...template } = proposalPayload("x", { title });
  return template;
}

export async function setupRoundtable(server: TestServer, options: { openRound?: boolean; maxMilestones?: number } = {}) {
  const admin = await createAdmin(server);
  const { consultationId, themeIds, stage } = await createConsultation(admin.client);
  if (options.maxMilestones)
    await admin.client.ok("consultation.update", { consultationId, title: "Consulta con límite", maxMilestones: options.maxMilestones });
  await admin.client.ok("stage.open", { stageId: stage("thematic_roundtables") });
  const suffix = randomUUID().slice(0, 4).toUpperCase();
  const org = async (acronym: string, name: string, sector: string) =>
    (
      await admin.client.ok<{ organizationId: string }>("organization.create", {
        consultationId,
        name: `${name} ${suffix}`,
        acronym: `${acronym}-${suffix}`,
        sector,
      })
    ).organizationId;
  const orgs = {
    icefi: await org("ICEFI", "Instituto Centroamericano de Estudios Fiscales", "civil_society"),
    ciidh: await org("CIIDH", "Centro Internacional para Investigación en Derechos Humanos", "civil_society"),
    minfin: await org("MINFIN", "Ministerio de Finanzas Públicas", "public"),
  };
  const { roundtableId } = await admin.client.ok<{ roundtableId: string }>("roundtable.create", { consultationId, themeId: themeIds[0] });
  const { roundId } = await admin.client.ok<{ roundId: string }>("round.schedule", {
    roundtableId,
    heldOn: "2016-06-27",
    venue: "Ministerio de Finanzas Públicas",
    hostOrganizationId: orgs.minfin,
  });
  if (options.openRound !== false) await admin.client.ok("round.open", { roundId });
  const icefi = await createDelegate(server, admin.client, consultationId, "proponent", orgs.icefi);
  const ciidh = await createDelegate(server, admin.client, consultationId, "proponent", orgs.ciidh);
  const member = await createDelegate(server, admin.client, consultationId, "roundtable_member", orgs.minfin);
  return { admin, consultationId, themeIds, stage, orgs, roundtableId, roundId, icefi, ciidh, member };
}

export type Table = Awaited<ReturnType<typeof setupRoundtable>>;

/** Registers `count` proposals by a proponent and answers their ids. */
export async function registerProposals(proponent: ApiClient, roundtableId: string, count: number, over: Record<string, unknown> = {}): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await proponent.ok<{ proposalId: string }>("proposal.create", proposalPayload(roundtableId, over))).proposalId);
  return ids;
}

export function mergePayload(table: Table, sourceIds: string[], title?: string, over: Record<string, unknown> = {}) {
  return {
    sourceIds,
    result: unifiedPayload(title),
    present: [table.orgs.icefi, table.orgs.ciidh, table.orgs.minfin],
    agreed: true,
    agreedNote: "Consenso de la mesa",
    ...over,
  };
}
