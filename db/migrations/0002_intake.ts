// Online opinion intake: a fingerprint of the normalized text for the "same text, same client, few minutes"
// rule, and the indexes the moderation queue, statistics, open data and reports read by.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("citizen_inputs").addColumn("text_fingerprint", "text").execute();
  await db.schema
    .createIndex("inputs_duplicates")
    .on("citizen_inputs")
    .columns(["consultation_id", "client_hash", "text_fingerprint", "created_at"])
    .execute();
  await db.schema
    .createIndex("inputs_by_channel_status")
    .on("citizen_inputs")
    .columns(["consultation_id", "channel", "status", "created_at"])
    .execute();
  await db.schema.createIndex("reports_by_input").on("input_reports").columns(["input_id", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("reports_by_input").execute();
  await db.schema.dropIndex("inputs_by_channel_status").execute();
  await db.schema.dropIndex("inputs_duplicates").execute();
  await db.schema.alterTable("citizen_inputs").dropColumn("text_fingerprint").execute();
}
