// Read model of the systematization tool: a theme's citizen input from every channel, with the summary
// that took each one up, and the theme's summaries with their source inputs (lineage both ways).
import { coverage } from "../../app/domain/lineage";
import type { DB } from "../connection.server";

export interface SystematizationFilters {
  themeId?: string | null;
  channel?: "forum" | "online" | null;
  forumId?: string | null;
  onlyFree?: boolean;
  /** The summary being edited: its own inputs are listed even when "only free" is on. */
  summaryId?: string | null;
}

export async function systematization(db: DB, consultationId: string, filters: SystematizationFilters) {
  const [consultation, themes, forums] = await Promise.all([
    db.selectFrom("consultations").select(["id", "title", "slug"]).where("id", "=", consultationId).executeTakeFirst(),
    db.selectFrom("themes").select(["id", "name"]).where("consultation_id", "=", consultationId).where("archived_at", "is", null).orderBy("position").execute(),
    db.selectFrom("forums").select(["id", "department", "municipality", "held_on"]).where("consultation_id", "=", consultationId).orderBy("held_on").execute(),
  ]);
  if (!consultation) return null;
  const theme = themes.find((t) => t.id === filters.themeId) ?? themes[0] ?? null;
  if (!theme) return { consultation, themes, forums, theme: null, inputs: [], summaries: [], coverage: coverage([]), editing: null };

  // Input of this theme, plus opinions without a theme (methodology, axes), which may go into any theme.
  const all = await db
    .selectFrom("citizen_inputs as i")
    .leftJoin("worktables as w", "w.id", "i.worktable_id")
    .leftJoin("forums as f", "f.id", "i.forum_id")
    .leftJoin("summary_inputs as si", (j) => j.onRef("si.input_id", "=", "i.id").on("si.removed_at", "is", null))
    .leftJoin("summaries as s", "s.id", "si.summary_id")
    .select([
      "i.id",
      "i.channel",
      "i.subject",
      "i.axis",
      "i.theme_id",
      "i.text",
      "i.status",
      "i.department",
      "i.sector",
      "i.speaker_sector",
      "i.tags",
      "i.created_at",
      "i.forum_id",
      "w.number as table_number",
      "f.department as forum_department",
      "f.municipality as forum_municipality",
      "si.summary_id",
      "s.title as summary_title",
    ])
    .where("i.consultation_id", "=", consultationId)
    .where((eb) => eb.or([eb("i.theme_id", "=", theme.id), eb("i.theme_id", "is", null)]))
    .orderBy("i.created_at", "desc")
    .execute();

  const editing = filters.summaryId
    ? ((await db
        .selectFrom("summaries")
        .where("deleted_at", "is", null)
        .selectAll()
        .where("id", "=", filters.summaryId)
        .where("consultation_id", "=", consultationId)
        .executeTakeFirst()) ?? null)
    : null;
  const inputs = all.filter(
    (i) =>
      i.status === "visible" &&
      (!filters.channel || i.channel === filters.channel) &&
      (!filters.forumId || i.forum_id === filters.forumId) &&
      (!filters.onlyFree || !i.summary_id || (editing && i.summary_id === editing.id)),
  );

  const summaries = await db
    .selectFrom("summaries as s")
    .where("s.deleted_at", "is", null)
    .leftJoin("users as u", "u.id", "s.created_by")
    .select(["s.id", "s.title", "s.text", "s.created_at", "s.updated_at", "u.name as created_by_name"])
    .where("s.consultation_id", "=", consultationId)
    .where("s.theme_id", "=", theme.id)
    .orderBy("s.created_at", "desc")
    .execute();
  const sources = summaries.length
    ? await db
        .selectFrom("summary_inputs as si")
        .where("si.removed_at", "is", null)
        .innerJoin("citizen_inputs as i", "i.id", "si.input_id")
        .leftJoin("worktables as w", "w.id", "i.worktable_id")
        .leftJoin("forums as f", "f.id", "i.forum_id")
        .select([
          "si.summary_id",
          "i.id",
          "i.channel",
          "i.text",
          "i.status",
          "w.number as table_number",
          "f.department as forum_department",
          "f.municipality as forum_municipality",
        ])
        .where(
          "si.summary_id",
          "in",
          summaries.map((s) => s.id),
        )
        .orderBy("i.created_at")
        .execute()
    : [];

  return {
    consultation,
    themes,
    forums,
    theme,
    inputs,
    summaries: summaries.map((s) => ({ ...s, sources: sources.filter((r) => r.summary_id === s.id) })),
    coverage: coverage(all.filter((i) => i.theme_id === theme.id).map((i) => ({ channel: i.channel, status: i.status, summaryId: i.summary_id }))),
    editing: editing
      ? { id: editing.id, title: editing.title, text: editing.text, inputIds: sources.filter((r) => r.summary_id === editing.id).map((r) => r.id) }
      : null,
  };
}
