// The point of contact logs in, opens a stage, and a second page (the public call) updates without reload.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, newPage } from "../support/browser";
import { createAdmin, createConsultation, startServer, type TestServer } from "../support/server";

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

it("opening a stage on the dashboard shows up live on the public call page", async () => {
  const admin = await createAdmin(server);
  const { consultationId } = await createConsultation(admin.client);
  const { body } = await admin.client.get(`/api/v1/consultations/${consultationId}`);
  const slug = body.result.consultation.slug as string;

  // A citizen keeps the public call open in another browser context.
  const citizen = await newPage(browser);
  await citizen.goto(`${server.url}/c/${slug}`);
  await expect.poll(() => citizen.getByTestId("live-status").textContent()).toBe("En vivo");
  const intakeStatus = citizen.getByTestId("stage-status-opinion_intake");
  expect(await intakeStatus.textContent()).toBe("Pendiente");
  let reloaded = false;
  citizen.on("framenavigated", () => (reloaded = true));

  // The point of contact signs in and opens the online-opinion stage.
  const staff = await newPage(browser);
  await staff.goto(`${server.url}/login`);
  await staff.getByLabel("Correo electrónico").fill(admin.email);
  await staff.getByLabel("Contraseña").fill(admin.password);
  await staff.getByRole("button", { name: "Entrar" }).click();
  await staff.waitForURL(`${server.url}/admin`);
  await staff.getByRole("link", { name: body.result.consultation.title }).click();
  await staff.waitForURL(`${server.url}/admin/c/${consultationId}`);
  const row = staff.locator('li[data-stage-phase="opinion_intake"]');
  await row.getByRole("button", { name: "Abrir" }).click();
  await expect.poll(() => row.locator(".status").textContent()).toBe("Abierta");

  // The citizen's page changed by itself.
  await expect.poll(() => intakeStatus.textContent(), { timeout: 5_000 }).toBe("Abierta");
  expect(reloaded).toBe(false);
  await expect.poll(() => citizen.getByTestId("current-stage").textContent()).toContain("Opinión ciudadana en línea");

  // And the same page in English after the language switch, remembered on the next visit.
  await citizen.getByRole("button", { name: "English" }).click();
  await expect.poll(() => citizen.getByTestId("stage-status-opinion_intake").textContent()).toBe("Open");
  await citizen.goto(`${server.url}/`);
  expect(await citizen.locator("h1").textContent()).toBe("Co-creation consultations");
});
