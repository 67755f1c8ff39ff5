// The demo's technical roundtable (MTGA, 2016), built through the command bus (its history is in the audit log),
// in three parts run during their own stages (db/seed/demo.server.ts):
// - at the public call, the Mesa Técnica's members are invited and sign the ethics declaration;
// - at the thematic roundtables, the access-to-information table finishes — 19 proposals, some citing the
//   systematization's summaries (db/factories/story-2016.ts), unified into 5, last round closed;
// - at the technical roundtable, the Mesa Técnica reviews those 5: the three adoption criteria with notes, a conflict
//   of interest, a refinement that keeps both versions, and a vote session where the table rejects one proposal for
//   lack of funding and adopts the other four by consent. Every session is closed: the 2016 record is an archive.
import type { CommandBus } from "../../server/commands/bus.server";
import type { Actor } from "../../server/commands/types";
import type { DB } from "../connection.server";
import {
  accessRoundtable2016 as access,
  technicalOrganizations2016,
  technicalRoundtable2016 as mtga,
  type AccessKey,
  type AccessMerge,
} from "../factories/technical-2016";
import { fiscalRoundtable2016 } from "../factories/roundtables-2016";
import { story2016 } from "../factories/story-2016";
import { demoPerson, runCommand as run, seedActor as system, seedClock } from "./run-command.server";

type Org = { id: string; acronym: string; name: string; sector: string };

const milestone = (description: string, responsibleInstitution: string, startsOn: string, endsOn: string) => ({
  description,
  responsibleInstitution,
  isNew: true,
  startsOn,
  endsOn,
});

/** A proposal as registered by one proponent at the access-to-information roundtable. */
function registered(title: string, proponent: Org, lead: string) {
  return {
    title,
    leadAgency: lead,
    responsiblePerson: { name: `Delegación de ${proponent.acronym}`, title: "Enlace de Gobierno Abierto", email: "", phone: "" },
    otherActors: { government: "Procurador de los Derechos Humanos (PDH)", others: "Organizaciones de sociedad civil de la mesa de acceso a la información" },
    problem: "Los sujetos obligados cumplen de forma desigual la Ley de Acceso a la Información Pública (Decreto 57-2008) y sus archivos están desordenados.",
    objective: `${title}: que cualquier persona pueda ejercer su derecho de acceso a la información pública.`,
    description: `Propuesta de ${proponent.name} (${proponent.acronym}) en la mesa temática de acceso a la información pública y archivos institucionales.`,
    ogpChallenges: ["public_integrity"],
    relevance: {
      transparency: true,
      accountability: false,
      participation: true,
      technology: false,
      text: "Amplía el ejercicio del derecho de acceso a la información.",
    },
    ambition: "Que la información pública esté disponible, completa y a tiempo.",
    milestones: [
      milestone(`Diseño: ${title.toLowerCase()}`, lead, "2016-09-01", "2016-12-31"),
      milestone("Ejecución y rendición de cuentas a la ciudadanía", lead, "2017-01-01", "2018-06-30"),
    ],
  };
}

/** A unified proposal as the table agreed it. */
function unified(m: AccessMerge, lead: Org) {
  const leadAgency = `${lead.name} (${lead.acronym})`;
  return {
    title: m.title,
    leadAgency,
    responsiblePerson: { name: `Enlace de Gobierno Abierto de ${lead.acronym}`, title: "Enlace institucional", email: "", phone: "" },
    otherActors: { government: leadAgency, others: m.others },
    problem: m.problem,
    objective: m.objective,
    description: `Propuesta unificada por la mesa temática de acceso a la información pública y archivos institucionales a partir de ${m.sources.length} propuestas.`,
    ogpChallenges: ["public_integrity", "public_services"],
    relevance: {
      transparency: true,
      accountability: true,
      participation: true,
      technology: false,
      text: "Fortalece el derecho de acceso a la información pública y la gestión de los archivos.",
    },
    ambition: "Cambiar la cultura del secreto por una cultura de transparencia en las instituciones públicas.",
    milestones: [
      milestone(`Diagnóstico y diseño con ${lead.acronym}`, leadAgency, "2016-09-01", "2016-12-31"),
      milestone("Ejecución en las instituciones participantes", leadAgency, "2017-01-01", "2017-12-31"),
      milestone("Informe público de resultados", leadAgency, "2018-01-01", "2018-06-30"),
    ],
  };
}

