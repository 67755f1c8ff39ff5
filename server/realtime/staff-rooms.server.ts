// Which socket.io rooms are for a consultation's staff, and taking sockets out of them when their reader may no
// longer be there (a revoked role, a session that ended while the socket waited to recover). Who may join is the
// read policy's question (app/lib/read-policy.server.ts); the join handlers ask it too.
import type { Kysely } from "kysely";
import { forumRoom } from "../../app/domain/forum-events";
import { readPolicy } from "../../app/lib/read-policy.server";
import { roundtableRoom } from "../../app/live/roundtable-events";
import type { Database } from "../../db/schema";
import type { SessionUser } from "../auth/sessions.server";
import { rooms } from "../commands/types";

/** Every staff-only room of a consultation: its staff feed, its forums, its roundtables (the technical one too). */
export async function staffRoomsOf(db: Kysely<Database>, consultationId: string): Promise<string[]> {
  const [forums, tables] = await Promise.all([
    db.selectFrom("forums").select("id").where("consultation_id", "=", consultationId).execute(),
    db.selectFrom("roundtables").select("id").where("consultation_id", "=", consultationId).execute(),
  ]);
  return [rooms.staff(consultationId), ...forums.map((f) => forumRoom(f.id)), ...tables.map((t) => roundtableRoom(t.id))];
}

/** The consultation a staff-only room belongs to; null for public rooms. */
async function consultationOfRoom(db: Kysely<Database>, room: string): Promise<string | null> {
  const staff = /^consultation:(.+):staff$/.exec(room);
  if (staff) return staff[1];
  const forum = /^forum:(.+)$/.exec(room);
  if (forum) return (await db.selectFrom("forums").select("consultation_id").where("id", "=", forum[1]).executeTakeFirst())?.consultation_id ?? null;
  const table = /^roundtable:(.+)$/.exec(room);
  if (table) return (await db.selectFrom("roundtables").select("consultation_id").where("id", "=", table[1]).executeTakeFirst())?.consultation_id ?? null;
  return null;
}

/**
 * Leaves every room the socket's reader may no longer be in: staff rooms of consultations where they are not staff,
 * and the user and session rooms of someone else. Used on a recovered connection, whose rooms socket.io restores.
 */
export async function revalidateRooms(
  db: Kysely<Database>,
  socket: { rooms: Set<string>; leave(room: string): unknown },
  reader: { user: SessionUser | null; sessionId: string | null },
): Promise<string[]> {
  const allowed = new Map<string, boolean>();
  const left: string[] = [];
  for (const room of [...socket.rooms]) {
    let ok = true;
    if (room.startsWith("user:")) ok = reader.user !== null && room === rooms.user(reader.user.id);
    else if (room.startsWith("session:")) ok = reader.sessionId !== null && room === rooms.session(reader.sessionId);
    else {
      const consultationId = await consultationOfRoom(db, room);
      if (consultationId) {
        if (!allowed.has(consultationId)) allowed.set(consultationId, (await readPolicy(db, reader.user, consultationId)).isStaff);
        ok = allowed.get(consultationId)!;
      }
    }
    if (!ok) {
      await socket.leave(room);
      left.push(room);
    }
  }
  return left;
}
