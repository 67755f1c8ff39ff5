// The one write path: validate → authorize → one transaction (change + audit + idempotency record) → broadcast.
import { z } from "zod";
import type { Transaction } from "kysely";
import type { DB } from "../../db/connection.server";
import { dialectOf, type SqlDialect } from "../../db/dialect";
import type { Database } from "../../db/schema";
import { hasAnyRole } from "../../app/domain/roles";
import { rolesOf } from "../../db/queries/admin.server";
import { log as rootLog, type Logger } from "../log";
import { CommandError, type Issue } from "./errors";
import type { Actor, Broadcast, CommandContext, CommandDefinition } from "./types";

export const envelopeSchema = z.object({
  id: z.string().uuid(),
  type: z.string().min(1).max(100),
  payload: z.unknown().optional(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** Runs of one command's transaction on PostgreSQL before a serialization failure is given up as an error. */
const MAX_ATTEMPTS = 10;

export type Outcome = { ok: true; result: unknown; replayed: boolean } | { ok: false; error: CommandError };

export interface CommandBusOptions {
  db: DB;
  commands: readonly CommandDefinition<any, any>[];
  publish: (broadcasts: Broadcast[]) => void;
  /** Called before public commands run; throws CommandError("rate_limited") to refuse. */
  limitPublic?: (actor: Actor, type: string) => Promise<void>;
  /** Error map for zod messages in the caller's language. */
  zodError?: (lang: string) => z.core.$ZodErrorMap | undefined;
}

export function actorKey(actor: Actor): string {
  switch (actor.kind) {
    case "user":
      return `user:${actor.userId}`;
    case "anonymous":
      return `anon:${actor.clientKey}`;
    case "system":
      return `system:${actor.label}`;
  }
}

function actorLabel(actor: Actor): string {
  return actor.kind === "user" ? actor.name : actor.kind === "system" ? `system:${actor.label}` : "anonymous";
}

export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)), code: i.code, message: i.message }));
}

export class CommandBus {
  private readonly byType: Map<string, CommandDefinition<any, any>>;

  private readonly dialect: SqlDialect;
  /** PostgreSQL: transactions run side by side (and on other nodes); SQLite: one at a time. */
  private readonly concurrent: boolean;

  constructor(private readonly options: CommandBusOptions) {
    this.byType = new Map(options.commands.map((c) => [c.type, c]));
    this.dialect = dialectOf(options.db);
    this.concurrent = this.dialect.name === "postgres";
  }

  list(): readonly CommandDefinition<any, any>[] {
    return this.options.commands;
  }

  /**
   * Runs one command. `log` is the caller's logger (a request's, carrying its request id): each command is logged
   * with its id, type, outcome and duration — accepted and replayed ones at debug, refusals at info, failures at error.
   */
  async execute(rawEnvelope: unknown, actor: Actor, lang = "es", log: Logger = rootLog): Promise<Outcome> {
    const started = performance.now();
    const what = () => {
      const e = (rawEnvelope ?? {}) as { id?: unknown; type?: unknown };
      return {
        commandId: typeof e.id === "string" ? e.id.slice(0, 100) : undefined,
        commandType: typeof e.type === "string" ? e.type.slice(0, 100) : undefined,
        ms: Math.round((performance.now() - started) * 100) / 100,
      };
    };
    try {
      const outcome = await this.run(rawEnvelope, actor, lang);
      if (log.isLevelEnabled("debug")) log.debug({ ...what(), outcome: outcome.replayed ? "replayed" : "ok" }, "command");
      return { ok: true, ...outcome };
    } catch (error) {
      if (error instanceof CommandError) {
        if (log.isLevelEnabled("info")) log.info({ ...what(), outcome: error.code }, "command refused");
        return { ok: false, error };
      }
      log.error({ ...what(), outcome: "error", err: error }, "command failed");
      throw error;
    }
  }

