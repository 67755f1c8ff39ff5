// Forum pages are for the consultation's staff: signed in, with any role there (or a platform admin).
import type { AppLoadContext } from "@remix-run/node";
import { forumById } from "./queries.server";
import { readPolicy } from "./read-policy.server";
import { requireUser } from "./require-user.server";

export async function requireForumStaff(context: AppLoadContext, request: Request, forumId: string | undefined) {
  const user = requireUser(context, request);
  const forum = forumId ? await forumById(context.db, forumId) : null;
  if (!forum) throw new Response("Not found", { status: 404 });
  const policy = await readPolicy(context.db, user, forum.consultation_id);
  if (!policy.isStaff) throw new Response("Forbidden", { status: 403 });
  return { user, forum, policy };
}
