// The public funnel's read: participation counts, stage entries and proposals as they are now, and the state of
// what fills each column (thematic rounds, technical sessions, votes), shaped by app/domain/funnel-view.ts.
// Results of undone merges and splits are left out: they stay in the lineage, with their history, for staff.
import { funnelColumnsOf } from "../../app/domain/funnel";
import { funnelView, withPlanCommitments, type FunnelView } from "../../app/domain/funnel-view";
import type { DB } from "../connection.server";
import { findConsultationId } from "./consultations.server";
import { commitmentsInPlan } from "./in-the-plan.server";

/** The consultation's funnel columns, from its setting (the 2016 table's five by default). */
export async function funnelColumns(db: DB, consultationId: string): Promise<readonly string[]> {
  const row = await db.selectFrom("consultations").select("funnel_columns").where("id", "=", consultationId).executeTakeFirst();
  return funnelColumnsOf(row?.funnel_columns);
}

const n = (v: unknown) => Number(v ?? 0);

export async function participationCounts(db: DB, consultationId: string) {
  const [opinions, attendance, captures, summaries] = await Promise.all([
    db
      .selectFrom("citizen_inputs")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("consultation_id", "=", consultationId)
      .where("channel", "=", "online")
      .where("status", "=", "visible")
      .executeTakeFirst(),
    db
      .selectFrom("attendance as a")
      .where("a.voided_at", "is", null)
      .innerJoin("forums as f", "f.id", "a.forum_id")
      .select((eb) => eb.fn.sum<number>("a.head_count").as("n"))
      .where("f.consultation_id", "=", consultationId)
      .executeTakeFirst(),
    db
      .selectFrom("citizen_inputs")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("consultation_id", "=", consultationId)
      .where("channel", "=", "forum")
      .where("status", "!=", "withdrawn")
      .executeTakeFirst(),
    db
      .selectFrom("summaries")
      .where("deleted_at", "is", null)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("consultation_id", "=", consultationId)
      .executeTakeFirst(),
  ]);
  return { opinionsOnline: n(opinions?.n), forumAttendance: n(attendance?.n), forumCaptures: n(captures?.n), summaries: n(summaries?.n) };
}

/** Distinct proposals that entered each stage, and alive proposals at each stage, per theme: counted by SQLite. */
async function countedFigures(db: DB, consultationId: string) {
  const [entered, now] = await Promise.all([
    db
      .selectFrom("proposal_stage_history as h")
      .innerJoin("proposals as p", "p.id", "h.proposal_id")
      .select((eb) => ["h.stage", "p.theme_id as themeId", eb.fn.count<number>("h.proposal_id").distinct().as("n")])
      .where("p.consultation_id", "=", consultationId)
      .where("p.state", "not in", ["draft", "undone"])
      .groupBy(["h.stage", "p.theme_id"])
      .execute(),
    db
      .selectFrom("proposals")
      .select((eb) => ["stage", "theme_id as themeId", eb.fn.countAll<number>().as("n")])
      .where("consultation_id", "=", consultationId)
      .where("state", "in", ["active", "adopted"])
      .groupBy(["stage", "theme_id"])
      .execute(),
  ]);
  const num = (rows: Array<{ stage: string; themeId: string; n: number | string | bigint }>) =>
    rows.map((r) => ({ stage: r.stage, themeId: r.themeId, n: Number(r.n) }));
  return { entered: num(entered), now: num(now) };
}

