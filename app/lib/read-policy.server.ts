// The one read policy: who may see what in a consultation. It stands beside the command access rules (each command's
// `access`, checked by the bus) and answers the same way: roles are held per consultation, and a platform admin counts
// as the point of contact anywhere (0001). Loaders, exports and socket joins ask it rather than spelling roles out.
import type { AppLoadContext } from "@remix-run/node";
import type { Kysely } from "kysely";
import { rolesOf } from "../../db/queries/admin.server";
import type { Database } from "../../db/schema";
import { STAFF_ROLES, hasAnyRole, type Role } from "../domain/roles";
import { requireUser } from "./require-user.server";

export interface Reader {
  id: string;
  isPlatformAdmin: boolean;
}

/** What a proposal's sheet needs to tell whether it is the reader's own (theirs or their organization's). */
export interface ProposalOwner {
  proponent: { userId: string | null; organizationId: string | null };
}

export interface ReadPolicy {
  /** Roles actually held in the consultation (a platform admin's are not made up here). */
  readonly roles: readonly string[];
  readonly isPlatformAdmin: boolean;
  /** Holds a role in the consultation (any), or is a platform admin: may open its staff pages and rooms. */
  readonly isStaff: boolean;
  /** The point of contact (or a platform admin). */
  readonly isContact: boolean;
  /** Hides and restores opinions: the point of contact and systematizers. Only they read hidden text. */
  readonly canModerate: boolean;
  /** Reads staff and invitees' e-mails: the point of contact only. */
  readonly canSeeEmails: boolean;
  /** Holds one of these roles (a platform admin counts as point of contact). */
  has(...roles: Role[]): boolean;
}

export function policyOf(reader: Reader | null, roles: readonly string[]): ReadPolicy {
  const isPlatformAdmin = Boolean(reader?.isPlatformAdmin);
  const effective = isPlatformAdmin ? [...roles, "point_of_contact"] : roles;
  const has = (...wanted: Role[]) => Boolean(reader) && hasAnyRole(effective, wanted);
  const isContact = has("point_of_contact");
  return {
    roles,
    isPlatformAdmin,
    isStaff: Boolean(reader) && (isPlatformAdmin || hasAnyRole(roles, STAFF_ROLES)),
    isContact,
    canModerate: has("point_of_contact", "systematizer"),
    canSeeEmails: isContact,
    has,
  };
}

/** The reader's policy in a consultation (no reader: the public's). */
export async function readPolicy(db: Kysely<Database>, reader: Reader | null, consultationId: string): Promise<ReadPolicy> {
  return policyOf(reader, reader ? await rolesOf(db, reader.id, consultationId) : []);
}

/**
 * Drafts are visible to their proponent's organization only until registered (0004): the proponent and colleagues
 * of the same organization — not the point of contact, not a platform admin. Registered proposals follow the page.
 */
export function canSeeDraft(viewer: { userId: string; organizationId: string | null }, proposal: ProposalOwner): boolean {
  const p = proposal.proponent;
  return p.userId === viewer.userId || (p.organizationId !== null && p.organizationId === viewer.organizationId);
}

/** A citizen input's text as the reader may see it: hidden by moderation, only moderators read it. */
export function inputText(policy: ReadPolicy, input: { text: string; status: string }): string | null {
  return input.status === "hidden" && !policy.canModerate ? null : input.text;
}

/** Staff pages of a consultation: a signed-in reader with a role there (or a platform admin); 403 otherwise. */
export async function requireStaff(context: AppLoadContext, request: Request, consultationId: string) {
  const user = requireUser(context, request);
  const policy = await readPolicy(context.db, user, consultationId);
  if (!policy.isStaff) throw new Response("Forbidden", { status: 403 });
  return { user, policy };
}
