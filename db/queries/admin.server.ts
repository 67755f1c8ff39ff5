// Read models for the point of contact's dashboard (staff only: include e-mails, which the page shows to the point
// of contact only — see app/lib/read-policy.server.ts).
import type { Kysely } from "kysely";
import type { DB } from "../connection.server";
import type { Database } from "../schema";

/** Active roles of a user in a consultation (also used inside command transactions). */
export async function rolesOf(db: Kysely<Database>, userId: string, consultationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("memberships")
    .select("role")
    .where("user_id", "=", userId)
    .where("consultation_id", "=", consultationId)
    .where("revoked_at", "is", null)
    .execute();
  return rows.map((r) => r.role);
}

/** The consultations where the user holds a role; `all` (the read policy's `seesEveryConsultation`) lists every one. */
export async function consultationsOfUser(db: DB, userId: string, options: { all: boolean }) {
  let q = db.selectFrom("consultations as c").select(["c.id", "c.slug", "c.title"]).orderBy("c.created_at", "desc");
  if (!options.all) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("memberships as m")
          .select("m.id")
          .whereRef("m.consultation_id", "=", "c.id")
          .where("m.user_id", "=", userId)
          .where("m.revoked_at", "is", null),
      ),
    );
  }
  return q.execute();
}

export async function adminOverview(db: DB, consultationId: string) {
  const [members, invitations, organizations, themes, activity] = await Promise.all([
    db
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .leftJoin("organizations as o", "o.id", "u.organization_id")
      .select(["m.id", "m.role", "m.granted_at", "u.id as user_id", "u.name", "u.email", "o.acronym as organization_acronym"])
      .where("m.consultation_id", "=", consultationId)
      .where("m.revoked_at", "is", null)
      .orderBy("u.name")
      .execute(),
    db
      .selectFrom("invitations as i")
      .leftJoin("organizations as o", "o.id", "i.organization_id")
      .select(["i.id", "i.email", "i.name", "i.role", "i.created_at", "i.expires_at", "o.acronym as organization_acronym"])
      .where("i.consultation_id", "=", consultationId)
      .where("i.accepted_at", "is", null)
      .where("i.revoked_at", "is", null)
      .where("i.expires_at", ">", new Date().toISOString())
      .orderBy("i.created_at", "desc")
      .execute(),
    db.selectFrom("organizations").select(["id", "name", "acronym", "sector"]).orderBy("acronym").execute(),
    db.selectFrom("themes").selectAll().where("consultation_id", "=", consultationId).orderBy("position").execute(),
    db
      .selectFrom("audit_events")
      .select(["seq", "actor_label", "command_type", "created_at"])
      .where("consultation_id", "=", consultationId)
      .orderBy("seq", "desc")
      .limit(20)
      .execute(),
  ]);
  return { members, invitations, organizations, themes, activity };
}
