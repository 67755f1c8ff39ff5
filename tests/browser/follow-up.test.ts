// Follow-up of the plan in Debian's Chromium (decision 0009): the point of contact assigns the responsible person;
// that person signs in with the account they were invited to, reports a milestone complete and adds evidence (a
// link that is not http(s) is refused next to its field); a citizen on a phone opens /c/:slug/plan/seguimiento and
// sees the progress and the evidence — with JavaScript and without.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, newPage, signedInContext } from "../support/browser";
import { setupFollowup, type FollowupSetup } from "../support/follow-up";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
let s: FollowupSetup;
let commitment: string;

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const EVIDENCE = "https://www.minfin.gob.gt/gobierno-abierto/acta-19-marzo.pdf";

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  browser = await launchBrowser();
  s = await setupFollowup(server, { commitments: 1 });
  commitment = s.commitments[0];
}, 60_000);
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

it("the point of contact assigns the person responsible for the commitment", async () => {
  const { page } = await signedInContext(browser, server.url, s.t.admin.email, s.t.admin.password);
  await page.goto(`${server.url}/admin/c/${s.t.consultationId}/seguimiento`);
  const row = page.getByTestId(`assign-${commitment}`);
  await row.getByLabel(/Persona responsable de/).selectOption({ label: `${s.responsible.name} (${(await orgAcronym()) ?? ""})` });
  await row.getByRole("button", { name: "Asignar" }).click();
  await expect.poll(() => row.getByRole("status").textContent()).toBe("Persona asignada.");
  await expect.poll(() => row.textContent()).toContain(`Asignada ahora: ${s.responsible.name}`);
  await page.context().close();
});

async function orgAcronym(): Promise<string | undefined> {
  const row = await server.cocrea.db
    .selectFrom("users as u")
    .innerJoin("organizations as o", "o.id", "u.organization_id")
    .select("o.acronym")
    .where("u.id", "=", s.responsible.userId)
    .executeTakeFirst();
  return row?.acronym;
}

it("the responsible person signs in and reports a milestone complete, with evidence", async () => {
  const page = await newPage(browser);
  await signIn(page, s.responsible.email, s.responsible.password);
  await page.goto(`${server.url}/admin/c/${s.t.consultationId}`);
  await page.getByRole("link", { name: "Seguimiento" }).click();
  await page.waitForURL(`${server.url}/admin/c/${s.t.consultationId}/seguimiento`);

  const mine = page.getByTestId(`mine-${commitment}`);
  const first = mine.getByTestId("milestone-1");
  await first.getByLabel("Nivel de avance").selectOption({ label: "Completo" });
  await first.getByLabel("Fecha real de inicio").fill("2016-09-05");
  await first.getByLabel("Fecha real de cumplimiento").fill("2016-12-20");
  await first.getByLabel("Nota (qué se hizo)").fill("Presupuesto aprobado publicado en datos abiertos.");
  await first.getByRole("button", { name: "Guardar reporte" }).click();
  await expect.poll(() => first.getByRole("status").first().textContent()).toBe("Reporte guardado.");

  // A link that is not http(s): refused by the server, the reason next to the field.
  await first.getByLabel("Enlace a la evidencia (http o https)").fill("ftp://minfin.gob.gt/acta.pdf");
  await first.getByLabel(/Qué muestra/).fill("Acta de la reunión");
  await first.getByRole("button", { name: "Agregar evidencia" }).click();
  await expect.poll(() => first.locator(".field-error").textContent()).toBe("El enlace debe empezar con http:// o https://.");

  // With the keyboard: type the address and the description, Enter submits.
  const url = first.getByLabel("Enlace a la evidencia (http o https)");
  await url.fill("");
  await url.focus();
  await page.keyboard.type(EVIDENCE);
  await page.keyboard.press("Tab");
  await page.keyboard.type("Lista de asistencia, 19 de marzo");
  await page.keyboard.press("Enter");
  await expect.poll(() => mine.getByTestId("milestone-1").getByRole("status").textContent()).toBe("Evidencia agregada.");
  await expect.poll(() => mine.getByTestId("completion").getByTestId("complete-count").textContent()).toBe("1 de 2 metas cumplidas");
  await page.context().close();
});

