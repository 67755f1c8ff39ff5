// Issue 17: a public form outside its stage's dates answers as the stage does, with the dates in words, in the
// reader's language. A reader on the opinion page (Chromium, with and without JavaScript) sends an opinion after
// the intake's end date has passed and reads when it closed; an English reader reads it in English.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { openIntake } from "../support/intake";
import { startServer, type TestServer } from "../support/server";

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

for (const javaScriptEnabled of [true, false]) {
  it(`a reader ${javaScriptEnabled ? "with" : "without"} JavaScript who sends an opinion after the intake's end date reads when it closed, in words`, async () => {
    const intake = await openIntake(server);
    const context = await browser.newContext({ javaScriptEnabled, locale: "es-GT" });
    const page = await context.newPage();
    await page.goto(`${server.url}/c/${intake.slug}/opinar`);
    await page.getByLabel("¿Sobre qué opina?").selectOption({ index: 1 });
    await page.getByLabel("Su opinión").fill("Que los foros departamentales lleguen también a Petén.");
    // Meanwhile the point of contact sets the 2016 dates: the intake's end date (15 May 2016) has passed.
    await intake.admin.client.ok("stage.update", {
      stageId: intake.stage("opinion_intake"),
      name: "",
      description: "",
      startsOn: "2016-03-15",
      endsOn: "2016-05-15",
    });
    await page.getByRole("button", { name: "Enviar opinión" }).click();
    await expect.poll(() => page.getByTestId("intake-stage").textContent()).toContain("La recepción de opiniones cerró el 15 de mayo de 2016.");
    expect(await page.getByTestId("intake-stage").textContent()).toContain("La recepción de opiniones en línea está cerrada.");
    // The form is gone (nothing to fill in vain) and nothing was written.
    expect(await page.getByLabel("Su opinión").count()).toBe(0);
    const rows = await server.cocrea.db.selectFrom("citizen_inputs").select("id").where("consultation_id", "=", intake.consultationId).execute();
    expect(rows).toEqual([]);
    await context.close();
  });
}

it("an English reader reads the closed intake's message with its date in English", async () => {
  const intake = await openIntake(server);
  await intake.admin.client.ok("stage.update", {
    stageId: intake.stage("opinion_intake"),
    name: "",
    description: "",
    startsOn: "2016-03-15",
    endsOn: "2016-05-15",
  });
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto(`${server.url}/c/${intake.slug}/opinar`);
  expect(await page.getByTestId("intake-stage").textContent()).toContain("Online opinion intake is closed.");
  expect(await page.getByTestId("intake-stage").textContent()).toContain("Opinion intake closed on May 15, 2016.");
  expect(await page.getByRole("button", { name: "Send opinion" }).count()).toBe(0);
  // The call page's timeline says the same.
  await page.goto(`${server.url}/c/${intake.slug}`);
  expect(await page.getByTestId("stage-status-opinion_intake").textContent()).toBe("Closed");
  expect(await page.getByTestId("stage-when-opinion_intake").textContent()).toBe(" (closed on May 15, 2016)");
  await context.close();
});
