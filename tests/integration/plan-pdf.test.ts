// plan.pdf and who may export a plan (issue 17). The story: the technical roundtable adopts three proposals by
// consensus, the point of contact assembles them into a plan (not yet published), and then publishes the draft.
// Before publication only the plan's writers — the point of contact and the technical roundtable's members — export
// it, in every format; an observer (a person with that role only), a proponent and an anonymous reader get the same
// 404, and the observer's staff page says when the downloads will come. After publication everyone exports every
// format. The PDF is read back with pdfjs-dist: a cover, the funnel table, then each commitment on its own page with
// its number and title, page numbers in every footer; English labels with ?lang=en. A commitment titled with markup
// comes out inert in plan.md. Last, the demo's 2016 plan as a PDF: its four commitments, one per page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../db/seed/demo.server";
import { pdfPages } from "../support/pdf";
import { setupPlan, type PlanFixture } from "../support/plan";
import { ApiClient, createMember, startServer, type TestServer } from "../support/server";

let server: TestServer;
let f: PlanFixture;
let slug: string;
let contact: ApiClient;
const anonymous = () => new ApiClient(server.url);
const FORMATS = ["plan.pdf", "plan.html", "plan.md", "plan.json", "plan.csv"] as const;
// Three proposals adopted by consensus, in the order they were adopted (tests/support/technical.ts names them).
const TITLES = ["Compromiso unificado 1", "Compromiso unificado 2", "Compromiso unificado 3"];

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  f = await setupPlan(server, { adopted: 3 });
  slug = (await server.cocrea.db.selectFrom("consultations").select("slug").where("id", "=", f.t.consultationId).executeTakeFirstOrThrow()).slug;
  // A person who is the point of contact (a role, not a platform admin).
  contact = (await createMember(server, f.t.admin.client, f.t.consultationId, "point_of_contact")).client;
}, 180_000);
afterAll(() => server?.stop());

async function download(client: ApiClient, path: string) {
  const res = await fetch(`${server.url}${path}`, { headers: client.headers() });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** The status each format answers to this reader. */
async function statuses(client: ApiClient): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const file of FORMATS) out[file] = (await download(client, `/c/${slug}/plan/exportar/${file}`)).status;
  return out;
}
const every = (status: number) => Object.fromEntries(FORMATS.map((file) => [file, status]));
/** The figures of the funnel table's total row, as a person reads them on the page. */
const totals = (page: string) => (/(?:Total|TOTAL)((?: \d+)+)/.exec(page)?.[1] ?? "").trim().split(" ").map(Number);

describe("who exports a plan that is not published yet", () => {
  it("the point of contact and a technical-roundtable member export it in every format", async () => {
    expect(await statuses(contact)).toEqual(every(200));
    expect(await statuses(f.t.members[1].client)).toEqual(every(200));
  });

  it("an observer, a proponent and an anonymous reader get 404 in every format, pdf included", async () => {
    expect(await statuses(f.t.observer.client)).toEqual(every(404));
    expect(await statuses(f.t.icefi.client)).toEqual(every(404));
    expect(await statuses(anonymous())).toEqual(every(404));
  });

  it("the observer's staff plan page says when the downloads come, with no link to them; the point of contact's lists them", async () => {
    const observerPage = (await f.t.observer.client.get(`/admin/c/${f.t.consultationId}/plan`)).body as string;
    expect(observerPage).toContain("Las descargas del plan estarán disponibles cuando el punto de contacto publique el borrador para comentario público.");
    expect(observerPage).not.toContain("/plan/exportar/");
    const contactPage = (await contact.get(`/admin/c/${f.t.consultationId}/plan`)).body as string;
    expect(contactPage).toContain(`href="/c/${slug}/plan/exportar/plan.pdf"`);
    expect(contactPage).not.toContain("Las descargas del plan estarán disponibles");
  });

  it("once the point of contact publishes the draft, everyone exports every format", async () => {
    expect(await contact.ok("plan.publish", { planId: f.planId })).toEqual({ planId: f.planId, status: "draft" });
    for (const reader of [f.t.observer.client, f.t.icefi.client, anonymous(), contact]) expect(await statuses(reader)).toEqual(every(200));
    const observerPage = (await f.t.observer.client.get(`/admin/c/${f.t.consultationId}/plan`)).body as string;
    expect(observerPage).toContain(`href="/c/${slug}/plan/exportar/plan.pdf"`);
    const publicPage = (await anonymous().get(`/c/${slug}/plan`)).body as string;
    expect(publicPage).toContain(`href="/c/${slug}/plan/exportar/plan.pdf"`);
    expect(publicPage).toContain(`href="/c/${slug}/plan/exportar/plan.pdf?lang=en"`);
  });
});

