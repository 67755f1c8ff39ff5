import { randomUUID } from "node:crypto";
import { createForumSchema, updateForumSchema } from "../../app/domain/schemas/forum";
import { announceChange, consultationOfForum, requireConsultation } from "./lookup.server";
import { defineCommand } from "./types";

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
        id, consultation_id: p.consultationId, department: p.department, municipality: p.municipality, venue: p.venue,
        held_on: p.heldOn, expected_attendance: p.expectedAttendance, status: "pending", created_at: ctx.now,
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
