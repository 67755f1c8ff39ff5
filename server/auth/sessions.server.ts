// Server-side sessions: the cookie holds a random token, the database only its SHA-256.
import type { DB } from "../../db/connection.server";
import { randomToken, sha256, verifyPassword } from "./crypto.server";

export const SESSION_COOKIE = "cocrea_session";
export const SESSION_DAYS = 30;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
}

export async function createSession(db: DB, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await db
    .insertInto("sessions")
    .values({ id: sha256(token), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt.toISOString() })
    .execute();
  return { token, expiresAt };
}

export async function destroySession(db: DB, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sha256(token)).execute();
}

async function activeUser(db: DB, userId: string): Promise<SessionUser | null> {
  const user = await db.selectFrom("users").select(["id", "email", "name", "is_platform_admin", "disabled_at"]).where("id", "=", userId).executeTakeFirst();
  if (!user || user.disabled_at) return null;
  return { id: user.id, email: user.email, name: user.name, isPlatformAdmin: user.is_platform_admin === 1 };
}

export async function userFromSession(db: DB, token: string | undefined): Promise<SessionUser | null> {
  if (!token) return null;
  const session = await db.selectFrom("sessions").selectAll().where("id", "=", sha256(token)).executeTakeFirst();
  if (!session || session.expires_at < new Date().toISOString()) return null;
  return activeUser(db, session.user_id);
}

export async function userFromApiToken(db: DB, token: string): Promise<SessionUser | null> {
  const row = await db.selectFrom("api_tokens").selectAll().where("token_hash", "=", sha256(token)).executeTakeFirst();
  if (!row || row.revoked_at) return null;
  return activeUser(db, row.user_id);
}

/** Checks e-mail and password; the same work is done for unknown e-mails so timing tells nothing. */
export async function checkCredentials(db: DB, email: string, password: string): Promise<SessionUser | null> {
  const user = await db.selectFrom("users").select(["id", "password_hash", "disabled_at"]).where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled_at) return null;
  return activeUser(db, user.id);
}

const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==";
