// Two participants at one thematic roundtable in Debian's Chromium: a member merges three proposals in the live
// session; the other participant sees the unified proposal and the new counts without reloading.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, newPage } from "../support/browser";
import { startServer, type TestServer } from "../support/server";
import { createDelegate, proposalPayload, setupRoundtable } from "../support/roundtables";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña").fill(password);
  await page.getByRole("button", { name: "Entrar" }).click();
  await page.waitForURL(`${server.url}/admin`);
}

it("one member merges three proposals; the other participant sees the result and the new counts live", async () => {
  const table = await setupRoundtable(server);
  const titles = ["Presupuesto abierto municipal", "Datos abiertos de ejecución", "Guías ciudadanas del presupuesto", "Compras públicas abiertas"];
  await table.icefi.client.ok("proposal.create", proposalPayload(table.roundtableId, { title: titles[0] }));
  await table.icefi.client.ok("proposal.create", proposalPayload(table.roundtableId, { title: titles[1] }));
  await table.ciidh.client.ok("proposal.create", proposalPayload(table.roundtableId, { title: titles[2] }));
  await table.ciidh.client.ok("proposal.create", proposalPayload(table.roundtableId, { title: titles[3] }));
  const session = `${server.url}/admin/c/${table.consultationId}/roundtables/${table.roundtableId}`;

  // The participant (a CIIDH delegate) keeps the session open.
  const watcher = await newPage(browser);
  await signIn(watcher, table.ciidh.email, table.ciidh.password);
  await watcher.goto(session);
  await expect.poll(() => watcher.getByTestId("live-status").textContent()).toBe("En vivo");
  expect(await watcher.getByTestId("count-proposed").textContent()).toBe("4");
  expect(await watcher.getByTestId("count-now").textContent()).toBe("4");
  let reloaded = false;
  watcher.on("framenavigated", (frame) => {
    if (frame === watcher.mainFrame()) reloaded = true;
  });

  // The roundtable member joins: the participant sees who is connected.
  const member = await newPage(browser);
  await signIn(member, table.member.email, table.member.password);
  await member.goto(session);
  await expect.poll(() => member.getByTestId("live-status").textContent()).toBe("En vivo");
  await expect.poll(() => watcher.getByTestId("presence").textContent()).toContain(table.member.name);

  // The member selects three proposals and composes the unified one from them.
  for (const title of titles.slice(0, 3)) await member.getByLabel(`Seleccionar «${title}»`).check();
  await member.getByRole("button", { name: "Unificar seleccionadas" }).click();
  const composer = member.getByTestId("merge-composer");
  await expect.poll(() => composer.getByLabel("Nombre del compromiso").inputValue()).toBe(titles[0]);
  expect(await composer.getByLabel("Objetivo principal").inputValue()).toContain("• ");
  // Three sources of two milestones each: six, one over this consultation's cap of five.
  expect(await composer.getByTestId("merge-result.milestone-count").textContent()).toBe("6 de 5 metas (máximo de esta consulta).");
  await composer.getByRole("button", { name: "Quitar meta 6" }).click();
  expect(await composer.getByTestId("merge-result.milestone-count").textContent()).toBe("5 de 5 metas (máximo de esta consulta).");
  await composer.getByLabel("Nombre del compromiso").fill("Presupuesto abierto y ciudadano");
  await composer.getByLabel("La mesa acordó esta unificación por consenso").check();
  await composer.getByLabel("Nota del acuerdo").fill("Consenso de ICEFI, CIIDH y MINFIN");
  await composer.getByRole("button", { name: "Unificar", exact: true }).click();
  await expect.poll(() => member.getByTestId("merge-done").textContent()).toBe("Propuestas unificadas en «Presupuesto abierto y ciudadano».");

  // The participant's page changed by itself: the unified proposal with its sources, and the new counts.
  const unified = watcher.locator('[data-testid="proposal"]', { hasText: "Presupuesto abierto y ciudadano" });
  await expect.poll(() => unified.count(), { timeout: 5_000 }).toBe(1);
  expect(await unified.getByTestId("proposal-sources").textContent()).toBe(
    `Unifica: ${titles
      .slice(0, 3)
      .map((t) => `«${t}»`)
      .join(", ")}`,
  );
  await expect.poll(() => watcher.getByTestId("count-now").textContent()).toBe("2");
  expect(await watcher.getByTestId("count-proposed").textContent()).toBe("4");
  await expect.poll(() => watcher.getByTestId("live-feed").textContent()).toContain("3 propuestas unificadas en «Presupuesto abierto y ciudadano».");
  expect(await watcher.locator('[data-testid="proposal"][data-state="active"]').count()).toBe(2);
  expect(reloaded).toBe(false);

  // Every step is traceable: the unified proposal's page reaches back to the three sources.
  await unified.getByRole("link", { name: "Trazabilidad" }).click();
  await expect.poll(() => watcher.getByTestId("lineage-count").textContent()).toBe("3 propuestas, 0 resúmenes y 0 aportes ciudadanos");
  for (const title of titles.slice(0, 3)) expect(await watcher.getByTestId("lineage").textContent()).toContain(title);
});

