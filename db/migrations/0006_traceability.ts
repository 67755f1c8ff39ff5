// Traceability (issue 10): snapshots of the funnel taken when a stage, a technical-roundtable session or a thematic
// table's last round closes (with the ids behind every figure, so a published figure can be reproduced later), and
// the point of contact's written responses to each summary and proposal (append-only: a new one supersedes the
// previous one, whose text stays readable).
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  const text = "text" as const;
  await db.schema
    .createTable("funnel_snapshots")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("consultation_id", text, (c) => c.notNull().references("consultations.id"))
    .addColumn("stage_id", text) // the stage closed (stage.close), else null
    .addColumn("round_id", text) // the session or round closed, else null
    .addColumn("command_type", text, (c) => c.notNull())
    .addColumn("command_id", text, (c) => c.notNull())
    .addColumn("taken_at", text, (c) => c.notNull())
    // JSON { total: { stage: ids[] }, byTheme: { themeId: { stage: ids[] } } } — the figure is the length of each list.
    .addColumn("counts", text, (c) => c.notNull())
    // The audit_events seq of the last event before the snapshot: commands after it are "since the snapshot".
    .addColumn("audit_seq", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("funnel_snapshots_by_consultation").on("funnel_snapshots").columns(["consultation_id", "taken_at"]).execute();

  await db.schema
    .createTable("written_responses")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("consultation_id", text, (c) => c.notNull().references("consultations.id"))
    .addColumn("summary_id", text)
    .addColumn("proposal_id", text)
    .addColumn("text", text, (c) => c.notNull())
    .addColumn("written_by", text)
    .addColumn("written_at", text, (c) => c.notNull())
    .addColumn("superseded_at", text)
    .execute();
  await sql`CREATE INDEX written_responses_current ON written_responses (consultation_id) WHERE superseded_at IS NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX written_responses_one_per_summary ON written_responses (summary_id) WHERE superseded_at IS NULL AND summary_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX written_responses_one_per_proposal ON written_responses (proposal_id) WHERE superseded_at IS NULL AND proposal_id IS NOT NULL`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("written_responses").execute();
  await db.schema.dropTable("funnel_snapshots").execute();
}
