// merge: a thematic roundtable with 10,000 proposals and deep merge chains. Measures, in one run:
//  - the p99 of a `proposal.merge` command through the command bus (validation, roles, transaction, lineage,
//    audit, idempotency record) as a roundtable member — goal < 50 ms — next to a raw better-sqlite3
//    transaction inserting and updating the same rows;
//  - the p99 of the full lineage query of a final proposal with 1,000+ ancestors (proposals, summaries and
//    citizen inputs behind it) — goal < 20 ms — next to a raw SELECT of one proposal by primary key.
// Bounded: about 10-20 s on two cores. Knobs: BENCH_MERGES (1000), BENCH_LINEAGE_RUNS (300); BENCH_KEEP=1 keeps the
// database file for inspection.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { migrateToLatest, openSqliteDatabase } from "../../../db/connection.server";
import { factories } from "../../../db/factories";
import { dialectOf } from "../../../db/dialect";
import { lineageWalks, proposalLineage } from "../../../db/queries/lineage.server";
import { CommandBus } from "../../../server/commands/bus.server";
import { commands } from "../../../server/commands/registry";
import type { Actor } from "../../../server/commands/types";
import { proposalPayload, unifiedPayload } from "../../support/roundtables";
import { report, summarize } from "../stats";

const PROPOSALS = 10_000;
/** Merges in the main chain: each takes the previous result and one original → 2 × CHAIN + 1 ancestors. */
const CHAIN = 500;
/** Further chains, shorter, so the graph is deep everywhere, not in one place. */
const SIDE_CHAINS = 20;
const SIDE_DEPTH = 25;
const MERGES = Number(process.env.BENCH_MERGES ?? 1000);
const LINEAGE_RUNS = Number(process.env.BENCH_LINEAGE_RUNS ?? 300);
const WARMUP = 50;
const SUMMARIES = 50;
const INPUTS_PER_SUMMARY = 10;

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cocrea-bench-merge-"));
  const { db, sqlite } = openSqliteDatabase(`file:${path.join(dir, "bench.sqlite")}`);
  try {
    await migrateToLatest(db);
    const bus = new CommandBus({ db, commands, publish: () => {} });
    const system: Actor = { kind: "system", label: "bench" };
    const exec = async <T>(actor: Actor, type: string, payload: unknown): Promise<T> => {
      const outcome = await bus.execute({ id: randomUUID(), type, payload }, actor);
      if (!outcome.ok) throw new Error(`${type}: ${outcome.error.messageKey} ${JSON.stringify(outcome.error.issues ?? outcome.error.params)}`);
      return outcome.result as T;
    };

    // ---- The table, through the commands ----
    const started = performance.now();
    const { consultationId } = await exec<{ consultationId: string }>(system, "consultation.create", factories.consultation());
    const { themeId } = await exec<{ themeId: string }>(system, "theme.create", factories.theme(consultationId, { name: "Transparencia fiscal" }));
    const stage = await db
      .selectFrom("stages")
      .select("id")
      .where("consultation_id", "=", consultationId)
      .where("phase", "=", "thematic_roundtables")
      .executeTakeFirstOrThrow();
    await exec(system, "stage.open", { stageId: stage.id });
    const { organizationId } = await exec<{ organizationId: string }>(system, "organization.create", {
      consultationId,
      name: "Ministerio de Finanzas Públicas",
      acronym: `MINFIN-${randomUUID().slice(0, 4)}`,
      sector: "public",
    });
    const { roundtableId } = await exec<{ roundtableId: string }>(system, "roundtable.create", { consultationId, themeId });
    const { roundId } = await exec<{ roundId: string }>(system, "round.schedule", { roundtableId, venue: "MINFIN" });
    await exec(system, "round.open", { roundId });
    const invitation = factories.invitation(consultationId, "roundtable_member", { organizationId });
    const { path: invitePath } = await exec<{ path: string }>(system, "invitation.create", invitation);
    const { userId } = await exec<{ userId: string }>({ kind: "anonymous", clientKey: "bench" }, "invitation.accept", {
      token: invitePath.split("/").pop(),
      name: invitation.name,
      password: "contraseña-segura-123",
    });
    const member: Actor = { kind: "user", userId, name: invitation.name, isPlatformAdmin: false };

    // ---- 10,000 registered proposals, citizen input behind some of them (bulk: this is setup, not measured) ----
    const template = proposalPayload(roundtableId);
    const now = new Date().toISOString();
    const ids: string[] = Array.from({ length: PROPOSALS }, () => randomUUID());
    const insertProposal =
      sqlite.prepare(`INSERT INTO proposals (id, consultation_id, theme_id, roundtable_id, round_id, proponent_user_id, proponent_organization_id, title, lead_agency,
      responsible_person, other_actors, problem, objective, description, ogp_challenge, relevance, ambition, is_new, starts_on, ends_on, stage, state, state_reason, version, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 'proposed', 'active', NULL, 1, ?, ?)`);
    const insertMilestone = sqlite.prepare(
      "INSERT INTO milestones (id, proposal_id, position, description, responsible_institution, is_new, starts_on, ends_on) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
    );
    const insertHistory = sqlite.prepare("INSERT INTO proposal_stage_history (proposal_id, stage, entered_at) VALUES (?, 'proposed', ?)");
    const insertSummary = sqlite.prepare(
      "INSERT INTO summaries (id, consultation_id, theme_id, title, text, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)",
    );
    const insertInput =
      sqlite.prepare(`INSERT INTO citizen_inputs (id, consultation_id, channel, subject, theme_id, text, department, tags, status, created_at, updated_at)
      VALUES (?, ?, 'forum', 'theme', ?, ?, 'Quetzaltenango', '[]', 'visible', ?, ?)`);
    const insertSummaryInput = sqlite.prepare("INSERT INTO summary_inputs (summary_id, input_id) VALUES (?, ?)");
    const insertResponse = sqlite.prepare("INSERT INTO proposal_responses (proposal_id, summary_id, input_id) VALUES (?, ?, NULL)");
    const summaryIds: string[] = Array.from({ length: SUMMARIES }, () => randomUUID());
    sqlite.transaction(() => {
      ids.forEach((id, i) => {
        insertProposal.run(
          id,
          consultationId,
          themeId,
          roundtableId,
          roundId,
          organizationId,
          `Propuesta ${i + 1}`,
          template.leadAgency,
          JSON.stringify(template.responsiblePerson),
          JSON.stringify(template.otherActors),
          template.problem,
          template.objective,
          template.description,
          JSON.stringify(template.ogpChallenges),
          JSON.stringify(template.relevance),
          template.ambition,
          "2016-09-01",
          "2017-06-30",
          now,
          now,
        );
        template.milestones.forEach((m, k) => insertMilestone.run(randomUUID(), id, k + 1, m.description, m.responsibleInstitution, m.startsOn, m.endsOn));
        insertHistory.run(id, now);
      });
      summaryIds.forEach((sid, s) => {
        insertSummary.run(sid, consultationId, themeId, `Resumen ${s + 1}`, "Lo que dijeron las mesas de trabajo.", now, now);
        for (let k = 0; k < INPUTS_PER_SUMMARY; k++) {
          const inputId = randomUUID();
          insertInput.run(inputId, consultationId, themeId, `Aporte ciudadano ${s + 1}.${k + 1}`, now, now);
          insertSummaryInput.run(sid, inputId);
        }
      });
      // Every tenth original of the main chain responds to a summary.
      for (let i = 0; i <= CHAIN; i += 10) insertResponse.run(ids[i], summaryIds[(i / 10) % SUMMARIES]);
    })();
    let next = 0;
    const fresh = () => ids[next++];

    // ---- Deep chains, through the real merge command ----
    const merge = (sourceIds: string[]) =>
      exec<{ proposalId: string }>(member, "proposal.merge", {
        sourceIds,
        result: unifiedPayload(),
        present: [organizationId],
        agreed: true,
        agreedNote: "Consenso",
      });
    let final = fresh();
    for (let i = 0; i < CHAIN; i++) final = (await merge([final, fresh()])).proposalId;
    const sideHeads: string[] = [];
    for (let c = 0; c < SIDE_CHAINS; c++) {
      let head = fresh();
      for (let d = 0; d < SIDE_DEPTH; d++) head = (await merge([head, fresh()])).proposalId;
      sideHeads.push(head);
    }
    const setupSeconds = (performance.now() - started) / 1000;

    // ---- Measured: merges (half extend a deep side chain, half join two fresh originals) ----
    const mergeTimes: number[] = [];
    for (let i = 0; i < WARMUP + MERGES; i++) {
      const c = i % (2 * SIDE_CHAINS);
      const pair = c < SIDE_CHAINS ? [sideHeads[c], fresh()] : [fresh(), fresh()];
      const t = performance.now();
      const { proposalId } = await merge(pair);
      const elapsed = performance.now() - t;
      if (c < SIDE_CHAINS) sideHeads[c] = proposalId;
      if (i >= WARMUP) mergeTimes.push(elapsed);
    }

    // Baseline: the same rows (result, its milestones, operation, lineage edges, sources updated, audit and
    // idempotency records) in one raw better-sqlite3 transaction, with no validation or authorization.
    const insertOperation = sqlite.prepare(
      "INSERT INTO proposal_operations (id, consultation_id, kind, round_id, agreed_note, present, created_by, created_at, undone_at, undone_by) VALUES (?, ?, 'merge', ?, 'Consenso', ?, ?, ?, NULL, NULL)",
    );
    const insertEdge = sqlite.prepare("INSERT INTO proposal_lineage (operation_id, source_id, result_id) VALUES (?, ?, ?)");
    const supersede = sqlite.prepare("UPDATE proposals SET state = 'merged', version = version + 1, updated_at = ? WHERE id = ? AND state = 'active'");
    const insertAudit = sqlite.prepare(
      "INSERT INTO audit_events (consultation_id, actor_user_id, actor_label, command_id, command_type, payload, result, created_at) VALUES (?, ?, ?, ?, 'proposal.merge', ?, ?, ?)",
    );
    const insertLog = sqlite.prepare("INSERT INTO command_log (id, type, actor_key, status, response, created_at) VALUES (?, 'proposal.merge', ?, 200, ?, ?)");
    const unified = unifiedPayload();
    const rawMerge = sqlite.transaction((sources: string[]) => {
      const at = new Date().toISOString();
      const resultId = randomUUID();
      const opId = randomUUID();
      insertProposal.run(
        resultId,
        consultationId,
        themeId,
        roundtableId,
        roundId,
        null,
        unified.title,
        unified.leadAgency,
        JSON.stringify(unified.responsiblePerson),
        JSON.stringify(unified.otherActors),
        unified.problem,
        unified.objective,
        unified.description,
        JSON.stringify(unified.ogpChallenges),
        JSON.stringify(unified.relevance),
        unified.ambition,
        "2016-09-01",
        "2017-06-30",
        at,
        at,
      );
      unified.milestones.forEach((m, k) => insertMilestone.run(randomUUID(), resultId, k + 1, m.description, m.responsibleInstitution, m.startsOn, m.endsOn));
      insertOperation.run(opId, consultationId, roundId, JSON.stringify([organizationId]), userId, at);
      for (const s of sources) {
        insertEdge.run(opId, s, resultId);
        supersede.run(at, s);
      }
      const result = JSON.stringify({ proposalId: resultId, operationId: opId });
      const commandId = randomUUID();
      insertAudit.run(consultationId, userId, invitation.name, commandId, JSON.stringify({ sourceIds: sources, result: unified }), result, at);
      insertLog.run(commandId, `user:${userId}`, result, at);
    });
    const rawTimes: number[] = [];
    for (let i = 0; i < WARMUP + MERGES; i++) {
      const pair = [fresh(), fresh()];
      const t = performance.now();
      rawMerge(pair);
      if (i >= WARMUP) rawTimes.push(performance.now() - t);
    }

    // ---- Measured: the full lineage of the final proposal of the main chain ----
    const check = await proposalLineage(db, final);
    const ancestors = Object.keys(check!.proposals).length - 1;
    const lineageTimes: number[] = [];
    for (let i = 0; i < WARMUP + LINEAGE_RUNS; i++) {
      const t = performance.now();
      await proposalLineage(db, final);
      if (i >= WARMUP) lineageTimes.push(performance.now() - t);
    }
    const byId = sqlite.prepare("SELECT * FROM proposals WHERE id = ?");
    const pkTimes: number[] = [];
    for (let i = 0; i < WARMUP + LINEAGE_RUNS; i++) {
      const t = performance.now();
      byId.get(final);
      if (i >= WARMUP) pkTimes.push(performance.now() - t);
    }

    // A second baseline: the backward walk's own SQL run raw (no query builder, no assembly into the lineage).
    const walk = lineageWalks.backward(dialectOf(db), final).compile(db);
    const walkStatement = sqlite.prepare(walk.sql);
    const walkTimes: number[] = [];
    for (let i = 0; i < WARMUP + LINEAGE_RUNS; i++) {
      const t = performance.now();
      walkStatement.all(...(walk.parameters as unknown[]));
      if (i >= WARMUP) walkTimes.push(performance.now() - t);
    }

    const proposals = (sqlite.prepare("SELECT count(*) AS n FROM proposals").get() as { n: number }).n;
    console.log(
      `setup: ${proposals} proposals (${PROPOSALS} registered + merge results), main chain of ${CHAIN} merges, ${SIDE_CHAINS} side chains; ${setupSeconds.toFixed(1)} s`,
    );
    console.log(
      `lineage of the final proposal: ${ancestors} proposals behind it, ${Object.keys(check!.summaries).length} summaries, ${Object.keys(check!.inputs).length} citizen inputs`,
    );
    const m = summarize(mergeTimes);
    const r = summarize(rawTimes);
    console.log(
      `proposal.merge through the bus (n=${m.n}): p50 ${m.p50.toFixed(2)} ms, p99 ${m.p99.toFixed(2)} ms, max ${m.max.toFixed(2)} ms — goal p99 < 50 ms: ${m.p99 < 50 ? "met" : "NOT met"}`,
    );
    report("merge p99", m.p99, "ms", r.p99, "raw better-sqlite3 transaction of the same rows, p99");
    const l = summarize(lineageTimes);
    const k = summarize(pkTimes);
    console.log(
      `full lineage query (n=${l.n}): p50 ${l.p50.toFixed(2)} ms, p99 ${l.p99.toFixed(2)} ms, max ${l.max.toFixed(2)} ms — goal p99 < 20 ms: ${l.p99 < 20 ? "met" : "NOT met"}`,
    );
    report("lineage p99", l.p99, "ms", k.p99, "raw SELECT of one proposal by primary key, p99");
    report("lineage p99", l.p99, "ms", summarize(walkTimes).p99, "raw better-sqlite3 run of the recursive walk alone, p99");
  } finally {
    await db.destroy();
    if (sqlite.open) sqlite.close();
    if (process.env.BENCH_KEEP) console.log("kept", dir);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}
