// The action plan (issue 9, stages 7–10): one plan per consultation assembled from the adopted commitments (order,
// numbering, an introduction), published for comment, sent for review, approved (then frozen) and submitted.
// Citizen comments use the plan_comments table 0001 left unused, now with a receipt code and the intake's
// duplicate keys; answers, the comments behind each revision, the OGP support unit's observations and the
// amendments after approval each keep their own rows. Nothing is deleted: a commitment taken out of the draft is
// marked removed_at, a changed answer is superseded.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  const text = "text" as const;
  await db.schema
    .createTable("plans")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("consultation_id", text, (c) => c.notNull().references("consultations.id"))
    .addColumn("status", text, (c) => c.notNull())
    .addColumn("introduction", text, (c) => c.notNull().defaultTo(""))
    .addColumn("published_at", text)
    .addColumn("review_sent_at", text)
    .addColumn("approved_at", text)
    .addColumn("approved_by_name", text)
    .addColumn("approved_on", text)
    .addColumn("approval_reference", text)
    .addColumn("submitted_on", text)
    .addColumn("submission_link", text)
    .addColumn("submission_file", text)
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("plans_one_per_consultation").on("plans").column("consultation_id").unique().execute();

  await db.schema
    .createTable("plan_commitments")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("plan_id", text, (c) => c.notNull().references("plans.id"))
    .addColumn("proposal_id", text, (c) => c.notNull().references("proposals.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("number", text, (c) => c.notNull())
    .addColumn("added_at", text, (c) => c.notNull())
    .addColumn("removed_at", text)
    .execute();
  await db.schema.createIndex("plan_commitments_by_plan").on("plan_commitments").columns(["plan_id", "position"]).execute();

  for (const column of ["plan_id", "receipt_code", "client_hash", "text_fingerprint", "status_reason", "updated_at"]) {
    await db.schema.alterTable("plan_comments").addColumn(column, text).execute();
  }
  await db.schema.createIndex("plan_comments_receipt").on("plan_comments").column("receipt_code").unique().execute();
  await db.schema.createIndex("plan_comments_by_plan").on("plan_comments").columns(["plan_id", "proposal_id", "created_at"]).execute();
  await db.schema.createIndex("plan_comments_fingerprint").on("plan_comments").column("text_fingerprint").execute();

  await db.schema
    .createTable("plan_comment_answers")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("comment_id", text, (c) => c.notNull().references("plan_comments.id"))
    .addColumn("verdict", text, (c) => c.notNull())
    .addColumn("reason", text, (c) => c.notNull())
    .addColumn("answered_by", text)
    .addColumn("answered_at", text, (c) => c.notNull())
    .addColumn("superseded_at", text)
    .execute();
  await db.schema.createIndex("plan_comment_answers_by_comment").on("plan_comment_answers").columns(["comment_id", "answered_at"]).execute();

  await db.schema
    .createTable("plan_comment_reports")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("comment_id", text, (c) => c.notNull().references("plan_comments.id"))
    .addColumn("reason", text, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .execute();

  // Which comments led to which revision of a commitment's text (proposal_versions keeps the text itself).
  await db.schema
    .createTable("plan_revision_comments")
    .addColumn("proposal_id", text, (c) => c.notNull().references("proposals.id"))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("comment_id", text, (c) => c.notNull().references("plan_comments.id"))
    .addPrimaryKeyConstraint("plan_revision_comments_pk", ["proposal_id", "revision", "comment_id"])
    .execute();

  await db.schema
    .createTable("plan_observations")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("plan_id", text, (c) => c.notNull().references("plans.id"))
    .addColumn("proposal_id", text)
    .addColumn("text", text, (c) => c.notNull())
    .addColumn("recorded_by", text)
    .addColumn("recorded_at", text, (c) => c.notNull())
    .addColumn("answer", text)
    .addColumn("answered_by", text)
    .addColumn("answered_at", text)
    .execute();
  await db.schema.createIndex("plan_observations_by_plan").on("plan_observations").columns(["plan_id", "recorded_at"]).execute();

  await db.schema
    .createTable("plan_amendments")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("plan_id", text, (c) => c.notNull().references("plans.id"))
    .addColumn("proposal_id", text, (c) => c.notNull().references("proposals.id"))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("reason", text, (c) => c.notNull())
    .addColumn("amended_by", text)
    .addColumn("amended_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("plan_amendments_by_plan").on("plan_amendments").columns(["plan_id", "amended_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["plan_amendments", "plan_observations", "plan_revision_comments", "plan_comment_reports", "plan_comment_answers"]) {
    await db.schema.dropTable(t).execute();
  }
  for (const i of ["plan_comments_fingerprint", "plan_comments_by_plan", "plan_comments_receipt"]) await db.schema.dropIndex(i).execute();
  for (const c of ["updated_at", "status_reason", "text_fingerprint", "client_hash", "receipt_code", "plan_id"]) {
    await db.schema.alterTable("plan_comments").dropColumn(c).execute();
  }
  await db.schema.dropTable("plan_commitments").execute();
  await db.schema.dropTable("plans").execute();
}
