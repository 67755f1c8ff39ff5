// Replays the whole 2016 co-creation record (3rd plan, section II; docs/domain.md "How many proposals remained at
// each stage") through the JSON API alone, as the point of contact, the proponents and the tables would have typed
// it: proposals registered per theme by several organizations, merged at their thematic roundtable down to the
// unified count; at the technical roundtable a review session (closing column "technical"), a refinement session
// (closing "refined") and a validation session where every proposal left is put to a consensus vote.
// Shared by the replay test and, if wanted, the bench or a demo: `await replay2016(server)`.
import { randomUUID } from "node:crypto";
import { createDelegate, proposalPayload, unifiedPayload } from "./roundtables";
import { createAdmin, type ApiClient, type TestServer } from "./server";

export type ThemeKey = "access" | "innovation" | "participation" | "accountability" | "fiscal";

interface Org {
  acronym: string;
  name: string;
  sector: "public" | "civil_society" | "academia";
}

/** Institutions and organizations from the acronym list of the 3rd plan. */
export const ORGANIZATIONS_2016: Org[] = [
  { acronym: "MINFIN", name: "Ministerio de Finanzas Públicas", sector: "public" },
  { acronym: "SAT", name: "Superintendencia de Administración Tributaria", sector: "public" },
  { acronym: "SEGEPLAN", name: "Secretaría de Planificación y Programación de la Presidencia", sector: "public" },
  { acronym: "CGC", name: "Contraloría General de Cuentas", sector: "public" },
  { acronym: "COPRET", name: "Comisión Presidencial de Transparencia y Gobierno Electrónico", sector: "public" },
  { acronym: "ANAM", name: "Asociación Nacional de Municipalidades", sector: "public" },
  { acronym: "SENACYT", name: "Secretaría Nacional de Ciencia y Tecnología", sector: "public" },
  { acronym: "AGCA", name: "Archivo General de Centro América", sector: "public" },
  { acronym: "AC", name: "Acción Ciudadana", sector: "civil_society" },
  { acronym: "ICEFI", name: "Instituto Centroamericano de Estudios Fiscales", sector: "civil_society" },
  { acronym: "CIIDH", name: "Centro Internacional para Investigación en Derechos Humanos", sector: "civil_society" },
  { acronym: "GUATECIVICA", name: "Guatecívica", sector: "civil_society" },
  { acronym: "REDCIUDADANA", name: "Red Ciudadana", sector: "civil_society" },
  { acronym: "TRANSPARENTE.GT", name: "Transparente.gt", sector: "civil_society" },
  { acronym: "CUNOC", name: "Centro Universitario del Occidente", sector: "academia" },
  { acronym: "CUNOR", name: "Centro Universitario del Norte", sector: "academia" },
];

export interface ThemePlan {
  key: ThemeKey;
  name: string;
  /** The public institution hosting the thematic roundtable, responsible for its commitments (criterion a). */
  host: string;
  /** Proposals registered per proponent organization; registered in turns, so merges mix organizations. */
  proponents: Record<string, number>;
  /** The thematic roundtable's merges: sizes of the groups of consecutive registrations (1 = carried as is). */
  thematicGroups: number[];
  /** Review session: unified proposals (by position) rejected with a reason. */
  reviewRejections?: Array<{ index: number; reason: string }>;
  /** Refinement session: groups of unified proposals (by position) merged at the technical table. */
  refinementMerges?: number[][];
  /** Before the refinement session: an organization behind a unified proposal withdraws it. */
  withdrawal?: { index: number; by: string; reason: string };
  /** Validation session: a proposal (by position among those left) blocked in its vote, with the reason. */
  blockedAtVote?: { index: number; reason: string };
}

