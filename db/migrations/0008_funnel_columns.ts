// The columns of a consultation's funnel are its own setting (issue 10): the 2016 table's five by default; a
// process without refinement workshops, say, publishes four.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("consultations")
    .addColumn("funnel_columns", "text", (c) => c.notNull().defaultTo('["proposed","unified","technical","refined","plan"]'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("consultations").dropColumn("funnel_columns").execute();
}
