// The live session of a thematic roundtable: staff of its consultation join the table's room and see who else is
// connected. Presence is read from the sockets in the room (not kept in a separate list), so it stays right
// across reconnects and would work unchanged with a multi-node socket.io adapter.
import type { Server, Socket } from "socket.io";
import { z } from "zod";
import { readPolicy } from "../../app/lib/read-policy.server";
import type { Lang } from "../../app/i18n";
import { ROUNDTABLE_EVENTS, roundtableRoom, type PresentPerson, type RoundtablePresence } from "../../app/live/roundtable-events";
import type { DB } from "../../db/connection.server";
import { CommandError } from "../commands/errors";
import type { Identity } from "../http/actor.server";
import { errorBody } from "../http/respond";
import { log } from "../log";

const joinSchema = z.object({ roundtableId: z.string().uuid() });

interface Seat {
  roundtableId: string;
  userId: string;
  name: string;
  organization: string | null;
}

type SeatData = { roundtableSeats?: Seat[] };

/**
 * A recovered connection comes back with the data it had, seats included; the connection middleware builds the data
 * afresh and keeps the seats through this (for the same person only), so the table still counts them.
 */
export function keptSeats(previous: unknown, userId: string | undefined): SeatData {
  const seats = ((previous ?? {}) as SeatData).roundtableSeats?.filter((s) => s.userId === userId) ?? [];
  return seats.length ? { roundtableSeats: seats } : {};
}

export async function broadcastPresence(io: Server, roundtableId: string): Promise<void> {
  const sockets = await io.in(roundtableRoom(roundtableId)).fetchSockets();
  const people = new Map<string, PresentPerson>();
  for (const s of sockets) {
    for (const seat of (s.data as SeatData).roundtableSeats ?? []) {
      if (seat.roundtableId !== roundtableId) continue;
      const known = people.get(seat.userId);
      if (known) known.connections += 1;
      else people.set(seat.userId, { userId: seat.userId, name: seat.name, organization: seat.organization, connections: 1 });
    }
  }
  const presence: RoundtablePresence = { roundtableId, people: [...people.values()].sort((a, b) => a.name.localeCompare(b.name)) };
  io.to(roundtableRoom(roundtableId)).emit(ROUNDTABLE_EVENTS.presence, presence);
}

export function attachRoundtablePresence(io: Server, socket: Socket, db: DB, data: { identity: Identity; lang: Lang }): void {
  const seats = (): Seat[] => ((socket.data as SeatData).roundtableSeats ??= []);

  socket.on(ROUNDTABLE_EVENTS.join, async (raw: unknown, ack?: (response: unknown) => void) => {
    const reply = (body: unknown) => typeof ack === "function" && ack(body);
    const fail = (e: CommandError) => reply(errorBody(e, data.lang));
    try {
      const parsed = joinSchema.safeParse(raw);
      if (!parsed.success) return fail(new CommandError("invalid", "error.invalid_payload"));
      const { roundtableId } = parsed.data;
      const table = await db.selectFrom("roundtables").select(["id", "consultation_id"]).where("id", "=", roundtableId).executeTakeFirst();
      if (!table) return fail(new CommandError("not_found", "error.not_found", { what: "roundtable" }));
      const user = data.identity.user;
      if (!user) return fail(new CommandError("unauthenticated", "error.unauthenticated"));
      if (!(await readPolicy(db, user, table.consultation_id)).isStaff) {
        return fail(new CommandError("forbidden", "error.forbidden"));
      }
      const org = await db
        .selectFrom("users as u")
        .leftJoin("organizations as o", "o.id", "u.organization_id")
        .select("o.acronym")
        .where("u.id", "=", user.id)
        .executeTakeFirst();
      if (!seats().some((s) => s.roundtableId === roundtableId)) {
        seats().push({ roundtableId, userId: user.id, name: user.name, organization: org?.acronym ?? null });
      }
      await socket.join(roundtableRoom(roundtableId));
      reply({ ok: true });
      await broadcastPresence(io, roundtableId);
    } catch (e) {
      log.error({ err: e }, "roundtable presence failed");
      reply({ ok: false, error: { code: "server_error", message: "Internal error" } });
    }
  });

  socket.on(ROUNDTABLE_EVENTS.leave, async (raw: unknown) => {
    const parsed = joinSchema.safeParse(raw);
    if (!parsed.success) return;
    const { roundtableId } = parsed.data;
    (socket.data as SeatData).roundtableSeats = seats().filter((s) => s.roundtableId !== roundtableId);
    await socket.leave(roundtableRoom(roundtableId));
    await broadcastPresence(io, roundtableId);
  });

  // After the socket has left its rooms: tell the tables it sat at.
  socket.on("disconnect", () => {
    for (const seat of seats()) void broadcastPresence(io, seat.roundtableId).catch((err) => log.error({ err }, "presence broadcast failed"));
  });
}

/**
 * Several nodes: a node that dies says nothing, so the tables on the other nodes would go on listing the people who
 * were connected to it. Every few seconds each node asks how many nodes there are (one Redis NUMSUB); when fewer than
 * before, it re-sends presence for the tables its own sockets sit at, counted afresh across the nodes left.
 */
export function refreshPresenceWhenNodesLeave(io: Server, everyMs = 3_000): () => void {
  const adapter = io.of("/").adapter;
  let known: number | null = null;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void adapter
      .serverCount()
      .then(async (count) => {
        const fewer = known !== null && count < known;
        known = count;
        if (!fewer) return;
        const tables = [...adapter.rooms.keys()].filter((room) => room.startsWith("roundtable:")).map((room) => room.slice("roundtable:".length));
        for (const roundtableId of tables) await broadcastPresence(io, roundtableId);
      })
      .catch((err) => log.warn({ err }, "presence refresh after a node left failed"))
      .finally(() => (busy = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
