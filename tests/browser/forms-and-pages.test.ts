// Forms and pages found wanting from outside (issue 17): the technical roundtable's decision settings saved as they
// come prefilled (a quorum of 66.67 %); on a phone, the opinion's receipt in view and focused after sending, with and
// without JavaScript; the call page's "give your opinion" in the first screen.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, signedInContext } from "../support/browser";
import { openIntake } from "../support/intake";
import { createAdmin, createConsultation, startServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000", LOGIN_RATE_LIMIT: "1000" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

for (const [locale, saveLabel, savedWords] of [
  ["es-GT", "Guardar", "Guardado"],
  ["en-US", "Save", "Saved"],
] as const) {
  it(`saves the technical roundtable's decision settings as they come prefilled, a quorum of 66.67 % (${locale})`, async () => {
    const admin = await createAdmin(server);
    const { consultationId } = await createConsultation(admin.client);
    // Two thirds, as a consultation set through the API holds it: the form shows 66.67.
    await admin.client.ok("consultation.decision_settings", { consultationId, decisionRule: "fallback", quorumShare: 2 / 3, supermajorityShare: 2 / 3 });
    const { context, page } = await signedInContext(browser, server.url, admin.email, admin.password, { locale });
    await page.goto(`${server.url}/admin/c/${consultationId}`, { waitUntil: "networkidle" });
    const form = page.locator("form.decision-settings");
    expect(await form.locator('input[name="quorumShare"]').inputValue()).toBe("66.67");
    expect(await form.locator('input[name="supermajorityShare"]').inputValue()).toBe("66.67");

    // Nothing changed, saved: the browser lets the post through and the page says so.
    await form.getByRole("button", { name: saveLabel }).click();
    await expect.poll(() => form.getByRole("status").textContent()).toBe(savedWords);
    expect(await form.locator(":invalid").count()).toBe(0);
    const saved = await server.cocrea.db
      .selectFrom("consultations")
      .select(["quorum_share", "supermajority_share", "decision_rule"])
      .where("id", "=", consultationId)
      .executeTakeFirstOrThrow();
    expect(Number(saved.quorum_share)).toBeCloseTo(0.6667, 4);
    expect(Number(saved.supermajority_share)).toBeCloseTo(0.6667, 4);
    expect(saved.decision_rule).toBe("fallback");

    // Reloaded, the same figures are prefilled, and they save again.
    await page.reload({ waitUntil: "networkidle" });
    expect(await form.locator('input[name="quorumShare"]').inputValue()).toBe("66.67");
    await form.getByRole("button", { name: saveLabel }).click();
    await expect.poll(() => form.getByRole("status").textContent()).toBe(savedWords);
    await context.close();
  });
}

/** The receipt's heading: focused, and wholly inside the phone's screen. */
async function receiptSeen(page: Page) {
  return page.evaluate(() => {
    const heading = document.getElementById("receipt");
    const box = heading?.getBoundingClientRect();
    return {
      text: heading?.textContent ?? null,
      focused: document.activeElement === heading,
      inView: Boolean(box && box.top >= 0 && box.bottom <= window.innerHeight),
    };
  });
}

for (const javaScriptEnabled of [true, false]) {
  it(`on a phone (390 px), ${javaScriptEnabled ? "with" : "without"} JavaScript: after sending an opinion the receipt is in view and focused`, async () => {
    const intake = await openIntake(server);
    const context = await browser.newContext({ locale: "es-GT", javaScriptEnabled, ...PHONE });
    const page = await context.newPage();
    await page.goto(`${server.url}/c/${intake.slug}/opinar`);
    if (javaScriptEnabled) {
      // The page's script is running (it posts without a reload).
      await expect.poll(() => page.getByTestId("live-status").textContent()).toBe("En vivo");
      await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    }
    await page.getByLabel("¿Sobre qué opina?").selectOption({ value: "methodology" });
    await page.getByLabel("Su opinión").fill("Que los foros se anuncien con un mes de anticipación en las radios comunitarias.");
    await page.getByLabel("Departamento donde vive").selectOption("Quiché");
    // The citizen scrolls down to the button, far below the top of the page, and sends.
    await page.getByRole("button", { name: "Enviar opinión" }).scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await page.getByRole("button", { name: "Enviar opinión" }).click();
    await page.getByTestId("receipt-code").waitFor();
    await expect.poll(() => receiptSeen(page)).toEqual({ text: "¡Gracias! Recibimos su opinión.", focused: true, inView: true });
    if (javaScriptEnabled) expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await context.close();
  });
}

for (const [locale, action] of [
  ["es-GT", "Dé su opinión en línea"],
  ["en-US", "Give your opinion online"],
] as const) {
  it(`on a phone (390 px) the call page offers the open stage's action in its first screen (${locale})`, async () => {
    const intake = await openIntake(server);
    const context = await browser.newContext({ locale, ...PHONE });
    const page = await context.newPage();
    await page.goto(`${server.url}/c/${intake.slug}`, { waitUntil: "networkidle" });
    const link = page.getByTestId("stage-action").getByRole("link", { name: action });
    const box = await link.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(844);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await link.click();
    await page.waitForURL(`${server.url}/c/${intake.slug}/opinar`);
    await context.close();
  });
}
