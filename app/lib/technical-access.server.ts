// The technical roundtable's staff page is for the consultation's staff (signed in, any role there, or a platform
// admin); what each person may do there follows from their roles and from who chairs the table (see read-policy.server.ts).
import type { AppLoadContext } from "@remix-run/node";
import { organizationOfUser } from "./queries.server";
import { requireStaff } from "./read-policy.server";

export async function requireTechnicalStaff(context: AppLoadContext, request: Request, consultationId: string) {
  const { user, policy } = await requireStaff(context, request, consultationId);
  const organizationId = await organizationOfUser(context.db, user.id);
  return {
    user,
    viewer: { userId: user.id, organizationId },
    roles: {
      contact: policy.isContact,
      member: policy.isTechnicalMember,
      observer: policy.isObserver,
      /** Withdrawal is for the organizations behind a proposal (proponents, or members for their institution). */
      withdraws: policy.canWithdrawForOrganization,
    },
  };
}

/** What the viewer may do at the table, once its chair is known. */
export function technicalPermissions(access: TechnicalAccess, chairUserId: string | null) {
  const chair = access.roles.member && chairUserId === access.user.id;
  return {
    contact: access.roles.contact,
    chair,
    /** Schedules, opens and closes sessions and votes; records anyone's attendance; rejects. */
    run: access.roles.contact || chair,
    member: access.roles.member,
    observer: access.roles.observer,
    /** Records the adoption criteria. */
    review: access.roles.contact || access.roles.member,
    withdraws: access.roles.withdraws,
  };
}

export type TechnicalAccess = Awaited<ReturnType<typeof requireTechnicalStaff>>;
export type TechnicalPermissions = ReturnType<typeof technicalPermissions>;
