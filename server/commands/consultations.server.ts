import { randomUUID } from "node:crypto";
import { defaultStages } from "../../app/domain/phases";
import { createConsultationSchema, updateConsultationSchema } from "../../app/domain/schemas/consultation";
import { conflict } from "./errors";
import { announceChange, requireConsultation } from "./lookup.server";
import { defineCommand, type Trx } from "./types";

export function slugify(title: string): string {
  const base = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return base.length >= 3 ? base : `consulta-${base || "nueva"}`;
}

async function freeSlug(trx: Trx, wanted: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? wanted : `${wanted}-${n}`;
    const taken = await trx.selectFrom("consultations").select("id").where("slug", "=", candidate).executeTakeFirst();
    if (!taken) return candidate;
  }
}

export const createConsultation = defineCommand({
  type: "consultation.create",
  summary: "Create a consultation with the ten default stages; the creator becomes its point of contact.",
  schema: createConsultationSchema,
  access: "platform_admin",
  consultationOf: async () => null,
  async handle(trx, p, ctx) {
    if (p.slug) {
      const taken = await trx.selectFrom("consultations").select("id").where("slug", "=", p.slug).executeTakeFirst();
      if (taken) throw conflict("error.slug_taken", { slug: p.slug });
    }
    const id = randomUUID();
    const slug = p.slug ?? (await freeSlug(trx, slugify(p.title)));
    await trx
      .insertInto("consultations")
      .values({
        id,
        slug,
        title: p.title,
        description: p.description,
        methodology: p.methodology,
        participation: p.participation,
        ethics_text: p.ethicsText,
        starts_on: p.startsOn ?? null,
        ends_on: p.endsOn ?? null,
        max_commitments: p.maxCommitments,
        max_milestones: p.maxMilestones,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .execute();
    await trx
      .insertInto("stages")
      .values(
        defaultStages().map((s) => ({
          id: randomUUID(),
          consultation_id: id,
          phase: s.phase,
          name: "",
          description: "",
          position: s.position,
          starts_on: null,
          ends_on: null,
          status: "pending" as const,
          opened_at: null,
          closed_at: null,
        })),
      )
      .execute();
    if (ctx.actor.kind === "user") {
      await trx
        .insertInto("memberships")
        .values({ id: randomUUID(), consultation_id: id, user_id: ctx.actor.userId, role: "point_of_contact", granted_at: ctx.now, revoked_at: null })
        .execute();
    }
    announceChange(ctx, id);
    return { consultationId: id, slug };
  },
});

export const updateConsultation = defineCommand({
  type: "consultation.update",
  summary: "Edit a consultation's title, period, texts and limits.",
  schema: updateConsultationSchema,
  access: { roles: ["point_of_contact"] },
  consultationOf: (trx, p) => requireConsultation(trx, p.consultationId),
  async handle(trx, p, ctx) {
    await trx
      .updateTable("consultations")
      .set({
        title: p.title,
        description: p.description,
        methodology: p.methodology,
        participation: p.participation,
        ethics_text: p.ethicsText,
        starts_on: p.startsOn ?? null,
        ends_on: p.endsOn ?? null,
        max_commitments: p.maxCommitments,
        max_milestones: p.maxMilestones,
        updated_at: ctx.now,
      })
      .where("id", "=", p.consultationId)
      .execute();
    announceChange(ctx, p.consultationId);
    return { consultationId: p.consultationId };
  },
});
