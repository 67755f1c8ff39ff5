// The demo's follow-up (decision 0009), on the 2016 training commitment led by INAP, shaped like the real follow-up
// report of commitment 10 of Guatemala's 4th plan (INFOM, 2019): the responsible institution presents the
// commitment's plan and schedule (plan-cronograma) before government and civil society, holds coordination
// meetings, and publishes the evidence of each one (agenda, attendance list, minutes); then the first courses are
// designed and announced on INAP's academic agenda. Shared by the demo seed and the tests. Evidence links point to
// the demo's own domain: they are examples, not documents that exist.

const evidence = (path: string) => `https://evidencia.demo.cocrea.gt/inap/${path}`;

export const followup2016 = {
  /** The commitment followed up: the unified proposal's key in technicalRoundtable2016 / accessRoundtable2016. */
  commitmentKey: "capacitacion" as const,
  responsible: { name: "Licda. Marta Xicará", organizationAcronym: "INAP" },
  /** In the order they were reported; `position` is the milestone's number in the commitment. */
  reports: [
    {
      kind: "progress",
      position: 1,
      status: "limited",
      actualStartOn: "2016-09-13",
      note: "Reunión de coordinación INAP–PDH para el plan de capacitación: contenidos y cronograma de trabajo.",
    },
    {
      kind: "evidence",
      position: 1,
      url: evidence("2016-09-13-reunion-inap-pdh.pdf"),
      description: "Reunión INAP–PDH, 13 de septiembre de 2016: agenda y lista de asistencia",
    },
    { kind: "evidence", position: 1, url: evidence("2016-09-14-reunion-inap.pdf"), description: "Reunión INAP, 14 de septiembre de 2016: ayuda de memoria" },
    {
      kind: "evidence",
      position: 1,
      url: evidence("2017-03-19-presentacion-plan-cronograma.pdf"),
      description: "Presentación del plan-cronograma del compromiso, 19 de marzo de 2017, con entidades de gobierno y sociedad civil",
    },
    {
      kind: "progress",
      position: 1,
      status: "complete",
      actualStartOn: "2016-09-13",
      actualEndOn: "2017-03-19",
      note: "Plan de capacitación mandatorio presentado y publicado el 19 de marzo de 2017 (contenidos validados por el PDH).",
    },
    {
      kind: "progress",
      position: 2,
      status: "limited",
      actualStartOn: "2017-04-01",
      note: "Diseño del curso y sus materiales; convocatoria publicada en la Agenda Académica del INAP.",
    },
    { kind: "evidence", position: 2, url: evidence("2017-04-01-agenda-reunion.pdf"), description: "Reunión INAP, 1 de abril de 2017: agenda" },
    { kind: "evidence", position: 2, url: evidence("agenda-academica-2017.html"), description: "Convocatoria en la Agenda Académica del INAP" },
  ],
} as const;
