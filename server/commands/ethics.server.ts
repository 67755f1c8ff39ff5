import { randomUUID } from "node:crypto";
import { signEthicsSchema } from "../../app/domain/schemas/ethics";
import { sha256 } from "../auth/crypto.server";
import { hasAnyRole } from "../../app/domain/roles";
import { conflict, forbidden } from "./errors";
import { announceChange, requireConsultation, requireStageOpen } from "./lookup.server";
import { defineCommand } from "./types";

/** Technical-roundtable members sign during the public call; who signed and when is public. */
export const signEthics = defineCommand({
  type: "ethics.sign",
  summary: "Sign the declaration of ethics and conflicts of interest (technical-roundtable members, public-call stage open).",
  schema: signEthicsSchema,
  access: { roles: ["technical_member"] },
  consultationOf: (trx, p) => requireConsultation(trx, p.consultationId),
  async handle(trx, p, ctx) {
    if (ctx.actor.kind !== "user") throw conflict("error.forbidden");
    // A platform admin acts as point of contact, not as a member: only members sign.
    if (!hasAnyRole(ctx.roles, ["technical_member"])) throw forbidden();
    await requireStageOpen(trx, p.consultationId, "public_call");
    const consultation = await trx.selectFrom("consultations").select("ethics_text").where("id", "=", p.consultationId).executeTakeFirstOrThrow();
    const textHash = sha256(consultation.ethics_text);
    const already = await trx
      .selectFrom("ethics_declarations")
      .select("id")
      .where("consultation_id", "=", p.consultationId)
      .where("user_id", "=", ctx.actor.userId)
      .where("text_sha256", "=", textHash)
      .executeTakeFirst();
    if (already) throw conflict("error.already_signed");
    const user = await trx.selectFrom("users").select(["name", "organization_id"]).where("id", "=", ctx.actor.userId).executeTakeFirstOrThrow();
    const id = randomUUID();
    await trx
      .insertInto("ethics_declarations")
      .values({
        id,
        consultation_id: p.consultationId,
        user_id: ctx.actor.userId,
        organization_id: user.organization_id,
        signer_name: user.name,
        conflicts: p.conflicts,
        text_sha256: textHash,
        signed_at: ctx.now,
      })
      .execute();
    announceChange(ctx, p.consultationId);
    return { declarationId: id, signedAt: ctx.now };
  },
});
