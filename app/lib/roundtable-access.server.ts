// Roundtable pages are for the consultation's staff (signed in, any role there, or a platform admin); what each
// person may do at the table follows from their roles and organization.
import type { AppLoadContext } from "@remix-run/node";
import { organizationOfUser, rolesOf } from "./queries.server";
import { requireUser } from "./require-user.server";

export async function requireRoundtableStaff(context: AppLoadContext, request: Request, consultationId: string) {
  const user = requireUser(context, request);
  const roles = await rolesOf(context.db, user.id, consultationId);
  if (!user.isPlatformAdmin && roles.length === 0) throw new Response("Forbidden", { status: 403 });
  const has = (...wanted: string[]) => wanted.some((r) => roles.includes(r));
  const organizationId = await organizationOfUser(context.db, user.id);
  return {
    user,
    viewer: { userId: user.id, organizationId },
    can: {
      register: has("proponent"),
      merge: user.isPlatformAdmin || has("roundtable_member", "point_of_contact"),
      manage: user.isPlatformAdmin || has("point_of_contact"),
    },
  };
}

export type RoundtableAccess = Awaited<ReturnType<typeof requireRoundtableStaff>>;
