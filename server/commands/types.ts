import type { Transaction } from "kysely";
import type { z } from "zod";
import type { Role } from "../../app/domain/roles";
import type { Database } from "../../db/schema";

export type Trx = Transaction<Database>;

/** Who is acting. Citizens are anonymous; the CLI acts as `system`. */
export type Actor =
  | { kind: "user"; userId: string; name: string; isPlatformAdmin: boolean }
  /** clientKey: the salted hash of the address; deviceKey: of the browser's device cookie, when it sent one. */
  | { kind: "anonymous"; clientKey: string; deviceKey?: string }
  | { kind: "system"; label: string };

/**
 * Who may run a command:
 * - `public`: anyone, including anonymous citizens;
 * - `authenticated`: any signed-in user;
 * - `{ roles }`: a user holding one of the roles in the command's consultation (a platform admin counts as its point of contact);
 * - `platform_admin` and `system`: the CLI or an admin of the whole installation.
 */
export type Access = "public" | "authenticated" | "platform_admin" | "system" | { roles: readonly Role[] };

/** A socket.io room and what to tell it after commit. */
export interface Broadcast {
  room: string;
  event: string;
  data: unknown;
}

export interface CommandContext {
  actor: Actor;
  type: string;
  commandId: string;
  now: string;
  /** Roles the actor holds in the consultation (empty for anonymous). */
  roles: readonly string[];
  consultationId: string | null;
  /** Broadcasts collected by the handler, sent after commit. */
  broadcasts: Broadcast[];
}

export interface CommandDefinition<S extends z.ZodType = z.ZodType, R = unknown> {
  type: string;
  summary: string;
  schema: S;
  access: Access;
  /** The consultation this command acts in, for authorization and audit; throws not_found for unknown refs. */
  consultationOf(trx: Trx, payload: z.output<S>): Promise<string | null>;
  handle(trx: Trx, payload: z.output<S>, ctx: CommandContext): Promise<R>;
  /** Stored in the audit log instead of the payload when it holds secrets (passwords, tokens). */
  redact?(payload: z.output<S>): unknown;
  /** Stored in the audit log instead of the result when it holds a secret (the idempotency record keeps it). */
  redactResult?(result: R): unknown;
  /**
   * PostgreSQL only (SQLite runs one command at a time anyway). Every command runs SERIALIZABLE unless it says
   * "read_committed": allowed only where correctness rests on unique indexes (the command id's claim, receipt codes,
   * a capture's id) and not on what the command read, as with the citizens' and facilitators' inputs. Under
   * SERIALIZABLE, hundreds of such inserts a second abort each other (decision 0010, addendum).
   */
  isolation?: "read_committed";
}

export function defineCommand<S extends z.ZodType, R>(def: CommandDefinition<S, R>): CommandDefinition<S, R> {
  return def;
}

export const rooms = {
  consultation: (id: string) => `consultation:${id}`,
  staff: (id: string) => `consultation:${id}:staff`,
  all: "consultations",
  /** Every socket of a signed-in user: joined at connection, never on request. */
  user: (userId: string) => `user:${userId}`,
  /** Every socket opened with one session (the SHA-256 of its cookie, as the sessions table keeps it). */
  session: (sessionId: string) => `session:${sessionId}`,
};

/**
 * Not an event for browsers: a broadcast to `rooms.user(userId)` with this event makes the socket layer take that
 * user's sockets out of `rooms` at once (a revoked role); see server/realtime/sockets.server.ts.
 */
export const ACCESS_REVOKED = "access:revoked";
export interface AccessRevoked {
  userId: string;
  rooms: string[];
}
