// Follow-up of the plan's commitments (decision 0009): who answers for each commitment's progress, and every
// progress report, evidence link and note, kept for ever (a correction is a new row).
// Reports are keyed by (commitment, milestone number), not by milestone row id: a revision of a proposal's text
// replaces its milestone rows with new ids (server/commands/proposal-store.server.ts, replaceMilestones), and the
// follow-up must survive a later amendment of the commitment. Each report keeps the milestone's text as it read then.
import type { Kysely } from "kysely";
import { serialKey } from "./portable";

export async function up(db: Kysely<any>): Promise<void> {
  const text = "text" as const;

  await db.schema
    .createTable("commitment_responsibles")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("consultation_id", text, (c) => c.notNull().references("consultations.id"))
    .addColumn("proposal_id", text, (c) => c.notNull().references("proposals.id"))
    .addColumn("user_id", text, (c) => c.notNull().references("users.id"))
    .addColumn("assigned_by", text)
    .addColumn("assigned_at", text, (c) => c.notNull())
    .addColumn("ended_at", text)
    .addColumn("ended_by", text)
    .execute();
  await db.schema.createIndex("commitment_responsibles_by_proposal").on("commitment_responsibles").columns(["proposal_id", "ended_at"]).execute();
  await db.schema.createIndex("commitment_responsibles_by_user").on("commitment_responsibles").columns(["user_id", "consultation_id"]).execute();

  await db.schema
    .createTable("followup_updates")
    .addColumn("seq", "integer", serialKey(db))
    .addColumn("id", text, (c) => c.notNull().unique())
    .addColumn("consultation_id", text, (c) => c.notNull().references("consultations.id"))
    .addColumn("proposal_id", text, (c) => c.notNull().references("proposals.id"))
    .addColumn("milestone_position", "integer", (c) => c.notNull())
    /** The milestone row and its text when the report was written (a later revision may change both). */
    .addColumn("milestone_id", text)
    .addColumn("milestone_description", text, (c) => c.notNull())
    /** "progress" (status and actual dates) or "evidence" (a link and what it shows). */
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("status", text)
    .addColumn("actual_start_on", text)
    .addColumn("actual_end_on", text)
    .addColumn("evidence_url", text)
    .addColumn("note", text, (c) => c.notNull().defaultTo(""))
    .addColumn("author_user_id", text, (c) => c.notNull().references("users.id"))
    /** Name and institution as they were when written: the public history shows these, never an e-mail. */
    .addColumn("author_name", text, (c) => c.notNull())
    .addColumn("author_institution", text, (c) => c.notNull().defaultTo(""))
    .addColumn("command_id", text, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("followup_updates_by_consultation").on("followup_updates").columns(["consultation_id", "seq"]).execute();
  await db.schema.createIndex("followup_updates_by_milestone").on("followup_updates").columns(["proposal_id", "milestone_position", "seq"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("followup_updates").execute();
  await db.schema.dropTable("commitment_responsibles").execute();
}
