import { randomUUID } from "node:crypto";
import { acceptInvitationSchema, createInvitationSchema, grantRoleSchema, revokeInvitationSchema, revokeRoleSchema } from "../../app/domain/schemas/membership";
import { hashPassword, randomToken, sha256 } from "../auth/crypto.server";
import { CommandError, conflict, notFound } from "./errors";
import { announceChange, requireConsultation } from "./lookup.server";
import { policyOf } from "../../app/lib/read-policy.server";
import { rolesOf } from "../../db/queries/admin.server";
import { staffRoomsOf } from "../realtime/staff-rooms.server";
import { ACCESS_REVOKED, defineCommand, rooms, type AccessRevoked, type Trx } from "./types";

const pointOfContact = { roles: ["point_of_contact"] } as const;
const INVITATION_DAYS = 14;

async function grant(trx: Trx, consultationId: string, userId: string, role: string, now: string): Promise<boolean> {
  const held = await trx
    .selectFrom("memberships")
    .select("id")
    .where("consultation_id", "=", consultationId)
    .where("user_id", "=", userId)
    .where("role", "=", role)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (held) return false;
  await trx
    .insertInto("memberships")
    .values({ id: randomUUID(), consultation_id: consultationId, user_id: userId, role, granted_at: now, revoked_at: null })
    .execute();
  return true;
}

async function requireOrganization(trx: Trx, organizationId: string | null | undefined) {
  if (!organizationId) return;
  const org = await trx.selectFrom("organizations").select("id").where("id", "=", organizationId).executeTakeFirst();
  if (!org) throw notFound("organization");
}

export const createInvitation = defineCommand({
  type: "invitation.create",
  summary: "Invite a person to a role in the consultation; answers with a one-time link.",
  schema: createInvitationSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => requireConsultation(trx, p.consultationId),
  async handle(trx, p, ctx) {
    await requireOrganization(trx, p.organizationId);
    const token = randomToken();
    const id = randomUUID();
    const expires = new Date(Date.parse(ctx.now) + INVITATION_DAYS * 86_400_000).toISOString();
    await trx
      .insertInto("invitations")
      .values({
        id,
        consultation_id: p.consultationId,
        token_hash: sha256(token),
        email: p.email,
        name: p.name,
        role: p.role,
        organization_id: p.organizationId ?? null,
        created_by: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        created_at: ctx.now,
        expires_at: expires,
        accepted_at: null,
        accepted_user_id: null,
        revoked_at: null,
      })
      .execute();
    announceChange(ctx, p.consultationId, "staff");
    // The token is answered once (and kept by idempotent replays); only its hash is stored in the table.
    return { invitationId: id, path: `/invite/${token}`, expiresAt: expires };
  },
  redactResult: (r) => ({ ...r, path: "/invite/[redacted]" }),
});

export const revokeInvitation = defineCommand({
  type: "invitation.revoke",
  summary: "Revoke an invitation that has not been accepted.",
  schema: revokeInvitationSchema,
  access: pointOfContact,
  async consultationOf(trx, p) {
    const inv = await trx.selectFrom("invitations").select("consultation_id").where("id", "=", p.invitationId).executeTakeFirst();
    if (!inv) throw notFound("invitation");
    return inv.consultation_id;
  },
  async handle(trx, p, ctx) {
    const inv = await trx.selectFrom("invitations").selectAll().where("id", "=", p.invitationId).executeTakeFirstOrThrow();
    if (inv.accepted_at) throw conflict("error.invitation_used");
    if (inv.revoked_at) throw conflict("error.invitation_revoked");
    await trx.updateTable("invitations").set({ revoked_at: ctx.now }).where("id", "=", p.invitationId).execute();
    announceChange(ctx, inv.consultation_id, "staff");
    return { invitationId: p.invitationId };
  },
});

async function findInvitation(trx: Trx, token: string) {
  return trx.selectFrom("invitations").selectAll().where("token_hash", "=", sha256(token)).executeTakeFirst();
}

