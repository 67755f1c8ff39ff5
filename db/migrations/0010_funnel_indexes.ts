// The public funnel at full size (issue 10, `npm run bench -- funnel`: 100,000 inputs, 10,000 proposals). Its two
// participation counts read every input of the consultation through inputs_by_consultation and a row lookup each
// (~75 ms apiece); with channel and status in an index they count index entries only. Its proposals and stage-entry
// reads looked up each proposal's row for its stage, state and id; this index holds them, in creation order.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("inputs_by_channel").on("citizen_inputs").columns(["consultation_id", "channel", "status"]).execute();
  await db.schema.createIndex("proposals_funnel").on("proposals").columns(["consultation_id", "created_at", "id", "theme_id", "stage", "state"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("proposals_funnel").ifExists().execute();
  await db.schema.dropIndex("inputs_by_channel").ifExists().execute();
}
