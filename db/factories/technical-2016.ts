// The 2016 access-to-information roundtable and the technical roundtable (MTGA) that reviewed its proposals
// (3rd plan, section II): 19 proposals registered at the thematic roundtable, unified into 5; all 5 passed the
// technical roundtable and the refinement workshop; 4 entered the plan, one was left out because the responsible
// institution had no funding. The 2016 plan's access-to-information commitments were led by INAP (training),
// MINEDUC with USAC (education), Acción Ciudadana with Guatecambia (good practices) and the Congress; PDH supports
// them all. Titles, proponents' lists and notes are illustrative, in the spirit of the published commitments.

/** Real institutions of the 2016 plan that the rest of the demo does not create (created if missing). */
export const technicalOrganizations2016 = [
  { acronym: "PDH", name: "Procurador de los Derechos Humanos", sector: "public" },
  { acronym: "INAP", name: "Instituto Nacional de Administración Pública", sector: "public" },
  { acronym: "MINEDUC", name: "Ministerio de Educación", sector: "public" },
  { acronym: "CR", name: "Congreso de la República", sector: "public" },
  { acronym: "GUATECIVICA", name: "Guatecívica", sector: "civil_society" },
  { acronym: "PNUD", name: "Programa de las Naciones Unidas para el Desarrollo", sector: "international" },
] as const;

/** A unified proposal: what the thematic table merged, and who answers for it at the technical roundtable. */
export type AccessKey = "capacitacion" | "educacion" | "buenas_practicas" | "archivos" | "municipal";

export interface AccessMerge {
  key: AccessKey;
  title: string;
  /** The responsible public institution (criterion a). */
  lead: string;
  /** Co-responsible actors, in the template's "other actors". */
  others: string;
  problem: string;
  objective: string;
  sources: string[];
}

export const accessRoundtable2016 = {
  theme: "Acceso a la información pública y archivos institucionales",
  rounds: [
    { heldOn: "2016-06-16", venue: "Procurador de los Derechos Humanos, sede central", host: "PDH" },
    { heldOn: "2016-07-05", venue: "Procurador de los Derechos Humanos, sede central", host: "PDH" },
  ],
  /** 19 proposals from 6 proponents: PDH 5, AC 4, INAP 3, Guatecívica 3, ANAM 2, CUNOR 2. */
  proposals: {
    PDH: [
      "Fortalecimiento de las unidades de información pública",
      "Premio a las buenas prácticas de transparencia activa",
      "Informe anual de cumplimiento de la Ley de Acceso a la Información Pública",
      "Lineamientos para la gestión de archivos institucionales",
      "Norma técnica de conservación de documentos públicos",
    ],
    AC: [
      "Evaluación ciudadana del cumplimiento de la LAIP",
      "Índice de transparencia activa de los sujetos obligados",
      "Ley de archivos nacionales",
      "Observatorio ciudadano del acceso a la información",
    ],
    INAP: [
      "Capacitación obligatoria en la LAIP para servidores públicos",
      "Diplomado en gestión de archivos institucionales",
      "Curso virtual de acceso a la información pública",
    ],
    GUATECIVICA: [
      "Capacitación en idiomas mayas sobre el derecho de acceso a la información",
      "Acceso a la información en el currículo escolar",
      "Consulta ciudadana sobre la ley de archivos",
    ],
    ANAM: ["Digitalización de los archivos municipales", "Portales municipales de información pública"],
    CUNOR: ["Cátedra universitaria de transparencia y acceso a la información", "Archivos municipales abiertos en Alta Verapaz"],
  } as Record<string, string[]>,
  /** What the table unified in its second round: every one of the 19 proposals, into 5. */
  merges: [
    {
      key: "capacitacion",
      title: "Plan nacional de capacitación en acceso a la información pública y archivos institucionales",
      lead: "INAP",
      others: "Procurador de los Derechos Humanos; sujetos obligados interesados; Guatecívica",
      problem:
        "Servidores públicos y ciudadanía desconocen el acceso a la información como derecho humano y la importancia del buen manejo de los archivos institucionales.",
      objective: "Mejorar las capacidades de los servidores públicos para promover una cultura de transparencia en acceso a la información y archivos.",
      sources: [
        "Capacitación obligatoria en la LAIP para servidores públicos",
        "Diplomado en gestión de archivos institucionales",
        "Curso virtual de acceso a la información pública",
        "Capacitación en idiomas mayas sobre el derecho de acceso a la información",
        "Fortalecimiento de las unidades de información pública",
      ],
    },
    {
      key: "educacion",
      title: "El derecho de acceso a la información en la educación escolar y universitaria",
      lead: "MINEDUC",
      others: "Universidad de San Carlos de Guatemala (USAC); Guatecívica",
      problem: "El derecho de acceso a la información no se enseña en la escuela ni en la universidad.",
      objective: "Incorporar el derecho de acceso a la información pública en el currículo nacional base y en la formación universitaria.",
      sources: ["Acceso a la información en el currículo escolar", "Cátedra universitaria de transparencia y acceso a la información"],
    },
    {
      key: "buenas_practicas",
      title: "Evaluación y reconocimiento de buenas prácticas de acceso a la información pública",
      lead: "PDH",
      others: "Acción Ciudadana (coordinación) y Guatecambia; Asociación Nacional de Municipalidades",
      problem: "No existe un mecanismo que reconozca a los sujetos obligados que cumplen efectivamente la Ley de Acceso a la Información Pública.",
      objective: "Reconocer a los sujetos obligados que cumplen estándares de calidad en acceso a la información y difundir sus buenas prácticas.",
      sources: [
        "Evaluación ciudadana del cumplimiento de la LAIP",
        "Índice de transparencia activa de los sujetos obligados",
        "Premio a las buenas prácticas de transparencia activa",
        "Informe anual de cumplimiento de la Ley de Acceso a la Información Pública",
        "Observatorio ciudadano del acceso a la información",
      ],
    },
    {
      key: "archivos",
      title: "Iniciativa de ley de archivos públicos",
      lead: "CR",
      others: "Procurador de los Derechos Humanos; Acción Ciudadana; Archivo General de Centro América",
      problem: "Guatemala no tiene una ley que regule la gestión, conservación y apertura de los archivos públicos.",
      objective: "Presentar y discutir con la ciudadanía una iniciativa de ley de archivos públicos.",
      sources: [
        "Ley de archivos nacionales",
        "Consulta ciudadana sobre la ley de archivos",
        "Lineamientos para la gestión de archivos institucionales",
        "Norma técnica de conservación de documentos públicos",
      ],
    },
    {
      key: "municipal",
      title: "Archivos municipales digitalizados y portales de información pública municipal",
      lead: "ANAM",
      others: "Municipalidades del país; Centro Universitario del Norte (CUNOR)",
      problem: "Los archivos municipales están en papel, dispersos y sin inventario; muchas municipalidades no publican su información pública de oficio.",
      objective: "Digitalizar los archivos municipales y publicar la información pública de oficio de cada municipalidad en un portal.",
      sources: ["Digitalización de los archivos municipales", "Portales municipales de información pública", "Archivos municipales abiertos en Alta Verapaz"],
    },
  ] as AccessMerge[],
};

