// What a person reads when input goes wrong (issue 17, "bad input and leaks"), in Chromium without JavaScript:
// a form whose body arrives broken answers a page that says nothing was saved and leads back to the form; the
// opinion form's 429 says how long to wait, in Spanish and in English, and keeps the text; a date stored before
// dates were checked reads "fecha no válida (…)" instead of failing the page.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { openIntake } from "../support/intake";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
let intake: Awaited<ReturnType<typeof openIntake>>;

beforeAll(async () => {
  // One public command a minute per device: the second opinion of a browser waits.
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1" });
  browser = await launchBrowser();
  intake = await openIntake(server);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const opinar = () => `${server.url}/c/${intake.slug}/opinar`;

async function opinions(): Promise<number> {
  const row = await server.cocrea.db
    .selectFrom("citizen_inputs")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("consultation_id", "=", intake.consultationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

it("a form whose body arrives as JSON: the page says nothing was saved, and its link leads back to the form", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "es-GT" });
  const page = await context.newPage();
  await page.goto(opinar());
  // What a broken proxy or client would send: the same fields, as JSON.
  await page.route("**/opinar", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const fields = Object.fromEntries(new URLSearchParams(route.request().postData() ?? ""));
    await route.continue({ headers: { ...route.request().headers(), "content-type": "application/json" }, postData: JSON.stringify(fields) });
  });
  const before = await opinions();
  await page.locator("#opinion-about").selectOption("methodology");
  await page.getByLabel("Su opinión").fill("Que los foros se hagan también en idiomas mayas.");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: "Enviar opinión" }).click(),
  ]);
  expect(response.status()).toBe(400);
  await page.waitForLoadState("domcontentloaded");
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("No se pudo leer el formulario");
  expect(await page.getByRole("alert").textContent()).toContain("No se guardó nada.");
  expect(await opinions()).toBe(before);

  await page.unroute("**/opinar");
  await page.getByRole("link", { name: "Volver a la página y enviarlo de nuevo" }).click();
  await page.waitForURL(opinar());
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Dé su opinión");
  await context.close();
});

it("without JavaScript, the second opinion in a minute: 429 with Retry-After, the wait in words, the text kept", async () => {
  for (const [locale, cookieLang, wait, button, label] of [
    ["es-GT", "es", /Espere \d+ segundos? e intente de nuevo\./, "Enviar opinión", "Su opinión"],
    ["en-US", "en", /Wait \d+ seconds? and try again\./, "Send opinion", "Your opinion"],
  ] as const) {
    const context = await browser.newContext({ javaScriptEnabled: false, locale });
    await context.addCookies([{ name: "cocrea_lang", value: cookieLang, url: server.url }]);
    const page = await context.newPage();
    await page.goto(opinar());
    await page.locator("#opinion-about").selectOption("methodology");
    await page.getByLabel(label, { exact: true }).fill(`Primera opinión de este teléfono (${cookieLang}).`);
    await page.getByRole("button", { name: button }).click();
    await page.waitForLoadState("domcontentloaded");
    expect(await page.getByTestId("receipt-code").textContent()).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);

    const before = await opinions();
    const text = `Segunda opinión, enseguida (${cookieLang}).`;
    await page.locator("#opinion-about").selectOption("methodology");
    await page.getByLabel(label, { exact: true }).fill(text);
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: button }).click()]);
    expect(response.status()).toBe(429);
    expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
    await page.waitForLoadState("domcontentloaded");
    expect(await page.locator("main").textContent()).toMatch(wait);
    expect(await page.getByLabel(label, { exact: true }).inputValue()).toBe(text);
    expect(await opinions()).toBe(before);
    await context.close();
  }
});

it("a date stored before dates were checked reads as not a date, and the page still opens", async () => {
  const stage = await server.cocrea.db
    .selectFrom("stages")
    .select("id")
    .where("consultation_id", "=", intake.consultationId)
    .where("phase", "=", "opinion_intake")
    .executeTakeFirstOrThrow();
  // A direct write on purpose: the row as it was stored before the fix.
  await server.cocrea.db.updateTable("stages").set({ ends_on: "2027-02-30" }).where("id", "=", stage.id).execute();
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "es-GT" });
  const page = await context.newPage();
  const response = await page.goto(`${server.url}/c/${intake.slug}`);
  expect(response!.status()).toBe(200);
  expect(await page.locator("main").textContent()).toContain("fecha no válida (2027-02-30)");
  await context.close();
});
