// The funnel columns a consultation publishes are its setting: the 2016 five by default; the point of contact can
// publish four (no refinement workshops), from the dashboard's form or the API. Bad input and other roles change
// nothing.
import { afterAll, beforeAll, expect, it } from "vitest";
import { loginCookie, startServer, type TestServer } from "../support/server";
import { createDelegate, setupRoundtable, type Table } from "../support/roundtables";

let server: TestServer;
let table: Table;
beforeAll(async () => {
  server = await startServer();
  table = await setupRoundtable(server);
});
afterAll(() => server.stop());

const keys = async () =>
  ((await table.admin.client.get(`/api/v1/consultations/${table.consultationId}/funnel`)).body.result.stages as Array<{ key: string }>).map((s) => s.key);
const auditCount = async () =>
  Number(
    (
      await server.cocrea.db
        .selectFrom("audit_events")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

it("publishes the 2016 five by default, and the four the point of contact chooses", async () => {
  expect(await keys()).toEqual(["proposed", "unified", "technical", "refined", "plan"]);
  const r = await table.admin.client.ok("consultation.funnel_columns", {
    consultationId: table.consultationId,
    columns: ["plan", "proposed", "unified", "technical"],
  });
  expect(r.columns).toEqual(["proposed", "unified", "technical", "plan"]);
  expect(await keys()).toEqual(["proposed", "unified", "technical", "plan"]);
  const slug = (await table.admin.client.get(`/api/v1/consultations/${table.consultationId}`)).body.result.consultation.slug;
  const html = await (await fetch(`${server.url}/c/${slug}/propuestas`)).text();
  expect(html).toContain("Después de la Mesa Técnica");
  expect(html).not.toContain("Después de los talleres");
});

it("refuses bad input and other roles, and writes nothing", async () => {
  const observer = await createDelegate(server, table.admin.client, table.consultationId, "observer", null);
  const before = await auditCount();
  const one = await table.admin.client.command("consultation.funnel_columns", { consultationId: table.consultationId, columns: ["plan"] });
  expect(one.status).toBe(400);
  expect(!one.body.ok && one.body.error.issues?.map((i) => i.message)).toContain("funnel_settings.issue.at_least_two");
  const noPlan = await table.admin.client.command("consultation.funnel_columns", { consultationId: table.consultationId, columns: ["proposed", "unified"] });
  expect(noPlan.status).toBe(400);
  expect(!noPlan.body.ok && noPlan.body.error.issues?.map((i) => i.message)).toContain("funnel_settings.issue.plan_required");
  const unknown = await table.admin.client.command("consultation.funnel_columns", {
    consultationId: table.consultationId,
    columns: ["proposed", "plan", "lobby"],
  });
  expect(unknown.status).toBe(400);
  const refused = await observer.client.command("consultation.funnel_columns", { consultationId: table.consultationId, columns: ["proposed", "plan"] });
  expect(refused.status).toBe(403);
  expect(await auditCount()).toBe(before);
  expect(await keys()).toEqual(["proposed", "unified", "technical", "plan"]);
});

it("the dashboard's checkboxes post the columns (without JavaScript)", async () => {
  const cookie = await loginCookie(server.url, table.admin.email, table.admin.password);
  const page = await (await fetch(`${server.url}/admin/c/${table.consultationId}`, { headers: { cookie } })).text();
  expect(page).toContain("Columnas del embudo");
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1];
  const body = new URLSearchParams({ _csrf: csrf, intent: "funnel_columns", consultationId: table.consultationId });
  for (const c of ["proposed", "unified", "technical", "refined", "plan"]) body.append("columns", c);
  const res = await fetch(`${server.url}/admin/c/${table.consultationId}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body,
  });
  expect(res.status).toBe(200);
  expect(await keys()).toEqual(["proposed", "unified", "technical", "refined", "plan"]);
});
