// The 2016 departmental forums for the demo (3rd plan, section II): Guatemala City 113 people, Quetzaltenango
// 206, Cobán 212 — 531 in all — with five worktables each, one per theme, and what people said at them.
export const forums2016 = {
  attendance: { Guatemala: 113, Quetzaltenango: 206, "Alta Verapaz": 212 } as Record<string, number>,
  /** A few registrations at each door (the rest is a head count). */
  registrations: [
    { sector: "civil_society", gender: "woman", ageRange: "30_44" },
    { sector: "academia", gender: "man", ageRange: "45_59" },
    { sector: "citizen", gender: "woman", ageRange: "18_29" },
    { sector: "public", gender: "man", ageRange: "30_44" },
    { sector: "citizen", gender: "other", ageRange: "18_29" },
  ],
  /** What citizens said, per theme in the order of demo2016.themes. */
  captures: [
    [
      {
        text: "Que las municipalidades respondan las solicitudes de información dentro del plazo de ley, también en idioma maya.",
        sector: "citizen",
        tags: ["plazos", "idiomas"],
      },
      { text: "Los archivos institucionales se pierden con cada cambio de gobierno: pedimos una ley de archivos.", sector: "academia", tags: ["archivos"] },
    ],
    [
      {
        text: "Un portal único de datos abiertos con las compras del Estado en formatos reutilizables.",
        sector: "private",
        tags: ["datos abiertos", "compras"],
      },
      { text: "En el interior no hay internet: la información también debe llegar por radio comunitaria.", sector: "civil_society", tags: ["brecha digital"] },
    ],
    [
      {
        text: "Los Consejos de Desarrollo deben abrir sus sesiones a la ciudadanía y publicar sus actas.",
        sector: "civil_society",
        tags: ["cocodes", "actas"],
      },
      { text: "Que los foros se repitan cada año para dar seguimiento a los compromisos.", sector: "citizen", tags: ["seguimiento"] },
    ],
    [
      { text: "Informes de avance de obras municipales con fotos y montos, publicados cada trimestre.", sector: "citizen", tags: ["obras", "municipal"] },
      { text: "La Contraloría debe publicar las auditorías en lenguaje sencillo.", sector: "academia", tags: ["auditorías"] },
    ],
    [
      { text: "Presupuesto ciudadano: explicar en qué se gasta cada quetzal del presupuesto departamental.", sector: "citizen", tags: ["presupuesto"] },
      { text: "Publicar las transferencias a ONG y fideicomisos con sus beneficiarios.", sector: "civil_society", tags: ["fideicomisos", "presupuesto"] },
    ],
  ],
  summaries: [
    {
      theme: 4,
      title: "Presupuesto abierto y comprensible",
      text: "En los tres foros se pidió explicar el presupuesto en lenguaje ciudadano y publicar transferencias y fideicomisos con sus beneficiarios, en datos reutilizables.",
    },
  ],
};
