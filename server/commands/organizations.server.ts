import { randomUUID } from "node:crypto";
import { createOrganizationSchema, updateOrganizationSchema } from "../../app/domain/schemas/organization";
import { sql } from "kysely";
import { dialectOf } from "../../db/dialect";
import { conflict, forbidden, notFound } from "./errors";
import { announceChange, requireConsultation } from "./lookup.server";
import { defineCommand, type Trx } from "./types";

const pointOfContact = { roles: ["point_of_contact"] } as const;

async function refuseTakenAcronym(trx: Trx, acronym: string, exceptId?: string) {
  let q = trx.selectFrom("organizations").select("id").where("acronym", "=", acronym);
  if (exceptId) q = q.where("id", "!=", exceptId);
  if (await q.executeTakeFirst()) throw conflict("error.acronym_taken", { acronym });
}

/**
 * The consultations an organization belongs to (0006): the one whose point of contact created it (its
 * organization.create in the audit log), and every one that uses it — staff or invitees of it, proposals in its name,
 * rounds it hosts or attended.
 */
async function consultationsOfOrganization(trx: Trx, organizationId: string): Promise<Set<string>> {
  const rows = await sql<{ consultation_id: string | null }>`
    SELECT consultation_id FROM audit_events
      WHERE command_type = 'organization.create' AND ${dialectOf(trx).jsonField("result", "organizationId")} = ${organizationId}
    UNION SELECT m.consultation_id FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE u.organization_id = ${organizationId} AND m.revoked_at IS NULL
    UNION SELECT consultation_id FROM invitations WHERE organization_id = ${organizationId} AND revoked_at IS NULL
    UNION SELECT consultation_id FROM proposals
      WHERE ${organizationId} IN (proponent_organization_id, state_organization_id, lead_organization_id)
    UNION SELECT t.consultation_id FROM rounds r JOIN roundtables t ON t.id = r.roundtable_id WHERE r.host_organization_id = ${organizationId}
    UNION SELECT t.consultation_id FROM round_attendance a JOIN rounds r ON r.id = a.round_id JOIN roundtables t ON t.id = r.roundtable_id
      WHERE a.organization_id = ${organizationId}
  `.execute(trx);
  return new Set(rows.rows.map((r) => r.consultation_id).filter((id): id is string => id !== null));
}

export const createOrganization = defineCommand({
  type: "organization.create",
  summary: "Register an organization (institution, civil society, academia, private sector, cooperation).",
  schema: createOrganizationSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => requireConsultation(trx, p.consultationId),
  async handle(trx, p, ctx) {
    await refuseTakenAcronym(trx, p.acronym);
    const id = randomUUID();
    await trx.insertInto("organizations").values({ id, name: p.name, acronym: p.acronym, sector: p.sector, created_at: ctx.now }).execute();
    announceChange(ctx, p.consultationId, "staff");
    return { organizationId: id };
  },
});

export const updateOrganization = defineCommand({
  type: "organization.update",
  summary: "Edit an organization's name, acronym or sector (a platform admin, or the point of contact of the one consultation that created and uses it).",
  schema: updateOrganizationSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => requireConsultation(trx, p.consultationId),
  async handle(trx, p, ctx) {
    const existing = await trx.selectFrom("organizations").select("id").where("id", "=", p.organizationId).executeTakeFirst();
    if (!existing) throw notFound("organization");
    // Organizations are shared across consultations: one consultation's point of contact may not rename another's.
    if (!(ctx.actor.kind === "user" && ctx.actor.isPlatformAdmin) && ctx.actor.kind !== "system") {
      const owners = await consultationsOfOrganization(trx, p.organizationId);
      if (owners.size !== 1 || !owners.has(p.consultationId)) throw forbidden();
    }
    await refuseTakenAcronym(trx, p.acronym, p.organizationId);
    await trx.updateTable("organizations").set({ name: p.name, acronym: p.acronym, sector: p.sector }).where("id", "=", p.organizationId).execute();
    announceChange(ctx, p.consultationId);
    return { organizationId: p.organizationId };
  },
});