/** The training commitment after the refinement workshop (see mtga.refined.note). */
function refinedTraining(m: AccessMerge, lead: Org) {
  const base = unified(m, lead);
  const leadAgency = base.leadAgency;
  return {
    ...base,
    objective: "Certificar a 2,000 servidores públicos en acceso a la información pública y gestión de archivos institucionales para junio de 2018.",
    relevance: { ...base.relevance, technology: true },
    ambition: "Servidores públicos que conocen y cumplen la Ley de Acceso a la Información Pública, en español, en idiomas mayas y en formatos accesibles.",
    milestones: [
      milestone("Plan de capacitación mandatorio publicado, con contenidos validados por el PDH", leadAgency, "2016-09-01", "2016-12-31"),
      milestone("Materiales en los idiomas mayas mayoritarios y en formatos accesibles para personas con discapacidad", leadAgency, "2017-01-01", "2017-06-30"),
      milestone("2,000 servidores públicos certificados (presencial y en línea)", leadAgency, "2017-03-01", "2018-05-31"),
      milestone("Informe público de resultados por institución", leadAgency, "2018-06-01", "2018-06-30"),
    ],
  };
}

/** What each reviewer wrote about each adoption criterion (criterion a is the responsible institution's word). */
const criteriaNotes: Record<AccessKey, { institution: string; legal: string; financial: string; financialMet?: false }> = {
  capacitacion: {
    institution: "El INAP acepta ser la institución responsable y lo incluirá en su plan operativo anual 2017.",
    legal: "Viable: la Ley de Acceso a la Información Pública obliga a los sujetos obligados a capacitar a su personal.",
    financial: "Cubierto por el presupuesto de funcionamiento del INAP 2017, con apoyo de la cooperación internacional para los materiales.",
  },
  educacion: {
    institution: "Oficio del Despacho Superior del MINEDUC: acepta el compromiso como institución responsable, con la USAC como co-responsable.",
    legal: "Viable: el currículo nacional base se actualiza por acuerdo ministerial; la USAC decide sus programas con autonomía.",
    financial: "Cubierto por la asignación del MINEDUC para la actualización curricular 2017.",
  },
  buenas_practicas: {
    institution: "El PDH acepta ser la institución responsable; Acción Ciudadana y Guatecambia coordinan la evaluación.",
    legal: "Viable: el PDH es la autoridad reguladora de la Ley de Acceso a la Información Pública.",
    financial: "Costo bajo, cubierto por el PDH y por las organizaciones coordinadoras.",
  },
  archivos: {
    institution: "Nota de la Junta Directiva del Congreso de la República: acepta impulsar y discutir la iniciativa de ley.",
    legal: "Viable: el Congreso tiene iniciativa de ley; la consulta ciudadana previa no requiere reforma.",
    financial: "Sin costo adicional: la discusión se cubre con el presupuesto ordinario del Congreso.",
  },
  municipal: {
    institution: "Oficio de la ANAM: acepta el compromiso como institución responsable, sujeto a financiamiento.",
    legal: "Viable: el Código Municipal y la Ley de Acceso a la Información Pública obligan a las municipalidades a publicar su información.",
    financial: "No se cumple: la institución responsable no cuenta con financiamiento para digitalizar los archivos municipales en 2017-2018.",
    financialMet: false,
  },
};

/** The consultation's point of contact (the demo admin), acting as a signed-in person. */
export async function pointOfContact(db: DB, consultationId: string): Promise<Actor> {
  const row = await db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.name", "u.is_platform_admin"])
    .where("m.consultation_id", "=", consultationId)
    .where("m.role", "=", "point_of_contact")
    .where("m.revoked_at", "is", null)
    .orderBy("m.granted_at")
    .executeTakeFirst();
  return row ? { kind: "user", userId: row.id, name: row.name, isPlatformAdmin: Boolean(row.is_platform_admin) } : system;
}

export interface TechnicalPeople {
  members: Map<string, Actor & { kind: "user" }>;
  observer: Actor & { kind: "user" };
}

async function organizationsByAcronym(db: DB) {
  const orgs = new Map((await db.selectFrom("organizations").select(["id", "acronym", "name", "sector"]).execute()).map((o) => [o.acronym, o as Org]));
  return (acronym: string) => {
    const found = orgs.get(acronym);
    if (!found) throw new Error(`demo seed: organization ${acronym} is missing`);
    return found;
  };
}

/** At the public call: the Mesa Técnica's members and observer are invited; the members sign the ethics declaration. */
export async function seedTechnicalPeople(bus: CommandBus, db: DB, consultationId: string): Promise<TechnicalPeople> {
  for (const o of [...technicalOrganizations2016, ...fiscalRoundtable2016.organizations]) {
    const exists = await db.selectFrom("organizations").select("id").where("acronym", "=", o.acronym).executeTakeFirst();
    if (!exists) await run(bus, system, "organization.create", { consultationId, ...o });
  }
  const org = await organizationsByAcronym(db);
  const members = new Map<string, Actor & { kind: "user" }>();
  for (const acronym of mtga.members) {
    const name = acronym === mtga.chair ? "Coordinación de la Mesa Técnica" : `Delegada de ${acronym} en la Mesa Técnica`;
    members.set(acronym, await demoPerson(bus, consultationId, "technical_member", name, org(acronym).id));
  }
  const observer = await demoPerson(bus, consultationId, "observer", `Observadora del ${mtga.observer}`, org(mtga.observer).id);
  for (const [acronym, person] of members) {
    const conflicts =
      acronym === mtga.conflict.member ? "Acción Ciudadana es proponente en la mesa de acceso a la información y coordinaría uno de sus compromisos." : "";
    await run(bus, person, "ethics.sign", { consultationId, conflicts, accept: true });
  }
  return { members, observer };
}

