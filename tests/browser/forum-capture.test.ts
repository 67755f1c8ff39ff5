// Two facilitators and a board run a forum in real browsers (Debian Chromium): captures reach the board
// live; then one facilitator's phone loses the network, captures five inputs, reloads the page offline,
// comes back online, and all five reach the board exactly once.
// Service-worker requests escape `setOffline` in Chromium, so while "offline" they are aborted explicitly
// (PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS makes them visible to routing): the reload must come from
// the service worker's cache.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = "1";

import type { Browser, BrowserContext, Page, Route } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { setupForum, type ForumFixture } from "../support/forum-fixture";
import { launchBrowser, signedInContext } from "../support/browser";
import { createAdmin, createMember, startServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
let f: ForumFixture;
let systematizer: Awaited<ReturnType<typeof createMember>>;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000", LOGIN_RATE_LIMIT: "1000" });
  browser = await launchBrowser();
  const admin = await createAdmin(server);
  f = await setupForum(server, admin.client, { tables: 2 });
  systematizer = await createMember(server, admin.client, f.consultationId, "systematizer");
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A browser context signed in as this person (session cookie from the real login form). */
async function signedIn(email: string, options: Parameters<Browser["newContext"]>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  return signedInContext(browser, server.url, email, "contraseña-segura-123", { serviceWorkers: "allow", ...options });
}

async function capture(page: Page, text: string) {
  await page.getByLabel("Lo que dijo la persona").fill(text);
  await page.getByRole("button", { name: "Registrar aporte" }).click();
  await expect.poll(() => page.getByLabel("Lo que dijo la persona").inputValue()).toBe("");
}

const cardsWith = (board: Page, text: string) => board.locator(".board-card", { hasText: text });

it("two facilitators capture and the board shows it live; a phone that goes offline loses nothing and duplicates nothing", async () => {
  const [tableOne, tableTwo] = f.tables;

  const { page: board } = await signedIn(systematizer.email);
  await board.goto(`${server.url}/forums/${f.forumId}/board`);
  await expect.poll(() => board.getByTestId("live-status").textContent()).toBe("En vivo");

  const { context: phoneContext, page: phone } = await signedIn(tableOne.facilitators[0].email, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await phone.goto(`${server.url}/t/${tableOne.shortCode}`);
  expect(await phone.locator("h1").textContent()).toMatch(/^Mesa 1 · /);
  const { page: phoneTwo } = await signedIn(tableTwo.facilitators[0].email);
  await phoneTwo.goto(`${server.url}/t/${tableTwo.shortCode.toLowerCase()}`);

  // Online: a capture shows in the table's list at once and on the board within a blink.
  await capture(phone, "Que las municipalidades publiquen sus compras en datos abiertos.");
  await expect.poll(() => phone.locator('.capture-item[data-state="sent"]').count()).toBe(1);
  const started = Date.now();
  await expect.poll(() => cardsWith(board, "publiquen sus compras").count(), { timeout: 3_000 }).toBe(1);
  expect(Date.now() - started).toBeLessThan(2_000);
  await capture(phoneTwo, "Mesas de rendición de cuentas cada trimestre.");
  await expect.poll(() => cardsWith(board, "rendición de cuentas cada trimestre").count()).toBe(1);
  await expect.poll(() => board.getByTestId("count-table-1").textContent()).toBe("1");
  await expect.poll(() => board.getByTestId("count-table-2").textContent()).toBe("1");

  // The page is cached for offline use before the network drops.
  await expect.poll(() => phone.getByTestId("offline-ready").count(), { timeout: 15_000 }).toBe(1);

  // Offline: five captures wait on the phone, and say so.
  const cutFromWorker: string[] = [];
  const abortWorkerRequests = (route: Route) => {
    if (!route.request().serviceWorker()) return route.continue();
    cutFromWorker.push(new URL(route.request().url()).pathname);
    return route.abort("internetdisconnected");
  };
  await phoneContext.setOffline(true);
  await phoneContext.route("**/*", abortWorkerRequests);
  await expect.poll(() => phone.getByTestId("connection").textContent()).toContain("Sin conexión");
  const offline = [1, 2, 3, 4, 5].map((n) => `Aporte sin conexión número ${n}: más foros en el interior.`);
  for (const text of offline) await capture(phone, text);
  await expect.poll(() => phone.getByTestId("queue").getAttribute("data-waiting")).toBe("5");
  expect(await phone.getByTestId("queue").textContent()).toContain("5 aportes esperan conexión");
  await new Promise((r) => setTimeout(r, 500));
  for (const text of offline) expect(await cardsWith(board, text).count()).toBe(0);

  // Reloading while offline: the screen comes from the service worker and the queue from the phone.
  const reloaded = await phone.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  expect(cutFromWorker).toContain(`/t/${tableOne.shortCode}`);
  await expect.poll(() => phone.locator("h1").textContent()).toMatch(/^Mesa 1 · /);
  await expect.poll(() => phone.getByTestId("queue").getAttribute("data-waiting")).toBe("5");
  expect(await phone.locator('.capture-item[data-state="pending"]').count()).toBe(5);

  // Back online: everything syncs by itself, each capture reaches the board exactly once.
  await phoneContext.unroute("**/*", abortWorkerRequests);
  await phoneContext.setOffline(false);
  await expect.poll(() => phone.getByTestId("queue").getAttribute("data-waiting"), { timeout: 20_000 }).toBe("0");
  for (const text of offline) await expect.poll(() => cardsWith(board, text).count(), { timeout: 10_000 }).toBe(1);
  await expect.poll(() => board.getByTestId("count-table-1").textContent()).toBe("6");
  await expect.poll(() => board.getByTestId("count-total").textContent()).toBe("7");
  const rows = await server.cocrea.db.selectFrom("citizen_inputs").select("text").where("forum_id", "=", f.forumId).execute();
  for (const text of offline) expect(rows.filter((r) => r.text === text)).toHaveLength(1);
  expect(await phone.locator('.capture-item[data-state="sent"]').count()).toBe(6);
});
