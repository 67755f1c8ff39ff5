// socket.io adapter: the same command envelope as the HTTP API, plus room subscriptions for live pages.
import type { Server, Socket } from "socket.io";
import { z } from "zod";
import { pickLang, LANG_COOKIE, type Lang } from "../../app/i18n";
import { readPolicy } from "../../app/lib/read-policy.server";
import type { DB } from "../../db/connection.server";
import { sha256 } from "../auth/crypto.server";
import { SESSION_COOKIE } from "../auth/sessions.server";
import type { CommandBus } from "../commands/bus.server";
import { CommandError } from "../commands/errors";
import { rooms, type AccessRevoked } from "../commands/types";
import { clientKey, deviceKey, identify, type Identity } from "../http/actor.server";
import { log } from "../log";
import { deviceIdOf, parseCookies } from "../http/cookies";
import { errorBody, outcomeResponse } from "../http/respond";
import { attachForumSubscriptions } from "./forum-subscriptions.server";
import { attachRoundtablePresence, broadcastPresence, keptSeats } from "./roundtable-presence.server";
import { revalidateRooms } from "./staff-rooms.server";

interface SocketData {
  identity: Identity;
  lang: Lang;
  /** The session (SHA-256 of its cookie) the socket was opened with; null for API tokens and citizens. */
  sessionId: string | null;
}

/** A revoked role: the user's sockets leave the consultation's staff rooms now (the next command's broadcast misses them). */
export function revokeAccess(io: Server, revoked: AccessRevoked): void {
  io.in(rooms.user(revoked.userId)).socketsLeave(revoked.rooms);
  // The tables they sat at see them go.
  for (const room of revoked.rooms) {
    if (room.startsWith("roundtable:"))
      void broadcastPresence(io, room.slice("roundtable:".length)).catch((err) => log.error({ err }, "presence broadcast failed"));
  }
}

/** A session signed out: every socket opened with it is disconnected now. */
export function endSession(io: Server, sessionToken: string): void {
  io.in(rooms.session(sha256(sessionToken))).disconnectSockets(true);
}

const subscribeSchema = z.object({ consultationId: z.string().uuid(), staff: z.boolean().optional() });
type Ack = (response: unknown) => void;

export function attachSockets(io: Server, deps: { db: DB; bus: CommandBus; secret: string }): void {
  // Runs on every (re)connection, including recovered ones (skipMiddlewares: false).
  io.use(async (socket, next) => {
    try {
      const headers = { ...socket.handshake.headers };
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      if (typeof token === "string" && token) headers.authorization = `Bearer ${token}`;
      const device = deviceKey(deps.secret, deviceIdOf(parseCookies(headers.cookie)));
      const identity = await identify(deps.db, headers, clientKey(deps.secret, socket.handshake.address), device);
      if (identity.badCredentials) return next(new Error("unauthenticated"));
      const cookies = parseCookies(headers.cookie);
      const lang = pickLang(cookies[LANG_COOKIE], headers["accept-language"]);
      const sessionToken = !headers.authorization && identity.user ? cookies[SESSION_COOKIE] : undefined;
      (socket.data as SocketData) = {
        ...keptSeats(socket.data, identity.user?.id),
        identity,
        lang,
        sessionId: sessionToken ? sha256(sessionToken) : null,
      };
      next();
    } catch (e) {
      next(e as Error);
    }
  });

  io.on("connection", async (socket: Socket) => {
    const data = socket.data as SocketData;
    // Rooms that reach this user's (and this session's) sockets when a role is revoked or the session ends.
    if (data.identity.user) socket.join(rooms.user(data.identity.user.id));
    if (data.sessionId) socket.join(rooms.session(data.sessionId));
    const reply = (ack: unknown, body: unknown) => {
      if (typeof ack === "function") (ack as Ack)(body);
    };

    socket.on("command", async (envelope: unknown, ack?: Ack) => {
      try {
        const outcome = await deps.bus.execute(envelope, data.identity.actor, data.lang, log.child({ socketId: socket.id }));
        reply(ack, outcomeResponse(outcome, data.lang).body);
      } catch (e) {
        log.error({ err: e, socketId: socket.id }, "socket command failed");
        reply(ack, { ok: false, error: { code: "server_error", message: "Internal error" } });
      }
    });

    socket.on("subscribe", async (raw: unknown, ack?: Ack) => {
      const parsed = subscribeSchema.safeParse(raw);
      if (!parsed.success) {
        return reply(ack, errorBody(new CommandError("invalid", "error.invalid_payload"), data.lang));
      }
      const { consultationId, staff } = parsed.data;
      if (staff) {
        const user = data.identity.user;
        if (!user || !(await readPolicy(deps.db, user, consultationId)).isStaff) {
          return reply(ack, errorBody(new CommandError(user ? "forbidden" : "unauthenticated", user ? "error.forbidden" : "error.unauthenticated"), data.lang));
        }
        socket.join(rooms.staff(consultationId));
      }
      socket.join(rooms.consultation(consultationId));
      reply(ack, { ok: true });
    });

    socket.on("subscribe:all", (_raw: unknown, ack?: Ack) => {
      socket.join(rooms.all);
      reply(ack, { ok: true });
    });

    attachForumSubscriptions(socket, deps.db, data);
    attachRoundtablePresence(io, socket, deps.db, data);

    // socket.io restores a recovered connection's rooms; its reader may have lost a role or signed out meanwhile.
    if (socket.recovered) {
      try {
        const left = await revalidateRooms(deps.db, socket, { user: data.identity.user, sessionId: data.sessionId });
        for (const room of left) if (room.startsWith("roundtable:")) await broadcastPresence(io, room.slice("roundtable:".length));
        // Back at the tables it still sits at (its disconnection told them it had gone), perhaps on another node.
        for (const room of socket.rooms) if (room.startsWith("roundtable:")) await broadcastPresence(io, room.slice("roundtable:".length));
      } catch (err) {
        log.error({ err, socketId: socket.id }, "revalidating a recovered socket's rooms failed");
      }
    }
  });
}
