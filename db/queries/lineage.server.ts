// The lineage of a proposal: every proposal behind it (through merges and splits not undone), the summaries and
// citizen inputs those proposals respond to, the inputs behind each summary, and what became of it since.
// A recursive CTE walks the graph once; the rest are flat reads keyed by a JSON list of ids (one parameter).
import { sql } from "kysely";
import { dialectOf, type SqlDialect } from "../dialect";
import type { PlanFacts } from "../../app/domain/fate";
import type { LineageGraph } from "../../app/domain/proposals/lineage";
import type { DB } from "../connection.server";
import { planFactsFor } from "./plan-facts.server";

export interface LineageProposal {
  id: string;
  title: string;
  state: string;
  stage: string;
  organization: string | null;
  created_at: string;
}

export interface LineageInput {
  id: string;
  channel: string;
  text: string | null; // null when moderated away (hidden or withdrawn)
  department: string | null;
  sector: string | null;
  created_at: string;
}

export interface Lineage {
  proposalId: string;
  /** For links to the plan and its follow-up. */
  consultationSlug: string;
  /** The consultation's plan when this proposal or one after it was adopted (its place: commitment N or awaiting). */
  plan: PlanFacts | null;
  /** Proposals behind it and after it, by id. */
  proposals: Record<string, LineageProposal>;
  /** Operations on the way back (ancestors) and forward (descendants), as a graph the domain rules read. */
  graph: LineageGraph;
  operations: Array<{ id: string; kind: string; created_at: string }>;
  /** What each proposal responds to. */
  responses: Array<{ proposalId: string; summaryId: string | null; inputId: string | null }>;
  summaries: Record<string, { id: string; title: string; themeId: string; inputIds: string[] }>;
  inputs: Record<string, LineageInput>;
}

/** One edge of the walk with the proposal at its far end (the source going back, the result going forward). */
interface WalkRow {
  operation_id: string;
  source_id: string;
  result_id: string;
  kind: string;
  op_created_at: string;
  id: string;
  title: string;
  state: string;
  stage: string;
  organization_id: string | null;
  created_at: string;
}

// Each walk visits every proposal once (UNION on the id), following the lineage index from the proposals found
// so far; then one pass reads the edges into those proposals with the proposal at the far end. ${d.orderedJoin} keeps
// SQLite's join order (d.orderedJoin) (walked ids first, then index lookups) instead of scanning the lineage table.
const backward = (d: SqlDialect, id: string) => sql<WalkRow>`
  WITH RECURSIVE behind(id) AS (
    SELECT CAST(${id} AS TEXT)
    UNION
    SELECT l.source_id FROM behind b
      ${d.orderedJoin} proposal_lineage l ON l.result_id = b.id
      ${d.orderedJoin} proposal_operations o ON o.id = l.operation_id AND o.undone_at IS NULL
  )
  SELECT l.operation_id, l.source_id, l.result_id, o.kind, o.created_at AS op_created_at,
         p.id, p.title, p.state, p.stage, p.proponent_organization_id AS organization_id, p.created_at
  FROM behind b
  ${d.orderedJoin} proposal_lineage l ON l.result_id = b.id
  ${d.orderedJoin} proposal_operations o ON o.id = l.operation_id AND o.undone_at IS NULL
  ${d.orderedJoin} proposals p ON p.id = l.source_id`;

const forward = (d: SqlDialect, id: string) => sql<WalkRow>`
  WITH RECURSIVE after(id) AS (
    SELECT CAST(${id} AS TEXT)
    UNION
    SELECT l.result_id FROM after a
      ${d.orderedJoin} proposal_lineage l ON l.source_id = a.id
      ${d.orderedJoin} proposal_operations o ON o.id = l.operation_id AND o.undone_at IS NULL
  )
  SELECT l.operation_id, l.source_id, l.result_id, o.kind, o.created_at AS op_created_at,
         p.id, p.title, p.state, p.stage, p.proponent_organization_id AS organization_id, p.created_at
  FROM after a
  ${d.orderedJoin} proposal_lineage l ON l.source_id = a.id
  ${d.orderedJoin} proposal_operations o ON o.id = l.operation_id AND o.undone_at IS NULL
  ${d.orderedJoin} proposals p ON p.id = l.result_id`;

const root = (id: string) => sql<Omit<WalkRow, "operation_id" | "source_id" | "result_id" | "kind" | "op_created_at"> & { consultation_slug: string }>`
  SELECT p.id, p.title, p.state, p.stage, p.proponent_organization_id AS organization_id, p.created_at, c.slug AS consultation_slug
  FROM proposals p JOIN consultations c ON c.id = p.consultation_id WHERE p.id = ${id}`;

/** Organizations are few: their acronyms are read once rather than joined on every row. */
const acronyms = (d: SqlDialect, ids: string) => sql<{ id: string; acronym: string }>`
  SELECT g.id, g.acronym FROM ${d.jsonEach(sql`${ids}`, "j")} JOIN organizations g ON g.id = j.value`;

