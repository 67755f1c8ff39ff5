// The second demo consultation: one in progress today, so a newcomer can try every public action without setting
// anything up — give an opinion (intake open), comment on the draft plan (draft-plan stage open), read the funnel
// and the technical roundtable's page. Its dates are computed from the day it is seeded (`daysFrom`). Written for the
// demo; shared by the seed and the tests.

/** The date `days` after `today` (YYYY-MM-DD, calendar arithmetic in UTC). */
export function daysFrom(today: string, days: number): string {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Each stage's dates, in days from the seeding day: intake and the draft plan's comments include today. */
export const inProgressStageDays: Record<string, [number, number]> = {
  public_call: [-56, -43],
  opinion_intake: [-42, 21],
  forums: [-35, -29],
  systematization: [-28, -22],
  thematic_roundtables: [-21, -15],
  technical_roundtable: [-14, -8],
  draft_plan: [-7, 21],
  ogp_review: [22, 35],
  approval: [36, 42],
  submission: [43, 43],
};

const template = (title: string, leadAgency: string, objective: string, startsOn: string, endsOn: string) => ({
  title,
  leadAgency,
  responsiblePerson: { name: "Enlace de Gobierno Abierto", title: "Enlace institucional", email: "", phone: "" },
  otherActors: { government: leadAgency, others: "Organizaciones de sociedad civil de la Mesa Técnica" },
  problem: "La ciudadanía no encuentra en un solo lugar la información que necesita para dar seguimiento a la gestión pública.",
  objective,
  description: `Propuesta de demostración: ${title.toLowerCase()}.`,
  ogpChallenges: ["public_integrity"],
  relevance: { transparency: true, accountability: true, participation: true, technology: true, text: "Acerca la información pública a la ciudadanía." },
  ambition: "Que cualquier persona pueda seguir y usar la información pública.",
  milestones: [
    { description: `Diseño con la ciudadanía: ${title.toLowerCase()}`, responsibleInstitution: leadAgency, isNew: true, startsOn, endsOn: startsOn },
    { description: "Publicación y primer informe público de avance", responsibleInstitution: leadAgency, isNew: true, startsOn, endsOn },
  ],
});

export const inProgress = {
  slug: "plan-gobierno-abierto-2027-2029",
  consultation: (today: string) => ({
    slug: "plan-gobierno-abierto-2027-2029",
    title: "Plan de Acción de Gobierno Abierto 2027-2029 (demostración en curso)",
    description:
      "Consulta de demostración en curso: la opinión en línea y los comentarios al borrador del plan están abiertos hoy. " +
      "Pruebe cada acción pública sin crear nada: opine, comente un compromiso, vea el embudo de propuestas y la Mesa Técnica.",
    methodology: "Convocatoria, opinión en línea, sistematización, mesa temática, Mesa Técnica y borrador del plan para comentario público.",
    participation: "Cualquier persona puede opinar en línea y comentar el borrador del plan, sin cuenta, mientras esas etapas estén abiertas.",
    ethicsText: "Como integrante de la Mesa Técnica me comprometo a actuar con transparencia e imparcialidad y a declarar mis conflictos de interés.",
    startsOn: daysFrom(today, -56),
    endsOn: daysFrom(today, 43),
  }),
  themes: [
    { name: "Datos abiertos y acceso a la información", description: "Información pública en formatos abiertos, fácil de encontrar y de usar." },
    { name: "Participación ciudadana en los municipios", description: "Espacios para opinar y dar seguimiento a las decisiones municipales." },
  ],
  organizations: [
    { acronym: "SENACYT", name: "Secretaría Nacional de Ciencia y Tecnología", sector: "public" },
    { acronym: "RED-CIUDADANA", name: "Red Ciudadana", sector: "civil_society" },
    { acronym: "URL", name: "Universidad Rafael Landívar", sector: "academia" },
  ],
  /** The Mesa Técnica: the first member chairs. */
  members: ["SENACYT", "RED-CIUDADANA", "URL"],
  opinions: [
    { theme: 0, text: "Que los datos de compras públicas se puedan descargar completos y en formato abierto.", department: "Guatemala", sector: "citizen" },
    { theme: 0, text: "Un buscador único de información pública, que funcione bien desde el teléfono.", department: "Huehuetenango", sector: "citizen" },
    { theme: 1, text: "Que las municipalidades transmitan sus sesiones del concejo y publiquen las actas.", department: "Petén", sector: "civil_society" },
  ],
  summary: {
    title: "Datos públicos completos, abiertos y fáciles de encontrar desde el teléfono",
    text: "Dos opiniones piden datos de compras completos en formatos abiertos y un buscador único de información pública usable desde un teléfono.",
    /** Opinions (index above) it groups. */
    opinions: [0, 1],
  },
  roundHeldOn: -18,
  /** Proposals registered at the theme-0 table; the first two are merged into `merged`. */
  proposals: (today: string) => [
    template(
      "Portal de datos abiertos de compras públicas",
      "Secretaría Nacional de Ciencia y Tecnología (SENACYT)",
      "Publicar los datos completos de compras públicas en formatos abiertos.",
      daysFrom(today, 60),
      daysFrom(today, 420),
    ),
    template(
      "Buscador único de información pública",
      "Secretaría Nacional de Ciencia y Tecnología (SENACYT)",
      "Un buscador único de la información pública de oficio, usable desde un teléfono.",
      daysFrom(today, 60),
      daysFrom(today, 420),
    ),
    template(
      "Guía de datos abiertos para municipalidades",
      "Secretaría Nacional de Ciencia y Tecnología (SENACYT)",
      "Que las municipalidades publiquen sus datos en formatos abiertos con una guía común.",
      daysFrom(today, 90),
      daysFrom(today, 400),
    ),
  ],
  merged: (today: string) =>
    template(
      "Datos abiertos de compras públicas en un buscador único",
      "Secretaría Nacional de Ciencia y Tecnología (SENACYT)",
      "Publicar los datos completos de compras públicas en formatos abiertos, en un buscador único usable desde un teléfono.",
      daysFrom(today, 60),
      daysFrom(today, 420),
    ),
  introduction: "Borrador de demostración del plan de acción: coméntelo sin cuenta mientras la etapa de comentarios esté abierta.",
  comment: {
    text: "Que el buscador también funcione sin conexión rápida, para quienes viven lejos de la capital.",
    answer: { verdict: "accepted", reason: "El buscador tendrá una versión ligera para conexiones lentas." },
  },
};
