// The facts behind the fate of one citizen input (app/domain/fate.ts): the input and its summary, the proposals
// that respond to either, and everything those proposals became through merges and splits not undone.
// Forward walks reuse db/queries/lineage.server.ts's recursive CTE, one per starting proposal not already reached.
import { sql } from "kysely";
import { dialectOf, type SqlDialect } from "../dialect";
import { fateOfInput, type FateFacts, type FateOperationFact, type FateProposalFact } from "../../app/domain/fate";
import type { DB } from "../connection.server";
import { lineageWalks } from "./lineage.server";
import { planFactsFor } from "./plan-facts.server";

export interface InputHead {
  id: string;
  consultation_id: string;
  consultation_slug: string;
  consultation_title: string;
  channel: string;
  forum_id: string | null;
  /** null when moderated away (hidden or withdrawn). */
  text: string | null;
  status: string;
  status_reason: string | null;
  created_at: string;
  summary_id: string | null;
  summary_title: string | null;
  systematization: string | null;
}

/** The input, the summary that took it up and the systematization stage's status, in one statement. */
const inputHead = (id: string) => sql<InputHead>`
  SELECT i.id, i.consultation_id, c.slug AS consultation_slug, c.title AS consultation_title, i.channel, i.forum_id,
         CASE WHEN i.status = 'visible' THEN i.text END AS text, i.status, i.status_reason, i.created_at,
         s.id AS summary_id, s.title AS summary_title,
         (SELECT st.status FROM stages st WHERE st.consultation_id = i.consultation_id AND st.phase = 'systematization'
          ORDER BY st.position LIMIT 1) AS systematization
  FROM citizen_inputs i
  JOIN consultations c ON c.id = i.consultation_id
  LEFT JOIN summary_inputs si ON si.input_id = i.id AND si.removed_at IS NULL
  LEFT JOIN summaries s ON s.id = si.summary_id
  WHERE i.id = ${id}`;

interface ResponderRow {
  id: string;
  via: "summary" | "input";
  title: string;
  state: string;
  stage: string;
  state_reason: string | null;
}

/** Proposals (not drafts) that respond to a summary or to an input, each through its own index. */
const respondersQuery = (summaryId: string | null, inputId: string | null) => sql<ResponderRow>`
  SELECT p.id, 'summary' AS via, p.title, p.state, p.stage, p.state_reason
  FROM proposal_responses r JOIN proposals p ON p.id = r.proposal_id
  WHERE r.summary_id = ${summaryId} AND p.state <> 'draft'
  UNION ALL
  SELECT p.id, 'input' AS via, p.title, p.state, p.stage, p.state_reason
  FROM proposal_responses r JOIN proposals p ON p.id = r.proposal_id
  WHERE r.input_id = ${inputId} AND p.state <> 'draft'`;

const reasonsOf = (d: SqlDialect, ids: string) => sql<{ id: string; state_reason: string | null }>`
  SELECT p.id, p.state_reason FROM ${d.jsonEach(sql`${ids}`, "j")} JOIN proposals p ON p.id = j.value`;

/** Organizations recorded present at each operation (organizations are public; people are not named). */
const presentAt = (d: SqlDialect, operationIds: string) => sql<{ operation_id: string; acronym: string; name: string }>`
  SELECT o.id AS operation_id, g.acronym, g.name
  FROM ${d.jsonEach(sql`${operationIds}`, "j")}
  JOIN proposal_operations o ON o.id = j.value
  ${d.crossJoin} ${d.jsonEach("o.present", "p")}
  JOIN organizations g ON g.id = p.value
  ORDER BY o.id, p.key`;

export interface Forward {
  responders: FateFacts["responders"];
  proposals: Record<string, FateProposalFact>;
  operations: FateOperationFact[];
  /** The plan, when an adopted proposal was reached: says whether it is commitment N or awaits the plan. */
  plan: FateFacts["plan"];
}

/** Proposals responding to a summary and/or an input, and all they became (ended ones with their reason). */
export async function forwardFrom(db: DB, from: { summaryId: string | null; inputId: string | null }): Promise<Forward> {
  const rows = (await respondersQuery(from.summaryId, from.inputId).execute(db)).rows;
  const proposals: Record<string, FateProposalFact> = {};
  const responders: Forward["responders"] = [];
  for (const r of rows) {
    proposals[r.id] ??= { id: r.id, title: r.title, state: r.state, stage: r.stage, stateReason: r.state_reason };
    responders.push({ proposalId: r.id, via: r.via });
  }
  const operations = new Map<string, FateOperationFact>();
  const walked = new Set<string>();
  const needReason: string[] = [];
  for (const start of new Set(rows.map((r) => r.id))) {
    if (walked.has(start)) continue; // already reached from an earlier responder: its walk covered this one
    walked.add(start);
    for (const w of (await lineageWalks.forward(dialectOf(db), start).execute(db)).rows) {
      walked.add(w.id);
      if (!proposals[w.id]) {
        proposals[w.id] = { id: w.id, title: w.title, state: w.state, stage: w.stage, stateReason: null };
        if (w.state === "withdrawn" || w.state === "rejected") needReason.push(w.id);
      }
      let op = operations.get(w.operation_id);
      if (!op)
        operations.set(
          w.operation_id,
          (op = { id: w.operation_id, kind: w.kind === "split" ? "split" : "merge", at: w.op_created_at, sourceIds: [], resultIds: [] }),
        );
      if (!op.sourceIds.includes(w.source_id)) op.sourceIds.push(w.source_id);
      if (!op.resultIds.includes(w.result_id)) op.resultIds.push(w.result_id);
    }
  }
  if (needReason.length) {
    for (const r of (await reasonsOf(dialectOf(db), JSON.stringify(needReason)).execute(db)).rows) proposals[r.id].stateReason = r.state_reason;
  }
  const adopted = Object.values(proposals)
    .filter((p) => p.state === "adopted")
    .map((p) => p.id);
  return { responders, proposals, operations: [...operations.values()], plan: await planFactsFor(db, adopted) };
}

