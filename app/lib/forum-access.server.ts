// Forum pages are for the consultation's staff: signed in, with any role there (or a platform admin).
import type { AppLoadContext } from "@remix-run/node";
import { forumById, rolesOf } from "./queries.server";
import { requireUser } from "./require-user.server";

export async function requireForumStaff(context: AppLoadContext, request: Request, forumId: string | undefined) {
  const user = requireUser(context, request);
  const forum = forumId ? await forumById(context.db, forumId) : null;
  if (!forum) throw new Response("Not found", { status: 404 });
  const roles = await rolesOf(context.db, user.id, forum.consultation_id);
  if (!user.isPlatformAdmin && roles.length === 0) throw new Response("Forbidden", { status: 403 });
  const has = (...wanted: string[]) => user.isPlatformAdmin || wanted.some((r) => roles.includes(r));
  return { user, roles, forum, has };
}
