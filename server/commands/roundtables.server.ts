// Thematic roundtables and their rounds: one table per theme, rounds with date, venue, host and attendance.
// Closing a round carries the live proposals to the next round, or moves them to the next funnel stage.
import { randomUUID } from "node:crypto";
import { stageAfterThematicRound } from "../../app/domain/funnel";
import {
  closeRoundSchema,
  createRoundtableSchema,
  roundAttendanceSchema,
  roundRefSchema,
  scheduleRoundSchema,
  updateRoundSchema,
} from "../../app/domain/schemas/roundtable";
import { CommandError, conflict, notFound } from "./errors";
import { consultationOfTheme, requireStageOpen } from "./lookup.server";
import { enterStage } from "./proposal-store.server";
import { recordSnapshot } from "./snapshots.server";
import { actingUser, actorLabel, announceRoundtable, consultationOfRound, consultationOfRoundtable, requireRound } from "./roundtable-lookup.server";
import { defineCommand, type Trx } from "./types";

const pointOfContact = { roles: ["point_of_contact"] } as const;
const tableStaff = { roles: ["point_of_contact", "roundtable_member"] } as const;
const PHASE = "thematic_roundtables";

async function requireOrganizationIds(trx: Trx, ids: readonly (string | null | undefined)[]): Promise<void> {
  const wanted = [...new Set(ids.filter((i): i is string => Boolean(i)))];
  if (wanted.length === 0) return;
  const found = await trx.selectFrom("organizations").select("id").where("id", "in", wanted).execute();
  if (found.length !== wanted.length) throw notFound("organization");
}

export const createRoundtable = defineCommand({
  type: "roundtable.create",
  summary: "Set up the thematic roundtable of a theme (one per theme).",
  schema: createRoundtableSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfTheme(trx, p.themeId),
  async handle(trx, p, ctx) {
    if (ctx.consultationId !== p.consultationId) throw new CommandError("invalid", "roundtable.error.theme_other_consultation");
    const theme = await trx.selectFrom("themes").select(["name", "archived_at"]).where("id", "=", p.themeId).executeTakeFirstOrThrow();
    if (theme.archived_at) throw conflict("error.theme_already_archived", { theme: theme.name });
    const existing = await trx
      .selectFrom("roundtables")
      .select("id")
      .where("consultation_id", "=", p.consultationId)
      .where("theme_id", "=", p.themeId)
      .where("kind", "=", "thematic")
      .executeTakeFirst();
    if (existing) throw conflict("roundtable.error.exists", { theme: theme.name });
    const id = randomUUID();
    await trx
      .insertInto("roundtables")
      .values({ id, consultation_id: p.consultationId, theme_id: p.themeId, kind: "thematic", name: p.name ?? "" })
      .execute();
    announceRoundtable(ctx, id, p.consultationId, actorLabel(ctx, await actingUser(trx, ctx)), "roundtable.feed.created", { theme: theme.name });
    return { roundtableId: id };
  },
});

export const scheduleRound = defineCommand({
  type: "round.schedule",
  summary: "Schedule the next round of a thematic roundtable (date, venue, host institution).",
  schema: scheduleRoundSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfRoundtable(trx, p.roundtableId),
  async handle(trx, p, ctx) {
    await requireOrganizationIds(trx, [p.hostOrganizationId]);
    const last = await trx
      .selectFrom("rounds")
      .select((eb) => eb.fn.max("number").as("max"))
      .where("roundtable_id", "=", p.roundtableId)
      .executeTakeFirst();
    const number = Number(last?.max ?? 0) + 1;
    const id = randomUUID();
    await trx
      .insertInto("rounds")
      .values({
        id,
        roundtable_id: p.roundtableId,
        number,
        held_on: p.heldOn ?? null,
        venue: p.venue,
        host_organization_id: p.hostOrganizationId ?? null,
        status: "pending",
        opened_at: null,
        closed_at: null,
      })
      .execute();
    announceRoundtable(ctx, p.roundtableId, ctx.consultationId!, actorLabel(ctx, await actingUser(trx, ctx)), "roundtable.feed.round_scheduled", { number });
    return { roundId: id, number };
  },
});

export const updateRound = defineCommand({
  type: "round.update",
  summary: "Change a round's date, venue or host institution.",
  schema: updateRoundSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfRound(trx, p.roundId),
  async handle(trx, p, ctx) {
    const round = await requireRound(trx, p.roundId);
    await requireOrganizationIds(trx, [p.hostOrganizationId]);
    await trx
      .updateTable("rounds")
      .set({ held_on: p.heldOn ?? null, venue: p.venue, host_organization_id: p.hostOrganizationId ?? null })
      .where("id", "=", p.roundId)
      .execute();
    announceRoundtable(ctx, round.roundtable_id, ctx.consultationId!, actorLabel(ctx, await actingUser(trx, ctx)), "roundtable.feed.round_updated", {
      number: round.number,
    });
    return { roundId: p.roundId };
  },
});

