// A hydrated page ships the reader's language only (issue 13): a Spanish reader's browser never downloads the English
// messages, and after switching to English it never downloads the Spanish ones, yet every page still reads right
// after client-side navigation.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, newPage, watchScripts } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// One message from each language's core dictionary and one from a capability's messages file.
// (ASCII only: the bundler writes accented letters as escapes.)
const SPANISH = ["Saltar al contenido", "Cada paso enlaza a la ficha"];
const ENGLISH = ["Skip to content", "What became of your opinion"];

function shipped(bodies: string[], phrases: string[]): string[] {
  return phrases.filter((phrase) => bodies.some((body) => body.includes(phrase)));
}

it("a Spanish reader downloads Spanish messages only; after switching, English only, and the choice is remembered", async () => {
  const page = await newPage(browser);
  const scripts = await watchScripts(page);
  await page.goto(`${server.url}/login`, { waitUntil: "networkidle" });
  await page.getByRole("heading", { name: "Iniciar sesión" }).waitFor();
  const login = scripts.total();
  console.log(`login page JavaScript in Spanish: ${login.files} files, ${(login.bytes / 1024).toFixed(1)} KiB transferred (compressed, headers included)`);
  // Hydrated: React answers the home link without reloading the document.
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "same document"));
  await page.getByRole("link", { name: "Cocrea" }).first().click();
  await page.getByRole("heading", { name: "Consultas de co-creación" }).waitFor();
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("same document");

  const spanishBodies = await scripts.bodies();
  expect(shipped(spanishBodies, SPANISH)).toEqual(SPANISH);
  expect(shipped(spanishBodies, ENGLISH)).toEqual([]);

  scripts.reset();
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("heading", { name: "Co-creation consultations" }).waitFor();
  await page.waitForLoadState("networkidle"); // hydrated, so the next click is a client-side navigation
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  const englishBodies = await scripts.bodies();
  expect(shipped(englishBodies, ENGLISH)).toEqual(ENGLISH);
  expect(shipped(englishBodies, SPANISH)).toEqual([]);

  // Remembered: a new visit opens in English.
  await page.goto(`${server.url}/`);
  await page.getByRole("heading", { name: "Co-creation consultations" }).waitFor();
  await page.context().close();
});
