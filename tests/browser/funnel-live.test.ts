// A citizen keeps the public funnel open on a phone (390 px wide) while the table merges three proposals, withdraws
// one and closes its round (through the API, as another participant would): the chart and the table change without
// a reload, and the page never scrolls sideways.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, newPage } from "../support/browser";
import { opinion, openIntake } from "../support/intake";
import { ApiClient, startServer, type TestServer } from "../support/server";
import { mergePayload, registerProposals, setupRoundtable } from "../support/roundtables";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const text = (page: Page, testId: string) => page.getByTestId(testId).first().textContent();

it("the funnel's chart and table follow a merge, a withdrawal and a round closing live, without reloading", async () => {
  const table = await setupRoundtable(server);
  const theme = table.themeIds[0];
  const slug = (await table.admin.client.get(`/api/v1/consultations/${table.consultationId}`)).body.result.consultation.slug;
  const ids = [
    ...(await registerProposals(table.icefi.client, table.roundtableId, 3)),
    ...(await registerProposals(table.ciidh.client, table.roundtableId, 2)),
  ];

  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(`${server.url}/c/${slug}/propuestas`);
  await expect.poll(() => page.getByTestId("live-status").textContent()).toBe("En vivo");
  let reloaded = false;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) reloaded = true;
  });

  expect(await text(page, "chart-proposed-entered")).toBe("5");
  expect(await text(page, "chart-proposed-now")).toBe("5");
  expect(await text(page, `funnel-${theme}-proposed`)).toBe("5");
  expect(await text(page, `funnel-now-${theme}-proposed`)).toBe("5");
  expect(await text(page, "chart-unified-entered")).toBe("0");
  expect(await text(page, `funnel-rounds-${theme}`)).toBe("ronda 1 de 1 abierta");

  // Three become one at the table: five entered, three are still there.
  await table.member.client.ok("proposal.merge", mergePayload(table, ids.slice(0, 3), "Presupuesto abierto unificado"));
  await expect.poll(() => text(page, "chart-proposed-now")).toBe("3");
  expect(await text(page, "chart-proposed-entered")).toBe("5");
  expect(await text(page, `funnel-now-${theme}-proposed`)).toBe("3");
  await expect.poll(() => page.getByTestId("proposal-list").textContent()).toContain("unificada en «Presupuesto abierto unificado»");

  // The round closes: the three enter "unified"; then CIIDH withdraws one of them.
  await table.admin.client.ok("round.close", { roundId: table.roundId });
  await expect.poll(() => text(page, "chart-unified-entered")).toBe("3");
  expect(await text(page, "chart-unified-now")).toBe("3");
  expect(await text(page, "chart-proposed-now")).toBe("0");
  expect(await text(page, `funnel-rounds-${theme}`)).toBe("rondas cerradas (1)");
  await table.ciidh.client.ok("proposal.withdraw", { proposalId: ids[4], reason: "La institución no puede asumirla" });
  await expect.poll(() => text(page, "chart-unified-now")).toBe("2");
  expect(await text(page, "chart-unified-entered")).toBe("3");
  expect(await text(page, `funnel-${theme}-unified`)).toBe("3");
  expect(await text(page, `funnel-now-${theme}-unified`)).toBe("2");
  expect(reloaded).toBe(false);

  // Nothing sticks out sideways on a 390 px phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // A bar opens the proposals behind it.
  await page
    .getByRole("link", { name: /2\s*siguen ahí/ })
    .first()
    .click();
  await page.waitForURL(/stage=unified&at=now/);
  expect(await page.getByTestId("proposal-list").locator("li").count()).toBe(2);
  await page.close();
});

it("the participation figures follow the intake live: opinions sent elsewhere raise the count without a reload", async () => {
  const intake = await openIntake(server);
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(`${server.url}/c/${intake.slug}/propuestas`);
  await expect.poll(() => page.getByTestId("live-status").textContent()).toBe("En vivo");
  let reloaded = false;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) reloaded = true;
  });
  expect(await text(page, "participation-opinionsOnline")).toBe("0");

  const citizen = new ApiClient(server.url);
  for (let i = 0; i < 3; i++) await citizen.ok("opinion.submit", opinion(intake.consultationId));
  await expect.poll(() => text(page, "participation-opinionsOnline")).toBe("3");
  await expect.poll(() => page.getByTestId("participation").textContent()).toContain("3 opiniones en línea");
  expect(reloaded).toBe(false);
  await page.context().close();
});
