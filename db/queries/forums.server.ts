// Read models of departmental forums: the dashboard panel, the capture screen, boards, attendance, the
// printable report and the CSV export. Staff only (captures name their facilitators).
import { sql, type Kysely } from "kysely";
import { attendanceTotals } from "../../app/domain/attendance";
import type { BoardCapture } from "../../app/domain/forum-board";
import type { CaptureExportRow } from "../../app/domain/forum-export";
import type { DB } from "../connection.server";
import type { Database } from "../schema";

const forumColumns = [
  "f.id",
  "f.consultation_id",
  "f.department",
  "f.municipality",
  "f.venue",
  "f.held_on",
  "f.expected_attendance",
  "f.status",
  "f.opened_at",
  "f.closed_at",
] as const;

function parseTags(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}

/** Captures with what a board shows of them (table number, facilitator, the summary that took them up). */
export function boardCaptureQuery(db: Kysely<Database>) {
  return db
    .selectFrom("citizen_inputs as i")
    .innerJoin("worktables as w", "w.id", "i.worktable_id")
    .leftJoin("users as u", "u.id", "i.captured_by")
    .leftJoin("summary_inputs as si", (j) => j.onRef("si.input_id", "=", "i.id").on("si.removed_at", "is", null))
    .select([
      "i.id",
      "i.forum_id",
      "i.worktable_id",
      "w.number",
      "i.theme_id",
      "i.text",
      "i.speaker_sector",
      "i.tags",
      "i.captured_by",
      "u.name as captured_by_name",
      "i.status",
      "i.created_at",
      "i.updated_at",
      "si.summary_id",
    ]);
}

export function toBoardCapture(r: {
  id: string;
  forum_id: string | null;
  worktable_id: string | null;
  number: number;
  theme_id: string | null;
  text: string;
  speaker_sector: string | null;
  tags: string;
  captured_by: string | null;
  captured_by_name: string | null;
  status: string;
  created_at: string;
  updated_at: string;
  summary_id: string | null;
}): BoardCapture {
  return {
    id: r.id,
    forumId: r.forum_id!,
    worktableId: r.worktable_id!,
    tableNumber: r.number,
    themeId: r.theme_id,
    text: r.text,
    speakerSector: r.speaker_sector,
    tags: parseTags(r.tags),
    capturedBy: r.captured_by,
    capturedByName: r.captured_by_name,
    status: r.status as BoardCapture["status"],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    summaryId: r.summary_id,
  };
}

/** Captures of a forum (or one of its worktables) as boards show them, newest first. */
export async function forumCaptures(db: DB, forumId: string, options: { worktableId?: string; includeWithdrawn?: boolean } = {}): Promise<BoardCapture[]> {
  let q = boardCaptureQuery(db).where("i.forum_id", "=", forumId).where("i.channel", "=", "forum");
  if (options.worktableId) q = q.where("i.worktable_id", "=", options.worktableId);
  if (!options.includeWithdrawn) q = q.where("i.status", "=", "visible");
  const rows = await q.orderBy("i.created_at", "desc").orderBy("i.id", "desc").execute();
  return rows.map(toBoardCapture);
}

/** Worktables of a forum with their theme and facilitators. */
export async function forumWorktables(db: DB, forumId: string) {
  const [tables, facilitators] = await Promise.all([
    db
      .selectFrom("worktables as w")
      .innerJoin("themes as t", "t.id", "w.theme_id")
      .select(["w.id", "w.number", "w.short_code", "w.theme_id", "t.name as theme_name"])
      .where("w.forum_id", "=", forumId)
      .orderBy("w.number")
      .execute(),
    db
      .selectFrom("worktable_facilitators as wf")
      .innerJoin("worktables as w", "w.id", "wf.worktable_id")
      .innerJoin("users as u", "u.id", "wf.user_id")
      .select(["wf.worktable_id", "u.id as user_id", "u.name"])
      .where("w.forum_id", "=", forumId)
      .orderBy("u.name")
      .execute(),
  ]);
  return tables.map((t) => ({ ...t, facilitators: facilitators.filter((f) => f.worktable_id === t.id).map((f) => ({ userId: f.user_id, name: f.name })) }));
}

/** People counted per forum of a consultation and in total. */
export async function attendanceCounts(db: DB, consultationId: string): Promise<{ byForum: Record<string, number>; total: number }> {
  const rows = await db
    .selectFrom("attendance as a")
    .where("a.voided_at", "is", null)
    .innerJoin("forums as f", "f.id", "a.forum_id")
    .select(["a.forum_id", sql<number>`sum(a.head_count)`.as("n")])
    .where("f.consultation_id", "=", consultationId)
    .groupBy("a.forum_id")
    .execute();
  const byForum: Record<string, number> = Object.fromEntries(rows.map((r) => [r.forum_id, Number(r.n)]));
  return { byForum, total: rows.reduce((sum, r) => sum + Number(r.n), 0) };
}

