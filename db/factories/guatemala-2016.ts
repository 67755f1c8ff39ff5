// The 2016 Guatemala process (3rd plan, section II), for the demo consultation. Institutions come from the
// acronym list of the published plan (docs/domain.md, "Where this comes from").
export const demo2016 = {
  consultation: {
    slug: "plan-gobierno-abierto-2016-2018",
    title: "Tercer Plan de Acción Nacional de Gobierno Abierto 2016-2018",
    description:
      "Proceso de co-creación del tercer plan de acción de Guatemala ante la Alianza para el Gobierno Abierto: " +
      "consulta ciudadana, foros departamentales, mesas temáticas y consenso en la Mesa Técnica.",
    methodology:
      "1. Convocatoria pública. 2. Opinión ciudadana en el portal sobre la metodología, los ejes y los temas priorizados. " +
      "3. Foros departamentales con mesas de trabajo por eje. 4. Sistematización de los aportes ciudadanos. " +
      "5. Mesas temáticas donde los proponentes registran y unifican propuestas de compromisos. " +
      "6. Mesa Técnica de Gobierno Abierto: consenso sobre los compromisos. 7. Borrador para comentario público. " +
      "8. Revisión de la Unidad de Apoyo de AGA. 9. Aprobación. 10. Envío del plan.",
    participation: "Cualquier persona puede opinar en línea, sin cuenta, mientras la etapa de opinión esté abierta, y asistir a los foros departamentales.",
    ethicsText:
      "Como integrante de la Mesa Técnica de Gobierno Abierto me comprometo a actuar con transparencia, integridad e imparcialidad, " +
      "y declaro cualquier conflicto de interés que pueda afectar mi participación en la co-creación del plan.",
    startsOn: "2016-03-01",
    endsOn: "2016-10-31",
  },
  themes: [
    {
      name: "Acceso a la información pública y archivos institucionales",
      description: "Que cualquier persona pueda pedir y obtener información pública a tiempo, y que las instituciones organicen y conserven sus archivos.",
    },
    {
      name: "Innovación tecnológica",
      description: "Servicios públicos en línea, datos abiertos y herramientas digitales para acercar el Estado a la ciudadanía.",
    },
    {
      name: "Participación ciudadana",
      description: "Espacios para que la ciudadanía participe en las decisiones públicas y en su seguimiento, también en los departamentos.",
    },
    {
      name: "Rendición de cuentas",
      description: "Que las autoridades informen de lo que hacen y respondan por ello ante la ciudadanía y los órganos de control.",
    },
    {
      name: "Transparencia fiscal",
      description: "Presupuesto, compras y deuda públicos abiertos y comprensibles, del Gobierno central a las municipalidades.",
    },
  ],
  forums: [
    { department: "Guatemala", municipality: "Guatemala", venue: "Ciudad de Guatemala", heldOn: "2016-04-26", expectedAttendance: 113 },
    {
      department: "Quetzaltenango",
      municipality: "Quetzaltenango",
      venue: "Centro Universitario de Occidente (CUNOC)",
      heldOn: "2016-05-03",
      expectedAttendance: 206,
    },
    { department: "Alta Verapaz", municipality: "Cobán", venue: "Centro Universitario del Norte (CUNOR)", heldOn: "2016-05-10", expectedAttendance: 212 },
  ],
  organizations: [
    { acronym: "AC", name: "Acción Ciudadana", sector: "civil_society" },
    { acronym: "ANAM", name: "Asociación Nacional de Municipalidades", sector: "public" },
    { acronym: "CGC", name: "Contraloría General de Cuentas", sector: "public" },
    { acronym: "COPRET", name: "Comisión Presidencial de Transparencia y Gobierno Electrónico", sector: "public" },
    { acronym: "CONRED", name: "Coordinadora Nacional para la Reducción de Desastres", sector: "public" },
    { acronym: "CUNOC", name: "Centro Universitario del Occidente", sector: "academia" },
    { acronym: "CUNOR", name: "Centro Universitario del Norte", sector: "academia" },
    { acronym: "ICEFI", name: "Instituto Centroamericano de Estudios Fiscales", sector: "civil_society" },
    { acronym: "CIIDH", name: "Centro Internacional para Investigación en Derechos Humanos", sector: "civil_society" },
    { acronym: "FMI", name: "Fondo Monetario Internacional", sector: "international" },
  ],
} as const;
