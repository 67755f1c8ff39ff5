// The thread the 2016 demo is built to show (issue 17): citizens' opinions and what was said at the forums'
// access-to-information tables, grouped by the systematizers into summaries, which the access roundtable's
// proponents cite in their proposals; the table merges them, the Mesa Técnica adopts the result, and the training
// commitment has its follow-up. Opinions are named by their index in intake2016.opinions, captures by the forum
// (index in demo2016.forums) and their index in forums2016.captures[0] (the access theme). Shared by the seed and
// the tests.
export const story2016 = {
  /** The stages' dates in 2016 (set on each stage once it has run: the archive is written after the fact). */
  stageDates: {
    public_call: ["2016-03-01", "2016-03-15"],
    opinion_intake: ["2016-03-16", "2016-04-25"],
    forums: ["2016-04-26", "2016-05-10"],
    systematization: ["2016-05-16", "2016-05-31"],
    thematic_roundtables: ["2016-06-01", "2016-07-08"],
    technical_roundtable: ["2016-07-15", "2016-07-29"],
    draft_plan: ["2016-08-01", "2016-08-31"],
    ogp_review: ["2016-09-01", "2016-09-30"],
    approval: ["2016-10-17", "2016-10-20"],
    submission: ["2016-10-31", "2016-10-31"],
  } as Record<string, [string, string]>,
  /** When the seed's clock starts (the consultation is set up a week before the call) and when the follow-up is reported. */
  setUpAt: "2016-02-22",
  /** The responsible person is named the day after submission; the reports are entered after the last date they cite. */
  followupAssignedOn: "2016-11-01",
  followupReportedOn: "2017-04-03",
  summaries: [
    {
      key: "capacitacion",
      title: "Servidores públicos que conocen la Ley de Acceso a la Información y responden a tiempo, también en idiomas mayas",
      text:
        "En línea y en los tres foros se pidió que las unidades de información pública y las municipalidades respondan las " +
        "solicitudes dentro del plazo de ley, en idiomas mayas, y que su personal conozca la ley: capacitación para quienes atienden.",
      /** Online opinions (index in intake2016.opinions). */
      opinions: [5, 4, 10],
      /** Forum captures at the access tables: [forum index, capture index]. */
      captures: [
        [0, 0],
        [1, 0],
        [2, 0],
      ] as Array<[number, number]>,
      /** Registered proposals (by title, see accessRoundtable2016.proposals) that cite this summary. */
      citedBy: ["Capacitación obligatoria en la LAIP para servidores públicos", "Capacitación en idiomas mayas sobre el derecho de acceso a la información"],
    },
    {
      key: "archivos",
      title: "Una ley que ordene y abra los archivos públicos",
      text: "Los foros y una opinión en línea pidieron una ley de archivos, porque los archivos institucionales se pierden con cada cambio de gobierno, y fondos históricos en línea.",
      opinions: [9],
      captures: [
        [0, 1],
        [1, 1],
        [2, 1],
      ] as Array<[number, number]>,
      citedBy: ["Ley de archivos nacionales", "Consulta ciudadana sobre la ley de archivos"],
    },
  ],
};
