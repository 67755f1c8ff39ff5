// Roundtable pages are for the consultation's staff (signed in, any role there, or a platform admin); what each
// person may do at the table follows from their roles and organization (see read-policy.server.ts).
import type { AppLoadContext } from "@remix-run/node";
import { organizationOfUser } from "./queries.server";
import { canSeeDraft, requireStaff, type ProposalOwner } from "./read-policy.server";

export async function requireRoundtableStaff(context: AppLoadContext, request: Request, consultationId: string) {
  const { user, policy } = await requireStaff(context, request, consultationId);
  const organizationId = await organizationOfUser(context.db, user.id);
  const viewer = { userId: user.id, organizationId };
  return {
    user,
    viewer,
    policy,
    /** A draft is its organization's alone until registered (0004): anyone else gets a 404, as if it did not exist. */
    requireVisible<P extends ProposalOwner & { state: string }>(proposal: P): P {
      if (proposal.state === "draft" && !canSeeDraft(viewer, proposal)) throw new Response("Not found", { status: 404 });
      return proposal;
    },
    can: {
      register: policy.canRegisterProposals,
      merge: policy.canMergeAtTable,
      manage: policy.isContact,
    },
  };
}

export type RoundtableAccess = Awaited<ReturnType<typeof requireRoundtableStaff>>;
