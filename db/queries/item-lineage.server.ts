// GET /api/v1/items/:id/lineage: the lineage graph around any input, summary, proposal or commitment, both ways.
// Nodes carry kind, title, state and stage; edges the operation, when and who was present (organizations only).
// No personal data: no e-mail, no names of people, no receipt codes; a moderated input has no text.
import { sql } from "kysely";
import { isPublicProposal, NOT_PUBLIC } from "../../app/domain/proposals/states";
import type { DB } from "../connection.server";
import { forwardFrom, inputHeadOf, presentAtOperations } from "./fate.server";
import { proposalLineage } from "./lineage.server";

export type ItemKind = "input" | "summary" | "proposal" | "commitment";

export interface LineageNode {
  id: string;
  kind: ItemKind;
  /** A proposal's or summary's title; an input's text (null once moderated away). */
  title: string | null;
  /** Proposal state; input status (visible, hidden, withdrawn); "published" for a summary. */
  state: string;
  /** Funnel stage of a proposal; the stage an input or summary belongs to. */
  stage: string;
  channel?: string;
}

export interface LineageEdge {
  from: string;
  to: string;
  /** summarized: an input grouped into a summary; responds: a proposal answers a summary or input; merge / split. */
  operation: "summarized" | "responds" | "merge" | "split";
  operationId: string | null;
  /** When the operation was recorded (null where the record keeps no time: summary links, responses). */
  at: string | null;
  present: Array<{ acronym: string; name: string }>;
}

export interface ItemLineage {
  id: string;
  kind: ItemKind;
  consultationId: string;
  nodes: LineageNode[];
  edges: LineageEdge[];
}

// A proposal the public sheet would not show (a draft, an undone operation's result) is not found here either.
const whatIs = (id: string) => sql<{ kind: "proposal" | "summary" | "input"; consultation_id: string }>`
  SELECT 'proposal' AS kind, consultation_id FROM proposals WHERE id = ${id} AND state NOT IN (${sql.join([...NOT_PUBLIC])})
  UNION ALL SELECT 'summary', consultation_id FROM summaries WHERE id = ${id} AND deleted_at IS NULL
  UNION ALL SELECT 'input', consultation_id FROM citizen_inputs WHERE id = ${id}`;

const summaryWithInputs = (id: string) => sql<{ title: string; input_id: string | null; channel: string | null; text: string | null; status: string | null }>`
  SELECT s.title, i.id AS input_id, i.channel, CASE WHEN i.status = 'visible' THEN i.text END AS text, i.status
  FROM summaries s
  LEFT JOIN summary_inputs si ON si.summary_id = s.id AND si.removed_at IS NULL
  LEFT JOIN citizen_inputs i ON i.id = si.input_id
  WHERE s.id = ${id}`;

const inputStage = (channel: string) => (channel === "forum" ? "forums" : "opinion_intake");
const proposalKind = (state: string): ItemKind => (state === "adopted" ? "commitment" : "proposal");

