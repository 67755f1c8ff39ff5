// Open data of a whole consultation (issue 10): export.json is valid against its published JSON Schema, holds no
// personal data, and a researcher can recompute every published funnel figure from the file alone.
// Expected figures are written by hand from the steps taken.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FUNNEL_STAGES } from "../../app/domain/funnel";
import { ApiClient, startServer, type TestServer } from "../support/server";
import { meetCriteria, setupTechnical, type TechnicalTable } from "../support/technical";

let server: TestServer;
let t: TechnicalTable;
let slug: string;
let exported: any;
let schema: any;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A small structural check of the schema's vocabulary (type, enum, properties, required, additionalProperties, items). */
function violations(value: Json, s: any, at = "$"): string[] {
  const out: string[] = [];
  const typeOf = (v: Json) => (v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v);
  if (s.type) {
    const types: string[] = Array.isArray(s.type) ? s.type : [s.type];
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === "integer" && types.includes("number"))) return [`${at}: ${actual} is not ${types.join("|")}`];
  }
  if (s.enum && !s.enum.includes(value)) out.push(`${at}: ${JSON.stringify(value)} not in enum`);
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const k of s.required ?? []) if (!(k in value)) out.push(`${at}.${k}: missing`);
    for (const [k, v] of Object.entries(value)) {
      if (s.properties?.[k]) out.push(...violations(v, s.properties[k], `${at}.${k}`));
      else if (s.additionalProperties === false) out.push(`${at}.${k}: not allowed`);
      else if (typeof s.additionalProperties === "object") out.push(...violations(v, s.additionalProperties, `${at}.${k}`));
    }
  }
  if (Array.isArray(value) && s.items) value.forEach((v, i) => out.push(...violations(v, s.items, `${at}[${i}]`)));
  return out;
}

/** The funnel from the export alone: distinct proposals per column, in their theme, from proposal_stage_history. */
function recompute(file: any): Record<string, Record<string, number>> {
  const themeOf = new Map<string, string>(file.proposals.map((p: any) => [p.id, p.theme_id]));
  const seen = new Set<string>();
  const counts: Record<string, Record<string, number>> = { total: Object.fromEntries(FUNNEL_STAGES.map((s) => [s, 0])) };
  for (const th of file.themes) counts[th.id] = Object.fromEntries(FUNNEL_STAGES.map((s) => [s, 0]));
  for (const h of file.proposal_stage_history) {
    const theme = themeOf.get(h.proposal_id)!;
    const key = `${h.proposal_id}|${h.stage}`;
    if (seen.has(key)) continue;
    seen.add(key);
    counts[theme][h.stage] += 1;
    counts.total[h.stage] += 1;
  }
  return counts;
}

