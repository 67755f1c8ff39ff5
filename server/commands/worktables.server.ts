// Worktables of a forum: a theme, a number, a short code for the facilitators' link and QR, and the
// facilitators assigned to it (two per table is the methodology's norm).
import { randomInt, randomUUID } from "node:crypto";
import { makeShortCode } from "../../app/domain/forum";
import { FORUM_EVENTS, forumRoom } from "../../app/domain/forum-events";
import { assignFacilitatorSchema, createWorktableSchema, updateWorktableSchema, worktableRefSchema } from "../../app/domain/schemas/forum";
import { rolesOf } from "../../db/queries/admin.server";
import { CommandError, conflict } from "./errors";
import { consultationOfWorktable, forumRow, requireActiveTheme, worktableRow } from "./forum-lookup.server";
import { announceChange, consultationOfForum } from "./lookup.server";
import { defineCommand, type CommandContext } from "./types";

const pointOfContact = { roles: ["point_of_contact"] } as const;

function worktablesChanged(ctx: CommandContext, forumId: string) {
  ctx.broadcasts.push({ room: forumRoom(forumId), event: FORUM_EVENTS.worktablesChanged, data: { forumId } });
  announceChange(ctx, ctx.consultationId!, "staff");
}

export const createWorktable = defineCommand({
  type: "worktable.create",
  summary: "Add a worktable to a forum, on one theme; it gets the next number and a short code for its link.",
  schema: createWorktableSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfForum(trx, p.forumId),
  async handle(trx, p, ctx) {
    const forum = await forumRow(trx, p.forumId);
    await requireActiveTheme(trx, forum.consultation_id, p.themeId);
    const last = await trx
      .selectFrom("worktables")
      .select((eb) => eb.fn.max("number").as("max"))
      .where("forum_id", "=", p.forumId)
      .executeTakeFirst();
    const number = Number(last?.max ?? 0) + 1;
    // 31^6 ≈ 887 million codes: a collision is rare, and checked.
    let shortCode = makeShortCode(randomInt);
    for (let tries = 0; await trx.selectFrom("worktables").select("id").where("short_code", "=", shortCode).executeTakeFirst(); tries++) {
      if (tries > 20) throw new Error("could not find a free worktable short code");
      shortCode = makeShortCode(randomInt);
    }
    const id = randomUUID();
    await trx.insertInto("worktables").values({ id, forum_id: p.forumId, theme_id: p.themeId, number, short_code: shortCode }).execute();
    worktablesChanged(ctx, p.forumId);
    return { worktableId: id, number, shortCode };
  },
});

export const updateWorktable = defineCommand({
  type: "worktable.update",
  summary: "Change a worktable's theme (captures already made keep theirs).",
  schema: updateWorktableSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfWorktable(trx, p.worktableId),
  async handle(trx, p, ctx) {
    const table = await worktableRow(trx, p.worktableId);
    await requireActiveTheme(trx, table.consultation_id, p.themeId);
    await trx.updateTable("worktables").set({ theme_id: p.themeId }).where("id", "=", p.worktableId).execute();
    worktablesChanged(ctx, table.forum_id);
    return { worktableId: p.worktableId };
  },
});

export const removeWorktable = defineCommand({
  type: "worktable.remove",
  summary: "Remove a worktable set up by mistake; refused once it has captures.",
  schema: worktableRefSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfWorktable(trx, p.worktableId),
  async handle(trx, p, ctx) {
    const table = await worktableRow(trx, p.worktableId);
    const used = await trx.selectFrom("citizen_inputs").select("id").where("worktable_id", "=", p.worktableId).executeTakeFirst();
    if (used) throw conflict("forum.error.worktable_has_captures", { number: table.number });
    await trx.deleteFrom("worktable_facilitators").where("worktable_id", "=", p.worktableId).execute();
    await trx.deleteFrom("worktables").where("id", "=", p.worktableId).execute();
    worktablesChanged(ctx, table.forum_id);
    return { worktableId: p.worktableId };
  },
});

export const assignFacilitator = defineCommand({
  type: "worktable.assign",
  summary: "Assign a facilitator (a person holding the facilitator role) to a worktable.",
  schema: assignFacilitatorSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfWorktable(trx, p.worktableId),
  async handle(trx, p, ctx) {
    const table = await worktableRow(trx, p.worktableId);
    const user = await trx.selectFrom("users").select(["id", "name"]).where("id", "=", p.userId).executeTakeFirst();
    if (!user) throw new CommandError("not_found", "error.not_found", { what: "user" });
    if (!(await rolesOf(trx, p.userId, table.consultation_id)).includes("facilitator")) throw conflict("forum.error.not_facilitator", { name: user.name });
    const held = await trx
      .selectFrom("worktable_facilitators")
      .select("user_id")
      .where("worktable_id", "=", p.worktableId)
      .where("user_id", "=", p.userId)
      .executeTakeFirst();
    if (held) throw conflict("forum.error.already_assigned", { name: user.name, number: table.number });
    await trx.insertInto("worktable_facilitators").values({ worktable_id: p.worktableId, user_id: p.userId }).execute();
    worktablesChanged(ctx, table.forum_id);
    return { worktableId: p.worktableId, userId: p.userId };
  },
});

export const unassignFacilitator = defineCommand({
  type: "worktable.unassign",
  summary: "Take a facilitator off a worktable (their captures stay).",
  schema: assignFacilitatorSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfWorktable(trx, p.worktableId),
  async handle(trx, p, ctx) {
    const table = await worktableRow(trx, p.worktableId);
    const removed = await trx.deleteFrom("worktable_facilitators").where("worktable_id", "=", p.worktableId).where("user_id", "=", p.userId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw conflict("forum.error.not_assigned", { number: table.number });
    worktablesChanged(ctx, table.forum_id);
    return { worktableId: p.worktableId, userId: p.userId };
  },
});
