// Who is making a request: a bearer API token, a session cookie, or an anonymous citizen.
import type { IncomingHttpHeaders } from "node:http";
import type { DB } from "../../db/connection.server";
import { sha256 } from "../auth/crypto.server";
import { SESSION_COOKIE, userFromApiToken, userFromSession, type SessionUser } from "../auth/sessions.server";
import type { Actor } from "../commands/types";
import { parseCookies } from "./cookies";

export interface Identity {
  user: SessionUser | null;
  actor: Actor;
  /** A bearer token was sent but is not valid: the API answers 401 rather than acting anonymously. */
  badCredentials: boolean;
}

/** Anonymous clients are known only by a salted hash of their address: no IP is ever stored. */
export function clientKey(secret: string, ip: string | undefined): string {
  return sha256(`${secret}:${ip ?? "unknown"}`).slice(0, 32);
}

/** A browser's device cookie, salted and hashed like the address: the raw id is never stored either. */
export function deviceKey(secret: string, deviceId: string | undefined): string | undefined {
  return deviceId ? sha256(`${secret}:device:${deviceId}`).slice(0, 32) : undefined;
}

/** `deviceKey`: the hashed device cookie when the client sent one (browsers do after their first page; bare API clients may not). */
export async function identify(db: DB, headers: IncomingHttpHeaders, clientId: string, device?: string): Promise<Identity> {
  const anonymous: Actor = device ? { kind: "anonymous", clientKey: clientId, deviceKey: device } : { kind: "anonymous", clientKey: clientId };
  const auth = headers.authorization;
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    const user = match ? await userFromApiToken(db, match[1]) : null;
    if (!user) return { user: null, actor: anonymous, badCredentials: true };
    return { user, actor: userActor(user), badCredentials: false };
  }
  const user = await userFromSession(db, parseCookies(headers.cookie)[SESSION_COOKIE]);
  return { user, actor: user ? userActor(user) : anonymous, badCredentials: false };
}

export function userActor(user: SessionUser): Actor {
  return { kind: "user", userId: user.id, name: user.name, isPlatformAdmin: user.isPlatformAdmin };
}
