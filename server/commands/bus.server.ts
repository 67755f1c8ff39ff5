// The one write path: validate → authorize → one transaction (change + audit + idempotency record) → broadcast.
import { z } from "zod";
import { CompiledQuery, type Insertable, type Transaction } from "kysely";
import type { DB } from "../../db/connection.server";
import { dialectOf, type SqlDialect } from "../../db/dialect";
import { prepared } from "../../db/prepared";
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

/** SQLite: most commands committed together (group commit, below); bounds one transaction's size and wait. */
const MAX_GROUP = 128;
const SAVEPOINT = CompiledQuery.raw("savepoint command");
const ROLLBACK_TO = CompiledQuery.raw("rollback to savepoint command");
const RELEASE = CompiledQuery.raw("release savepoint command");
type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

// The statements every command runs, compiled once (db/prepared.ts).
const findCommand = prepared((db, p: { id: string }) => db.selectFrom("command_log").selectAll().where("id", "=", p.id));
const appendAudit = prepared((db, p: Insertable<Database["audit_events"]> & { consultation_id: string | null; actor_user_id: string | null }) =>
  db.insertInto("audit_events").values({
    consultation_id: p.consultation_id,
    actor_user_id: p.actor_user_id,
    actor_label: p.actor_label,
    command_id: p.command_id,
    command_type: p.command_type,
    payload: p.payload,
    result: p.result,
    created_at: p.created_at,
  }),
);
const logCommand = prepared((db, p: { id: string; type: string; actor_key: string; response: string; created_at: string }) =>
  db.insertInto("command_log").values({ id: p.id, type: p.type, actor_key: p.actor_key, status: 200, response: p.response, created_at: p.created_at }),
);
const settleCommand = prepared((db, p: { id: string; response: string }) =>
  db.updateTable("command_log").set({ status: 200, response: p.response }).where("id", "=", p.id),
);

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
   * `at` records the command at another time than now: only the demo seed passes it, to write a past consultation
   * (2016) at the dates it happened; the HTTP, API and socket adapters never do.
   */
  async execute(rawEnvelope: unknown, actor: Actor, lang = "es", log: Logger = rootLog, at?: string): Promise<Outcome> {
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
      const outcome = await this.run(rawEnvelope, actor, lang, at);
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

  private async run(rawEnvelope: unknown, actor: Actor, lang: string, at?: string): Promise<{ result: unknown; replayed: boolean }> {
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
      try {
        await this.options.limitPublic(actor, type);
      } catch (error) {
        // A retry of a command already applied gets its first answer, never a 429. Looked up only when refused: a
        // lookup on every command cost a statement and, outside the queue below, waited on Kysely's unfair
        // connection lock behind whole groups (the intake benchmark's p99 was seconds).
        if (!(error instanceof CommandError) || error.code !== "rate_limited") throw error;
        const previous = await this.options.db.selectFrom("command_log").select(["type", "actor_key", "response"]).where("id", "=", id).executeTakeFirst();
        if (previous && previous.type === type && previous.actor_key === key) return { result: JSON.parse(previous.response) as unknown, replayed: true };
        throw error;
      }
    }

    let broadcasts: Broadcast[] = [];
    const outcome = await this.transact(def.isolation ?? "serializable", async (trx) => {
      // A rerun (PostgreSQL serialization failure) starts from nothing: broadcasts of a failed attempt are dropped.
      broadcasts = [];
      const [previous] = (await findCommand(trx, { id })).rows;
      if (previous) {
        if (previous.type !== type || previous.actor_key !== key) throw new CommandError("conflict", "error.command_id_reused");
        return { result: JSON.parse(previous.response) as unknown, replayed: true };
      }
      const now = at ?? new Date().toISOString();
      // Several nodes: the id is claimed first, so the same command sent to two nodes waits here on the other's
      // row and, once that commits, reruns (serialization failure) and answers the first result (decision 0010).
      if (this.concurrent) await trx.insertInto("command_log").values({ id, type, actor_key: key, status: 0, response: "null", created_at: now }).execute();
      const consultationId = await def.consultationOf(trx, payload);
      const roles = actor.kind === "user" && consultationId ? await rolesOf(trx, actor.userId, consultationId) : [];
      this.authorize(def, actor, roles);

      const ctx: CommandContext = { actor, type, commandId: id, now, roles, consultationId, broadcasts };
      const result = (await def.handle(trx, payload, ctx)) ?? null;
      await appendAudit(trx, {
        consultation_id: consultationId,
        actor_user_id: actor.kind === "user" ? actor.userId : null,
        actor_label: actorLabel(actor),
        command_id: id,
        command_type: type,
        payload: JSON.stringify(def.redact ? def.redact(payload) : payload),
        result: JSON.stringify(def.redactResult ? def.redactResult(result) : result),
        created_at: now,
      });
      if (this.concurrent) await settleCommand(trx, { id, response: JSON.stringify(result) });
      else await logCommand(trx, { id, type, actor_key: key, response: JSON.stringify(result), created_at: now });
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
    if (!this.concurrent) return this.inTurn(fn);
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
   * SQLite, group commit: commands take the database in arrival order, and every command that arrived while one
   * group ran goes into the next: one BEGIN IMMEDIATE … COMMIT for the group, each command in its own SAVEPOINT, so a
   * command that fails rolls back only itself. Nobody hears back before the COMMIT (each outcome, and so each answer
   * and broadcast, waits for it); if the COMMIT (or a rollback to a savepoint) fails, every command of the group gets
   * that error and nothing of it is stored. One commit per group instead of one per command: fewer WAL writes and
   * checkpoints, the largest cost of a command after HTTP. Arrival order also keeps it fair: Kysely's connection
   * lock is not, and under load some commands waited seconds behind later ones before this queue.
   */
  private readonly queue: Array<{ fn: (trx: Transaction<Database>) => Promise<unknown>; settle: (outcome: Settled) => void }> = [];
  private draining = false;

  private inTurn<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, settle: (o) => (o.ok ? resolve(o.value as T) : reject(o.error)) });
      if (this.draining) return;
      this.draining = true;
      // Wait for the rest of this turn of the event loop: requests read in the same poll arrive one after the other,
      // and a command's transaction runs on promises alone, so without this pause every group held one command.
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.runGroup(this.queue.splice(0, MAX_GROUP));
    } finally {
      this.draining = false;
    }
  }

  private async runGroup(group: Array<{ fn: (trx: Transaction<Database>) => Promise<unknown>; settle: (outcome: Settled) => void }>): Promise<void> {
    const outcomes: Settled[] = [];
    try {
      await this.options.db.transaction().execute(async (trx) => {
        for (const { fn } of group) {
          await trx.executeQuery(SAVEPOINT);
          try {
            const value = await fn(trx);
            await trx.executeQuery(RELEASE);
            outcomes.push({ ok: true, value });
          } catch (error) {
            // Undoes this command's writes only; if SQLite already ended the transaction this throws, and the
            // whole group fails below.
            await trx.executeQuery(ROLLBACK_TO);
            await trx.executeQuery(RELEASE);
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const { settle } of group) settle({ ok: false, error });
      return;
    }
    group.forEach(({ settle }, i) => settle(outcomes[i]));
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
