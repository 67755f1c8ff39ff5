import { randomUUID } from "node:crypto";
import { reorder } from "../../app/domain/phases";
import { createThemeSchema, moveThemeSchema, themeRefSchema, updateThemeSchema } from "../../app/domain/schemas/theme";
import { conflict } from "./errors";
import { announceChange, consultationOfTheme, nextPosition, requireConsultation } from "./lookup.server";
import { defineCommand, type CommandContext, type Trx } from "./types";

const pointOfContact = { roles: ["point_of_contact"] } as const;

export const createTheme = defineCommand({
  type: "theme.create",
  summary: "Add a theme (eje / mesa temática) to a consultation.",
  schema: createThemeSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => requireConsultation(trx, p.consultationId),
  async handle(trx, p, ctx) {
    const position = await nextPosition(trx, "themes", p.consultationId);
    const id = randomUUID();
    await trx
      .insertInto("themes")
      .values({ id, consultation_id: p.consultationId, name: p.name, description: p.description, position, archived_at: null })
      .execute();
    announceChange(ctx, p.consultationId);
    return { themeId: id };
  },
});

export const updateTheme = defineCommand({
  type: "theme.update",
  summary: "Rename a theme or change its description.",
  schema: updateThemeSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfTheme(trx, p.themeId),
  async handle(trx, p, ctx) {
    await trx.updateTable("themes").set({ name: p.name, description: p.description }).where("id", "=", p.themeId).execute();
    announceChange(ctx, ctx.consultationId!);
    return { themeId: p.themeId };
  },
});

export const moveTheme = defineCommand({
  type: "theme.move",
  summary: "Move a theme to another position.",
  schema: moveThemeSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfTheme(trx, p.themeId),
  async handle(trx, p, ctx) {
    const themes = await trx.selectFrom("themes").select(["id", "position"]).where("consultation_id", "=", ctx.consultationId!).execute();
    for (const t of reorder(themes, p.themeId, p.position)) {
      await trx.updateTable("themes").set({ position: t.position }).where("id", "=", t.id).execute();
    }
    announceChange(ctx, ctx.consultationId!);
    return { themeId: p.themeId };
  },
});

/** Themes are archived, never deleted: inputs and proposals keep pointing at them. */
async function setArchived(trx: Trx, themeId: string, ctx: CommandContext, archived: boolean) {
  const theme = await trx.selectFrom("themes").select(["archived_at", "name"]).where("id", "=", themeId).executeTakeFirstOrThrow();
  if (Boolean(theme.archived_at) === archived) {
    throw conflict(archived ? "error.theme_already_archived" : "error.theme_not_archived", { theme: theme.name });
  }
  await trx
    .updateTable("themes")
    .set({ archived_at: archived ? ctx.now : null })
    .where("id", "=", themeId)
    .execute();
  announceChange(ctx, ctx.consultationId!);
  return { themeId };
}

export const archiveTheme = defineCommand({
  type: "theme.archive",
  summary: "Archive a theme: hidden from new input, kept for history.",
  schema: themeRefSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfTheme(trx, p.themeId),
  handle: (trx, p, ctx) => setArchived(trx, p.themeId, ctx, true),
});

export const restoreTheme = defineCommand({
  type: "theme.restore",
  summary: "Bring an archived theme back.",
  schema: themeRefSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfTheme(trx, p.themeId),
  handle: (trx, p, ctx) => setArchived(trx, p.themeId, ctx, false),
});
