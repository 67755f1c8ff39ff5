// The whole pipeline's tables, so later capabilities add screens, not a new model.
// Written with Kysely's schema builder so the same migration runs on SQLite and PostgreSQL.
import type { Kysely } from "kysely";
import { serialKey } from "./portable";

export async function up(db: Kysely<any>): Promise<void> {
  const text = "text" as const;

  await db.schema
    .createTable("consultations")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("slug", text, (c) => c.notNull().unique())
    .addColumn("title", text, (c) => c.notNull())
    .addColumn("description", text, (c) => c.notNull().defaultTo(""))
    .addColumn("methodology", text, (c) => c.notNull().defaultTo(""))
    .addColumn("participation", text, (c) => c.notNull().defaultTo(""))
    .addColumn("ethics_text", text, (c) => c.notNull().defaultTo(""))
    .addColumn("starts_on", text)
    .addColumn("ends_on", text)
    .addColumn("max_commitments", "integer", (c) => c.notNull().defaultTo(20))
    .addColumn("max_milestones", "integer", (c) => c.notNull().defaultTo(5))
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("stages")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("consultation_id", text, (c) => c.notNull().references("consultations.id"))
    .addColumn("phase", text, (c) => c.notNull())
    .addColumn("name", text, (c) => c.notNull())
    .addColumn("description", text, (c) => c.notNull().defaultTo(""))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("starts_on", text)
    .addColumn("ends_on", text)
    .addColumn("status", text, (c) => c.notNull().defaultTo("pending"))
    .addColumn("opened_at", text)
    .addColumn("closed_at", text)
    .execute();
  await db.schema.createIndex("stages_by_consultation").on("stages").columns(["consultation_id", "position"]).execute();

  await db.schema
    .createTable("themes")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("consultation_id", text, (c) => c.notNull().references("consultations.id"))
    .addColumn("name", text, (c) => c.notNull())
    .addColumn("description", text, (c) => c.notNull().defaultTo(""))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("archived_at", text)
    .execute();
  await db.schema.createIndex("themes_by_consultation").on("themes").columns(["consultation_id", "position"]).execute();

  await db.schema
    .createTable("organizations")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("name", text, (c) => c.notNull())
    .addColumn("acronym", text, (c) => c.notNull().unique())
    .addColumn("sector", text, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("email", text, (c) => c.notNull().unique())
    .addColumn("name", text, (c) => c.notNull())
    .addColumn("password_hash", text)
    .addColumn("organization_id", text, (c) => c.references("organizations.id"))
    .addColumn("is_platform_admin", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("disabled_at", text)
    .execute();

  await db.schema
    .createTable("memberships")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("consultation_id", text, (c) => c.notNull().references("consultations.id"))
    .addColumn("user_id", text, (c) => c.notNull().references("users.id"))
    .addColumn("role", text, (c) => c.notNull())
    .addColumn("granted_at", text, (c) => c.notNull())
    .addColumn("revoked_at", text)
    .execute();
  await db.schema.createIndex("memberships_by_user").on("memberships").columns(["user_id", "consultation_id"]).execute();

  await db.schema
    .createTable("invitations")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("consultation_id", text, (c) => c.notNull().references("consultations.id"))
    .addColumn("token_hash", text, (c) => c.notNull().unique())
    .addColumn("email", text, (c) => c.notNull())
    .addColumn("name", text, (c) => c.notNull())
    .addColumn("role", text, (c) => c.notNull())
    .addColumn("organization_id", text, (c) => c.references("organizations.id"))
    .addColumn("created_by", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("expires_at", text, (c) => c.notNull())
    .addColumn("accepted_at", text)
    .addColumn("accepted_user_id", text)
    .addColumn("revoked_at", text)
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("user_id", text, (c) => c.notNull().references("users.id"))
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("expires_at", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("token_hash", text, (c) => c.notNull().unique())
    .addColumn("user_id", text, (c) => c.notNull().references("users.id"))
    .addColumn("name", text, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("revoked_at", text)
    .execute();

  await db.schema
    .createTable("ethics_declarations")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("consultation_id", text, (c) => c.notNull().references("consultations.id"))
    .addColumn("user_id", text, (c) => c.notNull().references("users.id"))
    .addColumn("organization_id", text)
    .addColumn("signer_name", text, (c) => c.notNull())
    .addColumn("conflicts", text, (c) => c.notNull().defaultTo(""))
    .addColumn("text_sha256", text, (c) => c.notNull())
    .addColumn("signed_at", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("forums")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("consultation_id", text, (c) => c.notNull().references("consultations.id"))
    .addColumn("department", text, (c) => c.notNull())
    .addColumn("municipality", text, (c) => c.notNull())
    .addColumn("venue", text, (c) => c.notNull())
    .addColumn("held_on", text, (c) => c.notNull())
    .addColumn("expected_attendance", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", text, (c) => c.notNull().defaultTo("pending"))
    .addColumn("created_at", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("worktables")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("forum_id", text, (c) => c.notNull().references("forums.id"))
    .addColumn("theme_id", text, (c) => c.notNull().references("themes.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("short_code", text, (c) => c.notNull().unique())
    .execute();

  await db.schema
    .createTable("worktable_facilitators")
    .addColumn("worktable_id", text, (c) => c.notNull().references("worktables.id"))
    .addColumn("user_id", text, (c) => c.notNull().references("users.id"))
    .addPrimaryKeyConstraint("worktable_facilitators_pk", ["worktable_id", "user_id"])
    .execute();

  await db.schema
    .createTable("attendance")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("forum_id", text, (c) => c.notNull().references("forums.id"))
    .addColumn("head_count", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("sector", text)
    .addColumn("gender", text)
    .addColumn("age_range", text)
    .addColumn("department", text)
    .addColumn("name", text)
    .addColumn("recorded_by", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("citizen_inputs")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("consultation_id", text, (c) => c.notNull().references("consultations.id"))
    .addColumn("channel", text, (c) => c.notNull())
    .addColumn("subject", text, (c) => c.notNull())
    .addColumn("theme_id", text, (c) => c.references("themes.id"))
    .addColumn("axis", text)
    .addColumn("text", text, (c) => c.notNull())
    .addColumn("department", text)
    .addColumn("sector", text)
    .addColumn("age_range", text)
    .addColumn("gender", text)
    .addColumn("speaks_indigenous_language", "integer")
    .addColumn("forum_id", text, (c) => c.references("forums.id"))
    .addColumn("worktable_id", text, (c) => c.references("worktables.id"))
    .addColumn("captured_by", text)
    .addColumn("speaker_sector", text)
    .addColumn("tags", text, (c) => c.notNull().defaultTo("[]"))
    .addColumn("receipt_code", text, (c) => c.unique())
    .addColumn("client_hash", text)
    .addColumn("status", text, (c) => c.notNull().defaultTo("visible"))
    .addColumn("status_reason", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("inputs_by_consultation").on("citizen_inputs").columns(["consultation_id", "created_at"]).execute();
  await db.schema.createIndex("inputs_by_worktable").on("citizen_inputs").columns(["worktable_id"]).execute();

  await db.schema
    .createTable("input_contacts")
    .addColumn("input_id", text, (c) => c.primaryKey().references("citizen_inputs.id"))
    .addColumn("email", text, (c) => c.notNull())
    .addColumn("consent_at", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("input_reports")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("input_id", text, (c) => c.notNull().references("citizen_inputs.id"))
    .addColumn("reason", text, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("summaries")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("consultation_id", text, (c) => c.notNull().references("consultations.id"))
    .addColumn("theme_id", text, (c) => c.notNull().references("themes.id"))
    .addColumn("title", text, (c) => c.notNull())
    .addColumn("text", text, (c) => c.notNull())
    .addColumn("created_by", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("summary_inputs")
    .addColumn("summary_id", text, (c) => c.notNull().references("summaries.id"))
    .addColumn("input_id", text, (c) => c.notNull().references("citizen_inputs.id"))
    .addPrimaryKeyConstraint("summary_inputs_pk", ["summary_id", "input_id"])
    .execute();
  await db.schema.createIndex("summary_inputs_by_input").on("summary_inputs").column("input_id").execute();

  await db.schema
    .createTable("roundtables")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("consultation_id", text, (c) => c.notNull().references("consultations.id"))
    .addColumn("theme_id", text, (c) => c.references("themes.id"))
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("name", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("rounds")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("roundtable_id", text, (c) => c.notNull().references("roundtables.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("held_on", text)
    .addColumn("venue", text, (c) => c.notNull().defaultTo(""))
    .addColumn("host_organization_id", text)
    .addColumn("status", text, (c) => c.notNull().defaultTo("pending"))
    .execute();

  await db.schema
    .createTable("round_attendance")
    .addColumn("round_id", text, (c) => c.notNull().references("rounds.id"))
    .addColumn("organization_id", text, (c) => c.notNull().references("organizations.id"))
    .addColumn("user_id", text)
    .execute();

  await db.schema
    .createTable("proposals")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("consultation_id", text, (c) => c.notNull().references("consultations.id"))
    .addColumn("theme_id", text, (c) => c.notNull().references("themes.id"))
    .addColumn("roundtable_id", text)
    .addColumn("round_id", text)
    .addColumn("proponent_user_id", text)
    .addColumn("proponent_organization_id", text)
    .addColumn("title", text, (c) => c.notNull())
    .addColumn("lead_agency", text, (c) => c.notNull().defaultTo(""))
    .addColumn("responsible_person", text, (c) => c.notNull().defaultTo("{}"))
    .addColumn("other_actors", text, (c) => c.notNull().defaultTo(""))
    .addColumn("problem", text, (c) => c.notNull().defaultTo(""))
    .addColumn("objective", text, (c) => c.notNull().defaultTo(""))
    .addColumn("description", text, (c) => c.notNull().defaultTo(""))
    .addColumn("ogp_challenge", text, (c) => c.notNull().defaultTo(""))
    .addColumn("relevance", text, (c) => c.notNull().defaultTo("{}"))
    .addColumn("ambition", text, (c) => c.notNull().defaultTo(""))
    .addColumn("is_new", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("starts_on", text)
    .addColumn("ends_on", text)
    .addColumn("stage", text, (c) => c.notNull())
    .addColumn("state", text, (c) => c.notNull())
    .addColumn("state_reason", text)
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("proposals_by_theme").on("proposals").columns(["consultation_id", "theme_id", "state"]).execute();

  await db.schema
    .createTable("milestones")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("proposal_id", text, (c) => c.notNull().references("proposals.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("description", text, (c) => c.notNull())
    .addColumn("responsible_institution", text, (c) => c.notNull())
    .addColumn("is_new", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("starts_on", text)
    .addColumn("ends_on", text)
    .execute();

  await db.schema
    .createTable("proposal_stage_history")
    .addColumn("id", "integer", serialKey(db))
    .addColumn("proposal_id", text, (c) => c.notNull().references("proposals.id"))
    .addColumn("stage", text, (c) => c.notNull())
    .addColumn("entered_at", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("proposal_operations")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("consultation_id", text, (c) => c.notNull().references("consultations.id"))
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("round_id", text)
    .addColumn("agreed_note", text, (c) => c.notNull().defaultTo(""))
    .addColumn("present", text, (c) => c.notNull().defaultTo("[]"))
    .addColumn("created_by", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("undone_at", text)
    .execute();

  await db.schema
    .createTable("proposal_lineage")
    .addColumn("operation_id", text, (c) => c.notNull().references("proposal_operations.id"))
    .addColumn("source_id", text, (c) => c.notNull().references("proposals.id"))
    .addColumn("result_id", text, (c) => c.notNull().references("proposals.id"))
    .execute();
  await db.schema.createIndex("lineage_by_result").on("proposal_lineage").column("result_id").execute();
  await db.schema.createIndex("lineage_by_source").on("proposal_lineage").column("source_id").execute();

  await db.schema
    .createTable("proposal_responses")
    .addColumn("proposal_id", text, (c) => c.notNull().references("proposals.id"))
    .addColumn("summary_id", text)
    .addColumn("input_id", text)
    .execute();

  await db.schema
    .createTable("votes")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("proposal_id", text, (c) => c.notNull().references("proposals.id"))
    .addColumn("user_id", text, (c) => c.notNull().references("users.id"))
    .addColumn("organization_id", text)
    .addColumn("choice", text, (c) => c.notNull())
    .addColumn("cast_at", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("plan_comments")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("consultation_id", text, (c) => c.notNull().references("consultations.id"))
    .addColumn("proposal_id", text)
    .addColumn("text", text, (c) => c.notNull())
    .addColumn("status", text, (c) => c.notNull().defaultTo("visible"))
    .addColumn("created_at", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("command_log")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("type", text, (c) => c.notNull())
    .addColumn("actor_key", text, (c) => c.notNull())
    .addColumn("status", "integer", (c) => c.notNull())
    .addColumn("response", text, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("seq", "integer", serialKey(db))
    .addColumn("consultation_id", text)
    .addColumn("actor_user_id", text)
    .addColumn("actor_label", text, (c) => c.notNull())
    .addColumn("command_id", text, (c) => c.notNull())
    .addColumn("command_type", text, (c) => c.notNull())
    .addColumn("payload", text, (c) => c.notNull())
    .addColumn("result", text, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_by_consultation").on("audit_events").columns(["consultation_id", "seq"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "audit_events",
    "command_log",
    "plan_comments",
    "votes",
    "proposal_responses",
    "proposal_lineage",
    "proposal_operations",
    "proposal_stage_history",
    "milestones",
    "proposals",
    "round_attendance",
    "rounds",
    "roundtables",
    "summary_inputs",
    "summaries",
    "input_reports",
    "input_contacts",
    "citizen_inputs",
    "attendance",
    "worktable_facilitators",
    "worktables",
    "forums",
    "ethics_declarations",
    "api_tokens",
    "sessions",
    "invitations",
    "memberships",
    "users",
    "organizations",
    "themes",
    "stages",
    "consultations",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
