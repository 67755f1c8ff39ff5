// On a phone (390 px wide, Spanish): every main page of the demo consultation loads without a console error
// (React's hydration errors #418/#423 among them) and without scrolling sideways.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemo } from "../../db/seed/demo.server";
import { launchBrowser, signedInContext } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
let admin: BrowserContext;
let seeded: Awaited<ReturnType<typeof seedDemo>>;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000", LOGIN_RATE_LIMIT: "1000" });
  seeded = await seedDemo(server.cocrea.bus, server.cocrea.db, "contraseña-de-demo-123");
  browser = await launchBrowser();
  admin = (await signedInContext(browser, server.url, seeded.email, seeded.password, PHONE)).context;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function pages(): Promise<string[]> {
  const { db } = server.cocrea;
  const c = seeded.consultationId;
  const session = await db.selectFrom("roundtables").select("id").where("consultation_id", "=", c).where("kind", "=", "thematic").executeTakeFirstOrThrow();
  // The 2016 demo's commitment (the demo in progress has adopted proposals too).
  const proposal = await db.selectFrom("proposals").select("id").where("consultation_id", "=", c).where("state", "=", "adopted").executeTakeFirstOrThrow();
  const summarized = await db.selectFrom("summaries").select("theme_id").where("consultation_id", "=", c).executeTakeFirstOrThrow();
  return [
    `/c/${seeded.slug}`,
    `/c/${seeded.slug}/opinar`,
    `/c/${seeded.slug}/propuestas`,
    `/c/${seeded.slug}/mesa-tecnica`,
    `/c/${seeded.slug}/propuestas/${proposal.id}`,
    `/admin/c/${c}`,
    `/admin/c/${c}/systematization?theme=${summarized.theme_id}`,
    `/admin/c/${c}/technical`,
    `/admin/c/${c}/roundtables/${session.id}`,
    `/admin/c/${c}/proposals/${proposal.id}`,
    // The plan (issue 9): public plan, follow-up, the staff pages and the one moderation queue.
    `/c/${seeded.slug}/plan`,
    `/c/${seeded.slug}/plan/seguimiento`,
    `/admin/c/${c}/plan`,
    `/admin/c/${c}/plan/comentarios`,
    `/admin/c/${c}/plan/enmendar/${proposal.id}`,
    `/admin/c/${c}/seguimiento`,
    `/admin/c/${c}/opiniones`,
  ];
}

it("loads every main page at 390 px with no console error and no sideways scroll", async () => {
  const problems: string[] = [];
  for (const path of await pages()) {
    const page = await admin.newPage();
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    const res = await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
    if (res?.status() !== 200) problems.push(`${path}: HTTP ${res?.status()}`);
    // Hydration errors are logged once React has compared the page with the server's HTML.
    await page.waitForTimeout(500);
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    if (width > 390) {
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((el) => el.getBoundingClientRect().right > 391)
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${(el as HTMLElement).className}`),
      );
      problems.push(`${path}: ${width} px wide (${wide.join(", ")})`);
    }
    for (const e of new Set(errors.map((e) => e.split("\n")[0].slice(0, 160)))) problems.push(`${path}: ${e}`);
    await page.close();
  }
  expect(problems).toEqual([]);
});