/** Who sits at the Mesa Técnica: chaired by the Executive's open-government office (COPRET, as in 2016). */
export const technicalRoundtable2016 = {
  name: "Mesa Técnica de Gobierno Abierto",
  chair: "COPRET",
  /** 8 members: 4 public institutions, 3 civil-society organizations, 1 university centre. */
  members: ["COPRET", "PDH", "INAP", "MINFIN", "AC", "ICEFI", "GUATECIVICA", "CUNOC"],
  observer: "PNUD",
  decision: { decisionRule: "consent", quorumShare: 0.5, quorumSectorMinimums: { public: 1, civil_society: 1 } },
  sessions: {
    review: { kind: "review", closesStage: "technical", heldOn: "2016-07-20", venue: "Palacio Nacional de la Cultura" },
    refinement: { kind: "refinement", closesStage: "refined", heldOn: "2016-07-27", venue: "Instituto Nacional de Administración Pública (INAP)" },
    vote: { kind: "review", closesStage: null, heldOn: "2016-07-29", venue: "Palacio Nacional de la Cultura" },
  },
  /** ICEFI's delegate could not come to the vote session. */
  absentFromVote: ["ICEFI"],
  /** Acción Ciudadana would coordinate the good-practices commitment: its delegate steps aside from that vote. */
  conflict: {
    member: "AC",
    proposal: "buenas_practicas" as AccessKey,
    reason: "Acción Ciudadana coordinaría la ejecución de este compromiso junto con Guatecambia.",
  },
  rejected: { proposal: "municipal" as AccessKey, reason: "La institución responsable no cuenta con financiamiento" },
  refined: {
    proposal: "capacitacion" as AccessKey,
    note:
      "Taller de refinamiento (27 de julio), tras las recomendaciones de la Unidad de Apoyo de AGA: la meta se vuelve medible " +
      "(2,000 servidores públicos certificados), el plan de capacitación se publica antes de ejecutarlo y se añade un hito " +
      "de materiales en idiomas mayas y en formatos accesibles para personas con discapacidad.",
  },
  /** The proposals put to a vote, in order, with the answers that are not a plain "agree" (by member). */
  answers: {
    capacitacion: { CUNOC: ["reservations", "Que el plan incluya a las municipalidades, que también son sujetos obligados."] },
    educacion: {
      MINFIN: ["stand_aside", "El ministerio no participa en la reforma curricular."],
      GUATECIVICA: ["reservations", "Que los materiales estén en los idiomas mayas mayoritarios desde el primer año."],
    },
    buenas_practicas: { INAP: ["reservations", "Que la evaluación use criterios publicados de antemano y verificables."] },
    archivos: {},
  } as Partial<Record<AccessKey, Record<string, [answer: "reservations" | "stand_aside", reason: string]>>>,
};
