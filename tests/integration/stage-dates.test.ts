// Issue 17, stages in general: a stage is open only while it was opened AND today is within its dates, when it has
// them. The consultation's current stage, the timeline and what each public form accepts agree: a citizen's form
// outside its stage's dates is refused in the command (409) and the page answers as the stage does, with the date in
// words in the reader's language. The way out: the point of contact changes the stage's dates (or opens the next).
import { afterAll, beforeAll, expect, it } from "vitest";
import { FormClient, openIntake, opinion } from "../support/intake";
import { setupPlan } from "../support/plan";
import { ApiClient, startServer, type CommandResponse, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000", PUBLIC_ADDRESS_LIMIT_PER_MINUTE: "1000" });
});
afterAll(() => server.stop());

/** The words of a refusal (empty when the command was carried out). */
const said = (r: CommandResponse<unknown>): string => (r.body.ok ? "" : r.body.error.message);

const words = (html: string) =>
  html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
const inEnglish = (path: string) => fetch(`${server.url}${path}`, { headers: { cookie: "cocrea_lang=en", "accept-language": "en" } }).then((r) => r.text());

const form = {
  intent: "opinion",
  about: "methodology",
  department: "Petén",
  sector: "",
  ageRange: "",
  gender: "",
  indigenousLanguage: "",
  email: "",
  website: "",
};

it("an intake opened but past its end date (15 May 2016) refuses opinions with the date in words, on the API, the form and the pages", async () => {
  const intake = await openIntake(server);
  const admin = intake.admin.client;
  const stageId = intake.stage("opinion_intake");
  await admin.ok("stage.open", { stageId: intake.stage("public_call") });
  // The 2016 dates of the demo: opened, and its end date long past.
  await admin.ok("stage.update", { stageId, name: "", description: "", startsOn: "2016-03-15", endsOn: "2016-05-15" });
  const citizen = new ApiClient(server.url);
  const refused = await citizen.command("opinion.submit", opinion(intake.consultationId));
  expect(refused.status).toBe(409);
  expect(said(refused)).toBe("La recepción de opiniones cerró el 15 de mayo de 2016.");
  const english = await fetch(`${server.url}/api/v1/commands`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: "cocrea_lang=en", "accept-language": "en" },
    body: JSON.stringify({ id: crypto.randomUUID(), type: "opinion.submit", payload: opinion(intake.consultationId) }),
  });
  expect(english.status).toBe(409);
  expect(((await english.json()) as { error: { message: string } }).error.message).toBe("Opinion intake closed on May 15, 2016.");

  // The form without JavaScript: the same answer, and nothing written.
  const posted = await new FormClient(server.url).post(`/c/${intake.slug}/opinar`, { ...form, text: "Que los foros lleguen a Petén en 2016." });
  expect(posted.status).toBe(409);
  expect(words(posted.html)).toContain("La recepción de opiniones cerró el 15 de mayo de 2016.");
  const { db } = server.cocrea;
  expect(await db.selectFrom("citizen_inputs").select("id").where("consultation_id", "=", intake.consultationId).execute()).toEqual([]);

  // The opinion page answers as the stage does: closed, with its date, and no form to fill in vain.
  const page = words(await (await fetch(`${server.url}/c/${intake.slug}/opinar`)).text());
  expect(page).toContain("La recepción de opiniones en línea está cerrada.");
  expect(page).toContain("La recepción de opiniones cerró el 15 de mayo de 2016.");
  expect(page).not.toContain("Recibimos opiniones hasta el");
  expect(words(await inEnglish(`/c/${intake.slug}/opinar`))).toContain("Opinion intake closed on May 15, 2016.");
  // The call page's timeline and its "take part" line agree with the command.
  const call = await (await fetch(`${server.url}/c/${intake.slug}`)).text();
  expect(words(/data-testid="stage-status-opinion_intake"[^>]*>([^<]*)</.exec(call)?.[1] ?? "")).toBe("Cerrada");
  expect(words(call)).toContain("Cerrada (cerró el 15 de mayo de 2016)");
  // The current stage is the public call (open, no dates), not the intake whose dates passed.
  expect(words(/data-testid="current-stage"[^>]*>([\s\S]*?)<\/p>/.exec(call)?.[1] ?? "")).toContain("Convocatoria pública");

  // The way out: the point of contact moves the end date (here: no end date) and the intake takes opinions again.
  await admin.ok("stage.update", { stageId, name: "", description: "", startsOn: "2016-03-15", endsOn: null });
  const receipt = await citizen.ok<{ receiptCode: string }>("opinion.submit", opinion(intake.consultationId));
  expect(receipt.receiptCode).toMatch(/^[2-9A-Z]{8}$/);
  const open = await (await fetch(`${server.url}/c/${intake.slug}`)).text();
  expect(words(/data-testid="current-stage"[^>]*>([\s\S]*?)<\/p>/.exec(open)?.[1] ?? "")).toContain("Opinión ciudadana en línea");
});

