// The demo's follow-up (db/factories/follow-up-2016.ts): the training commitment led by INAP, reported like the real
// follow-up of commitment 10 of the 4th plan — a plan-cronograma presented before government and civil society,
// coordination meetings with their evidence — read back as a citizen reads it. Figures written by hand from the
// factory: the commitment has 4 milestones (1: Sep–Dec 2016, 2: Jan–Jun 2017, 3: Mar 2017–May 2018, 4: Jun 2018);
// the three other commitments have 3 each (the first ending 31 Dec 2016) and no reports.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../db/seed/demo.server";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let seeded: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  seeded = await seedDemo(server.cocrea.bus, server.cocrea.db, "contraseña-de-demo-123");
}, 120_000);
afterAll(() => server.stop());

const TRAINING = "Plan nacional de capacitación en acceso a la información pública y archivos institucionales";

describe("the demo's follow-up", () => {
  it("the API, on 1 May 2017: milestone 1 complete 78 days late, milestone 2 limited, three milestones of other commitments late", async () => {
    const res = await fetch(`${server.url}/api/v1/consultations/${seeded.slug}/follow-up?today=2017-05-01`);
    const { result } = await res.json();
    expect(result.total).toMatchObject({ commitments: 4, milestones: 13, complete: 1, late: 3 });
    const training = result.commitments.find((c: { title: string }) => c.title === TRAINING);
    expect(training.responsible).toEqual({
      name: "Licda. Marta Xicará",
      institution: "Instituto Nacional de Administración Pública (INAP)",
      since: expect.any(String),
    });
    expect(training.milestones.map((m: any) => [m.position, m.status, m.lateness])).toEqual([
      [1, "complete", { kind: "done_late", days: 78 }],
      [2, "limited", { kind: "on_track" }],
      [3, "not_started", { kind: "on_track" }],
      [4, "not_started", { kind: "on_track" }],
    ]);
    // (3 + 1 + 0 + 0) thirds of 12: under half, limited.
    expect(training.completion).toMatchObject({ milestones: 4, complete: 1, late: 0, level: "limited" });
    expect(training.milestones[0].evidence).toHaveLength(3);
    expect(training.milestones[1].evidence).toHaveLength(2);
    expect(training.history).toHaveLength(8);
  });

  it("the public page shows the progress, the evidence and who reported it", async () => {
    const res = await fetch(`${server.url}/c/${seeded.slug}/plan/seguimiento`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(TRAINING);
    expect(html).toContain("Presentación del plan-cronograma del compromiso, 19 de marzo de 2017");
    expect(html).toContain('href="https://evidencia.demo.cocrea.gt/inap/2017-03-19-presentacion-plan-cronograma.pdf"');
    expect(html).toContain("Licda. Marta Xicará (Instituto Nacional de Administración Pública (INAP))");
    expect(html).toContain("Cumplida con 78 días de atraso");
    expect(html).not.toContain("@demo.cocrea.gt");
  });
});
