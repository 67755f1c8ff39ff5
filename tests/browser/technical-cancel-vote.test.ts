// The chair's way out of a stuck vote, in Debian's Chromium: a consultation whose plan holds one commitment, two
// votes opened while the place was free; the first adopts its proposal and fills the plan. The chair cancels the
// other vote from the staff session with a reason, and a visitor on the public technical page reads the cancellation
// and its reason in words, live, without reloading — in Spanish, and in English on a fresh visit.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, newPage, signedInContext } from "../support/browser";
import { startServer, type TestServer } from "../support/server";
import { meetCriteria, setupTechnical, type TechnicalTable } from "../support/technical";

let server: TestServer;
let browser: Browser;
let t: TechnicalTable;
let slug: string;
let stuckVoteId: string;
const STUCK = "Compromiso unificado 2";
const REASON = "El plan ya tiene su único compromiso: esta propuesta queda para el próximo plan";

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  browser = await launchBrowser();
  t = await setupTechnical(server, { unified: 2 });
  slug = (await server.cocrea.db.selectFrom("consultations").select("slug").where("id", "=", t.consultationId).executeTakeFirstOrThrow()).slug;
  await t.admin.client.ok("consultation.update", { consultationId: t.consultationId, title: "Consulta con un solo compromiso", maxCommitments: 1 });
  for (const id of t.unified) await meetCriteria(t, id);
  // Both votes open while the plan still has its one place; the first one adopts and fills it.
  const first = await t.chair.client.ok<{ voteId: string }>("vote.open", { proposalId: t.unified[0] });
  stuckVoteId = (await t.chair.client.ok<{ voteId: string }>("vote.open", { proposalId: t.unified[1] })).voteId;
  for (const m of t.members.slice(0, 2)) await m.client.ok("vote.answer", { voteId: first.voteId, answer: "agree" });
  expect((await t.chair.client.ok("vote.close", { voteId: first.voteId })).outcome.kind).toBe("adopted");
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const openVote = (page: Page) => page.getByTestId("open-votes").locator('[data-testid="vote"]', { hasText: STUCK });
const closedVote = (page: Page) => page.getByTestId("closed-votes").locator('[data-testid="vote"]', { hasText: STUCK });

it("the chair cancels the stuck vote with a reason; the public page shows the cancellation and its reason in words", async () => {
  // A visitor follows the public session.
  const visitor = await newPage(browser);
  await visitor.goto(`${server.url}/c/${slug}/mesa-tecnica`);
  await expect.poll(() => visitor.getByTestId("live-status").textContent()).toBe("En vivo");
  await expect.poll(() => openVote(visitor).count()).toBe(1);
  expect(await visitor.getByTestId("adopted-count").textContent()).toBe("Compromisos adoptados: 1 de 1");
  let navigated = false;
  visitor.on("framenavigated", (frame) => {
    if (frame === visitor.mainFrame()) navigated = true;
  });

  const { page } = await signedInContext(browser, server.url, t.chair.email, t.chair.password, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/admin/c/${t.consultationId}/technical`);
  await expect.poll(() => page.getByTestId("live-status").textContent()).toBe("En vivo");
  const card = openVote(page);
  expect(await card.getAttribute("data-vote-id")).toBe(stuckVoteId);

  // The way out, next to the close button: a reason is asked for and said to be public.
  await card.getByText("Cancelar la votación…").click();
  expect(await card.getByTestId("cancel-vote").textContent()).toContain("las respuestas y el motivo quedan registrados y se publican");
  await card.getByLabel("Motivo de la cancelación (se publica)").fill(REASON);
  await card.getByRole("button", { name: "Cancelar la votación con este motivo" }).click();

  // The staff page: no vote left open, the cancelled one among the closed, with its reason.
  await expect.poll(() => page.getByTestId("open-votes").locator('[data-testid="vote"]').count()).toBe(0);
  await expect.poll(() => closedVote(page).getByTestId("vote-outcome").textContent()).toBe(`Votación cancelada: ${REASON}`);
  // The proposal is as it was: still at the table.
  await expect.poll(() => page.locator('[data-testid="tech-proposal"]', { hasText: STUCK }).getAttribute("data-state")).toBe("active");

  // The visitor reads it live, in words, without reloading.
  await expect.poll(() => closedVote(visitor).getByTestId("vote-outcome").textContent()).toBe(`Votación cancelada: ${REASON}`);
  expect(await visitor.getByRole("region", { name: "Votaciones abiertas" }).textContent()).toContain("No hay ninguna votación abierta.");
  expect(await visitor.getByTestId("adopted-count").textContent()).toBe("Compromisos adoptados: 1 de 1");
  expect(navigated).toBe(false);

  // An English reader on a fresh visit.
  const english = await newPage(browser, { locale: "en-US" });
  await english.goto(`${server.url}/c/${slug}/mesa-tecnica`);
  expect(await closedVote(english).getByTestId("vote-outcome").textContent()).toBe(`Vote cancelled: ${REASON}`);
  expect(await english.getByTestId("adopted-count").textContent()).toBe("Commitments adopted: 1 of 1");

  // The session can close now: the table is no longer stuck.
  await t.chair.client.ok("technical.session.close", { roundId: t.sessionId });
});
