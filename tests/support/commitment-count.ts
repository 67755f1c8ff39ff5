// One figure on every surface (issue 17): how many commitments are in the plan, read the way each reader reads it —
// the funnel API's "in the plan" column (entered and there now), plan.json and plan.csv, the follow-up API, the
// technical roundtable's public page ("En el plan: N") and the numbers a person reads on the public plan page
// ("El plan tiene N compromisos.") and the follow-up page ("N compromisos"). Call it after every step that might
// move the figure. Pages are read as a person reads them (Spanish by default, words not loader JSON).
import { expect } from "vitest";
import type { TestServer } from "./server";

const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;|\s+/g, " ");

/** Records of a CSV text (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
function csvRecords(csv: string): number {
  let records = 0;
  let quoted = false;
  let filled = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (filled) records += 1;
      filled = false;
      continue;
    }
    filled = true;
  }
  return records + (filled ? 1 : 0);
}

async function get(server: TestServer, path: string): Promise<Response> {
  const res = await fetch(`${server.url}${path}`);
  expect(res.status, path).toBe(200);
  return res;
}

/** Every surface's count of commitments, by name (so a failure says which one disagrees). */
export async function commitmentCounts(server: TestServer, consultation: { slug: string }): Promise<Record<string, number | null>> {
  const { slug } = consultation;
  const funnel = (await (await get(server, `/api/v1/consultations/${slug}/funnel`)).json()) as {
    result: { stages: Array<{ key: string; entered: number; now: number }> };
  };
  const plan = funnel.result.stages.find((s) => s.key === "plan");
  const planJson = (await (await get(server, `/c/${slug}/plan/exportar/plan.json`)).json()) as { commitments: unknown[] };
  const csv = await (await get(server, `/c/${slug}/plan/exportar/plan.csv`)).text();
  const followup = (await (await get(server, `/api/v1/consultations/${slug}/follow-up`)).json()) as { result: { commitments: unknown[] } };
  const technical = text(await (await get(server, `/c/${slug}/mesa-tecnica`)).text());
  const planPage = text(await (await get(server, `/c/${slug}/plan`)).text());
  const followupPage = text(await (await get(server, `/c/${slug}/plan/seguimiento`)).text());
  const read = (page: string, pattern: RegExp) => {
    const m = page.match(pattern);
    return m ? Number(m[1]) : null;
  };
  return {
    funnelEntered: plan?.entered ?? null,
    funnelNow: plan?.now ?? null,
    planJson: planJson.commitments.length,
    // One record per commitment under the header (cells may hold quoted line breaks).
    planCsv: csvRecords(csv) - 1,
    followupApi: followup.result.commitments.length,
    technicalPage: read(technical, /En el plan: (\d+)/),
    planPage: read(planPage, /El plan tiene (\d+) compromisos?\./),
    followupPage: read(followupPage, /(\d+) compromisos?(?! adoptados)/),
  };
}

/** Asserts that every surface reads `n` commitments in the plan. */
export async function expectCommitments(server: TestServer, consultation: { slug: string }, n: number): Promise<void> {
  const counts = await commitmentCounts(server, consultation);
  expect(counts).toEqual(Object.fromEntries(Object.keys(counts).map((k) => [k, n])));
}
