// Attendance at the door of a forum: people registered one by one (optional details), or a plain head count.
import { randomUUID } from "node:crypto";
import { FORUM_EVENTS, type AttendanceChanged } from "../../app/domain/forum-events";
import { addHeadCountSchema, attendanceRefSchema, registerAttendeeSchema } from "../../app/domain/schemas/forum";
import { attendanceCounts, consultationOfAttendance, forumNotOpen, forumRoomsOf, forumRow } from "./forum-lookup.server";
import { announceParticipation, consultationOfForum } from "./lookup.server";
import { defineCommand, type CommandContext, type Trx } from "./types";

/** Whoever works the door: the point of contact or a facilitator. */
const doorStaff = { roles: ["point_of_contact", "facilitator"] } as const;

/** The door is open before and during the forum; a closed forum's count is final. */
async function requireDoorOpen(trx: Trx, forumId: string) {
  const forum = await forumRow(trx, forumId);
  if (forum.status === "closed") throw forumNotOpen(forum, "forum_closed");
  return forum;
}

async function announceAttendance(trx: Trx, ctx: CommandContext, forumId: string): Promise<AttendanceChanged> {
  const consultationId = ctx.consultationId!;
  const counts = await attendanceCounts(trx, consultationId);
  const event: AttendanceChanged = { consultationId, forumId, ...counts };
  for (const room of await forumRoomsOf(trx, consultationId)) ctx.broadcasts.push({ room, event: FORUM_EVENTS.attendanceChanged, data: event });
  announceParticipation(ctx, consultationId);
  return event;
}

function recordedBy(ctx: CommandContext): string | null {
  return ctx.actor.kind === "user" ? ctx.actor.userId : null;
}

export const registerAttendee = defineCommand({
  type: "attendance.register",
  summary: "Register one attendee at a forum's door: sector, gender, age range, department (all optional); a name only if given.",
  schema: registerAttendeeSchema,
  access: doorStaff,
  consultationOf: (trx, p) => consultationOfForum(trx, p.forumId),
  async handle(trx, p, ctx) {
    await requireDoorOpen(trx, p.forumId);
    const id = randomUUID();
    await trx
      .insertInto("attendance")
      .values({
        id,
        forum_id: p.forumId,
        head_count: 1,
        sector: p.sector ?? null,
        gender: p.gender ?? null,
        age_range: p.ageRange ?? null,
        department: p.department ?? null,
        name: p.name ?? null,
        recorded_by: recordedBy(ctx),
        created_at: ctx.now,
      })
      .execute();
    const counts = await announceAttendance(trx, ctx, p.forumId);
    return { attendanceId: id, forumCount: counts.byForum[p.forumId] ?? 0, total: counts.total };
  },
  // The name is private: it stays in the table, not in the audit log.
  redact: (p) => ({ ...p, name: p.name ? "[redacted]" : p.name }),
});

export const addHeadCount = defineCommand({
  type: "attendance.count",
  summary: "Add people to a forum's head count without details (a full room, a group arriving together).",
  schema: addHeadCountSchema,
  access: doorStaff,
  consultationOf: (trx, p) => consultationOfForum(trx, p.forumId),
  async handle(trx, p, ctx) {
    await requireDoorOpen(trx, p.forumId);
    const id = randomUUID();
    await trx
      .insertInto("attendance")
      .values({
        id,
        forum_id: p.forumId,
        head_count: p.count,
        sector: null,
        gender: null,
        age_range: null,
        department: null,
        name: null,
        recorded_by: recordedBy(ctx),
        created_at: ctx.now,
      })
      .execute();
    const counts = await announceAttendance(trx, ctx, p.forumId);
    return { attendanceId: id, forumCount: counts.byForum[p.forumId] ?? 0, total: counts.total };
  },
});

export const removeAttendance = defineCommand({
  type: "attendance.remove",
  summary: "Undo an attendance entry recorded by mistake (the entry is kept, voided, and leaves the counts).",
  schema: attendanceRefSchema,
  access: doorStaff,
  consultationOf: (trx, p) => consultationOfAttendance(trx, p.attendanceId),
  async handle(trx, p, ctx) {
    const entry = await trx.selectFrom("attendance").select(["forum_id", "head_count"]).where("id", "=", p.attendanceId).executeTakeFirstOrThrow();
    await requireDoorOpen(trx, entry.forum_id);
    // The entry keeps its row, voided (decision 0001), so the forum's counts can be rebuilt at any moment.
    await trx
      .updateTable("attendance")
      .set({ voided_at: ctx.now, voided_by: ctx.actor.kind === "user" ? ctx.actor.userId : null })
      .where("id", "=", p.attendanceId)
      .execute();
    const counts = await announceAttendance(trx, ctx, entry.forum_id);
    return { attendanceId: p.attendanceId, headCount: entry.head_count, forumCount: counts.byForum[entry.forum_id] ?? 0, total: counts.total };
  },
});
