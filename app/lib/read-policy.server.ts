// The one read policy: who may see what in a consultation. It stands beside the command access rules (each command's
// `access`, checked by the bus) and answers the same way: roles are held per consultation, and a platform admin counts
// as the point of contact anywhere (0001) — not as a member, proponent or facilitator. Loaders, exports and socket
// joins ask it by name rather than spelling roles out; tests/unit/read-policy.test.ts is its table, role by role.
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

/** Who is looking at a proposal, for the questions that depend on whose it is. */
export interface Viewer {
  userId: string;
  organizationId: string | null;
}

/** What a proposal's sheet needs to tell whether it is the reader's own (theirs or their organization's). */
export interface ProposalOwner {
  proponent: { userId: string | null; organizationId: string | null };
}

export interface ReadPolicy {
  readonly isPlatformAdmin: boolean;
  /** Holds a role in the consultation (any), or is a platform admin: may open its staff pages and join its staff rooms. */
  readonly isStaff: boolean;
  /** The point of contact (or a platform admin): edits the consultation, manages its tables, writes the reasoned response. */
  readonly isContact: boolean;
  /** Hides and restores opinions: the point of contact and systematizers. Only they read hidden text. */
  readonly canModerate: boolean;
  /** Reads staff and invitees' e-mails: the point of contact only. */
  readonly canSeeEmails: boolean;
  /** Writes, edits and deletes summaries of citizen input: systematizers and the point of contact. */
  readonly canSystematize: boolean;
  /** Records attendance at a forum's door: the point of contact and facilitators. */
  readonly canRecordAttendance: boolean;
  /** Captures at a worktable (the one they are assigned to): facilitators only — a platform admin is not one. */
  readonly canCapture: boolean;
  /** Signs the ethics declaration: technical-roundtable members. */
  readonly canSignEthics: boolean;
  /** Registers proposals at a thematic roundtable (for their organization): proponents. */
  readonly canRegisterProposals: boolean;
  /** Merges and splits at a thematic roundtable, edits the table's unified proposals: its members and the point of contact. */
  readonly canMergeAtTable: boolean;
  /** Sits at the technical roundtable (answers votes, may chair it): technical-roundtable members. */
  readonly isTechnicalMember: boolean;
  /** Follows the technical roundtable without a vote: observers. */
  readonly isObserver: boolean;
  /** Withdraws a proposal for their organization: proponents and technical-roundtable members. */
  readonly canWithdrawForOrganization: boolean;
}

/** The answers for a reader holding `roles` in one consultation (no reader: the public's, all false). */
export function policyOf(reader: Reader | null, roles: readonly string[]): ReadPolicy {
  const isPlatformAdmin = Boolean(reader?.isPlatformAdmin);
  // Same as the bus: a platform admin acts as point of contact, and only as that.
  const effective = isPlatformAdmin ? [...roles, "point_of_contact"] : roles;
  const has = (...wanted: Role[]) => Boolean(reader) && hasAnyRole(effective, wanted);
  const isContact = has("point_of_contact");
  return {
    isPlatformAdmin,
    isStaff: Boolean(reader) && (isPlatformAdmin || hasAnyRole(roles, STAFF_ROLES)),
    isContact,
    canModerate: has("point_of_contact", "systematizer"),
    canSeeEmails: isContact,
    canSystematize: has("systematizer", "point_of_contact"),
    canRecordAttendance: has("point_of_contact", "facilitator"),
    canCapture: has("facilitator"),
    canSignEthics: has("technical_member"),
    canRegisterProposals: has("proponent"),
    canMergeAtTable: has("roundtable_member", "point_of_contact"),
    isTechnicalMember: has("technical_member"),
    isObserver: has("observer"),
    canWithdrawForOrganization: has("proponent", "technical_member"),
  };
}

/** The reader's policy in a consultation (no reader: the public's). */
export async function readPolicy(db: Kysely<Database>, reader: Reader | null, consultationId: string): Promise<ReadPolicy> {
  return policyOf(reader, reader ? await rolesOf(db, reader.id, consultationId) : []);
}

/** Lists every consultation on the admin home, not only those where the reader holds a role: platform admins. */
export function seesEveryConsultation(reader: Reader): boolean {
  return reader.isPlatformAdmin;
}

/** Creates consultations (the `consultation.create` command is `platform_admin`): platform admins. */
export function canCreateConsultations(reader: Reader): boolean {
  return reader.isPlatformAdmin;
}

/** The proposal is the viewer's own: they proposed it, or their organization did. */
export function ownsProposal(viewer: Viewer, proposal: ProposalOwner): boolean {
  const p = proposal.proponent;
  return p.userId === viewer.userId || (p.organizationId !== null && p.organizationId === viewer.organizationId);
}

/**
 * Drafts are visible to their proponent's organization only until registered (0004): the proponent and colleagues
 * of the same organization — not the point of contact, not a platform admin. Registered proposals follow the page.
 */
export function canSeeDraft(viewer: Viewer, proposal: ProposalOwner): boolean {
  return ownsProposal(viewer, proposal);
}

/** The responsible person's e-mail and phone on a proposal's staff sheet: its own organization and the point of contact. */
export function canSeeProposalContact(policy: ReadPolicy, viewer: Viewer, proposal: ProposalOwner): boolean {
  return policy.isContact || ownsProposal(viewer, proposal);
}

/**
 * Exports a plan that is not yet published (still being assembled): the people who write its texts — the point of
 * contact (a platform admin counts as one) and the technical roundtable's members, as `plan.revise` — and nobody else,
 * observers included (decision 0008, addendum issue 17). Once published, every format is public.
 */
export function canExportUnpublishedPlan(policy: ReadPolicy): boolean {
  return policy.isContact || policy.isTechnicalMember;
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
