// The technical roundtable's consensus vote in Debian's Chromium: three members (the chair among them) and an
// observer keep the staff session open; the chair opens a vote, one member blocks and another agrees, every page
// sees the count move without reloading, the blocker stands aside instead, the chair closes and everyone sees the
// outcome — and a visitor on the public funnel sees "in the plan" go from 0 to 1. Then the other decision rules.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, newPage, signedInContext } from "../support/browser";
import { startServer, type TestServer } from "../support/server";
import { meetCriteria, setupTechnical, type TechnicalTable } from "../support/technical";

let server: TestServer;
let browser: Browser;
let t: TechnicalTable;
let slug: string;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  browser = await launchBrowser();
  t = await setupTechnical(server);
  slug = (await server.cocrea.db.selectFrom("consultations").select("slug").where("id", "=", t.consultationId).executeTakeFirstOrThrow()).slug;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const session = () => `${server.url}/admin/c/${t.consultationId}/technical`;

/** A signed-in page on the staff session, live, that remembers whether it ever navigated again. */
async function atTable(person: { email: string; password: string }, viewport = { width: 1280, height: 900 }) {
  const { page } = await signedInContext(browser, server.url, person.email, person.password, { viewport });
  await page.goto(session());
  await expect.poll(() => page.getByTestId("live-status").textContent()).toBe("En vivo");
  const state = { navigated: false };
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) state.navigated = true;
  });
  return { page, state };
}

const card = (page: Page, title: string) => page.locator('[data-testid="tech-proposal"]', { hasText: title });
const openVotesPanel = (page: Page) => page.getByRole("region", { name: "Votaciones abiertas" });
const openVote = (page: Page, title?: string) => page.getByTestId("open-votes").locator('[data-testid="vote"]', title ? { hasText: title } : {});
const closedVote = (page: Page, title: string) => page.getByTestId("closed-votes").locator('[data-testid="vote"]', { hasText: title });

/** The open vote's count as it reads: "agree reservations stand-aside block · answered". */
async function tally(page: Page, title?: string): Promise<string> {
  const vote = openVote(page, title);
  const n = async (key: string) => (await vote.getByTestId(`tally-${key}`).textContent())?.trim();
  return `${await n("agree")} ${await n("reservations")} ${await n("stand_aside")} ${await n("block")} · ${await n("answered")}`;
}

