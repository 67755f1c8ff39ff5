// Reads the forum commands share: resolve references (404 for unknown ones), check the forum's state,
// and build the capture as boards show it.
import { sql } from "kysely";
import type { BoardCapture } from "../../app/domain/forum-board";
import { boardCaptureQuery, toBoardCapture } from "../../db/queries/forums.server";
import { forumRoom } from "../../app/domain/forum-events";
import { CommandError, forbidden, notFound } from "./errors";
import type { CommandContext, Trx } from "./types";

export async function forumRow(trx: Trx, forumId: string) {
  const row = await trx.selectFrom("forums").selectAll().where("id", "=", forumId).executeTakeFirst();
  if (!row) throw notFound("forum");
  return row;
}

/** A worktable with its forum (status, place) and consultation. */
export async function worktableRow(trx: Trx, worktableId: string) {
  const row = await trx
    .selectFrom("worktables as w")
    .innerJoin("forums as f", "f.id", "w.forum_id")
    .select([
      "w.id",
      "w.forum_id",
      "w.theme_id",
      "w.number",
      "w.short_code",
      "f.consultation_id",
      "f.status as forum_status",
      "f.closed_at as forum_closed_at",
      "f.department",
      "f.municipality",
    ])
    .where("w.id", "=", worktableId)
    .executeTakeFirst();
  if (!row) throw notFound("worktable");
  return row;
}

export async function consultationOfWorktable(trx: Trx, worktableId: string): Promise<string> {
  return (await worktableRow(trx, worktableId)).consultation_id;
}

export async function consultationOfInput(trx: Trx, inputId: string): Promise<string> {
  const row = await trx.selectFrom("citizen_inputs").select("consultation_id").where("id", "=", inputId).executeTakeFirst();
  if (!row) throw notFound("input");
  return row.consultation_id;
}

export async function consultationOfSummary(trx: Trx, summaryId: string): Promise<string> {
  const row = await trx.selectFrom("summaries").select("consultation_id").where("id", "=", summaryId).where("deleted_at", "is", null).executeTakeFirst();
  if (!row) throw notFound("summary");
  return row.consultation_id;
}

export async function consultationOfAttendance(trx: Trx, attendanceId: string): Promise<string> {
  const row = await trx
    .selectFrom("attendance as a")
    .innerJoin("forums as f", "f.id", "a.forum_id")
    .select("f.consultation_id")
    .where("a.id", "=", attendanceId)
    .where("a.voided_at", "is", null)
    .executeTakeFirst();
  if (!row) throw notFound("attendance");
  return row.consultation_id;
}

/** A theme of this consultation that takes new input (not archived); 404 otherwise. */
export async function requireActiveTheme(trx: Trx, consultationId: string, themeId: string) {
  const theme = await trx
    .selectFrom("themes")
    .select(["id", "name", "archived_at"])
    .where("id", "=", themeId)
    .where("consultation_id", "=", consultationId)
    .executeTakeFirst();
  if (!theme) throw notFound("theme");
  if (theme.archived_at) throw new CommandError("conflict", "forum.error.theme_archived", { theme: theme.name });
  return theme;
}

export function forumLabel(f: { department: string; municipality: string }): string {
  return f.department === f.municipality ? f.department : `${f.municipality}, ${f.department}`;
}

/** 409 saying the forum is not open (pending or closed), in the reader's language. */
export function forumNotOpen(forum: { department: string; municipality: string }, reason: "forum_pending" | "forum_closed"): CommandError {
  return new CommandError("stage_closed", reason === "forum_pending" ? "forum.error.pending" : "forum.error.closed", { forum: forumLabel(forum) });
}

/** Only the facilitators assigned to a worktable capture there (403 for anyone else, admins included). */
export async function requireAssigned(trx: Trx, worktableId: string, ctx: CommandContext): Promise<string> {
  if (ctx.actor.kind !== "user") throw forbidden();
  const row = await trx
    .selectFrom("worktable_facilitators")
    .select("user_id")
    .where("worktable_id", "=", worktableId)
    .where("user_id", "=", ctx.actor.userId)
    .executeTakeFirst();
  if (!row) throw forbidden();
  return ctx.actor.userId;
}

/** Captures as boards show them (one query for one or many). */
export async function captureViews(trx: Trx, inputIds: readonly string[]): Promise<BoardCapture[]> {
  if (inputIds.length === 0) return [];
  const rows = await boardCaptureQuery(trx).where("i.id", "in", inputIds).execute();
  return rows.map(toBoardCapture);
}

/** Tells every forum room of the consultation (boards show the overall attendance too). */
export async function forumRoomsOf(trx: Trx, consultationId: string): Promise<string[]> {
  const forums = await trx.selectFrom("forums").select("id").where("consultation_id", "=", consultationId).execute();
  return forums.map((f) => forumRoom(f.id));
}

/** People counted per forum of a consultation (sums of head counts). */
export async function attendanceCounts(trx: Trx, consultationId: string): Promise<{ byForum: Record<string, number>; total: number }> {
  const rows = await trx
    .selectFrom("attendance as a")
    .innerJoin("forums as f", "f.id", "a.forum_id")
    .select(["a.forum_id", sql<number>`sum(a.head_count)`.as("n")])
    .where("f.consultation_id", "=", consultationId)
    .where("a.voided_at", "is", null)
    .groupBy("a.forum_id")
    .execute();
  const byForum: Record<string, number> = {};
  let total = 0;
  for (const r of rows) {
    byForum[r.forum_id] = Number(r.n);
    total += Number(r.n);
  }
  return { byForum, total };
}