export const acceptInvitation = defineCommand({
  type: "invitation.accept",
  summary: "Accept an invitation: create the account (name and password) and take the role.",
  schema: acceptInvitationSchema,
  access: "public",
  async consultationOf(trx, p) {
    const inv = await findInvitation(trx, p.token);
    if (!inv) throw notFound("invitation");
    return inv.consultation_id;
  },
  async handle(trx, p, ctx) {
    const inv = (await findInvitation(trx, p.token))!;
    if (inv.revoked_at) throw conflict("error.invitation_revoked");
    if (inv.accepted_at) throw conflict("error.invitation_used");
    if (inv.expires_at < ctx.now) throw new CommandError("conflict", "error.invitation_expired");
    const existing = await trx.selectFrom("users").select(["id", "password_hash"]).where("email", "=", inv.email).executeTakeFirst();
    let userId: string;
    if (existing) {
      // An existing account keeps its password: the link only adds the role.
      userId = existing.id;
    } else {
      userId = randomUUID();
      await trx
        .insertInto("users")
        .values({
          id: userId,
          email: inv.email,
          name: p.name,
          password_hash: await hashPassword(p.password),
          organization_id: inv.organization_id,
          is_platform_admin: 0,
          created_at: ctx.now,
          disabled_at: null,
        })
        .execute();
    }
    await grant(trx, inv.consultation_id, userId, inv.role, ctx.now);
    await trx.updateTable("invitations").set({ accepted_at: ctx.now, accepted_user_id: userId }).where("id", "=", inv.id).execute();
    announceChange(ctx, inv.consultation_id, "staff");
    return { userId, consultationId: inv.consultation_id, role: inv.role, existingAccount: Boolean(existing) };
  },
  redact: (p) => ({ name: p.name, token: "[redacted]", password: "[redacted]" }),
});

async function requireUser(trx: Trx, userId: string) {
  const user = await trx.selectFrom("users").select("id").where("id", "=", userId).executeTakeFirst();
  if (!user) throw notFound("user");
}

export const grantRole = defineCommand({
  type: "role.grant",
  summary: "Give an existing user a role in the consultation.",
  schema: grantRoleSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => requireConsultation(trx, p.consultationId),
  async handle(trx, p, ctx) {
    await requireUser(trx, p.userId);
    const added = await grant(trx, p.consultationId, p.userId, p.role, ctx.now);
    if (!added) throw conflict("error.role_already_held");
    announceChange(ctx, p.consultationId, "staff");
    return { userId: p.userId, role: p.role };
  },
});

export const revokeRole = defineCommand({
  type: "role.revoke",
  summary: "Take a role away (kept in history).",
  schema: revokeRoleSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => requireConsultation(trx, p.consultationId),
  async handle(trx, p, ctx) {
    if (ctx.actor.kind === "user" && ctx.actor.userId === p.userId && p.role === "point_of_contact") {
      throw conflict("error.cannot_revoke_own_admin");
    }
    const res = await trx
      .updateTable("memberships")
      .set({ revoked_at: ctx.now })
      .where("consultation_id", "=", p.consultationId)
      .where("user_id", "=", p.userId)
      .where("role", "=", p.role)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound("role");
    announceChange(ctx, p.consultationId, "staff");
    // Without any role left here, the user's open sockets leave the consultation's staff rooms at once (not at the
    // next page load): staff changes, forum captures, roundtable feeds.
    const user = await trx.selectFrom("users").select("is_platform_admin").where("id", "=", p.userId).executeTakeFirst();
    const policy = policyOf({ id: p.userId, isPlatformAdmin: user?.is_platform_admin === 1 }, await rolesOf(trx, p.userId, p.consultationId));
    if (!policy.isStaff) {
      const revoked: AccessRevoked = { userId: p.userId, rooms: await staffRoomsOf(trx, p.consultationId) };
      ctx.broadcasts.push({ room: rooms.user(p.userId), event: ACCESS_REVOKED, data: revoked });
    }
    return { userId: p.userId, role: p.role };
  },
});