it("the responsible person's forms work without JavaScript too", async () => {
  const { context, page } = await signedInContext(browser, server.url, s.responsible.email, s.responsible.password, { javaScriptEnabled: false });
  await page.goto(`${server.url}/admin/c/${s.t.consultationId}/seguimiento`);
  const second = page.getByTestId(`mine-${commitment}`).getByTestId("milestone-2");
  await second.getByLabel("Nivel de avance").selectOption({ label: "Limitado" });
  await second.getByLabel("Fecha real de inicio").fill("2017-01-10");
  await second.getByLabel("Nota (qué se hizo)").fill("Borrador de las guías ciudadanas.");
  await second.getByRole("button", { name: "Guardar reporte" }).click();
  await page.waitForLoadState();
  expect(await page.getByTestId(`mine-${commitment}`).getByTestId("milestone-2").getByRole("status").textContent()).toBe("Reporte guardado.");
  expect(await page.getByTestId(`mine-${commitment}`).getByTestId("milestone-2").locator(".followup-status").first().textContent()).toBe("Limitado");
  await context.close();
});

async function citizenSees(page: Page) {
  await page.goto(`${server.url}/c/${s.slug}/plan/seguimiento`);
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Seguimiento del plan");
  const section = page.getByTestId(`commitment-${commitment}`);
  expect(await section.getByTestId("complete-count").textContent()).toBe("1 de 2 metas cumplidas");
  expect(await section.getByTestId("responsible").textContent()).toContain(s.responsible.name);
  const first = section.getByTestId("milestone-1");
  expect(await first.textContent()).toContain("Cumplida a tiempo");
  const link = first.getByRole("link", { name: "Lista de asistencia, 19 de marzo" });
  expect(await link.getAttribute("href")).toBe(EVIDENCE);
  expect(await page.getByTestId("followup-total").getByTestId("complete-count").textContent()).toBe("1 de 2 metas cumplidas");
  // The history names who reported, by name and institution.
  expect(await section.getByTestId("history-entry").first().textContent()).toContain(s.responsible.name);
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await page.content()).not.toContain(s.responsible.email);
}

it("a citizen on a phone sees the progress and the evidence, and a new report arrives without reloading", async () => {
  const page = await newPage(browser, PHONE);
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
  });
  await citizenSees(page);
  // Not hydrated: the page's one small script and socket.io's client, no React or Remix.
  await expect.poll(() => scripts.some((p) => p.startsWith("/build/islands/follow-up-"))).toBe(true);
  expect(scripts.filter((p) => !p.startsWith("/build/islands/follow-up-") && p !== "/vendor/socket.io.esm.min.js")).toEqual([]);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await s.responsible.client.ok("followup.add_evidence", {
    proposalId: commitment,
    position: 2,
    url: "https://www.minfin.gob.gt/guias.html",
    description: "Guías ciudadanas en línea",
  });
  const second = page.getByTestId(`commitment-${commitment}`).getByTestId("milestone-2");
  await expect.poll(() => second.getByRole("link", { name: "Guías ciudadanas en línea" }).count(), { timeout: 5_000 }).toBe(1);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  await page.context().close();
});

it("and without JavaScript", async () => {
  const page = await newPage(browser, { ...PHONE, javaScriptEnabled: false });
  await citizenSees(page);
  await page.context().close();
});

it("the staff page follows changes made elsewhere: a reassignment shows without reloading", async () => {
  const { page } = await signedInContext(browser, server.url, s.t.admin.email, s.t.admin.password);
  await page.goto(`${server.url}/admin/c/${s.t.consultationId}/seguimiento`);
  await expect.poll(() => page.getByTestId("live-status").textContent()).toBe("En vivo");
  let reloaded = false;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) reloaded = true;
  });
  const row = page.getByTestId(`assign-${commitment}`);
  expect(await row.textContent()).toContain(`Asignada ahora: ${s.responsible.name}`);

  // Another tab, or another point of contact, hands the commitment to someone else.
  await s.t.admin.client.ok("followup.assign_responsible", { proposalId: commitment, userId: s.otherResponsible.userId });
  await expect.poll(() => row.textContent()).toContain(`Asignada ahora: ${s.otherResponsible.name}`);
  expect(reloaded).toBe(false);

  // Ending the assignment without naming anyone else.
  await row.getByRole("button", { name: "Quitar la asignación" }).click();
  await expect.poll(() => row.getByRole("status").textContent()).toBe("Asignación terminada: el compromiso no tiene persona responsable.");
  await expect.poll(() => row.textContent()).toContain("Sin persona responsable asignada");
  await page.context().close();
});
