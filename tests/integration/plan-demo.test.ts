// The demo's action plan (2016): the four commitments the Mesa Técnica adopted, published as a draft, commented on by
// citizens (every comment answered, one leading to a revision), reviewed, approved and submitted — read back as the
// public reads it (the plan page and the printable OGP export with its funnel table).
import { afterAll, beforeAll, expect, it } from "vitest";
import { plan2016 } from "../../db/factories/plan-2016";
import { seedDemo } from "../../db/seed/demo.server";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let seeded: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  seeded = await seedDemo(server.cocrea.bus, server.cocrea.db, "contraseña-de-demo-123");
}, 120_000);
afterAll(() => server.stop());

const get = async (path: string) => (await fetch(`${server.url}${path}`)).text();

it("seeds an approved, submitted plan of the four adopted commitments", async () => {
  expect(seeded.plan?.commitments).toHaveLength(4);
  const html = await get(`/c/${seeded.slug}/plan`);
  expect(html).toContain("aprobado y enviado a AGA");
  expect(html).toContain("Acta de aprobación 03-2016 (demo)");
  expect(html.match(/data-testid="plan-commitment"/g)).toHaveLength(4);
  expect(html).toContain(`/c/${seeded.slug}/plan/seguimiento`);
});

it("shows every comment answered, and the revision a comment led to", async () => {
  const html = await get(`/c/${seeded.slug}/plan`);
  for (const c of plan2016.comments) {
    expect(html).toContain(c.text);
    expect(html).toContain(c.answer.reason);
  }
  expect(html).not.toContain("Sin respuesta todavía.");
  expect(html).toContain("Comentarios que llevaron a este cambio");
  expect(html).toContain("al menos dos idiomas mayas.");
});

it("prints in the OGP template with the funnel table first", async () => {
  const html = await get(`/c/${seeded.slug}/plan/exportar/plan.html`);
  expect(html).toContain("Cuántas propuestas quedaron en cada etapa, por eje temático");
  expect(html).toContain("Acceso a la información pública y archivos institucionales");
  expect(html.match(/<section class="commitment"/g)).toHaveLength(4);
  const doc = JSON.parse(await get(`/c/${seeded.slug}/plan/exportar/plan.json?lang=en`));
  expect(doc.statusLabel).toBe("approved and submitted to OGP");
  expect(doc.funnel.total.at(-1)).toBe(4);
  for (const c of doc.commitments) expect(c.origin.mergedFrom.length).toBeGreaterThan(0);
});

it("reads like the plan on the timeline: the draft, review, approval and submission stages opened and closed in order", async () => {
  const stages = await server.cocrea.db
    .selectFrom("stages")
    .select(["phase", "status", "opened_at", "closed_at"])
    .where("consultation_id", "=", seeded.consultationId)
    .where("phase", "in", ["draft_plan", "ogp_review", "approval", "submission"])
    .orderBy("position")
    .execute();
  expect(stages.map((s) => [s.phase, s.status])).toEqual([
    ["draft_plan", "closed"],
    ["ogp_review", "closed"],
    ["approval", "closed"],
    ["submission", "closed"],
  ]);
  // Each opened after the one before it closed.
  for (let i = 1; i < stages.length; i++) expect(stages[i]!.opened_at! >= stages[i - 1]!.closed_at!).toBe(true);
  const plan = await server.cocrea.db
    .selectFrom("plans")
    .select(["approved_at"])
    .where("consultation_id", "=", seeded.consultationId)
    .executeTakeFirstOrThrow();
  expect(plan.approved_at! >= stages[2]!.opened_at! && plan.approved_at! <= stages[2]!.closed_at!).toBe(true);
});