it("an intake opened before its start date says when it opens, and refuses until then", async () => {
  const intake = await openIntake(server);
  const admin = intake.admin.client;
  await admin.ok("stage.update", { stageId: intake.stage("opinion_intake"), name: "", description: "", startsOn: "2099-01-01", endsOn: "2099-02-01" });
  const refused = await new ApiClient(server.url).command("opinion.submit", opinion(intake.consultationId));
  expect(refused.status).toBe(409);
  expect(said(refused)).toBe("La recepción de opiniones abre el 1 de enero de 2099.");
  const page = words(await (await fetch(`${server.url}/c/${intake.slug}/opinar`)).text());
  expect(page).toContain("La recepción de opiniones en línea todavía no está abierta.");
  expect(page).toContain("La recepción de opiniones abre el 1 de enero de 2099.");
  const call = await (await fetch(`${server.url}/c/${intake.slug}`)).text();
  expect(words(/data-testid="stage-status-opinion_intake"[^>]*>([^<]*)</.exec(call)?.[1] ?? "")).toBe("Pendiente");
});

it("comments on the draft plan past the stage's end date are refused with the date in words; new dates are the way out", async () => {
  const { t, planId, adopted } = await setupPlan(server, { adopted: 1 });
  const admin = t.admin.client;
  await admin.ok("plan.publish", { planId });
  const stageId = t.stage("draft_plan");
  await admin.ok("stage.open", { stageId });
  await admin.ok("stage.update", { stageId, name: "", description: "", startsOn: "2016-08-01", endsOn: "2016-08-31" });
  const comment = { planId, proposalId: adopted[0], text: "Que el compromiso incluya a los municipios de Petén." };
  const refused = await new ApiClient(server.url).command("plan.comment", comment);
  expect(refused.status).toBe(409);
  expect(said(refused)).toBe("Los comentarios al borrador del plan se recibieron hasta el 31 de agosto de 2016.");
  const { db } = server.cocrea;
  expect(await db.selectFrom("plan_comments").select("id").where("plan_id", "=", planId).execute()).toEqual([]);
  const slug = (await db.selectFrom("consultations").select("slug").where("id", "=", t.consultationId).executeTakeFirstOrThrow()).slug;
  const page = words(await (await fetch(`${server.url}/c/${slug}/plan`)).text());
  expect(page).toContain("Los comentarios al borrador del plan se recibieron hasta el 31 de agosto de 2016.");
  expect(words(await inEnglish(`/c/${slug}/plan`))).toContain("Comments on the draft plan were received until August 31, 2016.");

  await admin.ok("stage.update", { stageId, name: "", description: "", startsOn: "2016-08-01", endsOn: "2099-12-31" });
  expect((await new ApiClient(server.url).ok<{ receiptCode: string }>("plan.comment", comment)).receiptCode).toBeTruthy();
});