describe("plan.pdf", () => {
  it("is a PDF file to download, named after the consultation and the language", async () => {
    const res = await download(anonymous(), `/c/${slug}/plan/exportar/plan.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="plan-${slug}-es.pdf"`);
    expect(new TextDecoder().decode(res.bytes.slice(0, 5))).toBe("%PDF-");
    expect((await download(anonymous(), `/c/${slug}/plan/exportar/plan.pdf?lang=en`)).headers.get("content-disposition")).toBe(
      `attachment; filename="plan-${slug}-en.pdf"`,
    );
  });

  it("in Spanish: a cover, the funnel table, then one commitment per page, each with its number and title; page numbers in every footer", async () => {
    const pages = await pdfPages((await download(anonymous(), `/c/${slug}/plan/exportar/plan.pdf`)).bytes);
    // 1 cover (a short introduction) + 1 funnel table + 3 commitments.
    expect(pages).toHaveLength(5);
    const [cover, funnel, ...commitments] = pages;
    expect(cover).toContain("Plan de Acción Nacional de Gobierno Abierto");
    expect(cover).toContain("Estado: borrador en comentario público");
    expect(cover).toContain("Borrador: este texto todavía puede cambiar.");
    expect(cover).toContain("3 compromisos");
    expect(cover).toContain("Este plan reúne los compromisos adoptados por consenso en la Mesa Técnica.");
    // Dates in words: the milestones run from 1 September 2016 to 30 June 2017 (tests/support/roundtables.ts).
    expect(cover).toContain("Período de los compromisos: Del 1 de septiembre de 2016 al 30 de junio de 2017");
    expect(funnel).toContain("Cuántas propuestas quedaron en cada etapa, por eje temático");
    expect(funnel).toContain("En el plan");
    // The funnel's "in the plan" total is the three adopted, the same figure plan.json gives.
    expect(totals(funnel).at(-1)).toBe(3);
    const json = (await anonymous().get(`/c/${slug}/plan/exportar/plan.json`)).body;
    expect(json.funnel.total.at(-1)).toBe(3);
    expect(json.commitments).toHaveLength(3);
    commitments.forEach((page, i) => {
      expect(page.startsWith(`Compromiso ${i + 1}: ${TITLES[i]}`), page.slice(0, 80)).toBe(true);
      expect(page).toContain("Metas (hitos verificables)");
      expect(page).toContain("Publicar el presupuesto aprobado en datos abiertos");
      expect(page).toContain("De dónde viene");
      // Another commitment's title never shares its page.
      for (const other of TITLES.filter((_, j) => j !== i)) expect(page).not.toContain(`${other} `);
    });
    pages.forEach((page, i) => expect(page).toContain(`Página ${i + 1} de 5`));
    // No e-mail or phone of the responsible person, as in every export.
    expect(pages.join(" ")).not.toMatch(/ana@minfin|2222-0000/);
  });

  it("in English with ?lang=en: English labels, the same pages", async () => {
    const pages = await pdfPages((await download(anonymous(), `/c/${slug}/plan/exportar/plan.pdf?lang=en`)).bytes);
    expect(pages).toHaveLength(5);
    expect(pages[0]).toContain("Open Government National Action Plan");
    expect(pages[0]).toContain("Status: draft open for public comment");
    expect(pages[0]).toContain("Period of the commitments: From September 1, 2016 to June 30, 2017");
    expect(pages[1]).toContain("How many proposals remained at each stage, per theme");
    pages.slice(2).forEach((page, i) => {
      expect(page.startsWith(`Commitment ${i + 1}: ${TITLES[i]}`)).toBe(true);
      expect(page).toContain("Milestones (verifiable)");
      expect(page).toContain("Where it came from");
    });
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of 5`));
    expect(pages.join(" ")).not.toMatch(/Página|Compromiso \d|Metas \(hitos/);
  });
});

describe("a commitment titled with markup", () => {
  const HOSTILE = `<script>alert(1)</script> <img src=x onerror=alert(2)> [pulse](javascript:alert(3))`;

  it("comes out inert in plan.md and plan.html, and as words in plan.pdf; the public pages still answer", async () => {
    await contact.ok("plan.revise", { planId: f.planId, proposalId: f.adopted[2], title: HOSTILE, note: "Prueba de texto hostil" });
    const md = (await download(anonymous(), `/c/${slug}/plan/exportar/plan.md`)).bytes;
    const text = new TextDecoder().decode(md);
    // No tag, and no link: the bracket that would close one is escaped.
    expect(text).not.toMatch(/<script|<img|(?<!\\)\]\(javascript:/i);
    expect(text).toContain("## Compromiso 3: &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; \\[pulse\\](javascript:alert(3))");
    const html = (await anonymous().get(`/c/${slug}/plan/exportar/plan.html`)).body as string;
    expect(html).not.toMatch(/<script|<img/i);
    const pages = await pdfPages((await download(anonymous(), `/c/${slug}/plan/exportar/plan.pdf`)).bytes);
    expect(pages).toHaveLength(5);
    expect(pages[4]).toContain(`Compromiso 3: ${HOSTILE}`);
    expect((await anonymous().get(`/c/${slug}/plan`)).status).toBe(200);
  });
});

describe("the demo's 2016 plan as a PDF", () => {
  it("its four commitments, each on its own page after the cover and the funnel table, in both languages", async () => {
    const seeded = await seedDemo(server.cocrea.bus, server.cocrea.db, "contraseña-de-demo-123");
    const json = (await anonymous().get(`/c/${seeded.slug}/plan/exportar/plan.json`)).body;
    // The Mesa Técnica adopted four commitments in 2016; the plan approved and submitted carries them.
    expect(json.commitments).toHaveLength(4);
    for (const lang of ["es", "en"] as const) {
      const res = await download(anonymous(), `/c/${seeded.slug}/plan/exportar/plan.pdf?lang=${lang}`);
      expect(res.status).toBe(200);
      const pages = await pdfPages(res.bytes);
      const funnelAt = pages.findIndex((p) => p.startsWith(lang === "es" ? "Cuántas propuestas quedaron" : "How many proposals remained"));
      // The cover (with the introduction) first, then the funnel table on one page, then the four commitments.
      expect(funnelAt).toBeGreaterThanOrEqual(1);
      expect(pages).toHaveLength(funnelAt + 1 + 4);
      expect(pages[0]).toContain(lang === "es" ? "Estado: aprobado y enviado a AGA" : "Status: approved and submitted to OGP");
      expect(pages[0]).toContain(lang === "es" ? "4 compromisos" : "4 commitments");
      expect(totals(pages[funnelAt]).at(-1)).toBe(4);
      json.commitments.forEach((c: { number: string; title: string }, i: number) => {
        expect(pages[funnelAt + 1 + i].startsWith(`${lang === "es" ? "Compromiso" : "Commitment"} ${c.number}: ${c.title}`)).toBe(true);
      });
      pages.forEach((page, i) => expect(page).toContain(lang === "es" ? `Página ${i + 1} de ${pages.length}` : `Page ${i + 1} of ${pages.length}`));
    }
    // Seeding the whole 2016 demo takes a while on PostgreSQL under load.
  }, 180_000);
});
