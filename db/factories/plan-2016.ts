// The demo's action plan (issue 9), written for the demo in the spirit of Guatemala's 2016–2018 plan: an
// introduction, citizens' comments on the draft (one on the plan as a whole), the technical roundtable's answers,
// one revision that a comment led to, an observation of the OGP support unit with its answer, and the approval and
// submission records. Shared by the demo seed and the tests that check it.
export const plan2016 = {
  introduction:
    "Este Tercer Plan de Acción Nacional de Gobierno Abierto 2016–2018 reúne los compromisos que la Mesa Técnica de Gobierno Abierto adoptó por consenso, después de la convocatoria, la opinión en línea, los foros departamentales, la sistematización y las mesas temáticas.\n\nCada compromiso indica de dónde viene: la mesa temática que lo propuso, las propuestas que se unificaron en él y cuántos aportes ciudadanos hay detrás.",
  /** Comments on the draft: on the n-th commitment of the plan (0-based), or on the plan as a whole (null). */
  comments: [
    {
      // The second commitment: the first already has the refinement workshop's revision (its two versions are checked).
      commitment: 1 as number | null,
      text: "Que la información también se publique en idiomas mayas y en formatos que se puedan leer desde un teléfono.",
      answer: { verdict: "accepted", reason: "Se agrega la publicación en formatos abiertos legibles en teléfono y en al menos dos idiomas mayas." },
      /** The roundtable revised the commitment's objective because of this comment. */
      revision: {
        note: "Se agregan los idiomas mayas y los formatos para teléfono, como pidió un comentario ciudadano.",
        objectiveSuffix: " La información se publicará en formatos abiertos legibles desde un teléfono y en al menos dos idiomas mayas.",
      },
    },
    {
      commitment: 0 as number | null,
      text: "Que las municipalidades pequeñas reciban acompañamiento para cumplir, no solo una guía.",
      answer: { verdict: "partly", reason: "El acompañamiento se dará en los departamentos con foros; el resto recibirá la guía y capacitación en línea." },
    },
    {
      commitment: null as number | null,
      text: "El plan debería tener un compromiso sobre contrataciones públicas en los municipios.",
      answer: { verdict: "not_accepted", reason: "Ninguna institución responsable lo aceptó en la Mesa Técnica; queda registrado para el próximo plan." },
    },
  ],
  observation: {
    text: "Las metas de cada compromiso deben tener fechas de inicio y fin verificables.",
    answer: "Cada meta tiene sus fechas; la Mesa Técnica las verificó con las instituciones responsables.",
  },
  approval: { approvedBy: "Mesa Técnica de Gobierno Abierto", approvedOn: "2016-10-20", reference: "Acta de aprobación 03-2016 (demo)" },
  submission: { submittedOn: "2016-10-31", link: "https://www.opengovpartnership.org/", fileReference: "Plan-GA-2016-2018.pdf" },
};