/** The funnel of a consultation (by id or slug), or null when there is no such consultation; `ids`: with the ids behind each figure. */
export async function consultationFunnel(db: DB, idOrSlug: string, options: { ids?: boolean } = {}): Promise<FunnelView | null> {
  const id = await findConsultationId(db, idOrSlug);
  if (!id) return null;
  // Without the ids behind each figure, SQLite counts (a few dozen rows) instead of returning every entry.
  const [themes, entries, proposals, counted, participation, thematicRounds, technicalSessions, votes, inPlan] = await Promise.all([
    db.selectFrom("themes").select(["id", "name"]).where("consultation_id", "=", id).where("archived_at", "is", null).orderBy("position").execute(),
    options.ids
      ? db
          .selectFrom("proposal_stage_history as h")
          .innerJoin("proposals as p", "p.id", "h.proposal_id")
          .select(["h.proposal_id as proposalId", "p.theme_id as themeId", "h.stage"])
          .where("p.consultation_id", "=", id)
          .where("p.state", "not in", ["draft", "undone"])
          .orderBy("h.id")
          .execute()
      : [],
    options.ids
      ? db
          .selectFrom("proposals")
          .select(["id", "theme_id as themeId", "stage", "state"])
          .where("consultation_id", "=", id)
          .where("state", "not in", ["draft", "undone"])
          .orderBy("created_at")
          .execute()
      : [],
    options.ids ? undefined : countedFigures(db, id),
    participationCounts(db, id),
    db
      .selectFrom("rounds as r")
      .innerJoin("roundtables as t", "t.id", "r.roundtable_id")
      .select(["t.theme_id as themeId", "r.number", "r.status"])
      .where("t.consultation_id", "=", id)
      .where("t.kind", "=", "thematic")
      .execute(),
    db
      .selectFrom("rounds as r")
      .innerJoin("roundtables as t", "t.id", "r.roundtable_id")
      .select(["r.number", "r.status", "r.closes_stage as closesStage"])
      .where("t.consultation_id", "=", id)
      .where("t.kind", "=", "technical")
      .where("r.closes_stage", "is not", null)
      .execute(),
    db.selectFrom("consensus_votes").select("status").where("consultation_id", "=", id).execute(),
    commitmentsInPlan(db, id),
  ]);
  const view = funnelView({
    columns: await funnelColumns(db, id),
    themes,
    entries,
    proposals,
    counted,
    participation,
    thematicRounds: thematicRounds.map((r) => ({ ...r, themeId: r.themeId ?? "" })),
    technicalSessions,
    votes,
  });
  // "In the plan" is the plan's commitments, read by the one query every surface reads.
  return withPlanCommitments(view, inPlan, Boolean(options.ids));
}

/** The items behind the forum figures: each forum with its attendance and its captures (not withdrawn). */
export async function funnelForums(db: DB, consultationId: string) {
  const [forums, attendance, captures] = await Promise.all([
    db
      .selectFrom("forums")
      .select(["id", "department", "municipality", "venue", "held_on"])
      .where("consultation_id", "=", consultationId)
      .orderBy("held_on")
      .execute(),
    db
      .selectFrom("attendance as a")
      .where("a.voided_at", "is", null)
      .innerJoin("forums as f", "f.id", "a.forum_id")
      .select(["a.forum_id as forumId"])
      .select((eb) => eb.fn.sum<number>("a.head_count").as("n"))
      .where("f.consultation_id", "=", consultationId)
      .groupBy("a.forum_id")
      .execute(),
    db
      .selectFrom("citizen_inputs")
      .select(["forum_id as forumId"])
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("consultation_id", "=", consultationId)
      .where("channel", "=", "forum")
      .where("status", "!=", "withdrawn")
      .groupBy("forum_id")
      .execute(),
  ]);
  return forums.map((f) => ({
    ...f,
    attendance: n(attendance.find((a) => a.forumId === f.id)?.n),
    captures: n(captures.find((c) => c.forumId === f.id)?.n),
  }));
}

/** The items behind the summaries figure: each summary's title, theme and how many inputs it took up. */
export async function funnelSummaries(db: DB, consultationId: string) {
  const rows = await db
    .selectFrom("summaries as s")
    .where("s.deleted_at", "is", null)
    .innerJoin("themes as th", "th.id", "s.theme_id")
    .leftJoin("summary_inputs as si", (j) => j.onRef("si.summary_id", "=", "s.id").on("si.removed_at", "is", null))
    .select(["s.id", "s.title", "th.name as theme_name"])
    .select((eb) => eb.fn.count<number>("si.input_id").as("inputs"))
    .where("s.consultation_id", "=", consultationId)
    // Every selected or sorted column is grouped: PostgreSQL refuses what SQLite lets through.
    .groupBy(["s.id", "s.title", "s.created_at", "th.name", "th.position"])
    .orderBy("th.position")
    .orderBy("s.created_at")
    .execute();
  return rows.map((r) => ({ ...r, inputs: Number(r.inputs) }));
}
