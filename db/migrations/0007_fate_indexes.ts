// The fate of a citizen input (issue 10): from an input or a summary forward to the proposals that respond to it.
// proposal_responses was indexed by proposal only (the backward walk); these serve the forward one.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("responses_by_summary").on("proposal_responses").column("summary_id").execute();
  await db.schema.createIndex("responses_by_input").on("proposal_responses").column("input_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("responses_by_input").ifExists().execute();
  await db.schema.dropIndex("responses_by_summary").ifExists().execute();
}
