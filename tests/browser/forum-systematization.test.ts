// In real browsers (Debian Chromium): a facilitator corrects a capture on the phone and the projection follows;
// a systematizer turns the board's input into a summary, and the board marks the inputs it took up.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, signedInContext } from "../support/browser";
import { setupForum, type ForumFixture } from "../support/forum-fixture";
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

async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  return signedInContext(browser, server.url, email, "contraseña-segura-123");
}

it("a correction reaches the projection, and a summary made from the board's input marks it on the board", async () => {
  const [one, two] = f.tables;
  const facilitator = one.facilitators[0];
  await facilitator.client.ok("capture.create", { worktableId: one.worktableId, text: "Publicar los contratos de obra municipal." });
  await one.facilitators[1].client.ok("capture.create", { worktableId: one.worktableId, text: "Auditorías sociales de las obras." });
  await two.facilitators[0].client.ok("capture.create", { worktableId: two.worktableId, text: "Otro eje, otra mesa." });

  const { page: projection } = await signedIn(systematizer.email);
  await projection.goto(`${server.url}/forums/${f.forumId}/projection`);
  await expect.poll(() => projection.locator(".projection").getAttribute("data-live")).toBe("live");
  expect(await projection.getByTestId("count-total").textContent()).toBe("3");

  // The facilitator fixes a typo from the phone; the big screen shows the new text without reloading.
  const { page: phone } = await signedIn(facilitator.email);
  await phone.goto(`${server.url}/t/${one.shortCode}`);
  const item = phone.locator(".capture-item", { hasText: "contratos de obra" });
  await item.getByRole("button", { name: "Corregir" }).click();
  await item.getByLabel("Lo que dijo la persona").fill("Publicar los contratos de obra municipal en datos abiertos.");
  await item.getByRole("button", { name: "Guardar corrección" }).click();
  await expect.poll(() => projection.locator(".board-card", { hasText: "en datos abiertos" }).count()).toBe(1);
  // …and a partner's capture cannot be corrected from this phone.
  expect(await phone.locator(".capture-item", { hasText: "Auditorías sociales" }).getByRole("button", { name: "Corregir" }).count()).toBe(0);

  // The systematizer goes from the board to the theme's systematization and writes a summary of both inputs.
  const { page: board } = await signedIn(systematizer.email);
  await board.goto(`${server.url}/forums/${f.forumId}/board`);
  await expect.poll(() => board.getByTestId("live-status").textContent()).toBe("En vivo");
  const { page: desk } = await signedIn(systematizer.email);
  await desk.goto(
    `${server.url}${await board.locator(`[data-theme-id="${one.themeId}"]`).getByRole("link", { name: "Sistematizar este eje" }).getAttribute("href")}`,
  );
  await desk.getByRole("checkbox", { name: /contratos de obra/ }).check();
  await desk.getByRole("checkbox", { name: /Auditorías sociales/ }).check();
  expect(await desk.getByTestId("selected-count").textContent()).toBe("2 elegidos");
  await desk.getByLabel("Título del resumen").fill("Obras municipales abiertas");
  await desk.getByLabel("Resumen", { exact: true }).fill("Las mesas piden publicar contratos de obra en datos abiertos y auditarlas socialmente.");
  await desk.getByRole("button", { name: "Guardar resumen" }).click();
  const summary = desk.getByTestId("summaries").locator("li", { hasText: "Obras municipales abiertas" });
  await expect.poll(() => summary.count()).toBe(1);
  expect(await summary.locator("summary").textContent()).toBe("Aportes de origen (2)");
  await expect.poll(() => desk.getByTestId("coverage").textContent()).toBe("2 de 2 aportes ya están en un resumen");
  // The form is ready for the next summary (not left waiting by the live reload).
  await expect.poll(() => desk.getByRole("button", { name: "Guardar resumen" }).isEnabled()).toBe(true);
  expect(await desk.getByLabel("Título del resumen").inputValue()).toBe("");

  // The board marks both captures as taken up, live.
  await expect.poll(() => board.locator(".board-card .pill", { hasText: "En un resumen" }).count()).toBe(2);
});

it("the door's +1 and registrations move the board's attendance counters live", async () => {
  const door = f.tables[1].facilitators[1];
  const { page: board } = await signedIn(systematizer.email);
  await board.goto(`${server.url}/forums/${f.forumId}/board`);
  await expect.poll(() => board.getByTestId("live-status").textContent()).toBe("En vivo");
  const before = Number(await board.getByTestId("attendance-forum").textContent());

  const { page } = await signedIn(door.email);
  await page.goto(`${server.url}/forums/${f.forumId}/attendance`);
  const plusOne = page.getByRole("button", { name: "+1 persona" });
  for (let i = 1; i <= 3; i++) {
    await plusOne.click();
    await expect.poll(() => page.getByTestId("attendance-forum").textContent()).toBe(String(before + i));
    await expect.poll(() => plusOne.isEnabled()).toBe(true);
  }
  await page.getByLabel("Sector").selectOption("academia");
  await page.getByLabel("Género").selectOption("woman");
  await page.getByRole("button", { name: "Registrar asistente" }).click();
  await expect.poll(() => board.getByTestId("attendance-forum").textContent()).toBe(String(before + 4));
  expect(await board.getByTestId("attendance-total").textContent()).toBe(String(before + 4));
  await expect.poll(() => page.getByTestId("attendance-recent").textContent()).toContain("Academia · Mujer");
});
