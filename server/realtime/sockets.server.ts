// socket.io adapter: the same command envelope as the HTTP API, plus room subscriptions for live pages.
import type { Server, Socket } from "socket.io";
import { z } from "zod";
import { pickLang, LANG_COOKIE, type Lang } from "../../app/i18n";
import { STAFF_ROLES, hasAnyRole } from "../../app/domain/roles";
import { rolesOf } from "../../db/queries/admin.server";
import type { DB } from "../../db/connection.server";
import type { CommandBus } from "../commands/bus.server";
import { CommandError } from "../commands/errors";
import { rooms } from "../commands/types";
import { clientKey, identify, type Identity } from "../http/actor.server";
import { parseCookies } from "../http/cookies";
import { errorBody, outcomeResponse } from "../http/respond";
import { attachForumSubscriptions } from "./forum-subscriptions.server";
import { attachRoundtablePresence } from "./roundtable-presence.server";

interface SocketData {
  identity: Identity;
  lang: Lang;
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
      const identity = await identify(deps.db, headers, clientKey(deps.secret, socket.handshake.address));
      if (identity.badCredentials) return next(new Error("unauthenticated"));
      const lang = pickLang(parseCookies(headers.cookie)[LANG_COOKIE], headers["accept-language"]);
      (socket.data as SocketData) = { identity, lang };
      next();
    } catch (e) {
      next(e as Error);
    }
  });

  io.on("connection", (socket: Socket) => {
    const data = socket.data as SocketData;
    const reply = (ack: unknown, body: unknown) => {
      if (typeof ack === "function") (ack as Ack)(body);
    };

    socket.on("command", async (envelope: unknown, ack?: Ack) => {
      try {
        const outcome = await deps.bus.execute(envelope, data.identity.actor, data.lang);
        reply(ack, outcomeResponse(outcome, data.lang).body);
      } catch (e) {
        console.error(e);
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
        const roles = user ? await rolesOf(deps.db, user.id, consultationId) : [];
        if (!user || (!user.isPlatformAdmin && !hasAnyRole(roles, STAFF_ROLES))) {
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
  });
}