  private async run(rawEnvelope: unknown, actor: Actor, lang: string): Promise<{ result: unknown; replayed: boolean }> {
    const errorMap = this.options.zodError?.(lang);
    const envelope = envelopeSchema.safeParse(rawEnvelope, { error: errorMap });
    if (!envelope.success) throw new CommandError("invalid", "error.invalid_envelope", {}, toIssues(envelope.error));
    const { id, type } = envelope.data;
    const def = this.byType.get(type);
    if (!def) throw new CommandError("unknown_command", "error.unknown_command", { type });

    const parsed = def.schema.safeParse(envelope.data.payload ?? {}, { error: errorMap });
    if (!parsed.success) throw new CommandError("invalid", "error.invalid_payload", {}, toIssues(parsed.error));
    const payload = parsed.data;

    if (def.access !== "public" && actor.kind === "anonymous") throw new CommandError("unauthenticated", "error.unauthenticated");
    const key = actorKey(actor);
    if (def.access === "public" && this.options.limitPublic) {
      // A retry of a command already applied gets its first answer, never a 429: look before taking a point.
      const previous = await this.options.db.selectFrom("command_log").select(["type", "actor_key", "response"]).where("id", "=", id).executeTakeFirst();
      if (previous && previous.type === type && previous.actor_key === key) return { result: JSON.parse(previous.response) as unknown, replayed: true };
      await this.options.limitPublic(actor, type);
    }

    let broadcasts: Broadcast[] = [];
    const outcome = await this.transact(def.isolation ?? "serializable", async (trx) => {
      // A rerun (PostgreSQL serialization failure) starts from nothing: broadcasts of a failed attempt are dropped.
      broadcasts = [];
      const previous = await trx.selectFrom("command_log").selectAll().where("id", "=", id).executeTakeFirst();
      if (previous) {
        if (previous.type !== type || previous.actor_key !== key) throw new CommandError("conflict", "error.command_id_reused");
        return { result: JSON.parse(previous.response) as unknown, replayed: true };
      }
      const now = new Date().toISOString();
      // Several nodes: the id is claimed first, so the same command sent to two nodes waits here on the other's
      // row and, once that commits, reruns (serialization failure) and answers the first result (decision 0010).
      if (this.concurrent) await trx.insertInto("command_log").values({ id, type, actor_key: key, status: 0, response: "null", created_at: now }).execute();
      const consultationId = await def.consultationOf(trx, payload);
      const roles = actor.kind === "user" && consultationId ? await rolesOf(trx, actor.userId, consultationId) : [];
      this.authorize(def, actor, roles);

      const ctx: CommandContext = { actor, type, commandId: id, now, roles, consultationId, broadcasts };
      const result = (await def.handle(trx, payload, ctx)) ?? null;
      await trx
        .insertInto("audit_events")
        .values({
          consultation_id: consultationId,
          actor_user_id: actor.kind === "user" ? actor.userId : null,
          actor_label: actorLabel(actor),
          command_id: id,
          command_type: type,
          payload: JSON.stringify(def.redact ? def.redact(payload) : payload),
          result: JSON.stringify(def.redactResult ? def.redactResult(result) : result),
          created_at: now,
        })
        .execute();
      if (this.concurrent)
        await trx
          .updateTable("command_log")
          .set({ status: 200, response: JSON.stringify(result) })
          .where("id", "=", id)
          .execute();
      else
        await trx
          .insertInto("command_log")
          .values({ id, type, actor_key: key, status: 200, response: JSON.stringify(result), created_at: now })
          .execute();
      return { result, replayed: false };
    });
    if (!outcome.replayed && broadcasts.length > 0) this.options.publish(broadcasts);
    return outcome;
  }

  /**
   * SQLite: one writer, commands in arrival order (below). PostgreSQL: concurrent SERIALIZABLE transactions on the
   * pool, each run again from the start when the database reports a serialization failure or a deadlock, a bounded
   * number of times with a growing random pause (decision 0010): the outcome is that of some one-at-a-time order.
   */
  private async transact<T>(isolation: "serializable" | "read_committed", fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    if (!this.concurrent) return this.inTurn(() => this.options.db.transaction().execute(fn));
    const level = isolation === "read_committed" ? "read committed" : "serializable";
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.options.db.transaction().setIsolationLevel(level).execute(fn);
      } catch (error) {
        // A unique violation from a concurrent insert (the claim above, or a handler's) is rerun too: the next
        // attempt sees the other transaction's row and answers as it would have one at a time.
        const again = this.dialect.isRetryable(error) || this.dialect.isUniqueViolation(error);
        if (!again || attempt >= MAX_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** Math.min(attempt, 6)));
      }
    }
  }

  /**
   * Commands take the database in arrival order. SQLite has one connection anyway, and Kysely's connection
   * lock is not fair: under load a late arrival could take it ahead of waiting ones, and some commands
   * waited seconds (the intake benchmark's max latency fell from ~2.3 s to ~0.24 s with this queue).
   */
  private tail: Promise<unknown> = Promise.resolve();
  private inTurn<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private authorize(def: CommandDefinition<any, any>, actor: Actor, roles: readonly string[]): void {
    const access = def.access;
    if (access === "public") return;
    if (access === "system") {
      if (actor.kind !== "system") throw new CommandError("forbidden", "error.forbidden");
      return;
    }
    if (actor.kind === "system") return;
    if (actor.kind !== "user") throw new CommandError("unauthenticated", "error.unauthenticated");
    if (access === "authenticated") return;
    if (access === "platform_admin") {
      if (!actor.isPlatformAdmin) throw new CommandError("forbidden", "error.forbidden");
      return;
    }
    // A platform admin acts as point of contact anywhere (0001), not as a member, proponent or facilitator.
    const effective = actor.isPlatformAdmin ? [...roles, "point_of_contact"] : roles;
    if (!hasAnyRole(effective, access.roles)) throw new CommandError("forbidden", "error.forbidden");
  }
}
