import { sha256 } from "../../server/auth/crypto.server";
import type { DB } from "../connection.server";

/** The invitation behind a link, if it can still be accepted. */
export async function pendingInvitation(db: DB, token: string) {
  const inv = await db
    .selectFrom("invitations as i")
    .innerJoin("consultations as c", "c.id", "i.consultation_id")
    .select(["i.name", "i.role", "i.email", "i.accepted_at", "i.revoked_at", "i.expires_at", "c.title"])
    .where("i.token_hash", "=", sha256(token))
    .executeTakeFirst();
  if (!inv || inv.accepted_at || inv.revoked_at || inv.expires_at < new Date().toISOString()) return null;
  const existing = await db.selectFrom("users").select("id").where("email", "=", inv.email).executeTakeFirst();
  return { name: inv.name, role: inv.role, consultation: inv.title, existingAccount: Boolean(existing) };
}

export async function emailOfUser(db: DB, userId: string): Promise<string> {
  return (await db.selectFrom("users").select("email").where("id", "=", userId).executeTakeFirstOrThrow()).email;
}
