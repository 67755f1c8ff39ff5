// The point of contact edits stages (name, dates, order, open/closed) and themes; the public view follows.
import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiClient, createAdmin, createConsultation, startServer, type TestServer } from "../support/server";

let server: TestServer;
let admin: Awaited<ReturnType<typeof createAdmin>>;
beforeAll(async () => {
  server = await startServer();
  admin = await createAdmin(server);
});
afterAll(() => server.stop());

const publicView = async (id: string) => (await new ApiClient(server.url).get(`/api/v1/consultations/${id}`)).body.result;

it("renames, dates, reorders, adds, opens and closes stages", async () => {
  const { consultationId, stage } = await createConsultation(admin.client);
  await admin.client.ok("stage.update", { stageId: stage("forums"), name: "Foros locales", startsOn: "2018-04-16", endsOn: "2018-05-11" });
  await admin.client.ok("stage.move", { stageId: stage("forums"), position: 1 });
  const { stageId } = await admin.client.ok("stage.add", { consultationId, name: "Talleres de refinamiento", startsOn: "2016-08-01" });
  await admin.client.ok("stage.open", { stageId: stage("forums") });
  await admin.client.ok("stage.close", { stageId: stage("forums") });
  const bad = await admin.client.command("stage.update", { stageId, name: "x", startsOn: "2016-09-01", endsOn: "2016-08-01" });
  expect(bad.status).toBe(400);
  const closeAgain = await admin.client.command("stage.close", { stageId: stage("forums") });
  expect(closeAgain.status).toBe(409);

  const view = await publicView(consultationId);
  const first = view.stages[0];
  expect(first).toMatchObject({ name: "Foros locales", phase: "forums", position: 1, starts_on: "2018-04-16", ends_on: "2018-05-11", status: "closed" });
  expect(view.stages.map((s: { position: number }) => s.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  expect(view.stages[10]).toMatchObject({ phase: "custom", name: "Talleres de refinamiento", status: "pending" });
  // Nothing open, forums closed: the public "now" is the next pending stage after it.
  expect(view.currentStageId).toBe(view.stages[1].id);
});

it("archives and restores themes without deleting them", async () => {
  const { consultationId, themeIds } = await createConsultation(admin.client);
  await admin.client.ok("theme.update", { themeId: themeIds[0], name: "Transparencia fiscal", description: "30 propuestas" });
  await admin.client.ok("theme.archive", { themeId: themeIds[1] });
  expect((await admin.client.command("theme.archive", { themeId: themeIds[1] })).status).toBe(409);
  let view = await publicView(consultationId);
  expect(view.themes.map((t: { name: string }) => t.name)).toEqual(["Transparencia fiscal"]);
  await admin.client.ok("theme.restore", { themeId: themeIds[1] });
  view = await publicView(consultationId);
  expect(view.themes).toHaveLength(2);
  await admin.client.ok("theme.move", { themeId: themeIds[1], position: 1 });
  view = await publicView(consultationId);
  expect(view.themes[0].id).toBe(themeIds[1]);
});
