// The 2016 fiscal-transparency roundtable (3rd plan, section II): 30 proposals from 6 proponents — SAT 2, CIIDH 11,
// ICEFI 6, MINFIN 8, Acción Ciudadana 2, Transparente.gt 1 — heard on 15 June and presented on 27 June 2016 at the
// Ministry of Public Finance. Titles are illustrative, in the spirit of the published commitments.
export const fiscalRoundtable2016 = {
  theme: "Transparencia fiscal",
  rounds: [
    { heldOn: "2016-06-15", venue: "Ministerio de Finanzas Públicas", host: "MINFIN" },
    { heldOn: "2016-06-27", venue: "Ministerio de Finanzas Públicas", host: "MINFIN" },
  ],
  organizations: [
    { acronym: "SAT", name: "Superintendencia de Administración Tributaria", sector: "public" },
    { acronym: "MINFIN", name: "Ministerio de Finanzas Públicas", sector: "public" },
    { acronym: "TRANSPARENTE.GT", name: "Transparente.gt", sector: "civil_society" },
  ],
  proposals: {
    SAT: ["Datos abiertos de recaudación tributaria por municipio", "Gasto tributario publicado cada año"],
    CIIDH: [
      "Presupuesto ciudadano en idiomas mayas",
      "Seguimiento ciudadano del gasto social",
      "Transparencia de fideicomisos públicos",
      "Auditoría social de obras municipales",
      "Datos abiertos del gasto en salud",
      "Datos abiertos del gasto en educación",
      "Publicación de transferencias a ONG",
      "Rendición de cuentas de los Consejos de Desarrollo",
      "Presupuesto con enfoque de género",
      "Seguimiento de la deuda pública",
      "Observatorio ciudadano del presupuesto",
    ],
    ICEFI: [
      "Presupuesto abierto",
      "Transparencia de la deuda pública",
      "Calidad del gasto publicada por programa",
      "Registro público de exenciones fiscales",
      "Datos abiertos de ejecución presupuestaria",
      "Transparencia de los fideicomisos",
    ],
    MINFIN: [
      "Portal de transparencia fiscal",
      "Ejecución presupuestaria mensual en datos abiertos",
      "Guía ciudadana del presupuesto",
      "Contrataciones abiertas en Guatecompras",
      "Transparencia en la gestión de la deuda",
      "Presupuesto abierto por resultados",
      "Sistema de seguimiento de obras públicas",
      "Publicación de informes de auditoría interna",
    ],
    AC: ["Declaraciones patrimoniales en línea", "Monitoreo ciudadano de compras públicas"],
    "TRANSPARENTE.GT": ["Datos abiertos de contrataciones municipales"],
  } as Record<string, string[]>,
  /** What the table unified during the second round (the rest stays for the live demo to continue). */
  merges: [
    {
      title: "Presupuesto abierto y ciudadano",
      sources: ["Presupuesto abierto", "Presupuesto abierto por resultados", "Guía ciudadana del presupuesto", "Presupuesto ciudadano en idiomas mayas"],
    },
    {
      title: "Transparencia de la deuda pública",
      sources: ["Transparencia de la deuda pública", "Transparencia en la gestión de la deuda", "Seguimiento de la deuda pública"],
    },
    { title: "Fideicomisos públicos transparentes", sources: ["Transparencia de fideicomisos públicos", "Transparencia de los fideicomisos"] },
    {
      title: "Ejecución presupuestaria en datos abiertos",
      sources: ["Datos abiertos de ejecución presupuestaria", "Ejecución presupuestaria mensual en datos abiertos", "Portal de transparencia fiscal"],
    },
    {
      title: "Contrataciones abiertas",
      sources: ["Contrataciones abiertas en Guatecompras", "Monitoreo ciudadano de compras públicas", "Datos abiertos de contrataciones municipales"],
    },
  ],
};
