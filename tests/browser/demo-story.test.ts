// A newcomer on the freshly seeded demo, in Debian's Chromium, follows one 2016 opinion by clicking links only: from
// the 2016 consultation's call page (which says it has ended) to an example receipt, through its summary, the
// proposal that answered it, the merge and the commitment, to that commitment on the plan's follow-up page with its
// reported milestones. Words as a person reads them, from the story (db/factories).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { accessRoundtable2016 } from "../../db/factories/technical-2016";
import { story2016 } from "../../db/factories/story-2016";
import { seedDemo } from "../../db/seed/demo.server";
import { launchBrowser, newPage } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
let seeded: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  seeded = await seedDemo(server.cocrea.bus, server.cocrea.db, "contraseña-de-demo-123");
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const TRAINING = accessRoundtable2016.merges.find((m) => m.key === "capacitacion")!.title;
const summary = story2016.summaries.find((s) => s.key === "capacitacion")!;

it("follows a demo opinion from the call page to its receipt and on to the commitment's follow-up, by clicking links", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/c/${seeded.slug}`);
  expect(await page.getByTestId("consultation-ended").textContent()).toBe(
    "Esta consulta terminó: todas sus etapas están cerradas. Lo que sigue abierto al público es el seguimiento del plan.",
  );

  // "Follow an example opinion": the first receipt.
  const examples = page.getByTestId("example-opinion");
  expect(await examples.getByRole("heading").textContent()).toBe("Sigue una opinión de ejemplo");
  await examples.getByRole("link").first().click();
  await page.waitForURL(`${server.url}/r/**`);
  await page.getByTestId("fate").waitFor(); // the URL changes before the new page renders

  // The receipt reads the whole chain, step by step, in order.
  expect(await page.locator('[data-fate-step="summary"]').textContent()).toBe(`Se agrupó en el resumen «${summary.title}».`);
  const proposals = await page.locator('[data-fate-step="proposal"]').allTextContents();
  expect(proposals).toEqual(summary.citedBy.map((title) => `La propuesta «${title}» responde a ese resumen.`));
  for (const merged of await page.locator('[data-fate-step="merged_into"]').allTextContents())
    expect(merged).toBe(`Se unificó con otras en la propuesta «${TRAINING}» (5 de julio de 2016).`);
  // The plan was assembled in the order of adoption; the training commitment was adopted first.
  expect(await page.locator('[data-fate-step="commitment"]').first().textContent()).toBe(
    `«${TRAINING}» es el compromiso 1 del plan. Ver el compromiso 1 en el plan · Ver su seguimiento`,
  );
  expect(await page.getByTestId("fate-ending").textContent()).toBe("Llegó al plan como compromiso 1.");
  const followup = page.locator('[data-fate-step="followup"]');
  expect(await followup.locator("p").first().textContent()).toBe(
    `«${TRAINING}»: 1 de 4 metas cumplidas. Último avance reportado: meta 2, Limitado (1 de abril de 2017).`,
  );

  // The summary's public sheet, and back.
  await page.locator('[data-fate-step="summary"]').getByRole("link").click();
  await page.waitForURL(`${server.url}/c/${seeded.slug}/resumenes/**`);
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(summary.title);
  await page.goBack();
  await page.getByTestId("fate-followup").waitFor();

  // On to the commitment's follow-up.
  await page.getByTestId("fate-followup-link").click();
  await page.waitForURL(`${server.url}/c/${seeded.slug}/plan/seguimiento#c-${seeded.technical.proposalIds.capacitacion}`);
  const commitment = page.getByTestId(`commitment-${seeded.technical.proposalIds.capacitacion}`);
  await commitment.waitFor();
  expect(await commitment.getByRole("heading", { level: 2 }).textContent()).toBe(TRAINING);
  const milestone = await commitment.getByTestId("milestone-1").textContent();
  expect(milestone).toContain("Cumplida con 78 días de atraso");
  expect(await commitment.getByTestId("responsible").textContent()).toContain("Licda. Marta Xicará");
});

it("on a phone, the ended call page, the example receipt with its follow-up and the demo in progress fit without sideways scroll", async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  for (const path of [`/c/${seeded.slug}`, `/r/${seeded.exampleReceipts[0]}`, `/c/${seeded.inProgress.slug}`, `/c/${seeded.inProgress.slug}/plan`]) {
    await page.goto(`${server.url}${path}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(sideways, path).toBeLessThanOrEqual(0);
  }
  expect(errors).toEqual([]);
});