/** What happened theme by theme in 2016 (the published counts are the test's business, not this plan's). */
export const PLAN_2016: ThemePlan[] = [
  {
    key: "access",
    name: "Acceso a la información pública y archivos institucionales",
    host: "COPRET",
    proponents: { COPRET: 6, AC: 5, AGCA: 4, CIIDH: 4 },
    thematicGroups: [4, 4, 4, 4, 3],
    blockedAtVote: { index: 4, reason: "La institución responsable indicó que no cuenta con financiamiento para ejecutarlo" },
  },
  {
    key: "innovation",
    name: "Innovación tecnológica",
    host: "SENACYT",
    proponents: { COPRET: 7, SENACYT: 6, REDCIUDADANA: 5, CUNOC: 4 },
    thematicGroups: [3, 3, 3, 3, 3, 3, 2, 2],
    refinementMerges: [[5, 6, 7]],
  },
  {
    key: "participation",
    name: "Participación ciudadana",
    host: "SEGEPLAN",
    proponents: { SEGEPLAN: 3, ANAM: 3, CUNOR: 2 },
    thematicGroups: [2, 2, 2, 1, 1],
    reviewRejections: [
      { index: 3, reason: "Sin financiamiento: la institución propuesta como responsable no puede asumirlo en 2016-2018" },
      { index: 4, reason: "Fuera del alcance del plan: corresponde a una reforma legislativa" },
    ],
  },
  {
    key: "accountability",
    name: "Rendición de cuentas",
    host: "CGC",
    proponents: { CGC: 4, GUATECIVICA: 3, AC: 2 },
    thematicGroups: [3, 3, 3],
    withdrawal: { index: 0, by: "GUATECIVICA", reason: "Guatecívica retira la propuesta la noche anterior al taller de refinamiento" },
  },
  {
    key: "fiscal",
    name: "Transparencia fiscal",
    host: "MINFIN",
    proponents: { SAT: 2, CIIDH: 11, ICEFI: 6, MINFIN: 8, AC: 2, "TRANSPARENTE.GT": 1 },
    thematicGroups: [3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2],
    refinementMerges: [
      [0, 1, 2],
      [3, 4, 5, 6],
    ],
  },
];

type Person = Awaited<ReturnType<typeof createDelegate>>;

export interface Replay2016 {
  consultationId: string;
  slug: string;
  admin: ApiClient;
  themes: Record<ThemeKey, { id: string; name: string; roundtableId: string }>;
  technicalId: string;
  organizations: Record<string, string>;
  /** Proposals per theme as they stood after each step. */
  live: Record<ThemeKey, { unified: string[]; technical: string[]; refined: string[]; adopted: string[] }>;
  /** HTTP commands sent. */
  commands: number;
}

/** Turns the per-organization counts into a registration order that takes turns among organizations. */
function inTurns(proponents: Record<string, number>): string[] {
  const left = { ...proponents };
  const order: string[] = [];
  while (Object.values(left).some((n) => n > 0)) {
    for (const acronym of Object.keys(left)) {
      if (left[acronym] > 0) {
        order.push(acronym);
        left[acronym] -= 1;
      }
    }
  }
  return order;
}

