import { redirect, type AppLoadContext } from "@remix-run/node";
import type { SessionUser } from "../../server/auth/sessions.server";

/** Staff pages need a signed-in user; others are sent to the login page and brought back. */
export function requireUser(context: AppLoadContext, request: Request): SessionUser {
  if (context.user) return context.user;
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}
