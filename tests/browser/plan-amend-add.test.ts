// Issue 17 in Debian's Chromium: the approved plan is frozen, and the point of contact adds a commitment to it on the
// staff plan page's form "Añadir un compromiso por enmienda". The story: four proposals adopted by consensus and
// assembled into the plan, which is published and approved; then the technical roundtable records the three criteria
// for a fifth. The point of contact sees it among the candidates, submits without a reason (the browser stops it) and
// with a blank one (the page says the reason is required; nothing added), then types the reason and submits with the
// keyboard: the page lists commitment 5, and the public plan shows it with the amendment's reason and "5 compromisos".
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, newPage, signedInContext } from "../support/browser";
import { expectCommitments } from "../support/commitment-count";
import { setupPlan, type PlanFixture } from "../support/plan";
import { startServer, type TestServer } from "../support/server";
import { meetCriteria } from "../support/technical";

let server: TestServer;
let browser: Browser;
let f: PlanFixture;
let slug: string;
let fifth: string;
const REASON = "La Mesa de Alto Nivel acordó incluir el compromiso de datos abiertos municipales.";

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000", PUBLIC_ADDRESS_LIMIT_PER_MINUTE: "1000" });
  browser = await launchBrowser();
  // Four adopted and assembled; the fifth unified proposal stays at the technical roundtable.
  f = await setupPlan(server, { adopted: 4, unified: 5 });
  fifth = f.t.unified[4];
  const admin = f.t.admin.client;
  await admin.ok("plan.publish", { planId: f.planId });
  await admin.ok("plan.approve", { planId: f.planId, approvedBy: "Mesa de Alto Nivel", approvedOn: "2016-10-20", reference: "Acta 3-2016" });
  // After approval the table records the three criteria for the fifth: only an amendment can bring it in now.
  await meetCriteria(f.t, fifth);
  slug = (await server.cocrea.db.selectFrom("consultations").select("slug").where("id", "=", f.t.consultationId).executeTakeFirstOrThrow()).slug;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const amendments = () => server.cocrea.db.selectFrom("plan_amendments").select(["proposal_id", "reason"]).where("plan_id", "=", f.planId).execute();

it("the point of contact adds a fifth commitment to the approved plan by amendment, with its reason", async () => {
  // Before: four commitments on the public plan.
  const before = await newPage(browser, { javaScriptEnabled: false });
  await before.goto(`${server.url}/c/${slug}/plan`);
  expect(await before.getByTestId("plan-commitments-count").textContent()).toBe("El plan tiene 4 compromisos.");
  await before.context().close();

  const { page, context } = await signedInContext(browser, server.url, f.t.admin.email, f.t.admin.password);
  await page.goto(`${server.url}/admin/c/${f.t.consultationId}/plan`);
  await expect.poll(() => page.getByTestId("live-status").textContent()).toBe("En vivo");
  expect(await page.getByTestId("plan-status").textContent()).toContain("aprobado");
  expect(await page.getByTestId("plan-row").count()).toBe(4);

  const form = page.getByTestId("amend-add");
  expect(await form.getByRole("heading").textContent()).toBe("Añadir un compromiso por enmienda");
  // The candidate: the fifth proposal, still active at the table, found by its label.
  const proposal = form.getByLabel("Propuesta");
  expect(await proposal.locator("option").allTextContents()).toEqual(["Compromiso unificado 5 (activa)"]);
  const reason = form.getByLabel("Motivo de la enmienda");
  const submit = form.getByRole("button", { name: "Añadir al plan" });
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes(`/admin/c/${f.t.consultationId}/plan`)) posts.push(r.url());
  });

  // No reason: the browser stops the post and says why next to the field (in the browser's own language).
  await submit.click();
  expect(await reason.evaluate((el: HTMLTextAreaElement) => el.validity.valueMissing)).toBe(true);
  expect(await reason.evaluate((el: HTMLTextAreaElement) => el.validationMessage)).not.toBe("");

  // A blank reason gets past the browser; the server refuses it and the page says so under the field.
  await reason.fill("   ");
  await submit.click();
  await expect.poll(() => form.locator(".field-error").textContent()).toBe("Este campo es obligatorio.");
  expect(await reason.getAttribute("aria-invalid")).toBe("true");
  expect(await form.getByRole("alert").textContent()).not.toBe("");
  // Nothing added: the answer came back, and the plan still has four commitments and no amendment. That answer was
  // the only post so far: the submit without a reason never left the browser.
  expect(posts).toHaveLength(1);
  expect(await page.getByTestId("plan-row").count()).toBe(4);
  expect(await amendments()).toEqual([]);

  // The reason typed, submitted from the keyboard (Enter in the number field, left empty: the next one).
  await reason.fill(REASON);
  await reason.press("Tab");
  await expect.poll(() => form.getByLabel(/^Número/).evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press("Enter");
  await expect.poll(() => page.getByTestId("plan-row").count()).toBe(5);
  expect(await page.getByTestId("plan-row").nth(4).textContent()).toContain("5. Compromiso unificado 5");
  // No more candidates: the form gives way to words that say so.
  await expect.poll(() => form.locator(".empty").textContent()).toBe("No hay propuestas en la Mesa Técnica que puedan añadirse.");
  expect(await amendments()).toEqual([{ proposal_id: fifth, reason: REASON }]);
  await context.close();

  // The public plan page, as a visitor reads it (no JavaScript): five commitments, the fifth with its reason.
  const visitor = await newPage(browser, { javaScriptEnabled: false });
  await visitor.goto(`${server.url}/c/${slug}/plan`);
  expect(await visitor.getByTestId("plan-commitments-count").textContent()).toBe("El plan tiene 5 compromisos.");
  const sheet = visitor.getByTestId("plan-commitment").filter({ hasText: "Compromiso unificado 5" });
  expect(await sheet.getByRole("heading", { level: 3 }).textContent()).toBe("Compromiso 5: Compromiso unificado 5");
  expect(await sheet.getByTestId("amendment-added").textContent()).toContain(`Añadido al plan aprobado por enmienda. Motivo: ${REASON}`);
  await visitor.context().close();

  // In English too.
  const english = await newPage(browser, { javaScriptEnabled: false, locale: "en-US" });
  await english.goto(`${server.url}/c/${slug}/plan`);
  expect(await english.getByTestId("plan-commitments-count").textContent()).toBe("The plan has 5 commitments.");
  expect(await english.getByTestId("amendment-added").textContent()).toContain(`Added to the approved plan by amendment. Reason: ${REASON}`);
  await english.context().close();

  // Every other surface reads the same five.
  await expectCommitments(server, { slug }, 5);
}, 60_000);
