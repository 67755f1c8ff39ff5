// The technical roundtable's two text operations in Debian's Chromium: a member refines a unified proposal's text
// (the public sheet then shows the words added and removed, with the note), a stale form without JavaScript is
// refused next to the form, and a member merges two unified proposals of the same theme at the table — the new one
// appears without reloading and the sources' public sheets say what they were unified into.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, newPage, signedInContext } from "../support/browser";
import { unifiedPayload } from "../support/roundtables";
import { startServer, type TestServer } from "../support/server";
import { setupTechnical, type TechnicalTable } from "../support/technical";

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

const tablePage = () => `${server.url}/admin/c/${t.consultationId}/technical`;
const card = (page: Page, title: string) => page.locator('[data-testid="tech-proposal"]', { hasText: title });

it("a member refines a unified proposal's objective; the public sheet shows the added and removed words and the note", async () => {
  const member = t.members[1];
  const { page } = await signedInContext(browser, server.url, member.email, member.password);
  await page.goto(tablePage());
  await expect.poll(() => page.getByTestId("live-status").textContent()).toBe("En vivo");
  await card(page, "Compromiso unificado 1").getByRole("link", { name: "Afinar el texto" }).click();
  await page.waitForURL(`**/proposals/${t.unified[0]}/refine`);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Afinar el texto de la propuesta");

  const objective = page.locator("#revise-objective");
  expect(await objective.inputValue()).toBe("Publicar la ejecución presupuestaria en datos abiertos y en lenguaje ciudadano.");
  await objective.fill("Publicar la ejecución presupuestaria mensual en datos abiertos y en lenguaje sencillo.");
  await page.getByLabel("Qué cambió y por qué").fill("Se precisa la frecuencia y se simplifica el lenguaje");
  await page.getByRole("button", { name: "Guardar la nueva versión" }).click();
  await page.waitForURL(tablePage());

  const visitor = await newPage(browser);
  await visitor.goto(`${server.url}/c/${slug}/propuestas/${t.unified[0]}`);
  const change = visitor.locator('[data-field="objective"]');
  const added = (await change.locator("ins").allTextContents()).join(" ");
  const removed = (await change.locator("del").allTextContents()).join(" ");
  expect(added).toContain("Añadido: ");
  expect(added).toContain("mensual");
  expect(added).toContain("sencillo");
  expect(removed).toContain("Eliminado: ");
  expect(removed).toContain("ciudadano");
  expect(removed).not.toContain("mensual");
  const text = await visitor.locator("body").textContent();
  expect(text).toContain("Nota: Se precisa la frecuencia y se simplifica el lenguaje");
  expect(text).toContain("Publicar la ejecución presupuestaria mensual en datos abiertos y en lenguaje sencillo.");
});

it("without JavaScript, a form saved after someone else's change is refused next to the form (409), and nothing changes", async () => {
  const member = t.members[2];
  const { page } = await signedInContext(browser, server.url, member.email, member.password, { javaScriptEnabled: false });
  const id = t.unified[1];
  await page.goto(`${server.url}/admin/c/${t.consultationId}/proposals/${id}/refine`);
  await page.locator("#revise-objective").fill("Un objetivo que llega tarde");
  await page.getByLabel("Qué cambió y por qué").fill("Cambio tardío");
  // Meanwhile the chair refines the same proposal through the API.
  const before = await server.cocrea.db.selectFrom("proposals").select(["objective", "version"]).where("id", "=", id).executeTakeFirstOrThrow();
  const { title: _title, ...template } = unifiedPayload();
  await t.chair.client.ok("proposal.revise", {
    proposalId: id,
    expectedVersion: before.version,
    note: "Primero",
    ...template,
    title: "Compromiso unificado 2",
  });
  await page.getByRole("button", { name: "Guardar la nueva versión" }).click();
  await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("cambió mientras tanto");
  expect(page.url()).toContain("/refine");
  const after = await server.cocrea.db.selectFrom("proposals").select(["objective", "version"]).where("id", "=", id).executeTakeFirstOrThrow();
  expect(after.version).toBe(before.version + 1);
  expect(after.objective).not.toBe("Un objetivo que llega tarde");
});

it("a member selects two unified proposals of the theme and merges them at the table: the new one appears live, the sources point to it", async () => {
  const member = t.members[0];
  const { page } = await signedInContext(browser, server.url, member.email, member.password);
  await page.goto(tablePage());
  await expect.poll(() => page.getByTestId("live-status").textContent()).toBe("En vivo");
  let navigated = false;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) navigated = true;
  });
  // A second staff page follows the table.
  const { page: other } = await signedInContext(browser, server.url, t.members[1].email, t.members[1].password);
  await other.goto(tablePage());
  await expect.poll(() => other.getByTestId("live-status").textContent()).toBe("En vivo");

  const sources = ["Compromiso unificado 2", "Compromiso unificado 3"];
  for (const title of sources) await page.getByRole("checkbox", { name: `Seleccionar «${title}»` }).check();
  await expect.poll(() => page.getByTestId("selection-bar").textContent()).toContain("2 seleccionadas");
  await page.getByRole("button", { name: "Unificar seleccionadas" }).click();
  const composer = page.getByTestId("merge-composer");
  await composer.locator("#merge-result-title").fill("Presupuesto abierto unificado en la Mesa Técnica");
  await composer.getByLabel("La mesa acordó esta unificación por consenso").check();
  await composer.getByLabel("Nota del acuerdo").fill("Acuerdo de la Mesa Técnica");
  await composer.getByRole("button", { name: "Unificar", exact: true }).click();

  const merged = "Presupuesto abierto unificado en la Mesa Técnica";
  await expect.poll(() => page.getByTestId("merge-done").textContent()).toBe(`Propuestas unificadas en «${merged}».`);
  for (const p of [page, other]) {
    await expect.poll(() => card(p, merged).count()).toBe(1);
    expect(await card(p, merged).getAttribute("data-state")).toBe("active");
    for (const title of sources) await expect.poll(() => card(p, title).first().getAttribute("data-state")).toBe("merged");
  }
  expect(navigated).toBe(false);

  const ids = [t.unified[1], t.unified[2]];
  const visitor = await newPage(browser);
  for (const id of ids) {
    await visitor.goto(`${server.url}/c/${slug}/propuestas/${id}`);
    expect(await visitor.getByTestId("fate").textContent()).toBe(`Hoy la representan: «${merged}»`);
  }
});
