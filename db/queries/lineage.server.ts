// The lineage of a proposal: every proposal behind it (through merges and splits not undone), the summaries and
// citizen inputs those proposals respond to, the inputs behind each summary, and what became of it since.
// A recursive CTE walks the graph once; the rest are flat reads keyed by a JSON list of ids (one parameter).
import { sql } from "kysely";
import { operationsFrom, type LineageGraph } from "../../app/domain/proposals/lineage";
import type { DB } from "../connection.server";

interface Edge {
  operation_id: string;
  source_id: string;
  result_id: string;
  kind: string;
  created_at: string;
}

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

const backward = (id: string) => sql<Edge>`
  WITH RECURSIVE behind(id) AS (
    SELECT ${id}
    UNION
    SELECT l.source_id FROM proposal_lineage l
      JOIN proposal_operations o ON o.id = l.operation_id AND o.undone_at IS NULL
      JOIN behind b ON l.result_id = b.id
  )
  SELECT l.operation_id, l.source_id, l.result_id, o.kind, o.created_at
  FROM behind b
  JOIN proposal_lineage l ON l.result_id = b.id
  JOIN proposal_operations o ON o.id = l.operation_id AND o.undone_at IS NULL`;

const forward = (id: string) => sql<Edge>`
  WITH RECURSIVE after(id) AS (
    SELECT ${id}
    UNION
    SELECT l.result_id FROM proposal_lineage l
      JOIN proposal_operations o ON o.id = l.operation_id AND o.undone_at IS NULL
      JOIN after a ON l.source_id = a.id
  )
  SELECT l.operation_id, l.source_id, l.result_id, o.kind, o.created_at
  FROM after a
  JOIN proposal_lineage l ON l.source_id = a.id
  JOIN proposal_operations o ON o.id = l.operation_id AND o.undone_at IS NULL`;

export async function proposalLineage(db: DB, proposalId: string): Promise<Lineage | null> {
  const [back, ahead] = await Promise.all([backward(proposalId).execute(db), forward(proposalId).execute(db)]);
  const edges = [...back.rows, ...ahead.rows];
  const ids = new Set<string>([proposalId]);
  for (const e of edges) {
    ids.add(e.source_id);
    ids.add(e.result_id);
  }
  const behindIds = new Set<string>([proposalId, ...back.rows.map((e) => e.source_id)]);
  const idList = JSON.stringify([...ids]);
  const behindList = JSON.stringify([...behindIds]);

  const [proposals, responses] = await Promise.all([
    sql<LineageProposal>`
      SELECT p.id, p.title, p.state, p.stage, o.acronym AS organization, p.created_at
      FROM json_each(${idList}) j
      JOIN proposals p ON p.id = j.value
      LEFT JOIN organizations o ON o.id = p.proponent_organization_id`.execute(db),
    sql<{ proposal_id: string; summary_id: string | null; input_id: string | null }>`
      SELECT r.proposal_id, r.summary_id, r.input_id
      FROM json_each(${behindList}) j
      JOIN proposal_responses r ON r.proposal_id = j.value`.execute(db),
  ]);
  if (!proposals.rows.some((p) => p.id === proposalId)) return null;

  const summaryIds = JSON.stringify([...new Set(responses.rows.map((r) => r.summary_id).filter((s): s is string => Boolean(s)))]);
  const [summaries, summaryInputs] = await Promise.all([
    sql<{ id: string; title: string; theme_id: string }>`
      SELECT s.id, s.title, s.theme_id FROM json_each(${summaryIds}) j JOIN summaries s ON s.id = j.value`.execute(db),
    sql<{ summary_id: string; input_id: string }>`
      SELECT si.summary_id, si.input_id FROM json_each(${summaryIds}) j JOIN summary_inputs si ON si.summary_id = j.value`.execute(db),
  ]);
  const inputIds = JSON.stringify([
    ...new Set([...responses.rows.map((r) => r.input_id).filter((i): i is string => Boolean(i)), ...summaryInputs.rows.map((r) => r.input_id)]),
  ]);
  const inputs = await sql<LineageInput & { status: string }>`
    SELECT i.id, i.channel, i.text, i.department, i.sector, i.created_at, i.status
    FROM json_each(${inputIds}) j JOIN citizen_inputs i ON i.id = j.value`.execute(db);

  const opRows = new Map<string, { id: string; kind: string; created_at: string; undone_at: null }>();
  for (const e of edges) opRows.set(e.operation_id, { id: e.operation_id, kind: e.kind, created_at: e.created_at, undone_at: null });
  const uniqueEdges = [...new Map(edges.map((e) => [`${e.operation_id}|${e.source_id}|${e.result_id}`, e])).values()];

  const summaryMap: Lineage["summaries"] = {};
  for (const s of summaries.rows) summaryMap[s.id] = { id: s.id, title: s.title, themeId: s.theme_id, inputIds: [] };
  for (const si of summaryInputs.rows) summaryMap[si.summary_id]?.inputIds.push(si.input_id);

  return {
    proposalId,
    proposals: Object.fromEntries(proposals.rows.map((p) => [p.id, p])),
    graph: {
      states: Object.fromEntries(proposals.rows.map((p) => [p.id, p.state])),
      operations: operationsFrom([...opRows.values()], uniqueEdges),
    },
    operations: [...opRows.values()].map(({ id, kind, created_at }) => ({ id, kind, created_at })),
    responses: responses.rows.map((r) => ({ proposalId: r.proposal_id, summaryId: r.summary_id, inputId: r.input_id })),
    summaries: summaryMap,
    inputs: Object.fromEntries(
      inputs.rows.map(({ status, ...i }) => [i.id, { ...i, text: status === "visible" ? i.text : null }]),
    ),
  };
}
