import { randomUUID } from "node:crypto";
import { forumTransition } from "../../app/domain/forum";
import { FORUM_EVENTS, forumRoom, type ForumStatusChanged } from "../../app/domain/forum-events";
import { createForumSchema, forumRefSchema, updateForumSchema } from "../../app/domain/schemas/forum";
import { CommandError } from "./errors";
import { forumLabel, forumRow } from "./forum-lookup.server";
import { announceChange, consultationOfForum, requireConsultation } from "./lookup.server";
import { defineCommand, type CommandContext, type Trx } from "./types";

const pointOfContact = { roles: ["point_of_contact"] } as const;

export const createForum = defineCommand({
  type: "forum.create",
  summary: "Schedule a departmental forum (department, municipality, venue, date, expected attendance).",
  schema: createForumSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => requireConsultation(trx, p.consultationId),
  async handle(trx, p, ctx) {
    const id = randomUUID();
    await trx
      .insertInto("forums")
      .values({
        id,
        consultation_id: p.consultationId,
        department: p.department,
        municipality: p.municipality,
        venue: p.venue,
        held_on: p.heldOn,
        expected_attendance: p.expectedAttendance,
        status: "pending",
        created_at: ctx.now,
      })
      .execute();
    announceChange(ctx, p.consultationId);
    return { forumId: id };
  },
});

export const updateForum = defineCommand({
  type: "forum.update",
  summary: "Change a forum's place, date or expected attendance.",
  schema: updateForumSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfForum(trx, p.forumId),
  async handle(trx, p, ctx) {
    await trx
      .updateTable("forums")
      .set({ department: p.department, municipality: p.municipality, venue: p.venue, held_on: p.heldOn, expected_attendance: p.expectedAttendance })
      .where("id", "=", p.forumId)
      .execute();
    announceChange(ctx, ctx.consultationId!);
    return { forumId: p.forumId };
  },
});

/** Opening a forum lets its facilitators capture; closing stops new input (queued captures may still sync). */
async function transitionForum(trx: Trx, forumId: string, ctx: CommandContext, to: "open" | "closed") {
  const forum = await forumRow(trx, forumId);
  const decision = forumTransition(forum.status, to);
  if (!decision.ok) throw new CommandError("conflict", `forum.error.${decision.reason}`, { forum: forumLabel(forum) });
  await trx
    .updateTable("forums")
    .set(to === "open" ? { status: "open", opened_at: ctx.now, closed_at: null } : { status: "closed", closed_at: ctx.now })
    .where("id", "=", forumId)
    .execute();
  const event: ForumStatusChanged = { forumId, status: decision.status, at: ctx.now };
  ctx.broadcasts.push({ room: forumRoom(forumId), event: FORUM_EVENTS.statusChanged, data: event });
  announceChange(ctx, forum.consultation_id);
  return { forumId, status: decision.status };
}

export const openForum = defineCommand({
  type: "forum.open",
  summary: "Open a forum: its facilitators can capture citizen input. A closed forum may be reopened.",
  schema: forumRefSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfForum(trx, p.forumId),
  handle: (trx, p, ctx) => transitionForum(trx, p.forumId, ctx, "open"),
});

export const closeForum = defineCommand({
  type: "forum.close",
  summary: "Close a forum: no new captures (a phone's queued captures made before closing still sync).",
  schema: forumRefSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfForum(trx, p.forumId),
  handle: (trx, p, ctx) => transitionForum(trx, p.forumId, ctx, "closed"),
});
