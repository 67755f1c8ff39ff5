// Online opinion intake: a fingerprint of (consultation, client, normalized text) for the "same text, same
// client, few minutes" rule, and an index for reports. Lists, statistics and open data read by the existing
// (consultation_id, created_at) index; every extra index on citizen_inputs slows the intake down.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("citizen_inputs").addColumn("text_fingerprint", "text").execute();
  await db.schema.createIndex("inputs_duplicates").on("citizen_inputs").columns(["text_fingerprint", "created_at"]).execute();
  await db.schema.createIndex("reports_by_input").on("input_reports").columns(["input_id", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("reports_by_input").execute();
  await db.schema.dropIndex("inputs_duplicates").execute();
  await db.schema.alterTable("citizen_inputs").dropColumn("text_fingerprint").execute();
}