export async function replay2016(server: TestServer, options: { slug?: string } = {}): Promise<Replay2016> {
  let commands = 0;
  const counted = (client: ApiClient) => ({
    ok: async <R = any>(type: string, payload: unknown): Promise<R> => {
      commands += 1;
      return client.ok<R>(type, payload);
    },
  });
  const adminUser = await createAdmin(server);
  const admin = counted(adminUser.client);

  // The consultation, its themes and the organizations. 2016 had no cap of 20: 22 commitments went into the plan.
  const { consultationId } = await admin.ok<{ consultationId: string }>("consultation.create", {
    slug: options.slug ?? `tercer-plan-2016-${randomUUID().slice(0, 6)}`,
    title: "Tercer Plan de Acción Nacional de Gobierno Abierto 2016-2018",
    description: "Réplica del registro de co-creación publicado en la sección II del tercer plan.",
    startsOn: "2016-03-01",
    endsOn: "2016-10-31",
    maxCommitments: 22,
  });
  const view = (await adminUser.client.get(`/api/v1/consultations/${consultationId}`)).body.result;
  const stage = (phase: string) => (view.stages as Array<{ id: string; phase: string }>).find((s) => s.phase === phase)!.id;
  const organizations: Record<string, string> = {};
  for (const org of ORGANIZATIONS_2016) {
    organizations[org.acronym] = (await admin.ok<{ organizationId: string }>("organization.create", { consultationId, ...org })).organizationId;
  }
  const delegate = async (role: string, acronym: string): Promise<Person & { api: ReturnType<typeof counted> }> => {
    commands += 2; // invitation.create + invitation.accept (the API token comes from the test support's helper)
    const person = await createDelegate(server, adminUser.client, consultationId, role, organizations[acronym]);
    return { ...person, api: counted(person.client) };
  };

  // Thematic roundtables (15 June – 7 July 2016): one per theme, two rounds each.
  await admin.ok("stage.open", { stageId: stage("thematic_roundtables") });
  const proponents = new Map<string, Awaited<ReturnType<typeof delegate>>>();
  for (const acronym of new Set(PLAN_2016.flatMap((p) => Object.keys(p.proponents)))) proponents.set(acronym, await delegate("proponent", acronym));
  const thematicMember = await delegate("roundtable_member", "SEGEPLAN");
  const themes = {} as Replay2016["themes"];
  const live = {} as Replay2016["live"];
  const hostName = (plan: ThemePlan) => ORGANIZATIONS_2016.find((o) => o.acronym === plan.host)!.name;
  const template = (plan: ThemePlan, title: string) => ({ ...unifiedPayload(title), leadAgency: `${hostName(plan)} (${plan.host})` });

  for (const plan of PLAN_2016) {
    const { themeId } = await admin.ok<{ themeId: string }>("theme.create", { consultationId, name: plan.name, description: "" });
    const { roundtableId } = await admin.ok<{ roundtableId: string }>("roundtable.create", { consultationId, themeId });
    themes[plan.key] = { id: themeId, name: plan.name, roundtableId };
    const venue = hostName(plan);
    const hostOrganizationId = organizations[plan.host];
    const first = await admin.ok<{ roundId: string }>("round.schedule", { roundtableId, heldOn: "2016-06-15", venue, hostOrganizationId });
    const second = await admin.ok<{ roundId: string }>("round.schedule", { roundtableId, heldOn: "2016-06-27", venue, hostOrganizationId });

    // Round 1: the table hears the citizen input; proponents register their proposals on the OGP template.
    await admin.ok("round.open", { roundId: first.roundId });
    const registered: Array<{ id: string; acronym: string }> = [];
    for (const [n, acronym] of inTurns(plan.proponents).entries()) {
      const payload = proposalPayload(roundtableId, { title: `${plan.name}: propuesta ${n + 1} de ${acronym}`, leadAgency: `${venue} (${plan.host})` });
      registered.push({ id: (await proponents.get(acronym)!.api.ok<{ proposalId: string }>("proposal.create", payload)).proposalId, acronym });
    }
    await admin.ok("round.close", { roundId: first.roundId });

    // Round 2: every proponent presents, the table merges; closing the last round unifies what is left.
    await admin.ok("round.open", { roundId: second.roundId });
    const unified: string[] = [];
    let at = 0;
    for (const [g, size] of plan.thematicGroups.entries()) {
      const group = registered.slice(at, at + size);
      at += size;
      if (size === 1) {
        unified.push(group[0].id);
        continue;
      }
      const present = [...new Set([plan.host, ...group.map((s) => s.acronym)])].map((a) => organizations[a]);
      const merged = await thematicMember.api.ok<{ proposalId: string }>("proposal.merge", {
        sourceIds: group.map((s) => s.id),
        result: template(plan, `${plan.name}: compromiso unificado ${g + 1}`),
        present,
        agreed: true,
        agreedNote: "Consenso de la mesa temática",
      });
      unified.push(merged.proposalId);
    }
    if (at !== registered.length) throw new Error(`${plan.key}: the merge groups cover ${at} of ${registered.length} proposals`);
    await admin.ok("round.close", { roundId: second.roundId });
    live[plan.key] = { unified, technical: [], refined: [], adopted: [] };
  }
  await admin.ok("stage.close", { stageId: stage("thematic_roundtables") });

  // The technical roundtable (MTGA): a public institution in the chair, civil society and academia.
  await admin.ok("stage.open", { stageId: stage("technical_roundtable") });
  const members = [await delegate("technical_member", "SEGEPLAN"), await delegate("technical_member", "ICEFI"), await delegate("technical_member", "CUNOC")];
  const chair = members[0];
  const { roundtableId: technicalId } = await admin.ok<{ roundtableId: string }>("technical.create", {
    consultationId,
    name: "Mesa Técnica de Gobierno Abierto",
  });
  await admin.ok("technical.chair", { roundtableId: technicalId, userId: chair.userId });
  const session = async (kind: "review" | "refinement", closesStage: "technical" | "refined" | null, heldOn: string, work: () => Promise<void>) => {
    const { roundId } = await chair.api.ok<{ roundId: string }>("technical.session.schedule", {
      roundtableId: technicalId,
      kind,
      closesStage,
      heldOn,
      venue: "SEGEPLAN",
    });
    await chair.api.ok("technical.session.open", { roundId });
    for (const m of members) await chair.api.ok("technical.attendance", { roundId, userId: m.userId, present: true });
    await work();
    await chair.api.ok("technical.session.close", { roundId });
  };

  // Extraordinary sessions (15 and 22 July): review; two citizen-participation proposals do not go on.
  await session("review", "technical", "2016-07-15", async () => {
    for (const plan of PLAN_2016) {
      const rejected = new Set<string>();
      for (const r of plan.reviewRejections ?? []) {
        const proposalId = live[plan.key].unified[r.index];
        await chair.api.ok("proposal.reject", { proposalId, reason: r.reason });
        rejected.add(proposalId);
      }
      live[plan.key].technical = live[plan.key].unified.filter((id) => !rejected.has(id));
    }
  });

  // The night before the workshops: an organization behind a unified proposal withdraws it.
  for (const plan of PLAN_2016) {
    if (!plan.withdrawal) continue;
    const proposalId = live[plan.key].technical[plan.withdrawal.index];
    await proponents.get(plan.withdrawal.by)!.api.ok("proposal.withdraw", { proposalId, reason: plan.withdrawal.reason });
    live[plan.key].technical = live[plan.key].technical.filter((id) => id !== proposalId);
  }

  // Refinement workshops (26–29 July), after OGP's recommendations: the technical table merges further.
  await session("refinement", "refined", "2016-07-26", async () => {
    for (const plan of PLAN_2016) {
      let left = [...live[plan.key].technical];
      for (const [m, positions] of (plan.refinementMerges ?? []).entries()) {
        const sourceIds = positions.map((i) => live[plan.key].technical[i]);
        const merged = await members[1].api.ok<{ proposalId: string }>("proposal.merge", {
          roundtableId: technicalId,
          sourceIds,
          result: template(plan, `${plan.name}: compromiso refinado ${m + 1}`),
          present: [organizations.SEGEPLAN, organizations.ICEFI, organizations.CUNOC, organizations[plan.host]],
          agreed: true,
          agreedNote: "Acordado en el taller de refinamiento con las instituciones responsables",
        });
        left = [...left.filter((id) => !sourceIds.includes(id)), merged.proposalId];
      }
      live[plan.key].refined = left;
    }
  });

  // Validation session (5 August): each proposal meets the three criteria and is put to a consensus vote.
  await session("review", null, "2016-08-05", async () => {
    for (const plan of PLAN_2016) {
      for (const [i, proposalId] of live[plan.key].refined.entries()) {
        await admin.ok("proposal.criterion", {
          proposalId,
          criterion: "institution",
          met: true,
          organizationId: organizations[plan.host],
          note: `Oficio de aceptación de ${plan.host}`,
        });
        await chair.api.ok("proposal.criterion", { proposalId, criterion: "legal", met: true, note: "Dictamen jurídico favorable" });
        await chair.api.ok("proposal.criterion", { proposalId, criterion: "financial", met: true, note: "Previsto en el presupuesto de la institución" });
        const { voteId } = await chair.api.ok<{ voteId: string }>("vote.open", { proposalId });
        const blocked = plan.blockedAtVote?.index === i ? plan.blockedAtVote.reason : null;
        await members[0].api.ok("vote.answer", { voteId, answer: "agree" });
        await members[1].api.ok("vote.answer", blocked ? { voteId, answer: "block", reason: blocked } : { voteId, answer: "agree" });
        await members[2].api.ok("vote.answer", { voteId, answer: "agree" });
        const { outcome } = await chair.api.ok<{ outcome: { kind: string } }>("vote.close", { voteId });
        if (outcome.kind === "adopted") live[plan.key].adopted.push(proposalId);
      }
    }
  });

  const slug = (await adminUser.client.get(`/api/v1/consultations/${consultationId}`)).body.result.consultation.slug as string;
  return { consultationId, slug, admin: adminUser.client, themes, technicalId, organizations, live, commands };
}
