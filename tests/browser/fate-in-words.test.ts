// Fates and codes in words, as a person reads them in Debian's Chromium (issue 17). The technical roundtable adopts
// two proposals by full consensus and loses a third to stand-asides; the point of contact assembles the plan with
// both commitments, publishes, approves and submits it. The second commitment's public sheet reads "Compromiso 2
// del plan" (and "Commitment 2 of the plan" in English), and its links open its place in the plan and in the
// follow-up; the public technical page gives the stand-asides reason in words; the staff activity names the
// submission in words.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, newPage, signedInContext } from "../support/browser";
import { adopt } from "../support/plan";
import { startServer, type TestServer } from "../support/server";
import { meetCriteria, setupTechnical, type TechnicalTable } from "../support/technical";

let server: TestServer;
let browser: Browser;
let t: TechnicalTable;
let slug: string;
let first: string;
let second: string;
let standAsides: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  t = await setupTechnical(server, { unified: 3, settings: { decisionRule: "full_consensus", standAsideMaxShare: 0.25 } });
  [first, second, standAsides] = t.unified;
  slug = (await t.admin.client.get(`/api/v1/consultations/${t.consultationId}`)).body.result.consultation.slug;
  await adopt(t, first);
  await adopt(t, second);
  // Two of three members stand aside: more than the quarter full consensus allows.
  await meetCriteria(t, standAsides);
  const { voteId } = await t.chair.client.ok("vote.open", { proposalId: standAsides });
  await t.members[0].client.ok("vote.answer", { voteId, answer: "agree" });
  await t.members[1].client.ok("vote.answer", { voteId, answer: "stand_aside" });
  await t.members[2].client.ok("vote.answer", { voteId, answer: "stand_aside" });
  await t.chair.client.ok("vote.close", { voteId });

  const admin = t.admin.client;
  const { planId } = await admin.ok("plan.assemble", { consultationId: t.consultationId, introduction: "Dos compromisos.", proposalIds: [first, second] });
  await admin.ok("plan.publish", { planId });
  await admin.ok("plan.approve", { planId, approvedBy: "Mesa de Alto Nivel", approvedOn: "2016-08-11", reference: "Acta 3-2016" });
  await admin.ok("plan.submit", { planId, submittedOn: "2016-10-31", link: "https://www.opengovpartnership.org/guatemala" });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it("an adopted commitment's public sheet reads 'Compromiso 2 del plan' and links to the plan and its follow-up", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/c/${slug}/propuestas/${second}`);
  expect(await page.getByTestId("commitment-place").textContent()).toBe("Compromiso 2 del plan.");
  expect(await page.getByTestId("lineage").textContent()).not.toContain("Sigue en la mesa");

  await page.getByRole("link", { name: "Ver el compromiso 2 en el plan" }).click();
  await page.waitForURL(`${server.url}/c/${slug}/plan#compromiso-2`);
  const inPlan = page.locator("#compromiso-2");
  await inPlan.waitFor();
  expect(await inPlan.getByTestId("commitment-title").textContent()).toBe("Compromiso unificado 2");

  await page.goBack();
  await page.getByRole("link", { name: "Ver su seguimiento" }).click();
  await page.waitForURL(`${server.url}/c/${slug}/plan/seguimiento#c-${second}`);
  await expect.poll(() => page.locator(`#c-${second}`).textContent()).toBe("Compromiso unificado 2");
  await page.context().close();
});

it("in English: 'Commitment 2 of the plan', with the same links", async () => {
  const page = await newPage(browser, { locale: "en-US" });
  await page.goto(`${server.url}/c/${slug}/propuestas/${second}`);
  expect(await page.getByTestId("commitment-place").textContent()).toBe("Commitment 2 of the plan.");
  expect(await page.getByRole("link", { name: "See commitment 2 in the plan" }).getAttribute("href")).toBe(`/c/${slug}/plan#compromiso-2`);
  expect(await page.getByRole("link", { name: "See its follow-up" }).getAttribute("href")).toBe(`/c/${slug}/plan/seguimiento#c-${second}`);
  expect(await page.getByTestId("lineage").textContent()).not.toContain("Still at the table");
  await page.context().close();
});

it("the public technical page gives the stand-asides reason in words, not a code", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/c/${slug}/mesa-tecnica`);
  // Two of the three who answered stood aside; a quarter of three allows none. Not a rejection: it stays at the table.
  expect(await page.locator("body").innerText()).toContain("No adoptada: más abstenciones de las permitidas: 2 de 3, el máximo es 0");
  // What a person reads (innerText: not the loader data the page carries for hydration).
  expect(await page.locator("body").innerText()).not.toContain("stand_asides");
  await page.context().close();

  const en = await newPage(browser, { locale: "en-US" });
  await en.goto(`${server.url}/c/${slug}/mesa-tecnica`);
  expect(await en.locator("body").innerText()).toContain("Not adopted: more stand-asides than allowed: 2 of 3, the maximum is 0");
  expect(await en.locator("body").innerText()).not.toContain("stand_asides");
  await en.context().close();
});

it("the staff activity feed names plan.submit in words", async () => {
  const { context, page } = await signedInContext(browser, server.url, t.admin.email, t.admin.password);
  await page.goto(`${server.url}/admin/c/${t.consultationId}`);
  const body = page.locator("body");
  await expect.poll(() => body.innerText()).toContain("Plan enviado a la AGA");
  expect(await body.innerText()).not.toContain("Otra acción");
  await context.close();
});
