import { randomUUID } from "node:crypto";
import { createAdminSchema, createApiTokenSchema } from "../../app/domain/schemas/system";
import { hashPassword, randomToken, sha256 } from "../auth/crypto.server";
import { conflict, notFound } from "./errors";
import { defineCommand } from "./types";

export const createAdmin = defineCommand({
  type: "admin.create",
  summary: "Create a platform admin (CLI only).",
  schema: createAdminSchema,
  access: "system",
  consultationOf: async () => null,
  async handle(trx, p, ctx) {
    const taken = await trx.selectFrom("users").select("id").where("email", "=", p.email).executeTakeFirst();
    if (taken) throw conflict("error.email_taken");
    const id = randomUUID();
    await trx
      .insertInto("users")
      .values({
        id,
        email: p.email,
        name: p.name,
        password_hash: await hashPassword(p.password),
        organization_id: null,
        is_platform_admin: 1,
        created_at: ctx.now,
        disabled_at: null,
      })
      .execute();
    return { userId: id };
  },
  redact: (p) => ({ email: p.email, name: p.name, password: "[redacted]" }),
});

export const createApiToken = defineCommand({
  type: "api_token.create",
  summary: "Create an API token for a user (CLI only); the token is shown once.",
  schema: createApiTokenSchema,
  access: "system",
  consultationOf: async () => null,
  async handle(trx, p, ctx) {
    const user = await trx.selectFrom("users").select("id").where("id", "=", p.userId).executeTakeFirst();
    if (!user) throw notFound("user");
    const token = `cocrea_${randomToken(24)}`;
    const id = randomUUID();
    await trx
      .insertInto("api_tokens")
      .values({ id, token_hash: sha256(token), user_id: p.userId, name: p.name, created_at: ctx.now, revoked_at: null })
      .execute();
    return { tokenId: id, token };
  },
  redactResult: (r) => ({ tokenId: r.tokenId }),
});
