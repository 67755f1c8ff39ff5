// Debian's Chromium driven by playwright-core, for browser tests of user journeys.
import { chromium, type Browser, type Page } from "playwright-core";
import { loginCookie } from "./server";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A fresh browser profile as a Guatemalan visitor has it (Spanish). */
export async function newPage(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}) {
  const context = await browser.newContext({ locale: "es-GT", ...options });
  return context.newPage();
}

/** A Spanish browser context signed in through the real login form (its session and CSRF cookies). */
export async function signedInContext(browser: Browser, baseUrl: string, email: string, password: string, options: Parameters<Browser["newContext"]>[0] = {}) {
  const cookie = await loginCookie(baseUrl, email, password);
  const context = await browser.newContext({ locale: "es-GT", ...options });
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const [name, ...rest] = pair.split("=");
      return { name, value: rest.join("="), url: baseUrl };
    }),
  );
  return { context, page: await context.newPage() };
}

/**
 * Counts the scripts a page loads and the bytes they take on the wire (compressed, headers included), with the
 * browser cache off so every visit pays in full. `bodies()` gives their text, to check what a page shipped.
 */
export async function watchScripts(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const scripts = new Set<string>();
  const transferred = new Map<string, number>();
  cdp.on("Network.responseReceived", (e) => {
    if (e.type === "Script") scripts.add(e.requestId);
  });
  cdp.on("Network.loadingFinished", (e) => transferred.set(e.requestId, e.encodedDataLength));
  const texts: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") texts.push(response.text().catch(() => ""));
  });
  return {
    cdp,
    total: () => ({ files: scripts.size, bytes: [...scripts].reduce((sum, id) => sum + (transferred.get(id) ?? 0), 0) }),
    bodies: () => Promise.all(texts),
    reset: () => {
      scripts.clear();
      texts.length = 0;
    },
  };
}
