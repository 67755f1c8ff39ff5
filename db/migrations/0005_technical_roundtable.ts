// Technical roundtable (issue 8): decision settings per consultation, a chair, review and refinement sessions that
// close funnel columns, attendance per member, the three adoption criteria, conflicts of interest, text versions,
// and consensus votes with their answers. The first model's `votes` table (one choice per member, no ballot) was
// never written to; consensus_votes + vote_answers replace it.
import { sql, type Kysely } from "kysely";
import { realType, serialKey } from "./portable";

export async function up(db: Kysely<any>): Promise<void> {
  const text = "text" as const;
  const consultation = (name: string, type: "text" | "real" | "integer", value: string | number) =>
    db.schema
      .alterTable("consultations")
      .addColumn(name, type === "real" ? realType(db) : type, (c) => c.notNull().defaultTo(value))
      .execute();
  await consultation("decision_rule", text, "consent");
  await consultation("stand_aside_max_share", "real", 0.25);
  await consultation("supermajority_share", "real", 2 / 3);
  await consultation("quorum_share", "real", 0.5);
  await consultation("quorum_sector_minimums", text, '{"public":1,"civil_society":1}');
  await consultation("private_answers", "integer", 0);

  await db.schema.alterTable("roundtables").addColumn("chair_user_id", text).execute();
  // Thematic rounds are "round"; technical sessions are "review" or "refinement" and may close a funnel column.
  await db.schema
    .alterTable("rounds")
    .addColumn("kind", text, (c) => c.notNull().defaultTo("round"))
    .execute();
  await db.schema.alterTable("rounds").addColumn("closes_stage", text).execute();
  // Who withdrew a proposal the table unified (an organization behind one of its sources), and the responsible
  // public institution that accepted a proposal (criterion a).
  await db.schema.alterTable("proposals").addColumn("state_organization_id", text).execute();
  await db.schema.alterTable("proposals").addColumn("lead_organization_id", text).execute();

  await sql`CREATE UNIQUE INDEX roundtables_one_technical ON roundtables (consultation_id) WHERE kind = 'technical'`.execute(db);

  await db.schema
    .createTable("technical_attendance")
    .addColumn("round_id", text, (c) => c.notNull().references("rounds.id"))
    .addColumn("user_id", text, (c) => c.notNull().references("users.id"))
    .addColumn("present", "integer", (c) => c.notNull())
    .addColumn("recorded_by", text)
    .addColumn("recorded_at", text, (c) => c.notNull())
    .addPrimaryKeyConstraint("technical_attendance_pk", ["round_id", "user_id"])
    .execute();

  await db.schema
    .createTable("proposal_criteria")
    .addColumn("seq", "integer", serialKey(db))
    .addColumn("proposal_id", text, (c) => c.notNull().references("proposals.id"))
    .addColumn("criterion", text, (c) => c.notNull())
    .addColumn("met", "integer", (c) => c.notNull())
    .addColumn("note", text, (c) => c.notNull().defaultTo(""))
    .addColumn("organization_id", text)
    .addColumn("recorded_by", text)
    .addColumn("recorded_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("criteria_by_proposal").on("proposal_criteria").columns(["proposal_id", "criterion"]).execute();

  await db.schema
    .createTable("conflict_declarations")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("proposal_id", text, (c) => c.notNull().references("proposals.id"))
    .addColumn("user_id", text, (c) => c.notNull().references("users.id"))
    .addColumn("organization_id", text)
    .addColumn("reason", text, (c) => c.notNull())
    .addColumn("declared_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("conflicts_once").on("conflict_declarations").columns(["proposal_id", "user_id"]).unique().execute();

  await db.schema
    .createTable("proposal_versions")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("proposal_id", text, (c) => c.notNull().references("proposals.id"))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("template", text, (c) => c.notNull())
    .addColumn("note", text, (c) => c.notNull().defaultTo(""))
    .addColumn("edited_by", text)
    .addColumn("edited_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("versions_by_proposal").on("proposal_versions").columns(["proposal_id", "revision"]).unique().execute();

  await db.schema
    .createTable("consensus_votes")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("consultation_id", text, (c) => c.notNull().references("consultations.id"))
    .addColumn("roundtable_id", text, (c) => c.notNull().references("roundtables.id"))
    .addColumn("round_id", text, (c) => c.notNull().references("rounds.id"))
    .addColumn("proposal_id", text, (c) => c.notNull().references("proposals.id"))
    .addColumn("ballot", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("status", text, (c) => c.notNull())
    .addColumn("settings", text, (c) => c.notNull())
    .addColumn("opened_by", text)
    .addColumn("opened_at", text, (c) => c.notNull())
    .addColumn("closed_by", text)
    .addColumn("closed_at", text)
    .addColumn("outcome", text)
    .addColumn("grade", text)
    .addColumn("outcome_detail", text)
    .execute();
  await sql`CREATE UNIQUE INDEX consensus_votes_one_open ON consensus_votes (proposal_id) WHERE status = 'open'`.execute(db);
  await db.schema.createIndex("consensus_votes_by_roundtable").on("consensus_votes").columns(["roundtable_id", "opened_at"]).execute();

  await db.schema
    .createTable("vote_answers")
    .addColumn("seq", "integer", serialKey(db))
    .addColumn("vote_id", text, (c) => c.notNull().references("consensus_votes.id"))
    .addColumn("user_id", text, (c) => c.notNull().references("users.id"))
    .addColumn("organization_id", text)
    .addColumn("sector", text, (c) => c.notNull())
    .addColumn("answer", text, (c) => c.notNull())
    .addColumn("reason", text, (c) => c.notNull().defaultTo(""))
    .addColumn("answered_at", text, (c) => c.notNull())
    // A changed answer is superseded, not overwritten: the history of a vote stays readable.
    .addColumn("superseded_at", text)
    .execute();
  await sql`CREATE UNIQUE INDEX vote_answers_one_current ON vote_answers (vote_id, user_id) WHERE superseded_at IS NULL`.execute(db);

  await db.schema.dropTable("votes").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("votes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("proposal_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("organization_id", "text")
    .addColumn("choice", "text", (c) => c.notNull())
    .addColumn("cast_at", "text", (c) => c.notNull())
    .execute();
  for (const t of ["vote_answers", "consensus_votes", "proposal_versions", "conflict_declarations", "proposal_criteria", "technical_attendance"]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.dropIndex("roundtables_one_technical").execute();
  for (const c of ["lead_organization_id", "state_organization_id"]) await db.schema.alterTable("proposals").dropColumn(c).execute();
  for (const c of ["closes_stage", "kind"]) await db.schema.alterTable("rounds").dropColumn(c).execute();
  await db.schema.alterTable("roundtables").dropColumn("chair_user_id").execute();
  for (const c of ["private_answers", "quorum_sector_minimums", "quorum_share", "supermajority_share", "stand_aside_max_share", "decision_rule"]) {
    await db.schema.alterTable("consultations").dropColumn(c).execute();
  }
}