it("two members compose overlapping merges: the second is told what changed; undoing the first restores the sources live", async () => {
  const table = await setupRoundtable(server);
  const titles = ["Fideicomisos transparentes", "Transparencia de fideicomisos", "Deuda pública abierta"];
  for (const title of titles)
    await table.icefi.client.ok("proposal.create", proposalPayload(table.roundtableId, { title, milestones: proposalPayload("x").milestones.slice(0, 1) }));
  const second = await createDelegate(server, table.admin.client, table.consultationId, "roundtable_member", table.orgs.ciidh);
  const session = `${server.url}/admin/c/${table.consultationId}/roundtables/${table.roundtableId}`;

  const first = await newPage(browser);
  await signIn(first, table.member.email, table.member.password);
  await first.goto(session);
  const other = await newPage(browser);
  await signIn(other, second.email, second.password);
  await other.goto(session);
  for (const page of [first, other]) await expect.poll(() => page.getByTestId("live-status").textContent()).toBe("En vivo");

  // Both select overlapping proposals and open their composers.
  await first.getByLabel(`Seleccionar «${titles[0]}»`).check();
  await first.getByLabel(`Seleccionar «${titles[1]}»`).check();
  await first.getByRole("button", { name: "Unificar seleccionadas" }).click();
  await other.getByLabel(`Seleccionar «${titles[1]}»`).check();
  await other.getByLabel(`Seleccionar «${titles[2]}»`).check();
  await other.getByRole("button", { name: "Unificar seleccionadas" }).click();
  for (const page of [first, other]) await page.getByTestId("merge-composer").getByLabel("La mesa acordó esta unificación por consenso").check();

  // The first merge applies; the other composer warns at once and its submit is refused, naming what changed.
  await first.getByTestId("merge-composer").getByLabel("Nombre del compromiso").fill("Fideicomisos públicos abiertos");
  await first.getByRole("button", { name: "Unificar", exact: true }).click();
  await expect.poll(() => first.getByTestId("merge-done").count()).toBe(1);
  const composer = other.getByTestId("merge-composer");
  await expect.poll(() => composer.textContent()).toContain(`«${titles[1]}» cambió mientras componía: ahora está unificada.`);
  await composer.getByRole("button", { name: "Unificar", exact: true }).click();
  await expect
    .poll(() => composer.getByRole("alert").allTextContents())
    .toContain(`La propuesta «${titles[1]}» ya fue unificada en «Fideicomisos públicos abiertos».`);
  await composer.getByRole("button", { name: "Cancelar" }).click();

  // The other member undoes the merge from the table's log: both pages show the three proposals active again.
  await other.getByTestId("operations").getByRole("button", { name: "Deshacer" }).click();
  for (const page of [first, other]) {
    await expect.poll(() => page.locator('[data-testid="proposal"][data-state="active"]').count()).toBe(3);
    await expect.poll(() => page.getByTestId("count-now").textContent()).toBe("3");
  }
});