export const openRound = defineCommand({
  type: "round.open",
  summary: "Open a round: proposals can be registered, edited, merged and split until it closes.",
  schema: roundRefSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfRound(trx, p.roundId),
  async handle(trx, p, ctx) {
    await requireStageOpen(trx, ctx.consultationId!, PHASE);
    const round = await requireRound(trx, p.roundId);
    if (round.status === "open") throw conflict("roundtable.error.round_already_open", { number: round.number });
    if (round.status === "closed") throw conflict("roundtable.error.round_already_closed", { number: round.number });
    const blocking = await trx
      .selectFrom("rounds")
      .select(["number", "status"])
      .where("roundtable_id", "=", round.roundtable_id)
      .where("id", "!=", round.id)
      .where((eb) => eb.or([eb("status", "=", "open"), eb.and([eb("status", "=", "pending"), eb("number", "<", round.number)])]))
      .orderBy("number")
      .executeTakeFirst();
    if (blocking)
      throw conflict(blocking.status === "open" ? "roundtable.error.other_round_open" : "roundtable.error.earlier_round_pending", { number: blocking.number });
    await trx.updateTable("rounds").set({ status: "open", opened_at: ctx.now }).where("id", "=", round.id).execute();
    // Proposals carried over from earlier rounds (and registered ahead of time) now sit in this round.
    await trx
      .updateTable("proposals")
      .set({ round_id: round.id })
      .where("roundtable_id", "=", round.roundtable_id)
      .where("state", "in", ["draft", "active"])
      .execute();
    announceRoundtable(ctx, round.roundtable_id, ctx.consultationId!, actorLabel(ctx, await actingUser(trx, ctx)), "roundtable.feed.round_opened", {
      number: round.number,
    });
    return { roundId: round.id };
  },
});

export const closeRound = defineCommand({
  type: "round.close",
  summary: "Close a round: live proposals carry over to the next round, or (last round) move to the next funnel stage.",
  schema: closeRoundSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfRound(trx, p.roundId),
  async handle(trx, p, ctx) {
    const round = await requireRound(trx, p.roundId);
    if (round.status !== "open") throw conflict("roundtable.error.round_not_open", { number: round.number });
    const next = await trx
      .selectFrom("rounds")
      .select(["id", "number"])
      .where("roundtable_id", "=", round.roundtable_id)
      .where("status", "=", "pending")
      .where("number", ">", round.number)
      .orderBy("number")
      .executeTakeFirst();
    const advance = p.advance ?? !next;
    const alive = await trx
      .selectFrom("proposals")
      .select(["id", "stage"])
      .where("roundtable_id", "=", round.roundtable_id)
      .where("state", "=", "active")
      .execute();
    let advanced = 0;
    if (advance) {
      const byTarget = new Map<string, string[]>();
      for (const a of alive) {
        const target = stageAfterThematicRound(a.stage);
        if (target) byTarget.set(target, [...(byTarget.get(target) ?? []), a.id]);
      }
      for (const [stage, ids] of byTarget) {
        await enterStage(trx, ids, stage, ctx.now);
        advanced += ids.length;
      }
    }
    if (next) {
      await trx
        .updateTable("proposals")
        .set({ round_id: next.id })
        .where("roundtable_id", "=", round.roundtable_id)
        .where("state", "in", ["draft", "active"])
        .execute();
    }
    await trx.updateTable("rounds").set({ status: "closed", closed_at: ctx.now }).where("id", "=", round.id).execute();
    // The table's last round (none pending after it) closes its part of the funnel: record a snapshot (issue 10).
    const snapshotId = next ? null : await recordSnapshot(trx, ctx, { consultationId: ctx.consultationId!, roundId: round.id });
    announceRoundtable(ctx, round.roundtable_id, ctx.consultationId!, actorLabel(ctx, await actingUser(trx, ctx)), "roundtable.feed.round_closed", {
      number: round.number,
      alive: alive.length,
      advanced,
    });
    return { roundId: round.id, alive: alive.length, advanced, carriedTo: next?.id ?? null, snapshotId };
  },
});

export const recordRoundAttendance = defineCommand({
  type: "round.attendance",
  summary: "Record which organizations are present at a round (replaces the list).",
  schema: roundAttendanceSchema,
  access: tableStaff,
  consultationOf: (trx, p) => consultationOfRound(trx, p.roundId),
  async handle(trx, p, ctx) {
    const round = await requireRound(trx, p.roundId);
    if (round.status === "closed") throw conflict("roundtable.error.round_already_closed", { number: round.number });
    const ids = [...new Set(p.organizationIds)];
    await requireOrganizationIds(trx, ids);
    await trx.deleteFrom("round_attendance").where("round_id", "=", round.id).execute();
    if (ids.length)
      await trx
        .insertInto("round_attendance")
        .values(ids.map((organization_id) => ({ round_id: round.id, organization_id, user_id: null })))
        .execute();
    announceRoundtable(ctx, round.roundtable_id, ctx.consultationId!, actorLabel(ctx, await actingUser(trx, ctx)), "roundtable.feed.attendance", {
      number: round.number,
      count: ids.length,
    });
    return { roundId: round.id, present: ids.length };
  },
});

export const roundtableCommands = [createRoundtable, scheduleRound, updateRound, openRound, closeRound, recordRoundAttendance];
