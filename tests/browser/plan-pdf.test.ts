// plan.pdf in Debian's Chromium (issue 17). The technical roundtable adopted two proposals and the point of contact
// assembled the plan. An observer signed in reads on the staff plan page that the downloads come with publication, and
// finds no link to them; the point of contact publishes the draft; then a citizen on a phone without JavaScript finds
// "PDF" among the public plan's downloads, and the click downloads a PDF file whose pages a person reads: the cover,
// the funnel table and each commitment on its own page with "Página N de 4"; "PDF en inglés" gives English labels.
import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, newPage, signedInContext } from "../support/browser";
import { pdfPages } from "../support/pdf";
import { setupPlan, type PlanFixture } from "../support/plan";
import { createMember, startServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
let f: PlanFixture;
let slug: string;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  browser = await launchBrowser();
  f = await setupPlan(server, { adopted: 2 });
  slug = (await server.cocrea.db.selectFrom("consultations").select("slug").where("id", "=", f.t.consultationId).executeTakeFirstOrThrow()).slug;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it("an observer reads that the downloads come with publication, with no link to them", async () => {
  const { page, context } = await signedInContext(browser, server.url, f.t.observer.email, f.t.observer.password);
  await page.goto(`${server.url}/admin/c/${f.t.consultationId}/plan`);
  expect(await page.getByTestId("plan-status").textContent()).toContain("en preparación");
  expect(await page.getByTestId("plan-exports-unpublished").textContent()).toBe(
    "Las descargas del plan estarán disponibles cuando el punto de contacto publique el borrador para comentario público.",
  );
  expect(await page.getByRole("link", { name: "PDF", exact: true }).count()).toBe(0);
  // Typing the address gives what the public gets.
  const res = await page.request.get(`${server.url}/c/${slug}/plan/exportar/plan.pdf`);
  expect(res.status()).toBe(404);
  await context.close();
});

it("once the point of contact publishes, a citizen on a phone without JavaScript downloads the plan as a PDF", async () => {
  // A person who is the point of contact (a role, not a platform admin).
  const contact = await createMember(server, f.t.admin.client, f.t.consultationId, "point_of_contact");
  await contact.client.ok("plan.publish", { planId: f.planId });
  const page = await newPage(browser, { javaScriptEnabled: false, viewport: { width: 390, height: 844 }, isMobile: true });
  await page.goto(`${server.url}/c/${slug}/plan`);
  const downloads = page.getByRole("navigation", { name: "Descargar" });
  expect(await downloads.getByRole("link").allTextContents()).toEqual(["PDF", "Para imprimir (HTML)", "Markdown", "JSON", "CSV", "En inglés", "PDF en inglés"]);
  const [download] = await Promise.all([page.waitForEvent("download"), downloads.getByRole("link", { name: "PDF", exact: true }).click()]);
  expect(download.suggestedFilename()).toBe(`plan-${slug}-es.pdf`);
  const pages = await pdfPages(await readFile((await download.path())!));
  // The cover, the funnel table, the two commitments.
  expect(pages).toHaveLength(4);
  expect(pages[0]).toContain("Plan de Acción Nacional de Gobierno Abierto");
  expect(pages[0]).toContain("Estado: borrador en comentario público");
  expect(pages[1]).toContain("Cuántas propuestas quedaron en cada etapa, por eje temático");
  expect(pages[2].startsWith("Compromiso 1: Compromiso unificado 1")).toBe(true);
  expect(pages[3].startsWith("Compromiso 2: Compromiso unificado 2")).toBe(true);
  pages.forEach((text, i) => expect(text).toContain(`Página ${i + 1} de 4`));

  const [english] = await Promise.all([page.waitForEvent("download"), downloads.getByRole("link", { name: "PDF en inglés" }).click()]);
  expect(english.suggestedFilename()).toBe(`plan-${slug}-en.pdf`);
  const en = await pdfPages(await readFile((await english.path())!));
  expect(en).toHaveLength(4);
  expect(en[2].startsWith("Commitment 1: Compromiso unificado 1")).toBe(true);
  expect(en[3]).toContain("Page 4 of 4");
  await page.context().close();
});

it("the observer's staff page now lists the downloads, the PDF first", async () => {
  const { page, context } = await signedInContext(browser, server.url, f.t.observer.email, f.t.observer.password);
  await page.goto(`${server.url}/admin/c/${f.t.consultationId}/plan`);
  expect(await page.getByTestId("plan-exports-unpublished").count()).toBe(0);
  expect((await page.getByTestId("plan-exports").getByRole("link").allTextContents())[0]).toBe("PDF");
  const res = await page.request.get(`${server.url}/c/${slug}/plan/exportar/plan.pdf`);
  expect([res.status(), res.headers()["content-type"]]).toEqual([200, "application/pdf"]);
  await context.close();
});
