// The draft plan in Debian's Chromium: a citizen on a phone WITHOUT JavaScript comments on a commitment and gets a
// receipt; a technical-roundtable member answers the comment and revises the commitment's text on the comments view
// (a staff member's page, live); after approval the printable export prints to PDF (Chromium's own printing) with
// one commitment per page — the page count and each commitment's title alone on its page, with its new text.
// The moderation queue shows a new comment on the plan live and hides it; after approval the amendment page changes
// a milestone with a reason.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, newPage, signedInContext } from "../support/browser";
import { pdfPages } from "../support/pdf";
import { setupPlan, type PlanFixture } from "../support/plan";
import { ApiClient, startServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
let f: PlanFixture;
let slug: string;
const COMMENT = "Que los contratos municipales también se publiquen en datos abiertos.";
const NEW_OBJECTIVE = "Publicar en datos abiertos los contratos de obra pública, incluidos los municipales.";

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  browser = await launchBrowser();
  f = await setupPlan(server, { adopted: 3 });
  await f.t.admin.client.ok("stage.open", { stageId: f.t.stage("draft_plan") });
  slug = (await server.cocrea.db.selectFrom("consultations").select("slug").where("id", "=", f.t.consultationId).executeTakeFirstOrThrow()).slug;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it("the point of contact orders and numbers the commitments, then publishes the draft", async () => {
  const { page, context } = await signedInContext(browser, server.url, f.t.admin.email, f.t.admin.password);
  await page.goto(`${server.url}/admin/c/${f.t.consultationId}/plan`);
  await expect.poll(() => page.getByTestId("live-status").textContent()).toBe("En vivo");
  expect(await page.getByTestId("plan-status").textContent()).toContain("en preparación");
  const rows = page.getByTestId("assembly-row");
  expect(await rows.count()).toBe(3);
  // The third commitment goes first, numbered "1.a"; the others keep their order.
  await rows
    .nth(2)
    .getByLabel(/^Orden/)
    .fill("0");
  await rows
    .nth(2)
    .getByLabel(/^Número/)
    .fill("1.a");
  await page.getByRole("button", { name: "Guardar el plan" }).click();
  await expect.poll(() => page.getByTestId("plan-row").first().textContent()).toContain("1.a. Compromiso unificado 3");
  await page.getByRole("button", { name: "Publicar el borrador para comentario público" }).click();
  await expect.poll(() => page.getByTestId("plan-status").textContent()).toContain("borrador en comentario público");
  await context.close();
});

it("a citizen comments on a phone without JavaScript and gets a receipt", async () => {
  const page = await newPage(browser, { javaScriptEnabled: false, viewport: { width: 360, height: 740 }, isMobile: true });
  await page.goto(`${server.url}/c/${slug}/plan`);
  expect(await page.getByTestId("plan-status").textContent()).toContain("borrador en comentario público");
  expect(await page.getByTestId("plan-funnel").isVisible()).toBe(true);
  const first = page.getByTestId("plan-commitment").first();
  await first.getByLabel("Su comentario").fill(COMMENT);
  await first.getByRole("button", { name: "Enviar comentario" }).click();
  const code = (await page.getByTestId("receipt-code").textContent())!;
  expect(code).toMatch(/^[23456789BCDFGHJKMNPQRSTVWXZ]{4}-[23456789BCDFGHJKMNPQRSTVWXZ]{4}$/);
  expect(await page.getByTestId("plan-comment").first().textContent()).toContain(COMMENT);
  // The receipt opens from its code and says it is not answered yet.
  await page.getByRole("link", { name: "Ver el comprobante" }).click();
  expect(await page.getByTestId("receipt-text").textContent()).toBe(COMMENT);
  await page.context().close();
});

it("a moderator sees a new comment on the plan arrive in the moderation queue live, and hides it", async () => {
  const SPAM = "Visite mi tienda en línea para comprar ofertas de temporada.";
  const { page, context } = await signedInContext(browser, server.url, f.t.admin.email, f.t.admin.password);
  await page.goto(`${server.url}/admin/c/${f.t.consultationId}/opiniones`);
  await expect.poll(() => page.getByTestId("live-status").textContent()).toBe("En vivo");
  expect(await page.getByTestId("mod-plan-comment").count()).toBe(1);
  await new ApiClient(server.url).ok("plan.comment", { planId: f.planId, proposalId: null, text: SPAM });
  const item = page.getByTestId("mod-plan-comment").filter({ hasText: SPAM });
  await expect.poll(() => item.count()).toBe(1);
  expect(await item.getByTestId("mod-plan-comment-label").textContent()).toBe("Comentario al plan de acción");
  await item.locator("summary", { hasText: "Ocultar" }).click();
  await item.getByLabel("Motivo para ocultarlo").fill("Publicidad");
  await item.getByRole("button", { name: "Ocultar" }).click();
  await expect.poll(() => item.getAttribute("data-status")).toBe("hidden");
  expect(await item.textContent()).toContain("Publicidad");
  await context.close();
});

it("a technical-roundtable member answers the comment and revises the text", async () => {
  const member = f.t.members[1];
  const { page, context } = await signedInContext(browser, server.url, member.email, member.password);
  await page.goto(`${server.url}/admin/c/${f.t.consultationId}/plan/comentarios`);
  await expect.poll(() => page.getByTestId("live-status").textContent()).toBe("En vivo");
  const card = page.getByTestId("review-commitment").first();
  const comment = card.getByTestId("plan-comment").filter({ hasText: COMMENT });

  await comment.locator("summary", { hasText: "Responder" }).click();
  await comment.getByLabel("Respuesta").selectOption("accepted");
  await comment.getByLabel("Motivo").fill("Se agregan los contratos municipales al compromiso.");
  await comment.getByRole("button", { name: "Responder" }).click();
  await expect.poll(() => comment.getByTestId("comment-answer").textContent()).toContain("Aceptado");

  await card.locator("summary", { hasText: "Revisar el texto" }).click();
  await card.getByLabel("Objetivo principal").fill(NEW_OBJECTIVE);
  await card.getByLabel("Qué cambió y por qué").fill("Como pidió un comentario ciudadano.");
  await card.getByRole("checkbox", { name: COMMENT.slice(0, 40) }).check();
  await card.getByRole("button", { name: "Guardar la nueva versión" }).click();
  await expect.poll(() => card.locator('[data-field="objective"] dd').textContent()).toBe(NEW_OBJECTIVE);
  await context.close();

  // The public sheet shows the difference and the comment that led to it.
  const visitor = await newPage(browser, { javaScriptEnabled: false });
  await visitor.goto(`${server.url}/c/${slug}/plan`);
  const sheet = visitor.getByTestId("plan-commitment").first();
  expect(await sheet.getByTestId("revision").textContent()).toContain("incluidos los municipales");
  expect(await sheet.getByTestId("revision-comments").textContent()).toContain(COMMENT);
  await visitor.context().close();
});

it("the approved plan prints to PDF with the funnel table first and one commitment per page", async () => {
  const admin = await signedInContext(browser, server.url, f.t.admin.email, f.t.admin.password);
  await admin.page.goto(`${server.url}/admin/c/${f.t.consultationId}/plan`);
  await expect.poll(() => admin.page.getByTestId("live-status").textContent()).toBe("En vivo");
  await admin.page.locator("summary", { hasText: "Registrar la aprobación" }).click();
  await admin.page.getByLabel("Aprobado por").fill("Mesa Técnica de Gobierno Abierto");
  await admin.page.getByLabel("Fecha").fill("2016-10-28");
  await admin.page.getByLabel("Referencia del acta").fill("Acta 07-2016");
  await admin.page.getByRole("button", { name: "Registrar la aprobación" }).click();
  await expect.poll(() => admin.page.getByTestId("plan-status").textContent()).toContain("aprobado");
  await admin.context.close();

  const page = await newPage(browser);
  await page.goto(`${server.url}/c/${slug}/plan/exportar/plan.html`);
  const titles = await page.locator("section.commitment h2").allTextContents();
  expect(titles).toHaveLength(3);
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  const pages = await pdfPages(pdf);
  // The cover (status, approval, introduction, funnel table) fits one page; then each commitment on its own page.
  expect(pages, JSON.stringify(pages, null, 1)).toHaveLength(4);
  expect(pages[0]).toContain("Cuántas propuestas quedaron en cada etapa, por eje temático");
  expect(pages[0]).toContain("Acta 07-2016");
  titles.forEach((title, i) => {
    const on = pages.map((text, n) => (text.includes(title.replace(/\s+/g, " ")) ? n : -1)).filter((n) => n >= 0);
    expect(on, title).toEqual([i + 1]);
  });
  expect(pages[1]).toContain("incluidos los municipales");
  // Page numbers from the print stylesheet's margin box.
  expect(pages[3]).toContain("4 / 4");
  await page.context().close();
});

it("after approval the point of contact amends a milestone with a reason; the public sheet shows it", async () => {
  const { page, context } = await signedInContext(browser, server.url, f.t.admin.email, f.t.admin.password);
  await page.goto(`${server.url}/admin/c/${f.t.consultationId}/plan`);
  await page.getByTestId("amend-link").first().click();
  // The form posted back as prefilled changes nothing: refused, nothing recorded.
  await page.getByLabel("Motivo de la enmienda").fill("Sin cambios.");
  await page.getByRole("button", { name: "Registrar la enmienda" }).click();
  await expect.poll(() => page.locator(".form-error").first().textContent()).toContain("no cambió");
  const milestone = page.getByLabel("Descripción de la meta").first();
  expect(await milestone.inputValue()).not.toBe("");
  await milestone.fill("Publicar los contratos de obra pública cada mes en datos abiertos");
  await page.getByLabel("Motivo de la enmienda").fill("Acuerdo de la Mesa de Alto Nivel.");
  await page.getByRole("button", { name: "Registrar la enmienda" }).click();
  await page.waitForURL(`${server.url}/admin/c/${f.t.consultationId}/plan`);
  await context.close();

  const visitor = await newPage(browser, { javaScriptEnabled: false });
  await visitor.goto(`${server.url}/c/${slug}/plan`);
  const sheet = visitor.getByTestId("plan-commitment").first();
  expect(await sheet.getByTestId("amendment").textContent()).toContain("Acuerdo de la Mesa de Alto Nivel.");
  expect(await sheet.textContent()).toContain("Publicar los contratos de obra pública cada mes en datos abiertos");
  await visitor.context().close();
});