export interface AccessDemo {
  accessRoundtableId: string;
  /** The 5 unified proposals, by key (see accessRoundtable2016.merges). */
  proposalIds: Record<AccessKey, string>;
}

/**
 * At the thematic roundtables: round 1 hears the citizen input, proposals are registered (some citing the
 * systematization's summaries, by key of story2016.summaries), round 2 unifies them and closes.
 */
export async function seedAccessRoundtableDemo(bus: CommandBus, db: DB, consultationId: string, summaries: Record<string, string>): Promise<AccessDemo> {
  const theme = await db
    .selectFrom("themes")
    .select("id")
    .where("consultation_id", "=", consultationId)
    .where("name", "=", access.theme)
    .executeTakeFirstOrThrow();
  const org = await organizationsByAcronym(db);
  const pdh = org("PDH");
  const { roundtableId: accessRoundtableId } = await run<{ roundtableId: string }>(bus, system, "roundtable.create", { consultationId, themeId: theme.id });
  const roundIds: string[] = [];
  for (const r of access.rounds) {
    roundIds.push(
      (
        await run<{ roundId: string }>(bus, system, "round.schedule", {
          roundtableId: accessRoundtableId,
          heldOn: r.heldOn,
          venue: r.venue,
          hostOrganizationId: org(r.host).id,
        })
      ).roundId,
    );
  }
  const proponents = Object.keys(access.proposals).map((a) => org(a).id);
  seedClock.moveTo(access.rounds[0].heldOn);
  await run(bus, system, "round.open", { roundId: roundIds[0] });
  await run(bus, system, "round.attendance", { roundId: roundIds[0], organizationIds: proponents });
  await run(bus, system, "round.close", { roundId: roundIds[0] });

  // Which summaries each registered proposal answers (the proposal form's "responds to").
  const cites = new Map<string, string[]>();
  for (const s of story2016.summaries) {
    for (const title of s.citedBy) if (summaries[s.key]) cites.set(title, [...(cites.get(title) ?? []), summaries[s.key]]);
  }
  const idsByTitle = new Map<string, string>();
  for (const [acronym, titles] of Object.entries(access.proposals)) {
    const proponent = org(acronym);
    const delegate = await demoPerson(bus, consultationId, "proponent", `Delegada de ${acronym}`, proponent.id);
    const lead = proponent.sector === "public" ? `${proponent.name} (${proponent.acronym})` : `${pdh.name} (${pdh.acronym})`;
    for (const title of titles) {
      const { proposalId } = await run<{ proposalId: string }>(bus, delegate, "proposal.create", {
        roundtableId: accessRoundtableId,
        ...registered(title, proponent, lead),
        respondsTo: { summaryIds: cites.get(title) ?? [], inputIds: [] },
      });
      idsByTitle.set(title, proposalId);
    }
  }

  seedClock.moveTo(access.rounds[1].heldOn);
  await run(bus, system, "round.open", { roundId: roundIds[1] });
  await run(bus, system, "round.attendance", { roundId: roundIds[1], organizationIds: proponents });
  const tableMember = await demoPerson(bus, consultationId, "roundtable_member", "Integrante de la mesa de acceso a la información (PDH)", pdh.id);
  const proposalIds = {} as Record<AccessKey, string>;
  for (const m of access.merges) {
    const { proposalId } = await run<{ proposalId: string }>(bus, tableMember, "proposal.merge", {
      sourceIds: m.sources.map((title) => idsByTitle.get(title)!),
      result: unified(m, org(m.lead)),
      present: proponents,
      agreed: true,
      agreedNote: "Acordado por consenso de los proponentes presentes en la segunda ronda.",
    });
    proposalIds[m.key] = proposalId;
  }
  // The last round: the 5 unified proposals enter "unified" and go on to the technical roundtable.
  await run(bus, system, "round.close", { roundId: roundIds[1] });
  return { accessRoundtableId, proposalIds };
}

export interface TechnicalDemo extends AccessDemo {
  technicalId: string;
  sessionIds: { review: string; refinement: string; vote: string };
}