function byTestId(html: string, id: string): string {
  const m = new RegExp(`<(\\w+)[^>]*data-testid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  if (!m) throw new Error(`no element with data-testid="${id}"`);
  return m[2].replace(/<[^>]+>/g, "").trim();
}

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  // Theme A: 6 proposals registered, merged into 3 unified; the technical table adopts unified 1 by consent (all three
  // members agree), then its review session closes the "technical" column for the two others.
  t = await setupTechnical(server, { unified: 3 });
  slug = (await t.admin.client.get(`/api/v1/consultations/${t.consultationId}`)).body.result.consultation.slug;
  await meetCriteria(t, t.unified[0]);
  const { voteId } = await t.chair.client.ok<{ voteId: string }>("vote.open", { proposalId: t.unified[0] });
  for (const m of t.members) await m.client.ok("vote.answer", { voteId, answer: "agree" });
  expect((await t.chair.client.ok<{ outcome: { kind: string } }>("vote.close", { voteId })).outcome.kind).toBe("adopted");
  await t.chair.client.ok("technical.session.close", { roundId: t.sessionId });
  // A citizen's online opinion with a contact e-mail, later hidden by moderation.
  await t.admin.client.ok("stage.open", { stageId: t.stage("opinion_intake") });
  const anon = new ApiClient(server.url);
  const { inputId } = await anon.ok<{ inputId: string }>("opinion.submit", {
    consultationId: t.consultationId,
    subject: "theme",
    themeId: t.themeIds[0],
    text: "Mi número es 5555-1234, llámenme.",
    email: "vecina@example.org",
    emailConsent: true,
  });
  await anon.ok("opinion.submit", { consultationId: t.consultationId, subject: "methodology", text: "Que haya foros en idiomas mayas." });
  await t.admin.client.ok("opinion.hide", { inputId, reason: "Contiene datos personales" });

  const res = await fetch(`${server.url}/api/v1/consultations/${slug}/export.json`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("application/json");
  exported = await res.json();
  const s = await fetch(`${server.url}/api/v1/schemas/export.json`);
  expect(s.status).toBe(200);
  schema = await s.json();
});
afterAll(() => server.stop());

describe("export.json", () => {
  it("points to its JSON Schema and is valid against it", () => {
    expect(exported.$schema).toBe(`${server.url}/api/v1/schemas/export.json`);
    expect(schema.$id).toBe("/api/v1/schemas/export.json");
    expect(violations(exported, schema)).toEqual([]);
    // The check does catch a field the schema does not allow.
    expect(violations({ ...exported, inputs: [{ ...exported.inputs[0], email: "x@example.org" }] }, schema)).toContain("$.inputs[0].email: not allowed");
  });

  it("holds the whole consultation: stages, themes, proposals with lineage, votes, commitments, snapshots", () => {
    expect(exported.stages).toHaveLength(10);
    expect(exported.themes.map((th: any) => th.id)).toEqual(t.themeIds);
    expect(exported.proposals).toHaveLength(9); // 6 registered + 3 unified
    expect(exported.operations).toHaveLength(3);
    expect(exported.lineage_edges).toHaveLength(6);
    expect(exported.votes).toHaveLength(1);
    expect(exported.votes[0]).toMatchObject({ proposal_id: t.unified[0], outcome: "adopted", tally: { agree: 3, reservations: 0, stand_aside: 0, block: 0 } });
    expect(exported.commitments.map((c: any) => c.proposal_id)).toEqual([t.unified[0]]);
    // Snapshots: the thematic table's last round, then the technical review session.
    expect(exported.snapshots.map((s: any) => s.command_type)).toEqual(["round.close", "technical.session.close"]);
    expect(exported.snapshots[1].counts.total.plan).toEqual([t.unified[0]]);
  });

  it("has no personal data: no e-mails, client hashes or contact phones; hidden input without its text", () => {
    const raw = JSON.stringify(exported);
    expect(raw).not.toContain("vecina@example.org");
    expect(raw).not.toContain("5555-1234");
    expect(raw).not.toContain("ana@minfin.gob.gt"); // the responsible person's e-mail
    expect(raw).not.toContain("2222-0000"); // and phone
    expect(raw).not.toMatch(/client_hash|fingerprint|receipt_code|"ip"/);
    const hidden = exported.inputs.find((i: any) => i.status === "hidden");
    expect(hidden.text).toBeNull();
    expect(exported.inputs.find((i: any) => i.status === "visible").text).toBe("Que haya foros en idiomas mayas.");
    expect(exported.proposals[0].responsible_person).toEqual({ name: "Lic. Ana Pérez", title: "Directora" });
  });

  it("recomputes the funnel per column and theme from the export alone, as published", async () => {
    const counts = recompute(exported);
    const [a, b] = t.themeIds;
    // Theme A by hand: 6 registered → 3 unified → 3 after the technical table → 1 refined (adopted) → 1 in the plan.
    const expectedA = { proposed: 6, unified: 3, technical: 3, refined: 1, plan: 1 };
    expect(counts[a]).toEqual(expectedA);
    expect(counts[b]).toEqual({ proposed: 0, unified: 0, technical: 0, refined: 0, plan: 0 });
    expect(counts.total).toEqual(expectedA);
    // What the public funnel page shows.
    const html = await (await fetch(`${server.url}/c/${slug}/propuestas`)).text();
    for (const stage of FUNNEL_STAGES) {
      expect(Number(byTestId(html, `funnel-${a}-${stage}`))).toBe(counts[a][stage]);
      expect(Number(byTestId(html, `funnel-${b}-${stage}`))).toBe(counts[b][stage]);
      expect(Number(byTestId(html, `funnel-total-${stage}`))).toBe(counts.total[stage]);
    }
  });

  it("answers 404 for an unknown consultation", async () => {
    const res = await fetch(`${server.url}/api/v1/consultations/no-existe/export.json`);
    expect(res.status).toBe(404);
  });
});
