// Online opinions for the demo consultation, in the spirit of the 2016 process: on the methodology, its axes
// and the five themes (theme = index in guatemala-2016's themes). Written for the demo, not quoted from the record.
type Choice = { about: "methodology" } | { about: "axis"; axis: string } | { about: "theme"; theme: number };
export interface DemoOpinion {
  on: Choice;
  text: string;
  department?: string;
  sector?: string;
  ageRange?: string;
  gender?: string;
  indigenousLanguage?: "yes" | "no";
}

export const intake2016: { opinions: DemoOpinion[]; reported: number; hidden: { index: number; reason: string } } = {
  opinions: [
    { on: { about: "methodology" }, text: "Que los foros lleguen también a Petén y a Huehuetenango: tres sedes no alcanzan para todo el país.", department: "Petén", sector: "citizen", ageRange: "30_44", gender: "woman", indigenousLanguage: "no" },
    { on: { about: "methodology" }, text: "Publiquen con anticipación las fechas de las mesas temáticas para que las organizaciones podamos asistir.", department: "Guatemala", sector: "civil_society", ageRange: "45_59", gender: "man" },
    { on: { about: "methodology" }, text: "La consulta en línea debería poder llenarse en idiomas mayas, no solo en español.", department: "Totonicapán", sector: "citizen", ageRange: "18_29", gender: "woman", indigenousLanguage: "yes" },
    { on: { about: "methodology" }, text: "Pido que se explique cómo se tomaron en cuenta las opiniones de los foros en el plan final.", department: "Quetzaltenango", sector: "academia", ageRange: "30_44", gender: "man", indigenousLanguage: "yes" },
    { on: { about: "axis", axis: "transparency" }, text: "Transparencia también en los gobiernos municipales, no solo en el Ejecutivo.", department: "Chimaltenango", sector: "citizen", ageRange: "30_44", gender: "man", indigenousLanguage: "yes" },
    { on: { about: "axis", axis: "access_to_information" }, text: "Que las unidades de información pública respondan en el plazo de ley y publiquen sus estadísticas de solicitudes.", department: "Guatemala", sector: "civil_society", ageRange: "30_44", gender: "woman" },
    { on: { about: "axis", axis: "participation" }, text: "Los consejos comunitarios de desarrollo deben conocer el plan y poder opinar sobre él.", department: "Alta Verapaz", sector: "citizen", ageRange: "45_59", gender: "man", indigenousLanguage: "yes" },
    { on: { about: "axis", axis: "accountability" }, text: "Cada institución responsable debe informar cada trimestre cuánto avanzó en sus compromisos.", department: "Sacatepéquez", sector: "private", ageRange: "45_59", gender: "woman" },
    { on: { about: "axis", axis: "open_data" }, text: "Datos abiertos en formatos que se puedan descargar, no solo en PDF escaneados.", department: "Guatemala", sector: "academia", ageRange: "18_29", gender: "man" },
    { on: { about: "theme", theme: 0 }, text: "Que el Archivo General de Centro América digitalice sus fondos y los ponga en línea.", department: "Guatemala", sector: "academia", ageRange: "60_plus", gender: "man" },
    { on: { about: "theme", theme: 0 }, text: "Las municipalidades deben publicar sus actas del concejo en su sitio web.", department: "Escuintla", sector: "citizen", ageRange: "30_44", gender: "woman" },
    { on: { about: "theme", theme: 0 }, text: "Un portal único para hacer solicitudes de información a cualquier institución.", department: "Zacapa", sector: "citizen", ageRange: "18_29", gender: "other" },
    { on: { about: "theme", theme: 1 }, text: "Trámites en línea para la licencia de conducir y el pasaporte, con seguimiento del estado.", department: "Quetzaltenango", sector: "private", ageRange: "30_44", gender: "man" },
    { on: { about: "theme", theme: 1 }, text: "Internet en las escuelas rurales para que los jóvenes puedan usar los servicios en línea.", department: "Sololá", sector: "citizen", ageRange: "18_29", gender: "woman", indigenousLanguage: "yes" },
    { on: { about: "theme", theme: 1 }, text: "Que el software que compre el Estado permita exportar los datos en formatos abiertos.", department: "Guatemala", sector: "academia", ageRange: "30_44", gender: "man" },
    { on: { about: "theme", theme: 2 }, text: "Audiencias públicas en cada departamento antes de aprobar el presupuesto.", department: "Jutiapa", sector: "civil_society", ageRange: "45_59", gender: "man" },
    { on: { about: "theme", theme: 2 }, text: "Que las mujeres indígenas tengan un espacio propio en las mesas de trabajo.", department: "Quiché", sector: "civil_society", ageRange: "30_44", gender: "woman", indigenousLanguage: "yes" },
    { on: { about: "theme", theme: 2 }, text: "Más foros en horarios de fin de semana: entre semana la gente trabaja.", department: "San Marcos", sector: "citizen", ageRange: "18_29", gender: "man", indigenousLanguage: "yes" },
    { on: { about: "theme", theme: 3 }, text: "Que los diputados publiquen su asistencia y sus votos en el pleno.", department: "Guatemala", sector: "citizen", ageRange: "45_59", gender: "woman" },
    { on: { about: "theme", theme: 3 }, text: "Informes de avance de los compromisos en lenguaje sencillo, no solo técnico.", department: "Huehuetenango", sector: "citizen", ageRange: "30_44", gender: "man", indigenousLanguage: "yes" },
    { on: { about: "theme", theme: 4 }, text: "Que Guatecompras muestre los contratos completos y sus modificaciones.", department: "Guatemala", sector: "private", ageRange: "30_44", gender: "man" },
    { on: { about: "theme", theme: 4 }, text: "Presupuesto ciudadano: una versión corta y clara del presupuesto de cada municipalidad.", department: "Izabal", sector: "citizen", ageRange: "18_29", gender: "woman" },
    { on: { about: "theme", theme: 4 }, text: "Publicar cuánto se paga en plazas temporales en cada ministerio.", department: "Retalhuleu", sector: "citizen", ageRange: "45_59", gender: "man" },
    { on: { about: "theme", theme: 4 }, text: "Seguimiento público de las obras de infraestructura con fotos y avance físico y financiero.", department: "Baja Verapaz", sector: "public", ageRange: "30_44", gender: "woman" },
    { on: { about: "theme", theme: 4 }, text: "¡Todos son unos ladrones! ¡Compren mi producto milagroso en este enlace!", department: "Guatemala" },
  ],
  reported: 24,
  hidden: { index: 24, reason: "Publicidad e insultos, sin relación con la consulta" },
};
