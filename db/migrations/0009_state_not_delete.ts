// Nothing is deleted (decision 0001): a deleted summary keeps its row with `deleted_at`, a link a summary lets go
// keeps its row with `removed_at` (so an input's lineage can always be rebuilt), and an attendance entry undone
// at the door keeps its row with `voided_at` (so the forum's counts can always be rebuilt).
// summary_inputs is rebuilt: its primary key (summary, input) and its one-summary-per-input index allowed one row
// per pair for ever; now a pair may be linked, let go and linked again, and only the live link is unique per input.
import { sql, type Kysely } from "kysely";
import { serialKey } from "./portable";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("summaries").addColumn("deleted_at", "text").execute();
  await db.schema.alterTable("summaries").addColumn("deleted_by", "text").execute();
  await db.schema.alterTable("attendance").addColumn("voided_at", "text").execute();
  await db.schema.alterTable("attendance").addColumn("voided_by", "text").execute();

  await db.schema
    .createTable("summary_inputs_0009")
    .addColumn("id", "integer", serialKey(db))
    .addColumn("summary_id", "text", (c) => c.notNull().references("summaries.id"))
    .addColumn("input_id", "text", (c) => c.notNull().references("citizen_inputs.id"))
    .addColumn("linked_at", "text")
    .addColumn("removed_at", "text")
    .execute();
  await sql`insert into summary_inputs_0009 (summary_id, input_id) select summary_id, input_id from summary_inputs`.execute(db);
  await db.schema.dropTable("summary_inputs").execute();
  await db.schema.alterTable("summary_inputs_0009").renameTo("summary_inputs").execute();
  await db.schema.createIndex("summary_inputs_by_input").on("summary_inputs").column("input_id").execute();
  await db.schema.createIndex("lineage_summary_inputs_by_summary").on("summary_inputs").column("summary_id").execute();
  await db.schema
    .createIndex("summary_inputs_one_live_per_input")
    .on("summary_inputs")
    .column("input_id")
    .unique()
    .where(sql.ref("removed_at"), "is", null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("summary_inputs_0001")
    .addColumn("summary_id", "text", (c) => c.notNull().references("summaries.id"))
    .addColumn("input_id", "text", (c) => c.notNull().references("citizen_inputs.id"))
    .addPrimaryKeyConstraint("summary_inputs_pk", ["summary_id", "input_id"])
    .execute();
  await sql`insert into summary_inputs_0001 (summary_id, input_id) select summary_id, input_id from summary_inputs where removed_at is null`.execute(db);
  await db.schema.dropTable("summary_inputs").execute();
  await db.schema.alterTable("summary_inputs_0001").renameTo("summary_inputs").execute();
  await db.schema.createIndex("summary_inputs_by_input").on("summary_inputs").column("input_id").execute();
  await db.schema.createIndex("summary_inputs_one_per_input").on("summary_inputs").column("input_id").unique().execute();
  await db.schema.createIndex("lineage_summary_inputs_by_summary").on("summary_inputs").column("summary_id").execute();
  for (const [table, columns] of [
    ["attendance", ["voided_by", "voided_at"]],
    ["summaries", ["deleted_by", "deleted_at"]],
  ] as const) {
    for (const column of columns) await db.schema.alterTable(table).dropColumn(column).execute();
  }
}
