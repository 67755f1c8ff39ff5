// Public read models of proposals: everything but drafts, and never the responsible person's e-mail or phone.
import type { DB } from "../connection.server";

export async function publicProposals(db: DB, consultationId: string) {
  return db
    .selectFrom("proposals as p")
    .leftJoin("organizations as o", "o.id", "p.proponent_organization_id")
    .innerJoin("themes as th", "th.id", "p.theme_id")
    .select(["p.id", "p.title", "p.state", "p.stage", "p.theme_id", "th.name as theme_name", "o.acronym as organization_acronym", "p.created_at"])
    .where("p.consultation_id", "=", consultationId)
    .where("p.state", "!=", "draft")
    .orderBy("th.position")
    .orderBy("p.created_at")
    .execute();
}