/** At the technical roundtable: the rule is set, the chair runs three sessions, and every one of them closes. */
export async function seedTechnicalDemo(
  bus: CommandBus,
  db: DB,
  consultationId: string,
  people: TechnicalPeople,
  accessDemo: AccessDemo,
): Promise<TechnicalDemo> {
  const org = await organizationsByAcronym(db);
  const { proposalIds } = accessDemo;
  const { members, observer } = people;
  const contact = await pointOfContact(db, consultationId);
  await run(bus, contact, "consultation.decision_settings", { consultationId, ...mtga.decision });
  const { roundtableId: technicalId } = await run<{ roundtableId: string }>(bus, contact, "technical.create", { consultationId, name: mtga.name });
  const member = (acronym: string) => members.get(acronym)!;
  const chair = member(mtga.chair);
  await run(bus, contact, "technical.chair", { roundtableId: technicalId, userId: chair.userId });
  const openSession = async (s: (typeof mtga.sessions)[keyof typeof mtga.sessions], absent: readonly string[] = []) => {
    const { roundId } = await run<{ roundId: string }>(bus, chair, "technical.session.schedule", { roundtableId: technicalId, ...s });
    if (s.heldOn) seedClock.moveTo(s.heldOn);
    await run(bus, chair, "technical.session.open", { roundId });
    for (const [acronym, person] of members) {
      if (!absent.includes(acronym)) await run(bus, chair, "technical.attendance", { roundId, userId: person.userId, present: true });
    }
    await run(bus, observer, "technical.attendance", { roundId, userId: observer.userId, present: true });
    return roundId;
  };

  // Review session (20 July): all 5 reviewed against the three criteria; closing it fills "after the technical roundtable".
  const review = await openSession(mtga.sessions.review);
  const memberOf = new Map([...members.entries()].map(([acronym, person]) => [org(acronym).id, person]));
  for (const m of access.merges) {
    const proposalId = proposalIds[m.key];
    const notes = criteriaNotes[m.key];
    const lead = org(m.lead);
    const own = memberOf.get(lead.id);
    // A member speaks for their own institution; otherwise the point of contact records its written acceptance.
    if (own) await run(bus, own, "proposal.criterion", { proposalId, criterion: "institution", met: true, note: notes.institution });
    else await run(bus, contact, "proposal.criterion", { proposalId, criterion: "institution", met: true, note: notes.institution, organizationId: lead.id });
    const jurist = m.lead === "PDH" ? chair : member("PDH");
    await run(bus, jurist, "proposal.criterion", { proposalId, criterion: "legal", met: true, note: notes.legal });
    await run(bus, member("MINFIN"), "proposal.criterion", { proposalId, criterion: "financial", met: notes.financialMet ?? true, note: notes.financial });
  }
  await run(bus, member(mtga.conflict.member), "proposal.declare_conflict", { proposalId: proposalIds[mtga.conflict.proposal], reason: mtga.conflict.reason });
  await run(bus, chair, "technical.session.close", { roundId: review });

  // Refinement workshop (27 July): the training commitment's text is tightened; both versions are kept.
  const refinement = await openSession(mtga.sessions.refinement);
  const refinedKey = mtga.refined.proposal;
  const refinedMerge = access.merges.find((m) => m.key === refinedKey)!;
  await run(bus, member(refinedMerge.lead), "proposal.revise", {
    proposalId: proposalIds[refinedKey],
    note: mtga.refined.note,
    ...refinedTraining(refinedMerge, org(refinedMerge.lead)),
  });
  await run(bus, chair, "technical.session.close", { roundId: refinement });

  // Vote session (29 July): one proposal rejected for lack of funding, four adopted by consent.
  const vote = await openSession(mtga.sessions.vote, mtga.absentFromVote);
  await run(bus, chair, "proposal.reject", { proposalId: proposalIds[mtga.rejected.proposal], reason: mtga.rejected.reason });
  for (const [key, special] of Object.entries(mtga.answers) as Array<[AccessKey, Record<string, [string, string]>]>) {
    const proposalId = proposalIds[key];
    const { voteId } = await run<{ voteId: string }>(bus, chair, "vote.open", { proposalId });
    for (const [acronym, person] of members) {
      if (mtga.absentFromVote.includes(acronym)) continue;
      if (key === mtga.conflict.proposal && acronym === mtga.conflict.member) continue;
      const [answer, reason] = special[acronym] ?? ["agree", ""];
      await run(bus, person, "vote.answer", { voteId, answer, reason });
    }
    const { outcome } = await run<{ outcome: { kind: string } }>(bus, chair, "vote.close", { voteId });
    if (outcome.kind !== "adopted") throw new Error(`demo seed: the vote on ${key} ended ${outcome.kind}, not adopted`);
  }
  await run(bus, chair, "technical.session.close", { roundId: vote });
  return { ...accessDemo, technicalId, sessionIds: { review, refinement, vote } };
}
