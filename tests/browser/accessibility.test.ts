// Every public page and every staff page of the demo, at 1280 px and on a phone (390 px), checked with axe-core
// (WCAG 2.0/2.1/2.2 A and AA): no serious or critical violation, and at 390 px no sideways scroll. One browser,
// pages visited in sequence; a failure prints each violation's rule id and the elements it names.
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemo } from "../../db/seed/demo.server";
import { runCommand, seedActor } from "../../db/seed/run-command.server";
import { launchBrowser, signedInContext } from "../support/browser";
import { openIntake } from "../support/intake";
import { setupRoundtable } from "../support/roundtables";
import { startServer, type TestServer } from "../support/server";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
// bypassCSP: axe is injected as an inline script, which the site's policy (rightly) refuses.
const WIDTHS = [
  { viewport: { width: 1280, height: 900 }, bypassCSP: true },
  { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true },
] as const;

let server: TestServer;
let browser: Browser;
let seeded: Awaited<ReturnType<typeof seedDemo>>;
let pages: ReturnType<typeof demoPages>;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000", LOGIN_RATE_LIMIT: "1000" });
  seeded = await seedDemo(server.cocrea.bus, server.cocrea.db, "contraseña-de-demo-123");
  browser = await launchBrowser();
  pages = demoPages();
  await pages;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The pages of the demo, read from its records (other stories may reshape the seed; the routes stay). */
async function demoPages() {
  const { db } = server.cocrea;
  const c = seeded.consultationId;
  const slug = seeded.slug;
  const first = async <T>(q: { executeTakeFirst(): Promise<T | undefined> }, what: string): Promise<T> => {
    const row = await q.executeTakeFirst();
    if (!row) throw new Error(`the demo has no ${what}`);
    return row;
  };
  const adopted = await first(db.selectFrom("proposals").select("id").where("consultation_id", "=", c).where("state", "=", "adopted"), "adopted proposal");
  const rejected = await db.selectFrom("proposals").select("id").where("consultation_id", "=", c).where("state", "=", "rejected").executeTakeFirst();
  const thematic = await first(
    db.selectFrom("roundtables").select("id").where("consultation_id", "=", c).where("kind", "=", "thematic"),
    "thematic roundtable",
  );
  const summary = await first(db.selectFrom("summaries").select(["id", "theme_id"]).where("consultation_id", "=", c), "summary");
  const opinion = await first(
    db
      .selectFrom("citizen_inputs")
      .select("receipt_code")
      .where("consultation_id", "=", c)
      .where("channel", "=", "online")
      .where("receipt_code", "is not", null),
    "online opinion with a receipt",
  );
  const capture = await first(
    db
      .selectFrom("citizen_inputs")
      .select(["id", "forum_id"])
      .where("consultation_id", "=", c)
      .where("channel", "=", "forum")
      .where("forum_id", "is not", null),
    "forum capture",
  );
  const worktable = await first(db.selectFrom("worktables").select("short_code").where("forum_id", "=", capture.forum_id!), "worktable");
  const snapshot = await db.selectFrom("funnel_snapshots").select("id").where("consultation_id", "=", c).executeTakeFirst();
  const comments = await db
    .selectFrom("plan_comments")
    .select(["id", "receipt_code"])
    .where("consultation_id", "=", c)
    .where("receipt_code", "is not", null)
    .orderBy("created_at")
    .limit(2)
    .execute();
  // The "hidden by moderation" placeholder, on the plan page and on the comment's receipt.
  const hidden = comments[1];
  if (hidden) await runCommand(server.cocrea.bus, seedActor, "plan.comment_hide", { commentId: hidden.id, reason: "Prueba de accesibilidad: texto ocultado" });
  const invitation = await runCommand<{ path: string }>(server.cocrea.bus, seedActor, "invitation.create", {
    consultationId: c,
    email: "invitada.axe@example.org",
    name: "Invitada de prueba",
    role: "observer",
  });
  const forum = capture.forum_id!;
  const publicPages = [
    "/",
    "/login",
    `/c/${slug}`,
    `/c/${slug}/opinar`,
    `/c/${slug}/estadisticas`,
    `/c/${slug}/propuestas`,
    `/c/${slug}/propuestas/${adopted.id}`,
    ...(rejected ? [`/c/${slug}/propuestas/${rejected.id}`] : []),
    `/c/${slug}/propuestas/instantaneas`,
    ...(snapshot ? [`/c/${slug}/propuestas/instantaneas/${snapshot.id}`] : []),
    `/c/${slug}/mesa-tecnica`,
    `/c/${slug}/respuesta`,
    `/c/${slug}/resumenes/${summary.id}`,
    `/c/${slug}/plan`,
    `/c/${slug}/plan/seguimiento`,
    ...comments.map((k) => `/c/${slug}/plan/recibo/${k.receipt_code}`),
    `/c/${slug}/plan/exportar/plan.html`,
    `/c/${slug}/plan/exportar/plan.html?lang=en`,
    "/r",
    `/r/${opinion.receipt_code}`,
    invitation.path,
  ];
  const staffPages = [
    "/admin",
    `/admin/c/${c}`,
    `/admin/c/${c}/opiniones`,
    `/admin/c/${c}/systematization`,
    `/admin/c/${c}/systematization?theme=${summary.theme_id}`,
    `/admin/c/${c}/roundtables/${thematic.id}`,
    `/admin/c/${c}/technical`,
    `/admin/c/${c}/proposals/${adopted.id}`,
    `/admin/c/${c}/proposals/${adopted.id}/edit`,
    `/admin/c/${c}/proposals/${adopted.id}/refine`,
    `/admin/c/${c}/plan`,
    `/admin/c/${c}/plan/comentarios`,
    `/admin/c/${c}/plan/enmendar/${adopted.id}`,
    `/admin/c/${c}/seguimiento`,
    `/forums/${forum}/board`,
    `/forums/${forum}/projection`,
    `/forums/${forum}/attendance`,
    `/forums/${forum}/report`,
    `/forums/${forum}/qr`,
    `/forums/${forum}/captures/${capture.id}`,
    `/t/${worktable.short_code}`,
  ];
  return { publicPages, staffPages };
}

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
}

