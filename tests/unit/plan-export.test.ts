// The plan in the OGP template (app/domain/plan-export.ts): one shape, written as CSV, Markdown and printable HTML.
// Expectations written by hand.
import { micromark } from "micromark";
import { describe, expect, it } from "vitest";
import { buildPlanExport, planCsv, planHtml, planMarkdown, type PlanExportInput } from "../../app/domain/plan-export";
import { translator } from "../../app/i18n";

const input: PlanExportInput = {
  consultationTitle: "Tercer plan",
  status: "approved",
  introduction: "Primer párrafo.\n\nSegundo <párrafo>.",
  approval: { by: "Mesa Técnica", on: "2016-10-20", reference: "Acta 3" },
  submission: null,
  commitments: [
    {
      number: "1",
      themeName: "Acceso a la información",
      roundtableName: "Mesa de acceso",
      template: {
        title: "=Portal, de datos",
        leadAgency: "MINFIN",
        responsiblePerson: { name: "Ana Pérez", title: "Directora", email: "ana@example.org", phone: "5555-5555" },
        otherActors: { government: "", others: "" },
        problem: 'Dice "nada"',
        objective: "Publicar",
        description: "",
        ogpChallenges: [],
        relevance: { transparency: true, accountability: false, participation: false, technology: false, text: "" },
        ambition: "",
        milestones: [{ description: "Meta uno", responsibleInstitution: "MINFIN", isNew: true, startsOn: "2016-09-01", endsOn: "2017-06-30" }],
      },
      origin: { mergedFrom: [{ title: "Propuesta A", organization: "ICEFI" }], inputs: 12, summaries: 1 },
      revisions: 2,
      amendments: [],
    },
  ],
  funnel: { columns: ["proposed", "plan"], themes: [{ name: "Acceso a la información", entered: [19, 4] }], total: [19, 4] },
};

describe("the plan's export", () => {
  const es = translator("es");
  const doc = buildPlanExport(input, es, { lang: "es", generatedAt: "2016-10-21T12:00:00Z" });

  it("never carries the responsible person's e-mail or phone", () => {
    expect(doc.commitments[0].fields.find((f) => f.key === "responsiblePerson")?.value).toBe("Ana Pérez · Directora");
    expect(JSON.stringify(doc)).not.toContain("ana@example.org");
    expect(JSON.stringify(doc)).not.toContain("5555-5555");
  });

  it("writes CSV with quoting and a guard against spreadsheet formulas", () => {
    const lines = planCsv(doc, es).split("\r\n");
    expect(lines[1].startsWith(`1,"'=Portal, de datos",MINFIN,Ana Pérez · Directora,,"Dice ""nada""",Publicar,`)).toBe(true);
    expect(lines[1].endsWith(",Acceso a la información,Mesa de acceso,Propuesta A,12")).toBe(true);
  });

  it("writes Markdown with the funnel table and each commitment's origin", () => {
    const md = planMarkdown(doc, es);
    expect(md).toContain("| Eje temático | Propuestas en mesas temáticas | En el plan |");
    expect(md).toContain("| Acceso a la información | 19 | 4 |");
    expect(md).toContain("| **Total** | **19** | **4** |");
    expect(md).toContain("- 12 aportes ciudadanos detrás");
    expect(md).toContain("- Propuestas unificadas en este compromiso: Propuesta A");
  });

  it("writes HTML that escapes text and starts each commitment on a new page", () => {
    const html = planHtml(doc, es);
    expect(html).toContain("<p>Segundo &lt;párrafo&gt;.</p>");
    expect(html).toContain('<section class="commitment" data-number="1">');
    expect(html).toContain('<link rel="stylesheet" href="/plan-print.css">');
    expect(html).toContain("Aprobado por Mesa Técnica el 20 de octubre de 2016. Acta: Acta 3");
    // People read dates in words; the CSV below keeps ISO dates for spreadsheets.
    expect(html).toContain("Del 1 de septiembre de 2016 al 30 de junio de 2017");
  });

  it("keeps ISO dates in the CSV", () => {
    expect(planCsv(doc, es)).toContain("Del 2016-09-01 al 2017-06-30");
  });

  it("labels in English when asked", () => {
    const en = translator("en");
    const md = planMarkdown(buildPlanExport(input, en, { lang: "en", generatedAt: "2016-10-21T12:00:00Z" }), en);
    expect(md).toContain("## Commitment 1: =Portal, de datos");
    expect(md).toContain("| Theme | Proposed at thematic roundtables | In the plan |");
    expect(md).toContain("Approved by Mesa Técnica on October 20, 2016. Act: Acta 3");
  });
});