/** What the proposals behind respond to, with each summary's title. */
const responsesOf = (d: SqlDialect, ids: string) => sql<{
  proposal_id: string;
  summary_id: string | null;
  input_id: string | null;
  title: string | null;
  theme_id: string | null;
}>`
  SELECT r.proposal_id, r.summary_id, r.input_id, s.title, s.theme_id
  FROM ${d.jsonEach(sql`${ids}`, "j")}
  JOIN proposal_responses r ON r.proposal_id = j.value
  LEFT JOIN summaries s ON s.id = r.summary_id`;

/** The inputs behind those summaries, and the ones responded to directly (summary_id null). */
const inputsOf = (d: SqlDialect, summaryIds: string, inputIds: string) => sql<LineageInput & { status: string; summary_id: string | null }>`
  SELECT si.summary_id, i.id, i.channel, i.text, i.department, i.sector, i.created_at, i.status
  FROM ${d.jsonEach(sql`${summaryIds}`, "j")}
  JOIN summary_inputs si ON si.summary_id = j.value AND si.removed_at IS NULL
  JOIN citizen_inputs i ON i.id = si.input_id
  UNION ALL
  SELECT CAST(NULL AS TEXT), i.id, i.channel, i.text, i.department, i.sector, i.created_at, i.status
  FROM ${d.jsonEach(sql`${inputIds}`, "j")}
  JOIN citizen_inputs i ON i.id = j.value`;

/** The walks as SQL, for the benchmark's same-statements baseline. */
export const lineageWalks = { backward, forward };

export async function proposalLineage(db: DB, proposalId: string): Promise<Lineage | null> {
  const self = (await root(proposalId).execute(db)).rows[0];
  if (!self) return null;
  const back = (await backward(dialectOf(db), proposalId).execute(db)).rows;
  const ahead = (await forward(dialectOf(db), proposalId).execute(db)).rows;

  // Each walk yields every edge once; an operation's sources and results are gathered as its edges come.
  const found = new Map<string, { id: string; title: string; state: string; stage: string; organization_id: string | null; created_at: string }>([
    [proposalId, self],
  ]);
  const operations = new Map<string, { id: string; kind: string; created_at: string; sourceIds: string[]; resultIds: string[] }>();
  const behind = [proposalId];
  for (const rows of [back, ahead]) {
    for (const r of rows) {
      if (!found.has(r.id)) found.set(r.id, r);
      let op = operations.get(r.operation_id);
      if (!op) operations.set(r.operation_id, (op = { id: r.operation_id, kind: r.kind, created_at: r.op_created_at, sourceIds: [], resultIds: [] }));
      if (!op.sourceIds.includes(r.source_id)) op.sourceIds.push(r.source_id);
      if (!op.resultIds.includes(r.result_id)) op.resultIds.push(r.result_id);
    }
  }
  for (const r of back) behind.push(r.source_id);

  const organizationIds = [...new Set([...found.values()].map((p) => p.organization_id).filter((o): o is string => o !== null))];
  const acronymOf = new Map((await acronyms(dialectOf(db), JSON.stringify(organizationIds)).execute(db)).rows.map((o) => [o.id, o.acronym]));
  const proposals: Lineage["proposals"] = {};
  const states: LineageGraph["states"] = {};
  for (const p of found.values()) {
    proposals[p.id] = {
      id: p.id,
      title: p.title,
      state: p.state,
      stage: p.stage,
      organization: p.organization_id ? (acronymOf.get(p.organization_id) ?? null) : null,
      created_at: p.created_at,
    };
    states[p.id] = p.state;
  }

  const responses = (await responsesOf(dialectOf(db), JSON.stringify(behind)).execute(db)).rows;
  const summaries: Lineage["summaries"] = {};
  const directInputs = new Set<string>();
  for (const r of responses) {
    if (r.summary_id && r.title !== null) summaries[r.summary_id] ??= { id: r.summary_id, title: r.title, themeId: r.theme_id ?? "", inputIds: [] };
    if (r.input_id) directInputs.add(r.input_id);
  }
  const inputRows = (await inputsOf(dialectOf(db), JSON.stringify(Object.keys(summaries)), JSON.stringify([...directInputs])).execute(db)).rows;
  const inputs: Lineage["inputs"] = {};
  for (const { status, summary_id, ...i } of inputRows) {
    if (summary_id) summaries[summary_id]?.inputIds.push(i.id);
    inputs[i.id] ??= { ...i, text: status === "visible" ? i.text : null };
  }

  const ops = [...operations.values()];
  const adopted = Object.values(proposals)
    .filter((p) => p.state === "adopted")
    .map((p) => p.id);
  return {
    proposalId,
    consultationSlug: self.consultation_slug,
    plan: await planFactsFor(db, adopted),
    proposals,
    graph: {
      states,
      operations: ops.map((o) => ({ id: o.id, kind: o.kind === "split" ? "split" : "merge", sourceIds: o.sourceIds, resultIds: o.resultIds, undone: false })),
    },
    operations: ops.map(({ id, kind, created_at }) => ({ id, kind, created_at })),
    responses: responses.map((r) => ({ proposalId: r.proposal_id, summaryId: r.summary_id, inputId: r.input_id })),
    summaries,
    inputs,
  };
}
