// The 2016 fiscal-transparency roundtable for the demo consultation, built through the command bus (its history is
// in the audit log): proponents' delegates register 30 proposals, round 1 closes, and in round 2 the table unifies
// some of them. The demo follows the access-to-information theme to the plan; this table's round 2 closes without
// moving its proposals on (advance: false), so the technical roundtable's sessions do not take them up.
import type { CommandBus } from "../../server/commands/bus.server";
import type { DB } from "../connection.server";
import { demoPerson, runCommand as run, seedActor as system, seedClock } from "./run-command.server";
import { fiscalRoundtable2016 as demo } from "../factories/roundtables-2016";

function template(title: string, acronym: string, leadAgency: string) {
  return {
    title,
    leadAgency,
    responsiblePerson: { name: `Delegación de ${acronym}`, title: "Enlace de Gobierno Abierto", email: "", phone: "" },
    otherActors: { government: "Ministerio de Finanzas Públicas", others: "Organizaciones de sociedad civil de la Mesa Técnica" },
    problem: "La ciudadanía no cuenta con información fiscal oportuna, completa y comprensible.",
    objective: `${title}: información fiscal abierta, en lenguaje ciudadano y en datos reutilizables.`,
    description: `Compromiso propuesto por ${acronym} en la mesa temática de transparencia fiscal.`,
    ogpChallenges: ["public_resources"],
    relevance: {
      transparency: true,
      accountability: true,
      participation: false,
      technology: true,
      text: "Abre la información fiscal al escrutinio ciudadano.",
    },
    ambition: "Que cualquier persona pueda seguir el uso de los recursos públicos.",
    milestones: [
      {
        description: `Diagnóstico y diseño: ${title.toLowerCase()}`,
        responsibleInstitution: leadAgency,
        isNew: true,
        startsOn: "2016-09-01",
        endsOn: "2016-12-31",
      },
      {
        description: "Publicación y socialización con la ciudadanía",
        responsibleInstitution: leadAgency,
        isNew: true,
        startsOn: "2017-01-01",
        endsOn: "2018-06-30",
      },
    ],
  };
}

export async function seedRoundtablesDemo(bus: CommandBus, db: DB, consultationId: string): Promise<{ roundtableId: string }> {
  const theme = await db
    .selectFrom("themes")
    .select("id")
    .where("consultation_id", "=", consultationId)
    .where("name", "=", demo.theme)
    .executeTakeFirstOrThrow();
  const stage = await db
    .selectFrom("stages")
    .select(["id", "status"])
    .where("consultation_id", "=", consultationId)
    .where("phase", "=", "thematic_roundtables")
    .executeTakeFirstOrThrow();
  if (stage.status !== "open") await run(bus, system, "stage.open", { stageId: stage.id });

  for (const org of demo.organizations) {
    const exists = await db.selectFrom("organizations").select("id").where("acronym", "=", org.acronym).executeTakeFirst();
    if (!exists) await run(bus, system, "organization.create", { consultationId, ...org });
  }
  const orgs = new Map((await db.selectFrom("organizations").select(["id", "acronym", "name", "sector"]).execute()).map((o) => [o.acronym, o]));
  const minfin = orgs.get("MINFIN")!;

  const { roundtableId } = await run<{ roundtableId: string }>(bus, system, "roundtable.create", { consultationId, themeId: theme.id });
  const roundIds: string[] = [];
  for (const r of demo.rounds)
    roundIds.push(
      (
        await run<{ roundId: string }>(bus, system, "round.schedule", {
          roundtableId,
          heldOn: r.heldOn,
          venue: r.venue,
          hostOrganizationId: orgs.get(r.host)?.id ?? null,
        })
      ).roundId,
    );

  // Round 1 hears the citizen input; the proposals are registered for round 2.
  seedClock.moveTo(demo.rounds[0].heldOn);
  await run(bus, system, "round.open", { roundId: roundIds[0] });
  await run(bus, system, "round.attendance", { roundId: roundIds[0], organizationIds: Object.keys(demo.proposals).map((a) => orgs.get(a)!.id) });
  await run(bus, system, "round.close", { roundId: roundIds[0] });

  const idsByTitle = new Map<string, string>();
  for (const [acronym, titles] of Object.entries(demo.proposals)) {
    const org = orgs.get(acronym)!;
    const proponent = await demoPerson(bus, consultationId, "proponent", `Delegada de ${acronym}`, org.id);
    for (const title of titles) {
      const lead = org.sector === "public" ? `${org.name} (${org.acronym})` : `${minfin.name} (${minfin.acronym})`;
      const { proposalId } = await run<{ proposalId: string }>(bus, proponent, "proposal.create", { roundtableId, ...template(title, acronym, lead) });
      idsByTitle.set(`${acronym}:${title}`, proposalId);
    }
  }

  seedClock.moveTo(demo.rounds[1].heldOn);
  await run(bus, system, "round.open", { roundId: roundIds[1] });
  const present = [...new Set(Object.keys(demo.proposals))].map((a) => orgs.get(a)!.id);
  await run(bus, system, "round.attendance", { roundId: roundIds[1], organizationIds: present });
  const member = await demoPerson(bus, consultationId, "roundtable_member", "Integrante de la mesa (MINFIN)", minfin.id);
  const find = (title: string) => [...idsByTitle.entries()].find(([key]) => key.endsWith(`:${title}`))![1];
  for (const m of demo.merges) {
    await run(bus, member, "proposal.merge", {
      sourceIds: m.sources.map(find),
      result: template(m.title, "la mesa", `${minfin.name} (${minfin.acronym})`),
      present,
      agreed: true,
      agreedNote: "Acordado por consenso en la segunda ronda.",
    });
  }
  await run(bus, system, "round.close", { roundId: roundIds[1], advance: false });
  return { roundtableId };
}
