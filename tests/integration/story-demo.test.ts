// The demo tells the story (issue 17): on a freshly seeded demo, the 2016 consultation is an archive whose stages all
// ran and closed in order, and three online opinions and three forum captures can be followed, as a person reads
// the pages, from the words said to a summary, the proposals citing it, the merge, the commitment and its follow-up
// with a reported milestone. Beside it, a consultation in progress takes an opinion and a comment on its draft plan,
// and every surface gives the same count of commitments. Expected values come from the story (db/factories).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessRoundtable2016 } from "../../db/factories/technical-2016";
import { inProgress } from "../../db/factories/in-progress";
import { intake2016 } from "../../db/factories/intake-2016";
import { forums2016 } from "../../db/factories/forums-2016";
import { story2016 } from "../../db/factories/story-2016";
import { seedDemo } from "../../db/seed/demo.server";
import { ApiClient, loginCookie, startServer, type TestServer } from "../support/server";
import { expectCommitments } from "../support/commitment-count";

let server: TestServer;
let seeded: Awaited<ReturnType<typeof seedDemo>>;
let staffCookie = "";

beforeAll(async () => {
  server = await startServer({ PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" });
  seeded = await seedDemo(server.cocrea.bus, server.cocrea.db, "contraseña-de-demo-123");
  staffCookie = await loginCookie(server.url, seeded.email, seeded.password);
}, 180_000);
afterAll(() => server.stop());

/** The words of a page as a person reads them: tags dropped, entities decoded, spaces collapsed. */
function words(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&amp;", "&")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replace(/\s+/g, " ")
    .replace(/ ([.,;:)»”])/g, "$1");
}

async function page(path: string, opts: { lang?: "es" | "en"; cookie?: string } = {}) {
  const cookies = [opts.lang ? `cocrea_lang=${opts.lang}` : "", opts.cookie ?? ""].filter(Boolean).join("; ");
  const res = await fetch(`${server.url}${path}`, { headers: cookies ? { cookie: cookies } : {} });
  const html = (await res.text()).replaceAll("\0", "");
  return { status: res.status, html, text: words(html) };
}

const TRAINING = accessRoundtable2016.merges.find((m) => m.key === "capacitacion")!.title;
const trainingSummary = story2016.summaries.find((s) => s.key === "capacitacion")!;

/** Every link of the chain, in the words a person reads, in Spanish and in English. */
async function expectWholeChain(path: string, cookie?: string) {
  const es = await page(path, { cookie });
  expect(es.status, path).toBe(200);
  const commitmentId = seeded.technical.proposalIds.capacitacion;
  // 1. the summary that grouped it, linked to its public sheet
  expect(es.text).toContain(`Se agrupó en el resumen «${trainingSummary.title}».`);
  expect(es.html).toMatch(new RegExp(`href="/c/${seeded.slug}/resumenes/[0-9a-f-]{36}"`));
  // 2. the proposals that cite that summary
  for (const title of trainingSummary.citedBy) expect(es.text).toContain(`La propuesta «${title}» responde a ese resumen.`);
  // 3. the merge into the unified proposal
  expect(es.text).toContain(`Se unificó con otras en la propuesta «${TRAINING}» (5 de julio de 2016).`);
  // 4. the commitment
  // The plan was assembled in the order of adoption, and the training commitment was adopted first.
  expect(es.text).toContain(`«${TRAINING}» es el compromiso 1 del plan.`);
  expect(es.text).toContain("Llegó al plan como compromiso 1.");
  expect(es.html).toContain(`href="/c/${seeded.slug}/plan#compromiso-1"`);
  expect(es.html).toContain(`href="/c/${seeded.slug}/propuestas/${commitmentId}"`);
  // 5. the follow-up, with the reported milestones (db/factories/follow-up-2016.ts: milestone 1 complete, 2 limited, of 4)
  expect(es.text).toContain(`«${TRAINING}»: 1 de 4 metas cumplidas.`);
  expect(es.text).toContain("Último avance reportado: meta 2, Limitado");
  expect(es.html).toContain(`href="/c/${seeded.slug}/plan/seguimiento#c-${commitmentId}"`);
  expect(es.text).toContain("Ver el seguimiento de este compromiso");

  const en = await page(path, { lang: "en", cookie });
  expect(en.text).toContain(`“${TRAINING}”: 1 of 4 milestones complete.`);
  expect(en.text).toContain("Latest progress reported: milestone 2, Limited");
  expect(en.text).toContain("See this commitment's follow-up");
}

describe("the 2016 demo is an archive", () => {
  it("ran every stage through the stage commands in the pipeline's order, each dated in 2016, and left none open", async () => {
    const { db } = server.cocrea;
    const stages = await db
      .selectFrom("stages")
      .select(["phase", "status", "opened_at", "closed_at", "starts_on", "ends_on"])
      .where("consultation_id", "=", seeded.consultationId)
      .orderBy("position")
      .execute();
    expect(stages.map((s) => s.phase)).toEqual(Object.keys(story2016.stageDates));
    expect(stages.every((s) => s.status === "closed")).toBe(true);
    for (const [i, s] of stages.entries()) {
      expect([s.starts_on, s.ends_on]).toEqual(story2016.stageDates[s.phase]);
      expect(s.starts_on! <= s.ends_on!).toBe(true);
      // Opened and closed within its dates: the record carries the dates of the story, not the day it was seeded.
      expect(s.opened_at!.slice(0, 10) >= s.starts_on! && s.closed_at!.slice(0, 10) <= s.ends_on!, `${s.phase} ran within its dates`).toBe(true);
      if (i > 0) {
        expect(s.opened_at! >= stages[i - 1].closed_at!, `${s.phase} opened after ${stages[i - 1].phase} closed`).toBe(true);
        expect(s.starts_on! >= stages[i - 1].starts_on!, `${s.phase} starts after ${stages[i - 1].phase}`).toBe(true);
      }
    }
    const audit = await db.selectFrom("audit_events").select("command_type").where("consultation_id", "=", seeded.consultationId).execute();
    expect(audit.filter((a) => a.command_type === "stage.open")).toHaveLength(10);
    expect(audit.filter((a) => a.command_type === "stage.close")).toHaveLength(10);
    // Nothing else left running: forums, rounds, technical sessions, votes.
    const forums = await db.selectFrom("forums").select("status").where("consultation_id", "=", seeded.consultationId).execute();
    expect(forums.map((f) => f.status)).toEqual(["closed", "closed", "closed"]);
    const rounds = await db
      .selectFrom("rounds as r")
      .innerJoin("roundtables as t", "t.id", "r.roundtable_id")
      .select("r.status")
      .where("t.consultation_id", "=", seeded.consultationId)
      .execute();
    expect(rounds.length).toBe(7);
    expect(rounds.every((r) => r.status === "closed")).toBe(true);
    const votes = await db.selectFrom("consensus_votes").select("status").where("consultation_id", "=", seeded.consultationId).execute();
    expect(votes.every((v) => v.status === "closed")).toBe(true);
  });

  it("the call page says the consultation has ended, in both languages, and no stage reads open", async () => {
    const es = await page(`/c/${seeded.slug}`);
    expect(es.status).toBe(200);
    expect(es.text).toContain("Esta consulta terminó: todas sus etapas están cerradas.");
    expect(es.html).not.toMatch(/data-testid="stage-status-[a-z_]+">Abierta</);
    const en = await page(`/c/${seeded.slug}`, { lang: "en" });
    expect(en.text).toContain("This consultation has ended: all its stages are closed.");
    // The opinion form answers as its closed stage does.
    const res = await new ApiClient(server.url).command("opinion.submit", {
      consultationId: seeded.consultationId,
      about: "methodology",
      text: "Una opinión que llega en 2026 a una consulta de 2016.",
    });
    expect(res.status).toBe(409);
  });

  it("links three example receipts from the call page and prints them at start", async () => {
    expect(seeded.exampleReceipts).toHaveLength(3);
    const es = await page(`/c/${seeded.slug}`);
    expect(es.text).toContain("Sigue una opinión de ejemplo");
    for (const code of seeded.exampleReceipts) expect(es.html).toContain(`href="/r/${code}"`);
    const en = await page(`/c/${seeded.slug}`, { lang: "en" });
    expect(en.text).toContain("Follow an example opinion");
  });

  it("three online opinions: each receipt shows summary → proposals → merge → commitment → follow-up", async () => {
    const story = seeded.systematization.story.capacitacion;
    expect(story.opinionIds).toHaveLength(3);
    const codes = await server.cocrea.db.selectFrom("citizen_inputs").select(["id", "receipt_code", "text"]).where("id", "in", story.opinionIds).execute();
    expect(codes.map((c) => c.text).sort()).toEqual(trainingSummary.opinions.map((i) => intake2016.opinions[i].text).sort());
    for (const c of codes) {
      const receipt = await page(`/r/${c.receipt_code}`);
      expect(receipt.text).toContain(c.text!);
      await expectWholeChain(`/r/${c.receipt_code}`);
    }
  });

  it("three forum captures, one per forum: each fate page shows the same chain", async () => {
    expect(seeded.exampleCaptures).toHaveLength(3);
    for (const { forumId, inputId } of seeded.exampleCaptures) {
      const fate = await page(`/forums/${forumId}/captures/${inputId}`, { cookie: staffCookie });
      expect(fate.text).toContain(forums2016.captures[0][0].text);
      await expectWholeChain(`/forums/${forumId}/captures/${inputId}`, staffCookie);
    }
    expect(new Set(seeded.exampleCaptures.map((c) => c.forumId)).size).toBe(3);
  });

  it("every surface counts the plan's 4 commitments", async () => {
    await expectCommitments(server, seeded, 4);
  });
});

describe("the demo in progress", () => {
  const anonymous = () => new ApiClient(server.url);

  it("is open today for opinions and for comments on the draft plan, within the stages' dates", async () => {
    const { db } = server.cocrea;
    const stages = await db
      .selectFrom("stages")
      .select(["phase", "status", "starts_on", "ends_on"])
      .where("consultation_id", "=", seeded.inProgress.consultationId)
      .orderBy("position")
      .execute();
    const open = stages.filter((s) => s.status === "open").map((s) => s.phase);
    expect(open).toEqual(["opinion_intake", "draft_plan"]);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Guatemala" }).format(new Date());
    for (const s of stages.filter((s) => s.status === "open")) expect(s.starts_on! <= today && today <= s.ends_on!, s.phase).toBe(true);
    for (const s of stages.filter((s) => s.status === "closed")) expect(s.ends_on! < today, s.phase).toBe(true);
    for (const s of stages.filter((s) => s.status === "pending")) expect(s.starts_on! > today, s.phase).toBe(true);
    const call = await page(`/c/${seeded.inProgress.slug}`);
    expect(call.text).toContain(inProgress.consultation(today).title);
    expect(call.text).not.toContain("Esta consulta terminó");
  });

  it("accepts an opinion, whose receipt shows it", async () => {
    const text = "Que los datos abiertos incluyan las compras de las municipalidades pequeñas.";
    const submitted = await anonymous().ok<{ receiptCode: string }>("opinion.submit", {
      consultationId: seeded.inProgress.consultationId,
      about: "methodology",
      text,
    });
    const receipt = await page(`/r/${submitted.receiptCode}`);
    expect(receipt.status).toBe(200);
    expect(receipt.text).toContain(text);
  });

  it("accepts a comment on a commitment of the draft plan, shown on the plan page", async () => {
    const text = "Que el buscador indique la fecha de la última actualización de cada dato.";
    const res = await anonymous().command("plan.comment", { planId: seeded.inProgress.planId, proposalId: seeded.inProgress.commitments[0], text });
    expect(res.status).toBe(200);
    const plan = await page(`/c/${seeded.inProgress.slug}/plan`);
    expect(plan.text).toContain(text);
    expect(plan.text).toContain(inProgress.comment.answer.reason);
  });

  it("shows its funnel and its technical roundtable, and counts its 2 commitments everywhere", async () => {
    const funnel = await page(`/c/${seeded.inProgress.slug}/propuestas`);
    expect(funnel.status).toBe(200);
    const technical = await page(`/c/${seeded.inProgress.slug}/mesa-tecnica`);
    expect(technical.status).toBe(200);
    expect(technical.text).toContain(inProgress.merged("2026-01-01").title);
    await expectCommitments(server, seeded.inProgress, 2);
  });
});
