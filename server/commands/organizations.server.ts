import { randomUUID } from "node:crypto";
import { createOrganizationSchema, updateOrganizationSchema } from "../../app/domain/schemas/organization";
import { conflict, notFound } from "./errors";
import { announceChange, requireConsultation } from "./lookup.server";
import { defineCommand, type Trx } from "./types";

const pointOfContact = { roles: ["point_of_contact"] } as const;

async function refuseTakenAcronym(trx: Trx, acronym: string, exceptId?: string) {
  let q = trx.selectFrom("organizations").select("id").where("acronym", "=", acronym);
  if (exceptId) q = q.where("id", "!=", exceptId);
  if (await q.executeTakeFirst()) throw conflict("error.acronym_taken", { acronym });
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
  summary: "Edit an organization's name, acronym or sector.",
  schema: updateOrganizationSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => requireConsultation(trx, p.consultationId),
  async handle(trx, p, ctx) {
    const existing = await trx.selectFrom("organizations").select("id").where("id", "=", p.organizationId).executeTakeFirst();
    if (!existing) throw notFound("organization");
    await refuseTakenAcronym(trx, p.acronym, p.organizationId);
    await trx.updateTable("organizations").set({ name: p.name, acronym: p.acronym, sector: p.sector }).where("id", "=", p.organizationId).execute();
    announceChange(ctx, p.consultationId);
    return { organizationId: p.organizationId };
  },
});
