// The demo's online opinions: seeded through the commands, one reported and hidden; the 2016 intake then closed
// (issue 17: the 2016 demo is an archive — the consultation in progress takes new opinions).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemo } from "../../db/seed/demo.server";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

it("seeds opinions from across the country, one hidden, and the statistics show them", async () => {
  const { db, bus } = server.cocrea;
  const demo = await seedDemo(bus, db, `demo-${randomUUID()}`);
  const { slug } = demo;
  const consultation = { id: demo.consultationId };
  const { inputIds, hiddenId } = demo.intake;
  expect(inputIds).toHaveLength(25);
  const statuses = await db
    .selectFrom("citizen_inputs")
    .select(["status"])
    .where("channel", "=", "online")
    .where("consultation_id", "=", consultation.id)
    .execute();
  expect(statuses.filter((s) => s.status === "visible")).toHaveLength(24);
  expect((await db.selectFrom("input_reports").select("input_id").execute()).map((r) => r.input_id)).toEqual([hiddenId]);
  const stage = await db
    .selectFrom("stages")
    .select("status")
    .where("consultation_id", "=", consultation.id)
    .where("phase", "=", "opinion_intake")
    .executeTakeFirstOrThrow();
  expect(stage.status).toBe("closed");
  const html = await (await fetch(`${server.url}/c/${slug}/estadisticas`)).text();
  expect(html).toContain("Opiniones publicadas: 24");
  expect(html).toContain("ocultas por moderación, contadas aparte: 1");
  const json = await (await fetch(`${server.url}/api/v1/consultations/${slug}/opinions.json`)).json();
  expect(json.count).toBe(24);
}, 120_000); // the seed writes both demo consultations through the commands
