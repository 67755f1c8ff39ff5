// Read models of issue 10: funnel snapshots next to today's figures, and the reasoned response (what became of every
// summary and proposal, with the reason recorded at each decision and the point of contact's written response).
// Public: no personal data (no e-mails, no actors' names in the snapshot comparison).
import { commitmentPlace } from "../../app/domain/fate";
import { proposalFate, summaryFate, type Fate, type Ref } from "../../app/domain/reasoned-response";
import { planFactsFor } from "./plan-facts.server";
import { compareSnapshot, figures, snapshotCounts, type SnapshotCounts } from "../../app/domain/snapshots";
import type { DB } from "../connection.server";
import { funnelCounts } from "./roundtables.server";

async function themesOf(db: DB, consultationId: string) {
  return db.selectFrom("themes").select(["id", "name"]).where("consultation_id", "=", consultationId).orderBy("position").execute();
}

/** Every snapshot of a consultation, oldest first, with what closed and the total figures. */
export async function funnelSnapshots(db: DB, consultationId: string) {
  const rows = await db
    .selectFrom("funnel_snapshots as s")
    .leftJoin("stages as st", "st.id", "s.stage_id")
    .leftJoin("rounds as r", "r.id", "s.round_id")
    .leftJoin("roundtables as t", "t.id", "r.roundtable_id")
    .leftJoin("themes as th", "th.id", "t.theme_id")
    .select([
      "s.id",
      "s.taken_at",
      "s.command_type",
      "s.counts",
      "st.phase as stage_phase",
      "st.name as stage_name",
      "r.number as round_number",
      "t.kind as roundtable_kind",
      "th.name as theme_name",
    ])
    .where("s.consultation_id", "=", consultationId)
    .orderBy("s.taken_at")
    .orderBy("s.audit_seq")
    .execute();
  return rows.map(({ counts, ...r }) => ({ ...r, total: figures((JSON.parse(counts) as SnapshotCounts).total) }));
}

/** A snapshot's figures next to today's, which proposals entered or left each figure since, and the commands after it. */
export async function snapshotComparison(db: DB, consultationId: string, snapshotId: string) {
  const list = await funnelSnapshots(db, consultationId);
  const head = list.find((s) => s.id === snapshotId);
  if (!head) return null;
  const row = await db.selectFrom("funnel_snapshots").select(["counts", "audit_seq", "command_id"]).where("id", "=", snapshotId).executeTakeFirstOrThrow();
  const then = JSON.parse(row.counts) as SnapshotCounts;
  const [today, themes] = await Promise.all([funnelCounts(db, consultationId), themesOf(db, consultationId)]);
  const comparison = compareSnapshot(then, snapshotCounts(today));
  const ids = comparison.changedIds;
  const proposals = ids.length ? await db.selectFrom("proposals").select(["id", "title", "state", "theme_id"]).where("id", "in", ids).execute() : [];
  // The commands after the snapshot that touched a changed proposal (named in their payload or result).
  const events = ids.length
    ? await db
        .selectFrom("audit_events")
        .select(["seq", "command_type", "payload", "result", "created_at"])
        .where("consultation_id", "=", consultationId)
        .where("seq", ">", row.audit_seq)
        .where("command_id", "!=", row.command_id)
        .orderBy("seq")
        .execute()
    : [];
  const touched = new Map<string, Array<{ type: string; at: string }>>();
  for (const e of events) {
    for (const id of ids) {
      if (e.payload.includes(id) || e.result.includes(id)) touched.set(id, [...(touched.get(id) ?? []), { type: e.command_type, at: e.created_at }]);
    }
  }
  return {
    snapshot: head,
    themes,
    comparison: { total: comparison.total, byTheme: comparison.byTheme },
    changes: ids.map((id) => {
      const p = proposals.find((x) => x.id === id);
      return { id, title: p?.title ?? id, state: p?.state ?? "", themeId: p?.theme_id ?? null, commands: touched.get(id) ?? [] };
    }),
  };
}

