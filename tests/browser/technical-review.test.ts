// Reviewing a proposal at the technical roundtable in Debian's Chromium: the chair (delegate of the responsible
// public institution) tries to open a vote and is told which criteria are missing, records the three adoption
// criteria from the proposal's card, and then opens the vote.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, signedInContext } from "../support/browser";
import { startServer, type TestServer } from "../support/server";
import { setupTechnical, type TechnicalTable } from "../support/technical";

let server: TestServer;
let browser: Browser;
let t: TechnicalTable;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  browser = await launchBrowser();
  t = await setupTechnical(server, { unified: 1 });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it("the chair records the three criteria on the card, then the vote opens", async () => {
  const { page } = await signedInContext(browser, server.url, t.chair.email, t.chair.password);
  await page.goto(`${server.url}/admin/c/${t.consultationId}/technical`);
  await expect.poll(() => page.getByTestId("live-status").textContent()).toBe("En vivo");
  const card = page.locator('[data-testid="tech-proposal"]', { hasText: "Compromiso unificado 1" });

  await card.getByRole("button", { name: "Abrir la votación" }).click();
  await expect
    .poll(() => card.getByRole("alert").textContent())
    .toContain("faltan 3 criterios de adopción: la institución responsable acepta, viable legalmente, viable financieramente");

  const notes: Record<string, string> = { institution: "Carta del ministro", legal: "Dictamen jurídico favorable", financial: "Presupuesto 2017" };
  for (const criterion of ["institution", "legal", "financial"] as const) {
    const details = card.locator("details", { hasText: "Registrar un criterio" });
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
    await details.getByLabel("Criterio").selectOption(criterion);
    await details.getByLabel(/^Nota/).fill(notes[criterion]);
    await details.getByRole("button", { name: "Registrar" }).click();
    await expect.poll(() => card.locator(`[data-criterion="${criterion}"]`).getAttribute("data-status")).toBe("met");
    expect(await card.locator(`[data-criterion="${criterion}"]`).textContent()).toContain(notes[criterion]);
  }
  expect(await card.locator('[data-criterion="institution"]').textContent()).toContain("cumple");

  await card.getByRole("button", { name: "Abrir la votación" }).click();
  await expect.poll(() => page.getByTestId("open-votes").textContent()).toContain("Compromiso unificado 1");
});
