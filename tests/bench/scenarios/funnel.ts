// funnel: one consultation at full size — 100,000 citizen inputs (online opinions and forum captures), 2,000 summaries
// taking up 60% of them, 10,000 proposals (originals and merge results, in chains) spread over the five funnel
// columns with their stage histories, responses to summaries, some adopted, consensus votes. Measures, in one run:
//  - the public funnel read (consultationFunnel, behind GET /api/v1/consultations/:idOrSlug/funnel) end to end —
//    goal p99 < 50 ms — next to the raw better-sqlite3 run of the very statements it sends (same SQL, same
//    parameters, prepared once; no query builder, no shaping), and next to those statements sent through Kysely
//    without the shaping (app/domain/funnel-view.ts), so the three figures split the time between SQLite, the query
//    builder and the shaping;
//  - the forward fate of random inputs (inputFate: the receipt page's read) — goal p99 < 20 ms — next to the same two
//    runs of the statements it sends for that input;
//  - the funnel over HTTP through the real server in a child process (as a browser asks: compressed), next to
//    GET /healthz on the same connection.
// The statements of the baselines are captured from the reads themselves (a logging Kysely on the same connection),
// so the baseline follows the read when it changes. Each call and its baselines run alternately, so noise from
// other work on the machine falls on all of them. The data is inserted directly (a load fixture, not a test of
// commands). About 70 s on two cores, most of it the funnel and HTTP runs. Knobs: BENCH_INPUTS (100000),
// BENCH_FUNNEL_RUNS (300), BENCH_FATE_RUNS (2000), BENCH_HTTP_RUNS (200, 0 skips the server); BENCH_PLANS=1 prints
// EXPLAIN QUERY PLAN of every statement measured; BENCH_KEEP=1 keeps the database file.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type SQLite from "better-sqlite3";
import { CompiledQuery, Kysely, SqliteDialect } from "kysely";
import { stagesBetween, laterStage } from "../../../app/domain/funnel";
import { defaultStages } from "../../../app/domain/phases";
import { migrateToLatest, openSqliteDatabase } from "../../../db/connection.server";
import { inputFate } from "../../../db/queries/fate.server";
import { consultationFunnel } from "../../../db/queries/funnel.server";
import type { Database } from "../../../db/schema";
import { spawnServer, type ChildServer } from "../../support/child-server";
import { report, summarize } from "../stats";

const INPUTS = Number(process.env.BENCH_INPUTS ?? 100_000);
const ONLINE_SHARE = 0.6;
const SUMMARIES = 2_000;
const TAKEN_UP = 0.6;
const THEMES = 5;
const PROPOSALS = 10_000;
/** Merge results in chains (each merge takes the chain so far and one more original), then some merges undone. */
const CHAINED_RESULTS = 1_950;
const UNDONE_MERGES = 50;
const MAX_CHAIN = 20;
const FORUMS = 22;
const ORGANIZATIONS = 30;
const FUNNEL_RUNS = Number(process.env.BENCH_FUNNEL_RUNS ?? 300);
const FATE_RUNS = Number(process.env.BENCH_FATE_RUNS ?? 2_000);
const HTTP_RUNS = Number(process.env.BENCH_HTTP_RUNS ?? 200);
const WARMUP = 20;
const FUNNEL_GOAL_MS = 50;
const FATE_GOAL_MS = 20;

/** Seeded, so every run builds the same shape. */
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Captured = { sql: string; parameters: readonly unknown[] };

/** Runs captured statements with better-sqlite3 directly, each prepared once. */
function rawRunner(sqlite: SQLite.Database) {
  const prepared = new Map<string, SQLite.Statement>();
  return (statements: readonly Captured[]) => {
    for (const s of statements) {
      let stmt = prepared.get(s.sql);
      if (!stmt) prepared.set(s.sql, (stmt = sqlite.prepare(s.sql)));
      if (stmt.reader) stmt.all(...(s.parameters as unknown[]));
      else stmt.run(...(s.parameters as unknown[]));
    }
  };
}

