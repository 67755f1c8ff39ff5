// Comments on the draft plan have the opinion intake's abuse protection: the public rate limit per client (429,
// nothing written), as every public command.
import { afterAll, beforeAll, expect, it } from "vitest";
import { setupPlan, type PlanFixture } from "../support/plan";
import { randomUUID } from "node:crypto";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let f: PlanFixture;

beforeAll(async () => {
  // The default limit (10 a minute per client); the citizen comes from an address of its own, through the proxy.
  server = await startServer({ TRUST_PROXY: "1" });
  f = await setupPlan(server, { adopted: 1 });
  await f.t.admin.client.ok("plan.publish", { planId: f.planId });
  await f.t.admin.client.ok("stage.open", { stageId: f.t.stage("draft_plan") });
}, 120_000);
afterAll(() => server.stop());

it("refuses the eleventh comment in a minute from one client with 429, writing nothing", async () => {
  const comment = async (i: number) => {
    const res = await fetch(`${server.url}/api/v1/commands`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.7" },
      body: JSON.stringify({ id: randomUUID(), type: "plan.comment", payload: { planId: f.planId, text: `Comentario ciudadano número ${i} sobre el plan.` } }),
    });
    return { status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string } } };
  };
  for (let i = 1; i <= 10; i++) expect((await comment(i)).status).toBe(200);
  const res = await comment(11);
  expect(res.status).toBe(429);
  expect(res.body.error?.code).toBe("rate_limited");
  const row = await server.cocrea.db
    .selectFrom("plan_comments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("plan_id", "=", f.planId)
    .executeTakeFirstOrThrow();
  expect(Number(row.n)).toBe(10);
});
