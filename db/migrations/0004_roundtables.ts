// Thematic roundtables (issue 5): when rounds opened and closed, who undid an operation, one thematic roundtable
// per theme, and the indexes the live session and the lineage walk need.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("rounds").addColumn("opened_at", "text").execute();
  await db.schema.alterTable("rounds").addColumn("closed_at", "text").execute();
  await db.schema.alterTable("proposal_operations").addColumn("undone_by", "text").execute();

  await sql`CREATE UNIQUE INDEX roundtables_one_thematic_per_theme ON roundtables (consultation_id, theme_id) WHERE kind = 'thematic'`.execute(db);
  await db.schema.createIndex("rounds_by_roundtable").on("rounds").columns(["roundtable_id", "number"]).unique().execute();
  await db.schema.createIndex("round_attendance_once").on("round_attendance").columns(["round_id", "organization_id"]).unique().execute();
  await db.schema.createIndex("proposals_by_roundtable").on("proposals").columns(["roundtable_id", "state"]).execute();
  await db.schema.createIndex("milestones_by_proposal").on("milestones").columns(["proposal_id", "position"]).execute();
  await db.schema.createIndex("stage_history_by_proposal").on("proposal_stage_history").columns(["proposal_id", "stage"]).execute();
  await db.schema.createIndex("operations_by_round").on("proposal_operations").columns(["round_id", "created_at"]).execute();
  await db.schema.createIndex("responses_by_proposal").on("proposal_responses").column("proposal_id").execute();
  // The lineage walk goes from a summary to its inputs.
  await db.schema.createIndex("lineage_summary_inputs_by_summary").on("summary_inputs").column("summary_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    "lineage_summary_inputs_by_summary",
    "responses_by_proposal",
    "operations_by_round",
    "stage_history_by_proposal",
    "milestones_by_proposal",
    "proposals_by_roundtable",
    "round_attendance_once",
    "rounds_by_roundtable",
    "roundtables_one_thematic_per_theme",
  ]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
  await db.schema.alterTable("proposal_operations").dropColumn("undone_by").execute();
  await db.schema.alterTable("rounds").dropColumn("closed_at").execute();
  await db.schema.alterTable("rounds").dropColumn("opened_at").execute();
}