it("members answer live, the blocker stands aside, the chair closes: everyone sees the count and the outcome without reloading", async () => {
  const title = "Compromiso unificado 1";
  await meetCriteria(t, t.unified[0]);

  const chair = await atTable(t.chair);
  const blocker = await atTable(t.members[1]);
  const agreeing = await atTable(t.members[2]);
  // The observer follows on a phone.
  const observer = await atTable(t.observer, { width: 390, height: 844 });
  const everyone = [chair, blocker, agreeing, observer];

  // A visitor on the public funnel: nothing is in the plan yet.
  const visitor = await newPage(browser);
  await visitor.goto(`${server.url}/c/${slug}/propuestas`);
  await expect.poll(() => visitor.getByTestId("live-status").textContent()).toBe("En vivo");
  const inPlan = visitor.getByTestId("funnel-total-plan"); // how many entered "in the plan", all themes
  expect(await inPlan.textContent()).toBe("0");
  let visitorNavigated = false;
  visitor.on("framenavigated", (frame) => {
    if (frame === visitor.mainFrame()) visitorNavigated = true;
  });

  for (const { page } of everyone) expect(await openVotesPanel(page).textContent()).toContain("No hay ninguna votación abierta.");
  await card(chair.page, title).getByRole("button", { name: "Abrir la votación" }).click();
  for (const { page } of everyone) {
    await expect.poll(() => openVote(page).count()).toBe(1);
    await expect.poll(() => tally(page)).toBe("0 0 0 0 · Respondieron 0 de 3");
  }

  // The observer watches: no answer buttons, and the reason why.
  expect(await openVote(observer.page).getByRole("button").count()).toBe(0);
  expect(await openVote(observer.page).getByTestId("cannot-vote").textContent()).toBe("No vota: Las personas observadoras no votan.");
  // On a phone the page does not scroll sideways.
  expect(await observer.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

  // A block without its reason is refused next to the form.
  await openVote(blocker.page).getByRole("button", { name: "Bloqueo" }).click();
  await expect.poll(() => openVote(blocker.page).getByRole("alert").textContent()).toBe("Revise los datos: hay campos inválidos.");
  await expect.poll(() => openVote(blocker.page).textContent()).toContain("Un bloqueo necesita su motivo.");

  await openVote(blocker.page).getByLabel("Reservas o motivo del bloqueo").fill("Duplica el portal que ya existe");
  await openVote(blocker.page).getByRole("button", { name: "Bloqueo" }).click();
  await openVote(agreeing.page).getByRole("button", { name: "De acuerdo", exact: true }).click();
  for (const { page } of everyone) await expect.poll(() => tally(page)).toBe("1 0 0 1 · Respondieron 2 de 3");
  await expect.poll(() => openVote(blocker.page).getByTestId("own-answer").textContent()).toBe("Su respuesta: Bloqueo — Duplica el portal que ya existe");

  // The blocker stands aside instead: the count moves for everyone.
  await openVote(blocker.page).getByRole("button", { name: "Me hago a un lado" }).click();
  for (const { page } of everyone) await expect.poll(() => tally(page)).toBe("1 0 1 0 · Respondieron 2 de 3");

  // The chair (the public institution's member) answers too, then closes the vote.
  await openVote(chair.page).getByRole("button", { name: "De acuerdo", exact: true }).click();
  for (const { page } of everyone) await expect.poll(() => tally(page)).toBe("2 0 1 0 · Respondieron 3 de 3");
  await openVote(chair.page).getByRole("button", { name: "Cerrar la votación" }).click();
  for (const { page } of everyone) {
    await expect.poll(() => closedVote(page, title).getByTestId("vote-outcome").textContent()).toBe("Adoptada por consentimiento");
    await expect.poll(() => card(page, title).getAttribute("data-state")).toBe("adopted");
    expect(await openVotesPanel(page).textContent()).toContain("No hay ninguna votación abierta.");
  }
  await expect.poll(() => inPlan.textContent()).toBe("1");

  for (const { state } of everyone) expect(state.navigated).toBe(false);
  expect(visitorNavigated).toBe(false);
});

/** Sets the decision rule through the API, opens a vote from the chair's page, answers through the API, closes in the page. */
async function voteUnder(rule: string, proposalId: string, title: string, answers: Array<[number, string, string?]>) {
  await t.admin.client.ok("consultation.decision_settings", { consultationId: t.consultationId, decisionRule: rule });
  await meetCriteria(t, proposalId);
  const chair = await atTable(t.chair);
  await card(chair.page, title).getByRole("button", { name: "Abrir la votación" }).click();
  await expect.poll(() => openVote(chair.page, title).count()).toBe(1);
  const voteId = (await openVote(chair.page, title).getAttribute("data-vote-id"))!;
  for (const [member, answer, reason] of answers) await t.members[member].client.ok("vote.answer", { voteId, answer, reason: reason ?? "" });
  await expect.poll(() => openVote(chair.page, title).getByTestId("tally-answered").textContent()).toBe(`Respondieron ${answers.length} de 3`);
  await openVote(chair.page, title).getByRole("button", { name: "Cerrar la votación" }).click();
  return chair;
}

it("full consensus: one stand-aside of three is over the 25 % allowed, so the proposal is not adopted, and stays at the table", async () => {
  const title = "Compromiso unificado 2";
  const chair = await voteUnder("full_consensus", t.unified[1], title, [
    [0, "agree"],
    [1, "stand_aside"],
    [2, "agree"],
  ]);
  await expect
    .poll(() => closedVote(chair.page, title).getByTestId("vote-outcome").textContent())
    .toBe("No adoptada: más abstenciones de las permitidas: 1 de 3, el máximo es 0. La propuesta sigue en la mesa: puede afinarse y votarse de nuevo");
  // Nobody objected: not a rejection. The card stays active, with its "open the vote" button for a second vote.
  await expect.poll(() => card(chair.page, title).getAttribute("data-state")).toBe("active");
  expect(await card(chair.page, title).getByRole("button", { name: "Abrir la votación" }).count()).toBe(1);
  expect(chair.state.navigated).toBe(false);
});

it("consensus with a fallback: a block sends it to a second round, where the supermajority adopts it", async () => {
  const title = "Compromiso unificado 3";
  const chair = await voteUnder("fallback", t.unified[2], title, [
    [0, "agree"],
    [1, "block", "No hay presupuesto asignado"],
    [2, "agree"],
  ]);
  await expect
    .poll(() => closedVote(chair.page, title).getByTestId("vote-outcome").textContent())
    .toBe("Bloqueada en la primera ronda: pasa a una segunda ronda");
  expect(await closedVote(chair.page, title).getByTestId("block-reasons").textContent()).toContain("No hay presupuesto asignado");

  // The chair opens the second ballot from the same card.
  await card(chair.page, title).getByRole("button", { name: "Abrir la votación" }).click();
  await expect.poll(() => openVote(chair.page, title).count()).toBe(1);
  expect(await openVote(chair.page, title).textContent()).toContain("ronda 2");
  const voteId = (await openVote(chair.page, title).getAttribute("data-vote-id"))!;
  await t.members[0].client.ok("vote.answer", { voteId, answer: "agree" });
  await t.members[1].client.ok("vote.answer", { voteId, answer: "block", reason: "No hay presupuesto asignado" });
  await t.members[2].client.ok("vote.answer", { voteId, answer: "reservations", reason: "Revisar las metas en el afinamiento" });
  await expect.poll(() => tally(chair.page, title)).toBe("1 1 0 1 · Respondieron 3 de 3");
  await openVote(chair.page, title).getByRole("button", { name: "Cerrar la votación" }).click();
  await expect.poll(() => chair.page.getByTestId("closed-votes").getByTestId("vote-outcome").allTextContents()).toContain("Adoptada por mayoría calificada");
  await expect.poll(() => card(chair.page, title).getAttribute("data-state")).toBe("adopted");
  expect(chair.state.navigated).toBe(false);
});
