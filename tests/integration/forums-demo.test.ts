// The demo's 2016 forums: 531 people in three forums, five tables each, input at every table, a summary
// with its lineage (written at the systematization stage). All three forums are over: the 2016 demo is an archive.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemo } from "../../db/seed/demo.server";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

it("seeds the 2016 forums through the commands", async () => {
  const { db, bus } = server.cocrea;
  const demo = await seedDemo(bus, db, `demo-${randomUUID()}`);
  const { forumIds, summaryIds } = demo.forums;
  expect(forumIds).toHaveLength(3);
  const people = await db
    .selectFrom("attendance")
    .select((eb) => eb.fn.sum<number>("head_count").as("n"))
    .executeTakeFirstOrThrow();
  expect(Number(people.n)).toBe(531);
  const tables = await db
    .selectFrom("worktables")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  expect(Number(tables.n)).toBe(15);
  const forums = await db.selectFrom("forums").select(["department", "status"]).orderBy("held_on").execute();
  expect(forums.map((f) => f.status)).toEqual(["closed", "closed", "closed"]);
  const captures = await db
    .selectFrom("citizen_inputs")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("channel", "=", "forum")
    .executeTakeFirstOrThrow();
  expect(Number(captures.n)).toBe(30);
  // The fiscal summary of the forums, then the two access-to-information summaries of the story (opinions and captures).
  expect(summaryIds).toHaveLength(3);
  const links = await db.selectFrom("summary_inputs").select("input_id").where("summary_id", "=", summaryIds[0]).execute();
  expect(links).toHaveLength(6);
}, 120_000); // the seed writes both demo consultations through the commands
