// The reasoned response and the funnel's snapshots in Debian's Chromium: the point of contact writes a response to
// a citizen summary on /c/:slug/respuesta; a citizen reads it there; from the funnel a visitor opens the snapshots
// and sees a proposal that moved on since it was published, with the command that moved it, in words.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, newPage, signedInContext } from "../support/browser";
import { ApiClient, createMember, startServer, type TestServer } from "../support/server";
import { meetCriteria, setupTechnical, type TechnicalTable } from "../support/technical";

let server: TestServer;
let browser: Browser;
let t: TechnicalTable;
let slug: string;
let summaryId: string;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  browser = await launchBrowser();
  t = await setupTechnical(server, { unified: 2 });
  const admin = t.admin.client;
  slug = (await admin.get(`/api/v1/consultations/${t.consultationId}`)).body.result.consultation.slug;
  await admin.ok("stage.open", { stageId: t.stage("opinion_intake") });
  const { inputId } = await new ApiClient(server.url).ok<{ inputId: string }>("opinion.submit", {
    consultationId: t.consultationId,
    subject: "theme",
    themeId: t.themeIds[0],
    text: "Que las compras municipales se publiquen completas.",
  });
  const systematizer = await createMember(server, admin, t.consultationId, "systematizer");
  ({ summaryId } = await systematizer.client.ok<{ summaryId: string }>("summary.create", {
    consultationId: t.consultationId,
    themeId: t.themeIds[0],
    title: "Compras municipales abiertas",
    text: "Publicar las compras municipales completas.",
    inputIds: [inputId],
  }));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it("the point of contact answers a summary; a citizen reads the answer", async () => {
  const { page } = await signedInContext(browser, server.url, t.admin.email, t.admin.password);
  await page.goto(`${server.url}/c/${slug}/respuesta`);
  const item = page.getByTestId(`response-${summaryId}`);
  await item.getByLabel("Escribir la respuesta").fill("La Mesa Técnica la tomó en cuenta en el compromiso de compras abiertas.");
  await item.getByRole("button", { name: "Guardar la respuesta" }).click();
  await expect.poll(() => item.getByRole("status").textContent()).toBe("Respuesta guardada.");

  const citizen = await newPage(browser);
  await citizen.goto(`${server.url}/c/${slug}/respuesta`);
  const seen = citizen.getByTestId(`response-${summaryId}`);
  expect(await seen.getByTestId("written").textContent()).toBe("La Mesa Técnica la tomó en cuenta en el compromiso de compras abiertas.");
  expect(await seen.getByRole("button", { name: "Guardar la respuesta" }).count()).toBe(0);
});

it("from the funnel, a snapshot shows what changed since it was published and by which command", async () => {
  // The review session closes "after the technical roundtable" (a snapshot); then the table adopts one proposal,
  // which so enters "after refinement" and "in the plan" since.
  const closed = await t.chair.client.ok<{ snapshotId: string }>("technical.session.close", { roundId: t.sessionId });
  const { roundId } = await t.chair.client.ok<{ roundId: string }>("technical.session.schedule", {
    roundtableId: t.technicalId,
    kind: "refinement",
    venue: "SEGEPLAN",
  });
  await t.chair.client.ok("technical.session.open", { roundId });
  for (const person of t.members) await t.chair.client.ok("technical.attendance", { roundId, userId: person.userId, present: true });
  await meetCriteria(t, t.unified[0]);
  const { voteId } = await t.chair.client.ok<{ voteId: string }>("vote.open", { proposalId: t.unified[0] });
  for (const m of t.members) await m.client.ok("vote.answer", { voteId, answer: "agree" });
  await t.chair.client.ok("vote.close", { voteId });

  const visitor = await newPage(browser);
  await visitor.goto(`${server.url}/c/${slug}/propuestas`);
  await visitor.getByRole("link", { name: /Instantáneas del embudo/ }).click();
  await visitor.waitForURL(`${server.url}/c/${slug}/propuestas/instantaneas`);
  await visitor.locator(`a[href$="/instantaneas/${closed.snapshotId}"]`).first().click();
  await visitor.waitForURL(`${server.url}/c/${slug}/propuestas/instantaneas/${closed.snapshotId}`);
  const changes = visitor.getByTestId("snapshot-changes");
  await expect.poll(() => changes.textContent()).toContain("Compromiso unificado 1");
  expect(await changes.textContent()).toContain("Votación cerrada");
});
