// plan.pdf's writer (app/lib/plan-pdf.server.ts) on its own: the text Helvetica can print (WinAnsi), and a plan of two
// commitments read back with pdfjs-dist — cover, funnel table, one commitment per page, page numbers. Expectations
// written by hand; the route, the visibility rules and the demo are tests/integration/plan-pdf.test.ts.
import { describe, expect, it } from "vitest";
import { buildPlanExport, type PlanExportInput } from "../../app/domain/plan-export";
import { translator } from "../../app/i18n";
import { planPdf, winAnsi } from "../../app/lib/plan-pdf.server";
import { pdfPages } from "../support/pdf";

describe("the text Helvetica can print", () => {
  it("keeps Spanish as typed", () => {
    expect(winAnsi("¿Año? «Sí» — niñez, acción, pingüino; “comillas” y 5 €")).toBe("¿Año? «Sí» — niñez, acción, pingüino; “comillas” y 5 €");
  });
  it("spells the rest with the nearest letter, or ?", () => {
    // The Mayan languages' glottal stop is written with a modifier apostrophe (U+02BC).
    expect(winAnsi("Kʼicheʼ, Q\u02BCeqchi\u02BC")).toBe("K’iche’, Q’eqchi’");
    expect(winAnsi("ā ő ŭ")).toBe("a o u");
    expect(winAnsi("Logro 🎉 Ωmega")).toBe("Logro ? ?mega");
    expect(winAnsi("línea\r\nsiguiente\tcon tab")).toBe("línea\nsiguiente con tab");
  });
});

const template = (title: string) => ({
  title,
  leadAgency: "Ministerio de Finanzas Públicas (MINFIN)",
  responsiblePerson: { name: "Ana Pérez", title: "Directora", email: "ana@example.org", phone: "5555-5555" },
  otherActors: { government: "SEGEPLAN", others: "ICEFI" },
  problem: "La ciudadanía no conoce la ejecución del presupuesto.",
  objective: "Publicar la ejecución presupuestaria en datos abiertos.",
  description: "Portal de presupuesto abierto.",
  ogpChallenges: [],
  relevance: { transparency: true, accountability: false, participation: false, technology: false, text: "" },
  ambition: "Seguir el gasto público.",
  milestones: [
    { description: "Publicar el presupuesto aprobado", responsibleInstitution: "MINFIN", isNew: true, startsOn: "2016-09-01", endsOn: "2017-06-30" },
  ],
});

const input: PlanExportInput = {
  consultationTitle: "Tercer Plan de Acción Nacional de Gobierno Abierto 2016-2018",
  status: "approved",
  introduction: "Primer párrafo.\n\nSegundo párrafo.",
  approval: { by: "Mesa Técnica", on: "2016-10-20", reference: "Acta 3" },
  submission: null,
  commitments: ["Presupuesto abierto", "Kʼicheʼ: información en idiomas mayas"].map((title, i) => ({
    number: String(i + 1),
    themeName: "Acceso a la información",
    roundtableName: "Mesa de acceso",
    template: template(title),
    origin: { mergedFrom: [{ title: "Propuesta A", organization: "ICEFI" }], inputs: 12, summaries: 1 },
    revisions: 1,
    amendments: [],
  })),
  funnel: { columns: ["proposed", "plan"], themes: [{ name: "Acceso a la información", entered: [19, 2] }], total: [19, 2] },
};

describe("plan.pdf", () => {
  it("a cover, the funnel table, then each commitment on its own page; page numbers in every footer", async () => {
    const es = translator("es");
    const pages = await pdfPages(await planPdf(buildPlanExport(input, es, { lang: "es", generatedAt: "2016-10-21T12:00:00Z" }), es));
    expect(pages).toHaveLength(1 + 1 + 2);
    expect(pages[0]).toContain("Plan de Acción Nacional de Gobierno Abierto");
    expect(pages[0]).toContain("Aprobado por Mesa Técnica el 20 de octubre de 2016. Acta: Acta 3");
    expect(pages[0]).toContain("Período de los compromisos: Del 1 de septiembre de 2016 al 30 de junio de 2017");
    expect(pages[0]).toContain("2 compromisos");
    expect(pages[0]).toContain("Generado el 21 de octubre de 2016");
    expect(pages[0]).toContain("Segundo párrafo.");
    expect(pages[1]).toContain("Eje temático Propuestas en mesas temáticas En el plan Acceso a la información 19 2 Total 19 2");
    expect(pages[2].startsWith("Compromiso 1: Presupuesto abierto")).toBe(true);
    expect(pages[3].startsWith("Compromiso 2: K’iche’: información en idiomas mayas")).toBe(true);
    expect(pages[3]).toContain("Mesa temática: Mesa de acceso · 12 aportes ciudadanos detrás · 1 resumen de la sistematización");
    pages.forEach((page, i) => expect(page).toContain(`Página ${i + 1} de 4`));
    expect(pages.join(" ")).not.toMatch(/ana@example\.org|5555-5555/);
  });
});