class Graph {
  nodes = new Map<string, LineageNode>();
  edges: LineageEdge[] = [];
  private keys = new Set<string>();
  node(n: LineageNode) {
    if (!this.nodes.has(n.id)) this.nodes.set(n.id, n);
  }
  edge(e: Omit<LineageEdge, "present" | "operationId"> & { operationId?: string | null }) {
    const key = `${e.from}>${e.to}>${e.operation}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.edges.push({ operationId: null, present: [], ...e });
  }
  input(i: { id: string; channel: string; text: string | null; status: string }) {
    this.node({ id: i.id, kind: "input", title: i.text, state: i.status, stage: inputStage(i.channel), channel: i.channel });
  }
  summary(s: { id: string; title: string }) {
    this.node({ id: s.id, kind: "summary", title: s.title, state: "published", stage: "systematization" });
  }
  proposal(p: { id: string; title: string; state: string; stage: string }) {
    this.node({ id: p.id, kind: proposalKind(p.state), title: p.title, state: p.state, stage: p.stage });
  }
}

/** Adds the proposals responding to a summary / an input and what they became. */
async function addForward(db: DB, g: Graph, from: { summaryId: string | null; inputId: string | null }) {
  const forward = await forwardFrom(db, from);
  for (const p of Object.values(forward.proposals)) g.proposal(p);
  for (const r of forward.responders) {
    const source = r.via === "summary" ? from.summaryId! : from.inputId!;
    g.edge({ from: source, to: r.proposalId, operation: "responds", at: null });
  }
  for (const o of forward.operations) {
    for (const s of o.sourceIds) for (const t of o.resultIds) g.edge({ from: s, to: t, operation: o.kind, operationId: o.id, at: o.at });
  }
}

export async function itemLineage(db: DB, id: string): Promise<ItemLineage | null> {
  const found = (await whatIs(id).execute(db)).rows[0];
  if (!found) return null;
  const g = new Graph();
  let kind: ItemKind = found.kind;

  if (found.kind === "input") {
    const head = (await inputHeadOf(db, id))!;
    g.input({ id, channel: head.channel, text: head.text, status: head.status });
    if (head.summary_id) {
      g.summary({ id: head.summary_id, title: head.summary_title ?? "" });
      g.edge({ from: id, to: head.summary_id, operation: "summarized", at: null });
    }
    await addForward(db, g, { summaryId: head.summary_id, inputId: id });
  } else if (found.kind === "summary") {
    const rows = (await summaryWithInputs(id).execute(db)).rows;
    g.summary({ id, title: rows[0].title });
    for (const r of rows) {
      if (!r.input_id) continue;
      g.input({ id: r.input_id, channel: r.channel!, text: r.text, status: r.status! });
      g.edge({ from: r.input_id, to: id, operation: "summarized", at: null });
    }
    await addForward(db, g, { summaryId: id, inputId: null });
  } else {
    const lineage = (await proposalLineage(db, id))!;
    for (const p of Object.values(lineage.proposals)) g.proposal(p);
    kind = proposalKind(lineage.proposals[id].state);
    const at = new Map(lineage.operations.map((o) => [o.id, o.created_at]));
    for (const o of lineage.graph.operations) {
      for (const s of o.sourceIds) for (const t of o.resultIds) g.edge({ from: s, to: t, operation: o.kind, operationId: o.id, at: at.get(o.id) ?? null });
    }
    for (const s of Object.values(lineage.summaries)) {
      g.summary(s);
      for (const i of s.inputIds) g.edge({ from: i, to: s.id, operation: "summarized", at: null });
    }
    // The walk keeps a moderated input's text out but not its status (hidden or withdrawn): read those few.
    const moderated = Object.values(lineage.inputs)
      .filter((i) => i.text === null)
      .map((i) => i.id);
    const statusOf = new Map(
      moderated.length
        ? (await db.selectFrom("citizen_inputs").select(["id", "status"]).where("id", "in", moderated).execute()).map((r) => [r.id, r.status as string])
        : [],
    );
    for (const i of Object.values(lineage.inputs)) g.input({ id: i.id, channel: i.channel, text: i.text, status: statusOf.get(i.id) ?? "visible" });
    for (const r of lineage.responses) {
      const source = r.summaryId ?? r.inputId;
      if (source && g.nodes.has(source)) g.edge({ from: source, to: r.proposalId, operation: "responds", at: null });
    }
  }

  // Nor does the graph around a public item show one, or the edges that lead to it.
  const hidden = new Set(
    [...g.nodes.values()].filter((n) => (n.kind === "proposal" || n.kind === "commitment") && !isPublicProposal(n.state)).map((n) => n.id),
  );
  for (const nodeId of hidden) g.nodes.delete(nodeId);
  g.edges = g.edges.filter((e) => !hidden.has(e.from) && !hidden.has(e.to));
  const opIds = [...new Set(g.edges.map((e) => e.operationId).filter((o): o is string => o !== null))];
  const present = await presentAtOperations(db, opIds);
  for (const e of g.edges) if (e.operationId) e.present = present[e.operationId] ?? [];
  return { id, kind, consultationId: found.consultation_id, nodes: [...g.nodes.values()], edges: g.edges };
}