// Issue 17: plan.md passed people's HTML through (the HTML export escaped it). Rendered here with micromark, a
// CommonMark renderer told to let raw HTML through (as many Markdown viewers do): nothing people typed becomes markup.
describe("the plan's Markdown leaves people's markup inert", () => {
  const es = translator("es");
  const hostile: PlanExportInput = {
    ...input,
    consultationTitle: "Consulta <b>2016</b>",
    introduction: "# Título falso\n- una lista\n1. numerada\n> cita\n<script>alert(1)</script>\n\n---\nTexto `código` y **negrita** _cursiva_.",
    approval: { by: "<img src=x onerror=alert(2)>", on: "2016-10-20", reference: "[acta](javascript:alert(3))" },
    commitments: [
      {
        ...input.commitments[0],
        template: {
          ...input.commitments[0].template,
          title: "<script>alert(1)</script> ![x](http://rastreo.example/p.png)",
          leadAgency: "<img src=x onerror=alert(4)>",
          problem: "Línea uno\n# no es un título | ni una celda",
          milestones: [
            { description: "<iframe src=//x></iframe>", responsibleInstitution: "*MINFIN*", isNew: true, startsOn: "2016-09-01", endsOn: "2017-06-30" },
          ],
        },
        origin: { mergedFrom: [{ title: "[pulse aquí](javascript:alert(5))", organization: null }], inputs: 1, summaries: 1 },
        amendments: [{ reason: "<a href=javascript:alert(6)>motivo</a>", amendedAt: "2017-01-01" }],
      },
    ],
  };
  const md = planMarkdown(buildPlanExport(hostile, es, { lang: "es", generatedAt: "2016-10-21T12:00:00Z" }), es);
  const rendered = micromark(md, { allowDangerousHtml: true, allowDangerousProtocol: true });

  it("no tag, link, image or code comes from people's text", () => {
    expect(rendered).not.toMatch(/<(script|img|iframe|a|b|em|code|hr)[\s>]/i);
    // Our own markup only: one title, bold for the consultation and the totals, one numbered list (the milestones),
    // one quote (the amendment) — the introduction's "#", "1." and ">" lines stay text.
    expect(rendered.match(/<h1>/g)).toHaveLength(1);
    expect(rendered.match(/<ol>/g)).toHaveLength(1);
    expect(rendered.match(/<blockquote>/g)).toHaveLength(1);
    expect(rendered.match(/<strong>/g)).toHaveLength(1 + 1 + input.funnel.total.length);
    expect(rendered).toContain("<ul>");
  });

  it("a person reads the words they typed", () => {
    expect(rendered).toContain("<strong>Consulta &lt;b&gt;2016&lt;/b&gt;</strong>");
    expect(rendered).toContain("<h2>Compromiso 1: &lt;script&gt;alert(1)&lt;/script&gt; ![x](http://rastreo.example/p.png)</h2>");
    expect(rendered).toContain("# Título falso");
    expect(rendered).toContain("Aprobado por &lt;img src=x onerror=alert(2)&gt; el 20 de octubre de 2016. Acta: [acta](javascript:alert(3))");
    expect(rendered).toContain("Propuestas unificadas en este compromiso: [pulse aquí](javascript:alert(5))");
    expect(rendered).toContain("Texto `código` y **negrita** _cursiva_.");
  });

  it("a cell keeps its pipe and its line break as text", () => {
    expect(md).toContain("| Status quo o problema que se quiere resolver | Línea uno<br># no es un título \\| ni una celda |");
  });
});
