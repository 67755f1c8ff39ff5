import { randomUUID } from "node:crypto";
import { createAdminSchema, createApiTokenSchema, fixImpossibleDatesSchema } from "../../app/domain/schemas/system";
import { findImpossibleDates, type ImpossibleDate } from "../../db/queries/impossible-dates.server";
import { hashPassword, randomToken, sha256 } from "../auth/crypto.server";
import type { Kysely } from "kysely";
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

/**
 * Empties the impossible calendar dates stored before every command checked its dates (2027-13-45, 2027-02-30…):
 * no nearer day would be right for sure, and an empty date reads as "not set" where a wrong one would mislead.
 * The audit event keeps every value it emptied (table, row, column, value), so nothing is lost. A column that must
 * hold a day (a forum's) is left as it is and listed: a person corrects it with forum.update.
 */
export const fixImpossibleDates = defineCommand({
  type: "dates.fix_impossible",
  summary: "Empty the impossible calendar dates stored before dates were checked (CLI only: check-dates --fix).",
  schema: fixImpossibleDatesSchema,
  access: "system",
  consultationOf: async () => null,
  async handle(trx) {
    const found = await findImpossibleDates(trx);
    const fixed: ImpossibleDate[] = [];
    const kept: ImpossibleDate[] = [];
    for (const d of found) {
      if (!d.nullable) {
        kept.push(d);
        continue;
      }
      // Only the value found is emptied: the table and column come from DATE_COLUMNS, never from input.
      await (trx as unknown as Kysely<Record<string, Record<string, string | null>>>)
        .updateTable(d.table)
        .set({ [d.column]: null })
        .where("id", "=", d.id)
        .where(d.column, "=", d.value)
        .execute();
      fixed.push(d);
    }
    return { fixed, kept };
  },
});