/** Who was present at each operation, by operation id. */
export async function presentAtOperations(db: DB, operationIds: string[]): Promise<Record<string, Array<{ acronym: string; name: string }>>> {
  const out: Record<string, Array<{ acronym: string; name: string }>> = {};
  for (const id of operationIds) out[id] = [];
  if (operationIds.length === 0) return out;
  for (const r of (await presentAt(dialectOf(db), JSON.stringify(operationIds)).execute(db)).rows)
    out[r.operation_id]?.push({ acronym: r.acronym, name: r.name });
  return out;
}

export async function inputHeadOf(db: DB, inputId: string): Promise<InputHead | null> {
  return (await inputHead(inputId).execute(db)).rows[0] ?? null;
}

/** Everything app/domain/fate.ts needs to tell what became of one input. */
export async function inputFate(db: DB, inputId: string): Promise<{ head: InputHead; facts: FateFacts } | null> {
  const head = await inputHeadOf(db, inputId);
  if (!head) return null;
  const forward = await forwardFrom(db, { summaryId: head.summary_id, inputId: head.id });
  return {
    head,
    facts: {
      input: { id: head.id, status: head.status, statusReason: head.status_reason },
      summary: head.summary_id ? { id: head.summary_id, title: head.summary_title ?? "" } : null,
      systematization: head.systematization,
      ...forward,
    },
  };
}

/** A summary's public sheet: its text, the inputs it groups (moderated ones without text) and what answers it. */
export async function summarySheet(db: DB, summaryId: string) {
  const summary = await db
    .selectFrom("summaries as s")
    .where("s.deleted_at", "is", null)
    .innerJoin("consultations as c", "c.id", "s.consultation_id")
    .innerJoin("themes as t", "t.id", "s.theme_id")
    .select([
      "s.id",
      "s.title",
      "s.text",
      "s.consultation_id",
      "c.slug as consultation_slug",
      "c.title as consultation_title",
      "t.name as theme_name",
      "s.created_at",
    ])
    .where("s.id", "=", summaryId)
    .executeTakeFirst();
  if (!summary) return null;
  const inputs = (
    await sql<{ id: string; channel: string; text: string | null; department: string | null; created_at: string }>`
      SELECT i.id, i.channel, CASE WHEN i.status = 'visible' THEN i.text END AS text, i.department, i.created_at
      FROM summary_inputs si JOIN citizen_inputs i ON i.id = si.input_id
      WHERE si.summary_id = ${summaryId} AND si.removed_at IS NULL
      ORDER BY i.created_at, i.id`.execute(db)
  ).rows;
  const forward = await forwardFrom(db, { summaryId, inputId: null });
  return { summary, inputs, forward };
}

/**
 * Up to `limit` receipt codes of visible online opinions whose fate reached a commitment, those whose commitment has
 * a follow-up report first: "follow an example opinion" on the call page (issue 17). Empty until something is adopted.
 */
export async function exampleReceipts(db: DB, consultationId: string, limit = 3): Promise<string[]> {
  // The call page asks on every load: nothing to look for before a proposal is adopted.
  const adopted = await db.selectFrom("proposals").select("id").where("consultation_id", "=", consultationId).where("state", "=", "adopted").limit(1).execute();
  if (adopted.length === 0) return [];
  const candidates = await db
    .selectFrom("citizen_inputs as i")
    .innerJoin("summary_inputs as si", (j) => j.onRef("si.input_id", "=", "i.id").on("si.removed_at", "is", null))
    .innerJoin("proposal_responses as r", "r.summary_id", "si.summary_id")
    .select(["i.id", "i.receipt_code"])
    .distinct()
    .where("i.consultation_id", "=", consultationId)
    .where("i.channel", "=", "online")
    .where("i.status", "=", "visible")
    .where("i.receipt_code", "is not", null)
    .orderBy("i.id")
    .limit(12)
    .execute();
  if (candidates.length === 0) return [];
  const followedUp = new Set(
    (await db.selectFrom("followup_updates").select("proposal_id").distinct().where("consultation_id", "=", consultationId).execute()).map(
      (r) => r.proposal_id,
    ),
  );
  const found: Array<{ code: string; followedUp: boolean }> = [];
  for (const c of candidates) {
    const fate = await inputFate(db, c.id);
    if (!fate) continue;
    const ending = fateOfInput(fate.facts).ending;
    if ("ids" in ending) found.push({ code: c.receipt_code!, followedUp: ending.ids.some((id) => followedUp.has(id)) });
    if (found.filter((f) => f.followedUp).length >= limit) break;
  }
  return found
    .sort((a, b) => Number(b.followedUp) - Number(a.followedUp))
    .slice(0, limit)
    .map((f) => f.code);
}
