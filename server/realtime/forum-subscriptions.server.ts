// Forum boards, projection screens and capture phones join the forum's room: staff of its consultation only
// (captures name the facilitators). Rooms survive a short disconnection (connection state recovery).
import type { Socket } from "socket.io";
import { z } from "zod";
import { forumRoom } from "../../app/domain/forum-events";
import { readPolicy } from "../../app/lib/read-policy.server";
import type { Lang } from "../../app/i18n";
import type { DB } from "../../db/connection.server";
import { CommandError } from "../commands/errors";
import type { Identity } from "../http/actor.server";
import { errorBody } from "../http/respond";
import { log } from "../log";

const forumSubscribeSchema = z.object({ forumId: z.string().uuid() });

export function attachForumSubscriptions(socket: Socket, db: DB, data: { identity: Identity; lang: Lang }): void {
  socket.on("subscribe:forum", async (raw: unknown, ack?: (response: unknown) => void) => {
    const reply = (body: unknown) => typeof ack === "function" && ack(body);
    const fail = (e: CommandError) => reply(errorBody(e, data.lang));
    try {
      const parsed = forumSubscribeSchema.safeParse(raw);
      if (!parsed.success) return fail(new CommandError("invalid", "error.invalid_payload"));
      const forum = await db.selectFrom("forums").select(["id", "consultation_id", "status"]).where("id", "=", parsed.data.forumId).executeTakeFirst();
      if (!forum) return fail(new CommandError("not_found", "error.not_found", { what: "forum" }));
      const user = data.identity.user;
      if (!user) return fail(new CommandError("unauthenticated", "error.unauthenticated"));
      if (!(await readPolicy(db, user, forum.consultation_id)).isStaff) {
        return fail(new CommandError("forbidden", "error.forbidden"));
      }
      await socket.join(forumRoom(forum.id));
      reply({ ok: true, status: forum.status });
    } catch (e) {
      log.error({ err: e }, "forum subscription failed");
      reply({ ok: false, error: { code: "server_error", message: "Internal error" } });
    }
  });

  socket.on("unsubscribe:forum", async (raw: unknown) => {
    const parsed = forumSubscribeSchema.safeParse(raw);
    if (parsed.success) await socket.leave(forumRoom(parsed.data.forumId));
  });
}
