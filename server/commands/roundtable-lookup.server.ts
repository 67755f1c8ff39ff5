// Reads shared by the roundtable and proposal commands: resolve references, find the open round, turn a pure
// rule's refusal into a CommandError, and tell the table (and the dashboard) what changed.
import type { Refusal } from "../../app/domain/proposals/rules";
import { ROUNDTABLE_EVENTS, roundtableRoom, type RoundtableChange } from "../../app/live/roundtable-events";
import { CommandError, notFound } from "./errors";
import { announceChange } from "./lookup.server";
import type { CommandContext, Trx } from "./types";

export async function consultationOfRoundtable(trx: Trx, roundtableId: string): Promise<string> {
  const row = await trx.selectFrom("roundtables").select("consultation_id").where("id", "=", roundtableId).executeTakeFirst();
  if (!row) throw notFound("roundtable");
  return row.consultation_id;
}

export async function consultationOfRound(trx: Trx, roundId: string): Promise<string> {
  const row = await trx
    .selectFrom("rounds as r")
    .innerJoin("roundtables as t", "t.id", "r.roundtable_id")
    .select("t.consultation_id")
    .where("r.id", "=", roundId)
    .executeTakeFirst();
  if (!row) throw notFound("round");
  return row.consultation_id;
}

export async function consultationOfProposal(trx: Trx, proposalId: string): Promise<string> {
  const row = await trx.selectFrom("proposals").select("consultation_id").where("id", "=", proposalId).executeTakeFirst();
  if (!row) throw notFound("proposal");
  return row.consultation_id;
}

export async function consultationOfOperation(trx: Trx, operationId: string): Promise<string> {
  const row = await trx.selectFrom("proposal_operations").select("consultation_id").where("id", "=", operationId).executeTakeFirst();
  if (!row) throw notFound("operation");
  return row.consultation_id;
}

export async function requireRoundtable(trx: Trx, roundtableId: string) {
  const row = await trx
    .selectFrom("roundtables as t")
    .leftJoin("themes as th", "th.id", "t.theme_id")
    .select(["t.id", "t.consultation_id", "t.theme_id", "t.kind", "t.name", "th.name as theme_name"])
    .where("t.id", "=", roundtableId)
    .executeTakeFirst();
  if (!row) throw notFound("roundtable");
  return row;
}

export async function requireRound(trx: Trx, roundId: string) {
  const row = await trx.selectFrom("rounds").selectAll().where("id", "=", roundId).executeTakeFirst();
  if (!row) throw notFound("round");
  return row;
}

export async function openRoundOf(trx: Trx, roundtableId: string) {
  return trx.selectFrom("rounds").selectAll().where("roundtable_id", "=", roundtableId).where("status", "=", "open").executeTakeFirst();
}

/** The open round, or 409 "no round of this table is open". */
export async function requireOpenRound(trx: Trx, roundtableId: string) {
  const round = await openRoundOf(trx, roundtableId);
  if (!round) throw new CommandError("conflict", "roundtable.error.no_open_round");
  return round;
}

/** The round a new proposal joins: the open one, else the next one scheduled. */
export async function receivingRound(trx: Trx, roundtableId: string) {
  const open = await openRoundOf(trx, roundtableId);
  if (open) return open;
  const next = await trx
    .selectFrom("rounds")
    .selectAll()
    .where("roundtable_id", "=", roundtableId)
    .where("status", "=", "pending")
    .orderBy("number")
    .executeTakeFirst();
  if (!next) throw new CommandError("conflict", "roundtable.error.no_round_scheduled");
  return next;
}

/** The signed-in actor and their organization (proposals are registered by an organization's delegate). */
export async function actingUser(trx: Trx, ctx: CommandContext): Promise<{ userId: string; name: string; organizationId: string | null } | null> {
  if (ctx.actor.kind !== "user") return null;
  const user = await trx.selectFrom("users").select(["id", "name", "organization_id"]).where("id", "=", ctx.actor.userId).executeTakeFirst();
  return user ? { userId: user.id, name: user.name, organizationId: user.organization_id } : null;
}

/** The proposal another one was merged or split into, for "«X» ya fue unificada en «Y»". */
export async function successorTitles(trx: Trx, proposalId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom("proposal_lineage as l")
    .innerJoin("proposal_operations as o", "o.id", "l.operation_id")
    .innerJoin("proposals as p", "p.id", "l.result_id")
    .select("p.title")
    .where("l.source_id", "=", proposalId)
    .where("o.undone_at", "is", null)
    .execute();
  return rows.map((r) => r.title);
}

/** A refusal from the pure rules, as the error the command answers (naming the proposal and what changed). */
export async function refusalError(trx: Trx, refusal: Refusal): Promise<CommandError> {
  switch (refusal.code) {
    case "too_few_sources":
      return new CommandError("invalid", "roundtable.error.too_few", { min: refusal.min });
    case "duplicate_source":
      return new CommandError("invalid", "roundtable.error.duplicate_source");
    case "other_consultation":
      return new CommandError("invalid", "roundtable.error.other_consultation", { title: refusal.title });
    case "other_theme":
      return new CommandError("invalid", "roundtable.error.other_theme", { title: refusal.title });
    case "stale":
      return new CommandError("conflict", "roundtable.error.stale", { title: refusal.title, expected: refusal.expected, actual: refusal.actual });
    case "already_undone":
      return new CommandError("conflict", "roundtable.error.already_undone");
    case "round_closed":
      return new CommandError("conflict", "roundtable.error.round_closed");
    case "result_moved_on":
      return new CommandError("conflict", "roundtable.error.result_moved_on", { title: refusal.title, state: `@proposal.state.${refusal.state}` });
    case "not_editable":
    case "not_active": {
      const { title, state } = refusal;
      if (state === "merged" || state === "split") {
        const into = (await successorTitles(trx, refusal.proposalId)).map((t) => `«${t}»`).join(", ");
        return new CommandError("conflict", state === "merged" ? "roundtable.error.already_merged" : "roundtable.error.already_split", { title, into });
      }
      return new CommandError("conflict", "roundtable.error.not_active", { title, state: `@proposal.state.${state}` });
    }
  }
}

/** After commit: the table's live session, and the dashboard (counts per stage and theme). */
export function announceRoundtable(
  ctx: CommandContext,
  roundtableId: string,
  consultationId: string,
  actor: string,
  key: string,
  params: Record<string, string | number> = {},
): void {
  const change: RoundtableChange = { roundtableId, type: ctx.type, at: ctx.now, actor, key, params };
  ctx.broadcasts.push({ room: roundtableRoom(roundtableId), event: ROUNDTABLE_EVENTS.changed, data: change });
  // Public too: the public funnel ("how many remain at each stage") follows every change live.
  announceChange(ctx, consultationId);
}

export function actorLabel(ctx: CommandContext, user: { name: string } | null): string {
  if (user) return user.name;
  return ctx.actor.kind === "system" ? ctx.actor.label : "—";
}