async function activeThemes(db: DB, consultationId: string) {
  return db.selectFrom("themes").select(["id", "name", "position", "archived_at"]).where("consultation_id", "=", consultationId).orderBy("position").execute();
}

export async function forumById(db: DB, forumId: string) {
  return (await db.selectFrom("forums as f").select(forumColumns).where("f.id", "=", forumId).executeTakeFirst()) ?? null;
}

/** The dashboard's forums panel: each forum with its tables, facilitators and live figures. */
export async function forumsPanel(db: DB, consultationId: string, userId: string) {
  const forums = await db.selectFrom("forums as f").select(forumColumns).where("f.consultation_id", "=", consultationId).orderBy("f.held_on").execute();
  const [tables, counts, captureCounts, candidates, themes] = await Promise.all([
    Promise.all(forums.map((f) => forumWorktables(db, f.id))),
    attendanceCounts(db, consultationId),
    db
      .selectFrom("citizen_inputs")
      .select(["forum_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("consultation_id", "=", consultationId)
      .where("channel", "=", "forum")
      .where("status", "=", "visible")
      .groupBy("forum_id")
      .execute(),
    db
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["u.id as userId", "u.name"])
      .where("m.consultation_id", "=", consultationId)
      .where("m.role", "=", "facilitator")
      .where("m.revoked_at", "is", null)
      .orderBy("u.name")
      .execute(),
    activeThemes(db, consultationId),
  ]);
  const captures: Record<string, number> = Object.fromEntries(captureCounts.map((r) => [r.forum_id ?? "", Number(r.n)]));
  return {
    forums: forums.map((f, i) => ({ ...f, worktables: tables[i], attendance: counts.byForum[f.id] ?? 0, captures: captures[f.id] ?? 0 })),
    attendanceTotal: counts.total,
    facilitatorCandidates: candidates,
    themes: themes.filter((t) => !t.archived_at).map((t) => ({ id: t.id, name: t.name })),
    myTables: forums.flatMap((f, i) =>
      tables[i]
        .filter((t) => t.facilitators.some((p) => p.userId === userId))
        .map((t) => ({
          forumId: f.id,
          department: f.department,
          municipality: f.municipality,
          number: t.number,
          shortCode: t.short_code,
          themeName: t.theme_name,
        })),
    ),
  };
}

/** The facilitator's phone screen for one worktable, found by its short code. */
export async function captureScreen(db: DB, shortCode: string) {
  const table = await db
    .selectFrom("worktables as w")
    .innerJoin("forums as f", "f.id", "w.forum_id")
    .select(["w.id", "w.number", "w.short_code", "w.theme_id", "w.forum_id"])
    .where("w.short_code", "=", shortCode)
    .executeTakeFirst();
  if (!table) return null;
  const forum = (await forumById(db, table.forum_id))!;
  const [themes, worktables, captures] = await Promise.all([
    activeThemes(db, forum.consultation_id),
    forumWorktables(db, forum.id),
    forumCaptures(db, forum.id, { worktableId: table.id }),
  ]);
  const me = worktables.find((w) => w.id === table.id)!;
  return {
    forum,
    worktable: {
      id: table.id,
      number: table.number,
      shortCode: table.short_code,
      themeId: table.theme_id,
      themeName: me.theme_name,
      facilitators: me.facilitators,
    },
    // A table keeps its theme even if archived later; other archived themes are not offered.
    themes: themes.filter((t) => !t.archived_at || t.id === table.theme_id).map((t) => ({ id: t.id, name: t.name })),
    captures,
  };
}

/** Everything a forum's boards show when they load (then events keep them current). */
export async function forumBoard(db: DB, forumId: string) {
  const forum = await forumById(db, forumId);
  if (!forum) return null;
  const [consultation, themes, worktables, captures, counts] = await Promise.all([
    db.selectFrom("consultations").select(["id", "title", "slug"]).where("id", "=", forum.consultation_id).executeTakeFirstOrThrow(),
    activeThemes(db, forum.consultation_id),
    forumWorktables(db, forumId),
    forumCaptures(db, forumId),
    attendanceCounts(db, forum.consultation_id),
  ]);
  return {
    forum,
    consultation,
    themes: themes.map((t) => ({ id: t.id, name: t.name })),
    worktables: worktables.map((w) => ({
      id: w.id,
      number: w.number,
      shortCode: w.short_code,
      themeId: w.theme_id,
      themeName: w.theme_name,
      facilitators: w.facilitators.map((f) => f.name),
    })),
    captures,
    attendance: { forum: counts.byForum[forumId] ?? 0, total: counts.total, byForum: counts.byForum },
  };
}

/** The door's view: totals and breakdowns, and the latest entries (names stay private: not shown). */
export async function forumAttendance(db: DB, forumId: string) {
  const forum = await forumById(db, forumId);
  if (!forum) return null;
  const [rows, recent, counts] = await Promise.all([
    db
      .selectFrom("attendance")
      .where("voided_at", "is", null)
      .select(["forum_id", "head_count", "sector", "gender", "age_range", "department"])
      .where("forum_id", "=", forumId)
      .execute(),
    db
      .selectFrom("attendance as a")
      .where("a.voided_at", "is", null)
      .leftJoin("users as u", "u.id", "a.recorded_by")
      .select(["a.id", "a.head_count", "a.sector", "a.gender", "a.age_range", "a.department", "a.created_at", "u.name as recorded_by_name"])
      .where("a.forum_id", "=", forumId)
      .orderBy("a.created_at", "desc")
      .limit(15)
      .execute(),
    attendanceCounts(db, forum.consultation_id),
  ]);
  return { forum, totals: attendanceTotals(rows), recent, consultationTotal: counts.total };
}

/** The printable report: place and date, attendance, tables, every visible capture by theme, and the summaries that took them up. */
export async function forumReport(db: DB, forumId: string) {
  const board = await forumBoard(db, forumId);
  if (!board) return null;
  const rows = await db
    .selectFrom("attendance")
    .where("voided_at", "is", null)
    .select(["forum_id", "head_count", "sector", "gender", "age_range", "department"])
    .where("forum_id", "=", forumId)
    .execute();
  const summaryIds = [...new Set(board.captures.map((c) => c.summaryId).filter((id): id is string => Boolean(id)))];
  const summaries = summaryIds.length
    ? await db
        .selectFrom("summaries as s")
        .where("s.deleted_at", "is", null)
        .leftJoin("summary_inputs as si", (j) => j.onRef("si.summary_id", "=", "s.id").on("si.removed_at", "is", null))
        .select(["s.id", "s.title", "s.text", "s.theme_id", (eb) => eb.fn.count<number>("si.input_id").as("inputs")])
        .where("s.id", "in", summaryIds)
        .groupBy("s.id")
        .orderBy("s.title")
        .execute()
    : [];
  return {
    ...board,
    attendanceTotals: attendanceTotals(rows),
    summaries: summaries.map((s) => ({ ...s, inputs: Number(s.inputs), fromThisForum: board.captures.filter((c) => c.summaryId === s.id).map((c) => c.id) })),
  };
}

/** Rows of the CSV export: visible captures, or every capture with its status. */
export async function forumCsvRows(db: DB, forumId: string, includeWithdrawn: boolean): Promise<CaptureExportRow[] | null> {
  const forum = await forumById(db, forumId);
  if (!forum) return null;
  let q = db
    .selectFrom("citizen_inputs as i")
    .innerJoin("worktables as w", "w.id", "i.worktable_id")
    .leftJoin("themes as t", "t.id", "i.theme_id")
    .leftJoin("users as u", "u.id", "i.captured_by")
    .leftJoin("summary_inputs as si", (j) => j.onRef("si.input_id", "=", "i.id").on("si.removed_at", "is", null))
    .leftJoin("summaries as s", "s.id", "si.summary_id")
    .select([
      "i.id",
      "w.number",
      "t.name as theme_name",
      "i.text",
      "i.speaker_sector",
      "i.tags",
      "i.status",
      "u.name as captured_by_name",
      "i.captured_at",
      "i.created_at",
      "i.updated_at",
      "s.id as summary_id",
      "s.title as summary_title",
    ])
    .where("i.forum_id", "=", forumId)
    .where("i.channel", "=", "forum");
  if (!includeWithdrawn) q = q.where("i.status", "=", "visible");
  const rows = await q.orderBy("w.number").orderBy("i.created_at").execute();
  return rows.map((r) => ({
    id: r.id,
    department: forum.department,
    municipality: forum.municipality,
    heldOn: forum.held_on,
    tableNumber: r.number,
    themeName: r.theme_name,
    text: r.text,
    speakerSector: r.speaker_sector,
    tags: parseTags(r.tags),
    status: r.status,
    capturedByName: r.captured_by_name,
    capturedAt: r.captured_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    summaryId: r.summary_id,
    summaryTitle: r.summary_title,
  }));
}