const LOREM =
  "La ciudadanía pide que la información pública se publique en formatos abiertos, con plazos y responsables, " +
  "y que las instituciones rindan cuentas de su avance en audiencias abiertas en cada departamento del país. ";

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-bench-funnel-"));
  const dbFile = path.join(dir, "bench.sqlite");
  const { db, sqlite } = openSqliteDatabase(`file:${dbFile}`);
  let server: ChildServer | null = null;
  try {
    await migrateToLatest(db);
    const rand = mulberry32(20161129);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)];
    const started = performance.now();
    const day = (n: number) => new Date(Date.UTC(2016, 4, 1) + n * 86_400_000).toISOString();

    // ---- The consultation: its ten stages (intake to systematization closed, technical roundtable open), themes ----
    const consultationId = randomUUID();
    const slug = "plan-de-accion-bench";
    const themeIds = Array.from({ length: THEMES }, () => randomUUID());
    const orgIds = Array.from({ length: ORGANIZATIONS }, () => randomUUID());
    const forumIds = Array.from({ length: FORUMS }, () => randomUUID());
    const thematic = themeIds.map(() => ({ roundtableId: randomUUID(), roundIds: [randomUUID(), randomUUID(), randomUUID()] }));
    const technical = {
      roundtableId: randomUUID(),
      sessions: [
        { id: randomUUID(), closes: "technical", status: "closed" },
        { id: randomUUID(), closes: "refined", status: "open" },
      ],
    };

    const summaryIds: string[][] = themeIds.map(() => []);
    const inputIds: string[] = [];
    const inputsOfTheme: string[][] = themeIds.map(() => []);
    sqlite.transaction(() => {
      sqlite
        .prepare("INSERT INTO consultations (id, slug, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
        .run(consultationId, slug, "Plan de Acción de Gobierno Abierto (bench)", day(0), day(0));
      const insertStage = sqlite.prepare(
        "INSERT INTO stages (id, consultation_id, phase, name, position, status, opened_at, closed_at) VALUES (?, ?, ?, '', ?, ?, ?, ?)",
      );
      for (const s of defaultStages()) {
        const status = s.phase === "technical_roundtable" ? "open" : s.position <= 5 ? "closed" : "pending";
        insertStage.run(
          randomUUID(),
          consultationId,
          s.phase,
          s.position,
          status,
          status === "pending" ? null : day(s.position * 10),
          status === "closed" ? day(s.position * 10 + 9) : null,
        );
      }
      const insertTheme = sqlite.prepare("INSERT INTO themes (id, consultation_id, name, position) VALUES (?, ?, ?, ?)");
      themeIds.forEach((id, i) => insertTheme.run(id, consultationId, `Eje ${i + 1}`, i + 1));
      const insertOrg = sqlite.prepare("INSERT INTO organizations (id, name, acronym, sector, created_at) VALUES (?, ?, ?, ?, ?)");
      orgIds.forEach((id, i) => insertOrg.run(id, `Organización ${i + 1}`, `ORG-${i + 1}-${id.slice(0, 4)}`, i % 2 ? "civil_society" : "public", day(0)));

      // Forums, with their attendance.
      const insertForum = sqlite.prepare(
        "INSERT INTO forums (id, consultation_id, department, municipality, venue, held_on, expected_attendance, status, created_at) VALUES (?, ?, ?, ?, 'Salón municipal', ?, 150, 'closed', ?)",
      );
      const insertAttendance = sqlite.prepare("INSERT INTO attendance (id, forum_id, head_count, sector, created_at) VALUES (?, ?, ?, ?, ?)");
      forumIds.forEach((id, f) => {
        insertForum.run(id, consultationId, `Departamento ${f + 1}`, `Cabecera ${f + 1}`, day(30 + f).slice(0, 10), day(0));
        for (let k = 0; k < 60; k++)
          insertAttendance.run(randomUUID(), id, 1 + Math.floor(rand() * 3), pick(["public", "civil_society", "academia"]), day(30 + f));
      });

      // 100,000 inputs: online opinions (some hidden) and forum captures (some withdrawn).
      const insertInput =
        sqlite.prepare(`INSERT INTO citizen_inputs (id, consultation_id, channel, subject, theme_id, text, department, forum_id, tags, receipt_code, status, status_reason, created_at, updated_at)
        VALUES (?, ?, ?, 'theme', ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?)`);
      for (let i = 0; i < INPUTS; i++) {
        const id = randomUUID();
        const t = Math.floor(rand() * THEMES);
        const online = rand() < ONLINE_SHARE;
        const r = rand();
        const status = online ? (r < 0.03 ? "hidden" : "visible") : r < 0.015 ? "withdrawn" : "visible";
        const forum = online ? null : pick(forumIds);
        const at = online ? day(10 + (i % 20)) : day(30 + (i % FORUMS));
        insertInput.run(
          id,
          consultationId,
          online ? "online" : "forum",
          themeIds[t],
          `Aporte ${i + 1}: ${LOREM.slice(0, 80 + (i % 120))}`,
          `Departamento ${1 + (i % FORUMS)}`,
          forum,
          online ? `B${String(i).padStart(9, "0")}` : null,
          status,
          status === "visible" ? null : "Fuera del tema de la consulta",
          at,
          at,
        );
        inputIds.push(id);
        inputsOfTheme[t].push(id);
      }

      // 2,000 summaries (400 per theme) taking up 60% of each theme's inputs.
      const insertSummary = sqlite.prepare(
        "INSERT INTO summaries (id, consultation_id, theme_id, title, text, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)",
      );
      const insertSummaryInput = sqlite.prepare("INSERT INTO summary_inputs (summary_id, input_id) VALUES (?, ?)");
      themeIds.forEach((themeId, t) => {
        for (let s = 0; s < SUMMARIES / THEMES; s++) {
          const id = randomUUID();
          insertSummary.run(id, consultationId, themeId, `Resumen ${t + 1}.${s + 1}`, LOREM, day(45), day(45));
          summaryIds[t].push(id);
        }
        const pool = inputsOfTheme[t];
        const taken = Math.floor(pool.length * TAKEN_UP);
        for (let k = 0; k < taken; k++) insertSummaryInput.run(summaryIds[t][k % summaryIds[t].length], pool[Math.floor((k * pool.length) / taken)]);
      });

      // Thematic tables (three rounds each, closed) and the technical roundtable's sessions.
      const insertRoundtable = sqlite.prepare("INSERT INTO roundtables (id, consultation_id, theme_id, kind, name) VALUES (?, ?, ?, ?, '')");
      const insertRound = sqlite.prepare(
        "INSERT INTO rounds (id, roundtable_id, number, venue, status, kind, closes_stage) VALUES (?, ?, ?, 'MINFIN', ?, ?, ?)",
      );
      thematic.forEach((tt, t) => {
        insertRoundtable.run(tt.roundtableId, consultationId, themeIds[t], "thematic");
        tt.roundIds.forEach((rid, k) => insertRound.run(rid, tt.roundtableId, k + 1, "closed", "round", null));
      });
      insertRoundtable.run(technical.roundtableId, consultationId, null, "technical");
      technical.sessions.forEach((s, k) => insertRound.run(s.id, technical.roundtableId, k + 1, s.status, "review", s.closes));
    })();

    // ---- 10,000 proposals: originals and merge chains per theme, their columns, states, histories and responses ----
    type P = { id: string; theme: number; start: string; stage: string; state: string; original: boolean; at: number };
    const proposals: P[] = [];
    const operations: Array<{ id: string; theme: number; sources: P[]; result: P; undone: boolean }> = [];
    const original = (theme: number): P => {
      const p: P = {
        id: randomUUID(),
        theme,
        start: "proposed",
        stage: rand() < 0.3 ? "unified" : "proposed",
        state: "active",
        original: true,
        at: proposals.length,
      };
      proposals.push(p);
      return p;
    };
    const mergeOf = (sources: P[], undone: boolean): P => {
      const stage = sources.map((s) => s.stage).reduce(laterStage);
      const result: P = {
        id: randomUUID(),
        theme: sources[0].theme,
        start: stage,
        stage,
        state: undone ? "undone" : "active",
        original: false,
        at: proposals.length,
      };
      proposals.push(result);
      if (!undone) for (const s of sources) s.state = "merged";
      operations.push({ id: randomUUID(), theme: result.theme, sources, result, undone });
      return result;
    };
    let results = 0;
    while (results < CHAINED_RESULTS) {
      const theme = Math.floor(rand() * THEMES);
      const length = Math.min(CHAINED_RESULTS - results, 1 + Math.floor(rand() * MAX_CHAIN));
      let head = original(theme);
      for (let k = 0; k < length; k++) head = mergeOf([head, original(theme)], false);
      results += length;
    }
    for (let k = 0; k < UNDONE_MERGES; k++) {
      const theme = Math.floor(rand() * THEMES);
      mergeOf([original(theme), original(theme)], true);
    }
    while (proposals.length < PROPOSALS) original(Math.floor(rand() * THEMES));

    // Where the standing ones are now: the thematic tables unified some, the technical roundtable took them on,
    // the plan adopted some; a few were withdrawn or rejected on the way.
    const columns = ["proposed", "unified", "technical", "refined", "plan"];
    for (const p of proposals) {
      if (p.state !== "active") continue;
      const r = rand();
      const target = r < 0.3 ? "proposed" : r < 0.6 ? "unified" : r < 0.8 ? "technical" : r < 0.92 ? "refined" : "plan";
      if (columns.indexOf(target) > columns.indexOf(p.stage)) p.stage = target;
      const s = rand();
      if (p.stage === "plan") p.state = s < 0.85 ? "adopted" : "active";
      else if (s < 0.05) p.state = "withdrawn";
      else if (s < 0.1) p.state = "rejected";
    }

    const template = { problem: LOREM.repeat(2), objective: LOREM, description: LOREM.repeat(3) };
    sqlite.transaction(() => {
      const insertProposal =
        sqlite.prepare(`INSERT INTO proposals (id, consultation_id, theme_id, roundtable_id, round_id, proponent_user_id, proponent_organization_id, title, lead_agency,
        responsible_person, other_actors, problem, objective, description, ogp_challenge, relevance, ambition, is_new, starts_on, ends_on, stage, state, state_reason, version, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, NULL, ?, ?, 'Ministerio de Finanzas Públicas', '{}', '', ?, ?, ?, '["transparency"]', '{}', 'Alta', 1, '2016-09-01', '2017-06-30', ?, ?, ?, 1, ?, ?)`);
      const insertHistory = sqlite.prepare("INSERT INTO proposal_stage_history (proposal_id, stage, entered_at) VALUES (?, ?, ?)");
      const insertOperation = sqlite.prepare(
        "INSERT INTO proposal_operations (id, consultation_id, kind, round_id, agreed_note, present, created_by, created_at, undone_at, undone_by) VALUES (?, ?, 'merge', ?, 'Consenso', ?, NULL, ?, ?, NULL)",
      );
      const insertEdge = sqlite.prepare("INSERT INTO proposal_lineage (operation_id, source_id, result_id) VALUES (?, ?, ?)");
      const insertResponse = sqlite.prepare("INSERT INTO proposal_responses (proposal_id, summary_id, input_id) VALUES (?, ?, ?)");
      const insertVote =
        sqlite.prepare(`INSERT INTO consensus_votes (id, consultation_id, roundtable_id, round_id, proposal_id, ballot, status, settings, opened_at, closed_at, outcome)
        VALUES (?, ?, ?, ?, ?, 1, ?, '{"rule":"consent"}', ?, ?, ?)`);
      for (const p of proposals) {
        const at = day(60 + Math.floor(p.at / 200));
        const reason = p.state === "withdrawn" || p.state === "rejected" ? "Fuera del alcance del plan" : null;
        insertProposal.run(
          p.id,
          consultationId,
          themeIds[p.theme],
          thematic[p.theme].roundtableId,
          thematic[p.theme].roundIds[0],
          p.original ? pick(orgIds) : null,
          `Propuesta ${p.at + 1}`,
          template.problem,
          template.objective,
          template.description,
          p.stage,
          p.state,
          reason,
          at,
          at,
        );
        insertHistory.run(p.id, p.start, at);
        for (const stage of stagesBetween(p.start, p.stage)) insertHistory.run(p.id, stage, day(120));
        // Originals answer one to three summaries of their theme; some also a single input directly.
        if (p.original) {
          const n = 1 + Math.floor(rand() * 3);
          for (let k = 0; k < n; k++) insertResponse.run(p.id, pick(summaryIds[p.theme]), null);
          if (rand() < 0.05) insertResponse.run(p.id, null, pick(inputsOfTheme[p.theme]));
        }
        if (p.stage === "plan")
          insertVote.run(
            randomUUID(),
            consultationId,
            technical.roundtableId,
            technical.sessions[1].id,
            p.id,
            p.state === "adopted" ? "closed" : "open",
            day(150),
            p.state === "adopted" ? day(151) : null,
            p.state === "adopted" ? "consent" : null,
          );
      }
      operations.forEach((o, k) => {
        const at = day(61 + Math.floor(k / 50));
        insertOperation.run(o.id, consultationId, thematic[o.theme].roundIds[1], JSON.stringify([pick(orgIds), pick(orgIds)]), at, o.undone ? day(90) : null);
        for (const s of o.sources) insertEdge.run(o.id, s.id, o.result.id);
      });
    })();
    const setupSeconds = (performance.now() - started) / 1000;
    const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    console.log(
      `setup: ${count("citizen_inputs")} inputs, ${count("summaries")} summaries taking up ${count("summary_inputs")}, ${count("proposals")} proposals ` +
        `(${operations.length} merges, ${UNDONE_MERGES} undone), ${count("proposal_stage_history")} stage entries, ${count("proposal_responses")} responses, ` +
        `${count("consensus_votes")} votes; ${setupSeconds.toFixed(1)} s`,
    );

    // ---- The statements each read sends, captured from the read itself on the same connection ----
    let captured: Captured[] = [];
    const capturing = new Kysely<Database>({
      dialect: new SqliteDialect({ database: sqlite }),
      log: (e) => {
        if (e.level === "query") captured.push({ sql: e.query.sql, parameters: e.query.parameters });
      },
    });
    const statementsOf = async (read: (k: Kysely<Database>) => Promise<unknown>) => {
      captured = [];
      await read(capturing);
      return captured;
    };
    const raw = rawRunner(sqlite);
    const throughKysely = async (statements: readonly Captured[]) => {
      for (const s of statements) await db.executeQuery(CompiledQuery.raw(s.sql, [...s.parameters]));
    };
    const plans = (statements: readonly Captured[]) => {
      for (const s of statements) {
        console.log(`  ${s.sql.replace(/\s+/g, " ").slice(0, 160)}`);
        for (const row of sqlite.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...(s.parameters as unknown[])) as Array<{ detail: string }>)
          console.log(`      ${row.detail}`);
      }
    };

    // ---- Measured: the funnel read, alternately with the raw run of its statements ----
    const view = await consultationFunnel(db, slug);
    if (!view) throw new Error("no funnel");
    const funnelStatements = await statementsOf((k) => consultationFunnel(k, slug));
    if (process.env.BENCH_PLANS) {
      console.log("funnel statements:");
      plans(funnelStatements);
    }
    const funnelTimes: number[] = [];
    const funnelRaw: number[] = [];
    const funnelKysely: number[] = [];
    for (let i = 0; i < WARMUP + FUNNEL_RUNS; i++) {
      let t = performance.now();
      await consultationFunnel(db, slug);
      const a = performance.now() - t;
      t = performance.now();
      raw(funnelStatements);
      const b = performance.now() - t;
      t = performance.now();
      await throughKysely(funnelStatements);
      const c = performance.now() - t;
      if (i >= WARMUP) {
        funnelTimes.push(a);
        funnelRaw.push(b);
        funnelKysely.push(c);
      }
    }

    // ---- Measured: the forward fate of random inputs, each alternately with the raw run of its statements ----
    const sample = Array.from({ length: FATE_RUNS }, () => pick(inputIds));
    const fateStatements = new Map<string, Captured[]>();
    let reached = 0;
    let withSummary = 0;
    let withResponders = 0;
    let maxStatements = 0;
    for (const id of sample) {
      const found = (await inputFate(db, id))!;
      reached += Object.keys(found.facts.proposals).length;
      if (found.facts.summary) withSummary++;
      if (found.facts.responders.length) withResponders++;
      const statements = await statementsOf((k) => inputFate(k, id));
      maxStatements = Math.max(maxStatements, statements.length);
      fateStatements.set(id, statements);
    }
    if (process.env.BENCH_PLANS) {
      const busiest = [...fateStatements.values()].reduce((a, b) => (b.length > a.length ? b : a));
      console.log("fate statements (the input with the most):");
      plans(busiest.filter((s, i, all) => all.findIndex((x) => x.sql === s.sql) === i));
    }
    const fateTimes: number[] = [];
    const fateRaw: number[] = [];
    const fateKysely: number[] = [];
    for (let i = 0; i < WARMUP + sample.length; i++) {
      const id = sample[i % sample.length];
      let t = performance.now();
      await inputFate(db, id);
      const a = performance.now() - t;
      t = performance.now();
      raw(fateStatements.get(id)!);
      const b = performance.now() - t;
      t = performance.now();
      await throughKysely(fateStatements.get(id)!);
      const c = performance.now() - t;
      if (i >= WARMUP) {
        fateTimes.push(a);
        fateRaw.push(b);
        fateKysely.push(c);
      }
    }

    // ---- Measured: the funnel over HTTP, the real server in a child process, alternately with /healthz ----
    const httpTimes: number[] = [];
    const healthTimes: number[] = [];
    let bytes = 0;
    let encoding = "";
    if (HTTP_RUNS > 0) {
      server = await spawnServer({ dbFile, env: { API_RATE_LIMIT_PER_MINUTE: "1000000" } });
      for (let i = 0; i < WARMUP + HTTP_RUNS; i++) {
        let t = performance.now();
        const res = await fetch(`${server.url}/api/v1/consultations/${slug}/funnel`);
        const body = await res.arrayBuffer();
        const a = performance.now() - t;
        if (res.status !== 200) throw new Error(`funnel over HTTP: ${res.status}`);
        bytes = body.byteLength;
        encoding = res.headers.get("content-encoding") ?? "identity";
        t = performance.now();
        await (await fetch(`${server.url}/healthz`)).arrayBuffer();
        const b = performance.now() - t;
        if (i >= WARMUP) {
          httpTimes.push(a);
          healthTimes.push(b);
        }
      }
      await server.stop();
      server = null;
    }

    // ---- Report ----
    const cols = view.stages.map((s) => `${s.key} ${s.entered}/${s.now}`).join(", ");
    console.log(
      `funnel: ${view.participation.opinionsOnline} online opinions, ${view.participation.forumCaptures} captures, ${view.participation.forumAttendance} attendees, ${view.participation.summaries} summaries; entered/now: ${cols}; ${funnelStatements.length} statements`,
    );
    const f = summarize(funnelTimes);
    const fr = summarize(funnelRaw);
    console.log(
      `funnel read in process (n=${f.n}): p50 ${f.p50.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms, max ${f.max.toFixed(2)} ms — goal p99 < ${FUNNEL_GOAL_MS} ms: ${f.p99 < FUNNEL_GOAL_MS ? "met" : "NOT met"}`,
    );
    report("funnel p50", f.p50, "ms", fr.p50, "raw better-sqlite3 run of the same statements, p50");
    report("funnel p99", f.p99, "ms", fr.p99, "raw better-sqlite3 run of the same statements, p99");
    report("funnel p99", f.p99, "ms", summarize(funnelKysely).p99, "the same statements through Kysely, no shaping, p99");
    if (httpTimes.length) {
      const h = summarize(httpTimes);
      const hb = summarize(healthTimes);
      console.log(
        `funnel over HTTP (n=${h.n}, ${(bytes / 1024).toFixed(0)} KiB of JSON, sent ${encoding}): p50 ${h.p50.toFixed(2)} ms, p99 ${h.p99.toFixed(2)} ms, max ${h.max.toFixed(2)} ms — goal p99 < ${FUNNEL_GOAL_MS} ms: ${h.p99 < FUNNEL_GOAL_MS ? "met" : "NOT met"}`,
      );
      report("funnel over HTTP p99", h.p99, "ms", hb.p99, "GET /healthz on the same server, p99");
      report("funnel over HTTP p99", h.p99, "ms", f.p99, "the read in process, p99");
    }
    console.log(
      `fate of ${sample.length} random inputs: ${withSummary} in a summary, ${withResponders} with proposals responding, ${(reached / sample.length).toFixed(1)} proposals reached on average; up to ${maxStatements} statements`,
    );
    const e = summarize(fateTimes);
    const er = summarize(fateRaw);
    console.log(
      `forward fate in process (n=${e.n}): p50 ${e.p50.toFixed(2)} ms, p99 ${e.p99.toFixed(2)} ms, max ${e.max.toFixed(2)} ms — goal p99 < ${FATE_GOAL_MS} ms: ${e.p99 < FATE_GOAL_MS ? "met" : "NOT met"}`,
    );
    report("fate p50", e.p50, "ms", er.p50, "raw better-sqlite3 run of the same statements, p50");
    report("fate p99", e.p99, "ms", er.p99, "raw better-sqlite3 run of the same statements, p99");
    report("fate p99", e.p99, "ms", summarize(fateKysely).p99, "the same statements through Kysely, no shaping, p99");
  } finally {
    if (server) await server.kill();
    await db.destroy();
    if (sqlite.open) sqlite.close();
    if (process.env.BENCH_KEEP) console.log("kept", dir);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}
