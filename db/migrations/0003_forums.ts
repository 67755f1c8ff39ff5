// Departmental forums (issue 4): when a forum opened and closed, when a capture was made on the device
// (it may sync later), and the constraints that keep worktables and summary lineage consistent.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("forums").addColumn("opened_at", "text").execute();
  await db.schema.alterTable("forums").addColumn("closed_at", "text").execute();
  // The facilitator's clock at capture time; created_at stays the server's time of arrival.
  await db.schema.alterTable("citizen_inputs").addColumn("captured_at", "text").execute();

  await db.schema.createIndex("inputs_by_forum").on("citizen_inputs").columns(["forum_id", "created_at"]).execute();
  await db.schema.createIndex("attendance_by_forum").on("attendance").column("forum_id").execute();
  await db.schema.createIndex("worktables_number_per_forum").on("worktables").columns(["forum_id", "number"]).unique().execute();
  await db.schema.createIndex("facilitators_by_user").on("worktable_facilitators").column("user_id").execute();
  await db.schema.createIndex("summaries_by_theme").on("summaries").columns(["consultation_id", "theme_id"]).execute();
  // An input is taken up by at most one summary, so "which summary took it up" has one answer.
  await db.schema.createIndex("summary_inputs_one_per_input").on("summary_inputs").column("input_id").unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    "summary_inputs_one_per_input",
    "summaries_by_theme",
    "facilitators_by_user",
    "worktables_number_per_forum",
    "attendance_by_forum",
    "inputs_by_forum",
  ]) {
    await db.schema.dropIndex(name).execute();
  }
  await db.schema.alterTable("citizen_inputs").dropColumn("captured_at").execute();
  await db.schema.alterTable("forums").dropColumn("closed_at").execute();
  await db.schema.alterTable("forums").dropColumn("opened_at").execute();
}