export interface ResponseItem {
  kind: "summary" | "proposal";
  id: string;
  title: string;
  state: string | null;
  fate: Fate;
  response: { text: string; writtenAt: string } | null;
  earlierResponses: number;
}

/** The reasoned response: every summary and (registered) proposal grouped by theme, its fate and the written response. */
export async function reasonedResponse(db: DB, consultationId: string) {
  const [themes, summaries, proposals, responds, lineage, responses] = await Promise.all([
    themesOf(db, consultationId),
    db
      .selectFrom("summaries")
      .where("deleted_at", "is", null)
      .select(["id", "theme_id", "title"])
      .where("consultation_id", "=", consultationId)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("proposals as p")
      .leftJoin("organizations as so", "so.id", "p.state_organization_id")
      .leftJoin("organizations as po", "po.id", "p.proponent_organization_id")
      .select(["p.id", "p.theme_id", "p.title", "p.state", "p.stage", "p.state_reason", "so.name as state_org", "po.name as proponent_org"])
      .where("p.consultation_id", "=", consultationId)
      .where("p.state", "!=", "draft")
      .orderBy("p.created_at")
      .execute(),
    db
      .selectFrom("proposal_responses as r")
      .innerJoin("proposals as p", "p.id", "r.proposal_id")
      .select(["r.summary_id", "p.id", "p.title"])
      .where("p.consultation_id", "=", consultationId)
      .where("p.state", "!=", "draft")
      .where("r.summary_id", "is not", null)
      .execute(),
    db
      .selectFrom("proposal_lineage as l")
      .innerJoin("proposal_operations as o", "o.id", "l.operation_id")
      .innerJoin("proposals as p", "p.id", "l.result_id")
      .select(["l.source_id", "p.id", "p.title", "o.agreed_note"])
      .where("o.consultation_id", "=", consultationId)
      .where("o.undone_at", "is", null)
      .execute(),
    db
      .selectFrom("written_responses")
      .select(["summary_id", "proposal_id", "text", "written_at", "superseded_at"])
      .where("consultation_id", "=", consultationId)
      .orderBy("written_at")
      .execute(),
  ]);
  const responseOf = (key: "summary_id" | "proposal_id", id: string) => {
    const all = responses.filter((r) => r[key] === id);
    const current = all.find((r) => r.superseded_at === null);
    return { response: current ? { text: current.text, writtenAt: current.written_at } : null, earlierResponses: all.length - (current ? 1 : 0) };
  };
  const plan = await planFactsFor(
    db,
    proposals.filter((p) => p.state === "adopted").map((p) => p.id),
  );
  const items: Array<ResponseItem & { themeId: string }> = [
    ...summaries.map((s) => {
      const takers: Ref[] = responds.filter((r) => r.summary_id === s.id).map((r) => ({ id: r.id, title: r.title }));
      return {
        kind: "summary" as const,
        id: s.id,
        themeId: s.theme_id,
        title: s.title,
        state: null,
        fate: summaryFate(takers),
        ...responseOf("summary_id", s.id),
      };
    }),
    ...proposals.map((p) => {
      const next = lineage.filter((l) => l.source_id === p.id);
      const fate = proposalFate({
        state: p.state,
        stage: p.stage,
        stateReason: p.state_reason,
        withdrawnBy: p.state_org ?? p.proponent_org ?? null,
        successors: next.map((l) => ({ id: l.id, title: l.title })),
        operationNote: next[0]?.agreed_note ?? "",
        place: commitmentPlace(p.id, plan),
      });
      return { kind: "proposal" as const, id: p.id, themeId: p.theme_id, title: p.title, state: p.state, fate, ...responseOf("proposal_id", p.id) };
    }),
  ];
  return {
    themes: themes.map((th) => ({
      id: th.id,
      name: th.name,
      summaries: items.filter((i) => i.themeId === th.id && i.kind === "summary"),
      proposals: items.filter((i) => i.themeId === th.id && i.kind === "proposal"),
    })),
  };
}
