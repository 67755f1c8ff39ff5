// A citizen keeps the receipt of an opinion open in Debian's Chromium while the consultation moves on: a
// systematizer groups the opinion into a summary, a proponent answers the summary with a proposal, and the thematic
// roundtable merges it with another. The receipt shows each step LIVE, without a reload; each step links to the
// public sheet. Then, without JavaScript, the same receipt shows the same steps (a plain page load).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, newPage } from "../support/browser";
import { opinion } from "../support/intake";
import { mergePayload, registerProposals, setupRoundtable, type Table } from "../support/roundtables";
import { ApiClient, createMember, startServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
let t: Table;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  browser = await launchBrowser();
  t = await setupRoundtable(server);
  await t.admin.client.ok("stage.open", { stageId: t.stage("opinion_intake") });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it("a receipt shows the fate of its opinion after a summary and a merge take it up, live", async () => {
  const text = "Que cada municipio publique sus contratos de obra con las fotos del avance.";
  const { inputId, receiptCode } = await new ApiClient(server.url).ok("opinion.submit", opinion(t.consultationId, { about: `theme:${t.themeIds[0]}`, text }));
  const systematizer = await createMember(server, t.admin.client, t.consultationId, "systematizer");

  const page = await newPage(browser);
  await page.goto(`${server.url}/r/${receiptCode}`);
  expect(await page.getByTestId("receipt-text").textContent()).toBe(text);
  expect(await page.getByTestId("fate-ending").textContent()).toBe("Todavía ningún resumen recoge este texto: la sistematización no ha cerrado.");
  await page.getByTestId("live-status").filter({ hasText: "En vivo" }).waitFor();
  // A mark on the window: still there at the end means the page was never reloaded.
  await page.evaluate(() => Object.assign(window, { fateMark: "same page" }));

  // A summary takes the opinion up: the receipt says so without a reload.
  const { summaryId } = await systematizer.client.ok("summary.create", {
    consultationId: t.consultationId,
    themeId: t.themeIds[0],
    title: "Obras municipales a la vista",
    text: "Publicar los contratos de obra municipales con su avance.",
    inputIds: [inputId],
  });
  const summaryStep = page.locator('[data-fate-step="summary"]');
  await summaryStep.waitFor();
  expect(await summaryStep.textContent()).toBe("Se agrupó en el resumen «Obras municipales a la vista».");
  expect(await page.getByTestId("fate-ending").textContent()).toBe("Todavía ninguna propuesta responde a ese resumen.");

  // ICEFI answers the summary with a proposal; the table merges it with CIIDH's.
  const [answer] = await registerProposals(t.icefi.client, t.roundtableId, 1, {
    title: "Obras abiertas en cada municipio",
    respondsTo: { summaryIds: [summaryId], inputIds: [] },
  });
  const [other] = await registerProposals(t.ciidh.client, t.roundtableId, 1, { title: "Auditoría social de obras" });
  await page.locator('[data-fate-step="proposal"]').waitFor();
  expect(await page.locator('[data-fate-step="proposal"]').textContent()).toBe("La propuesta «Obras abiertas en cada municipio» responde a ese resumen.");
  const { proposalId: merged } = await t.member.client.ok("proposal.merge", mergePayload(t, [answer, other], "Obras públicas municipales abiertas"));

  const mergedStep = page.locator('[data-fate-step="merged_into"]');
  await mergedStep.waitFor();
  expect(await mergedStep.textContent()).toMatch(
    /^Se unificó con otras en la propuesta «Obras públicas municipales abiertas» \(\d{1,2} de [a-z]+ de \d{4}\)\.$/,
  );
  expect(await page.locator('[data-fate-step="pending"]').textContent()).toBe("Sigue en discusión (etapa alcanzada: Propuestas en mesas temáticas).");
  expect(await page.getByTestId("fate-ending").textContent()).toBe("Las propuestas siguen en discusión.");
  // The page never reloaded, and the steps read in order.
  expect(await page.evaluate(() => (window as unknown as { fateMark?: string }).fateMark)).toBe("same page");
  expect(await page.locator("[data-fate-step]").evaluateAll((els) => els.map((e) => e.getAttribute("data-fate-step")))).toEqual([
    "summary",
    "proposal",
    "merged_into",
    "pending",
  ]);

  // Each step is a link to its public sheet: the merged proposal's page and the summary's.
  await mergedStep.getByRole("link").click();
  await page.waitForURL(`${server.url}/c/**/propuestas/${merged}`);
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Obras públicas municipales abiertas"); // the URL changes before the new page renders
  await page.goBack();
  await summaryStep.getByRole("link").click();
  await page.waitForURL(`${server.url}/c/**/resumenes/${summaryId}`);
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Obras municipales a la vista"); // the URL changes before the new page renders
  expect(await page.locator('[data-fate-step="merged_into"]').textContent()).toContain("«Obras públicas municipales abiertas»");
  await page.context().close();

  // Without JavaScript, a plain load of the receipt tells the same.
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "es-GT" });
  const plain = await context.newPage();
  await plain.goto(`${server.url}/r/${receiptCode}`);
  expect(await plain.locator("[data-fate-step]").evaluateAll((els) => els.map((e) => e.textContent))).toEqual([
    "Se agrupó en el resumen «Obras municipales a la vista».",
    "La propuesta «Obras abiertas en cada municipio» responde a ese resumen.",
    expect.stringMatching(/^Se unificó con otras en la propuesta «Obras públicas municipales abiertas» \(/),
    "Sigue en discusión (etapa alcanzada: Propuestas en mesas temáticas).",
  ]);
  await context.close();
});