/** axe's serious and critical violations on the page, one line each with the elements it names. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    () =>
      (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<AxeResult> } }).axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"] },
        resultTypes: ["violations"],
      }) as Promise<AxeResult>,
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(" ")}`);
}

/** Checkboxes, radios and the funnel's figure links smaller than 24 × 24 px (WCAG 2.2 target size, 2.5.8). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('input[type="checkbox"], input[type="radio"], .funnel-table .fig a')]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .slice(0, 5)
      .map(({ el, box }) => `target ${Math.round(box.width)}×${Math.round(box.height)} px: ${el.outerHTML.slice(0, 120)}`),
  );
}

async function sideways(page: Page, width: number): Promise<string | null> {
  const scroll = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  if (scroll <= width) return null;
  const wide = await page.evaluate(
    (w) =>
      [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > w + 1)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${(el as HTMLElement).className}`),
    width,
  );
  return `${scroll} px wide (${wide.join(", ")})`;
}

/** Everything checked on the page as it is now, named `label` in the problems. */
async function checkHere(page: Page, label: string, width: number, problems: string[]) {
  for (const p of await axeProblems(page)) problems.push(`${width} ${label}: ${p}`);
  for (const p of await smallTargets(page)) problems.push(`${width} ${label}: ${p}`);
  if (width < 500) {
    const wide = await sideways(page, width);
    if (wide) problems.push(`${width} ${label}: ${wide}`);
  }
}

async function check(context: BrowserContext, paths: string[], width: number, problems: string[]) {
  const page = await context.newPage();
  for (const path of paths) {
    const t0 = Date.now();
    // "load", not "networkidle": live pages keep a socket open, and the wait added seconds per page on a busy machine.
    const res = await page.goto(`${server.url}${path}`, { waitUntil: "load" });
    const t1 = Date.now();
    if (res?.status() !== 200) problems.push(`${width} ${path}: HTTP ${res?.status()}`);
    else await checkHere(page, path, width, problems);
    if (process.env.AXE_TIMINGS) console.log(`${width} ${path}: load ${t1 - t0} ms, checks ${Date.now() - t1} ms`);
  }
  await page.close();
}

function report(problems: string[]) {
  if (problems.length) console.log(problems.join("\n"));
  expect(problems).toEqual([]);
}

// One test per width and audience, so a slow shared machine stays inside each test's time and a failure says where.
for (const options of WIDTHS) {
  const width = options.viewport.width;

  it(`has no serious or critical axe violation on the demo's public pages at ${width} px${width < 500 ? ", nor sideways scroll" : ""}`, async () => {
    const { publicPages } = await pages;
    const problems: string[] = [];
    const citizen = await browser.newContext({ locale: "es-GT", ...options });
    await check(citizen, publicPages, width, problems);
    await citizen.close();
    report(problems);
  }, 400_000);

  it(`has no serious or critical axe violation on the demo's staff pages, signed in as its admin, at ${width} px${width < 500 ? ", nor sideways scroll" : ""}`, async () => {
    const { staffPages } = await pages;
    const problems: string[] = [];
    const { context: staff } = await signedInContext(browser, server.url, seeded.email, seeded.password, options);
    await check(staff, staffPages, width, problems);
    await staff.close();
    report(problems);
  }, 400_000);

  // The demo is an archive: the forms of stages in progress are checked on consultations of their own (opinion
  // intake open, then the receipt; a thematic roundtable open, seen by a proponent who registers proposals).
  it(`has no serious or critical axe violation on the forms of stages in progress and the opinion's receipt at ${width} px`, async () => {
    const intake = await openIntake(server);
    const table = await setupRoundtable(server);
    const problems: string[] = [];
    const citizen = await browser.newContext({ locale: "es-GT", ...options });
    await check(citizen, [`/c/${intake.slug}`, `/c/${intake.slug}/opinar`], width, problems);
    const page = await citizen.newPage();
    await page.goto(`${server.url}/c/${intake.slug}/opinar`);
    await page.getByLabel("¿Sobre qué opina?").selectOption({ value: "methodology" });
    await page.getByLabel("Su opinión").fill("Que la metodología se explique también en idiomas mayas.");
    await page.getByRole("button", { name: "Enviar opinión" }).click();
    await page.getByTestId("receipt-code").waitFor();
    await checkHere(page, `/c/${intake.slug}/opinar (receipt)`, width, problems);
    await citizen.close();
    const { context: proponent } = await signedInContext(browser, server.url, table.icefi.email, table.icefi.password, options);
    const rt = `/admin/c/${table.consultationId}/roundtables/${table.roundtableId}`;
    await check(proponent, ["/admin", rt, `${rt}/new`], width, problems);
    await proponent.close();
    report(problems);
  }, 400_000);
}
