// The whole 2016 record replayed through POST /api/v1/commands alone (tests/support/replay-2016.ts), then read off
// the public funnel page: all five columns, theme by theme, exactly as section II of the 3rd plan published them
// (docs/domain.md, "How many proposals remained at each stage: the 2016 record").
import { afterAll, beforeAll, expect, it } from "vitest";
import { replay2016, type Replay2016, type ThemeKey } from "../support/replay-2016";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let replay: Replay2016;

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  replay = await replay2016(server);
}, 120_000);
afterAll(() => server.stop());

// Registered → unified by the thematic roundtables → after the technical roundtable → after refinement → in the plan.
const PUBLISHED: Array<[ThemeKey, string, [number, number, number, number, number]]> = [
  ["access", "Acceso a la información pública y archivos institucionales", [19, 5, 5, 5, 4]],
  ["innovation", "Innovación tecnológica", [22, 8, 8, 6, 6]],
  ["participation", "Participación ciudadana", [8, 5, 3, 3, 3]],
  ["accountability", "Rendición de cuentas", [9, 3, 3, 2, 2]],
  ["fiscal", "Transparencia fiscal", [30, 12, 12, 7, 7]],
];
const TOTAL = [88, 33, 31, 23, 22];
const COLUMNS = ["proposed", "unified", "technical", "refined", "plan"];

async function page(path: string) {
  const res = await fetch(`${server.url}${path}`);
  expect(res.status).toBe(200);
  return res.text();
}
/** The figure in one cell of the funnel table (a zero is shown without a link). */
function cell(html: string, testId: string): number {
  const m = new RegExp(`data-testid="funnel-${testId}"[^>]*>(\\d+)<`).exec(html);
  return m ? Number(m[1]) : 0;
}

it("the public funnel shows the five columns of every theme as published in 2016", async () => {
  const html = await page(`/c/${replay.slug}/propuestas`);
  for (const [key, name, figures] of PUBLISHED) {
    expect(replay.themes[key].name).toBe(name);
    expect(html).toContain(`<th scope="row">${name}`);
    const shown = COLUMNS.map((column) => cell(html, `${replay.themes[key].id}-${column}`));
    expect({ theme: name, shown }).toEqual({ theme: name, shown: figures });
  }
  expect(COLUMNS.map((column) => cell(html, `total-${column}`))).toEqual(TOTAL);
  // Replayed through the command API alone, in a few hundred calls.
  expect(replay.commands).toBeLessThan(600);
});

it("each figure opens the proposals behind it: the plan column of access to information lists four adopted commitments", async () => {
  const html = await page(`/c/${replay.slug}/propuestas?stage=plan&theme=${replay.themes.access.id}`);
  const list = html.slice(html.indexOf('data-testid="proposal-list"'));
  const listed = [...list.matchAll(/href="\/c\/[^/]+\/propuestas\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
  expect(listed.length).toBe(4);
  expect(list.match(/badge-adopted/g)?.length).toBe(4);
});

it("the accountability proposal left the table by Guatecívica's withdrawal, in Guatecívica's name", async () => {
  const withdrawn = await server.cocrea.db
    .selectFrom("proposals as p")
    .innerJoin("organizations as o", "o.id", "p.state_organization_id")
    .select(["p.theme_id", "p.stage", "o.acronym"])
    .where("p.consultation_id", "=", replay.consultationId)
    .where("p.state", "=", "withdrawn")
    .execute();
  expect(withdrawn).toEqual([{ theme_id: replay.themes.accountability.id, stage: "technical", acronym: "GUATECIVICA" }]);
});
