// The demo's fiscal-transparency roundtable (2016): 30 proposals from 6 proponents, five merges agreed in round 2.
import { afterAll, beforeAll, expect, it } from "vitest";
import { invariantViolations, operationsFrom } from "../../app/domain/proposals/lineage";
import { funnelCounts } from "../../db/queries/roundtables.server";
import { seedDemo } from "../../db/seed/demo.server";
import { loginCookie, startServer, type TestServer } from "../support/server";

let server: TestServer;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
});
afterAll(() => server.stop());

it("seeds the 2016 fiscal-transparency table through the commands, mid-session and consistent", async () => {
  const { db, bus } = server.cocrea;
  const admin = await seedDemo(bus, db, "contraseña-de-demo-123");
  const consultation = { id: admin.consultationId };
  const { roundtableId } = admin.roundtables;

  const theme = await db
    .selectFrom("themes")
    .select("id")
    .where("consultation_id", "=", consultation.id)
    .where("name", "=", "Transparencia fiscal")
    .executeTakeFirstOrThrow();
  const counts = (await funnelCounts(db, consultation.id)).byTheme[theme.id];
  expect(counts.proposed.entered).toBe(30);
  expect(counts.proposed.now).toBe(30 - 15 + 5);

  const proposals = await db.selectFrom("proposals").select(["id", "state"]).where("consultation_id", "=", consultation.id).execute();
  const ops = await db.selectFrom("proposal_operations").select(["id", "kind", "undone_at"]).where("consultation_id", "=", consultation.id).execute();
  const edges = await db.selectFrom("proposal_lineage").select(["operation_id", "source_id", "result_id"]).execute();
  expect(invariantViolations({ states: Object.fromEntries(proposals.map((p) => [p.id, p.state])), operations: operationsFrom(ops, edges) })).toEqual([]);

  const cookie = await loginCookie(server.url, admin.email, admin.password);
  const html = (await (await fetch(`${server.url}/admin/c/${consultation.id}/roundtables/${roundtableId}`, { headers: { cookie } })).text()).replaceAll(
    "\0",
    "",
  );
  expect(html).toContain("Presupuesto abierto y ciudadano");
  expect(html).toContain('data-testid="count-proposed">30<');
}, 120_000); // the seed writes both demo consultations through the commands
