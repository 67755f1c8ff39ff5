// The technical roundtable (MTGA) and its sessions: one table per consultation with a chair; review and refinement
// sessions, each of which may close a funnel column ("after the technical roundtable", "after refinement");
// attendance per person (only members present at a session vote there); the consultation's decision settings.
import { randomUUID } from "node:crypto";
import { isAtTechnical, stagesBetween } from "../../app/domain/funnel";
import { hasAnyRole } from "../../app/domain/roles";
import {
  createTechnicalSchema,
  decisionSettingsSchema,
  scheduleSessionSchema,
  sessionAttendanceSchema,
  sessionRefSchema,
  setChairSchema,
} from "../../app/domain/schemas/technical";
import { CommandError, conflict, forbidden, notFound } from "./errors";
import { announceChange, requireConsultation, requireStageOpen } from "./lookup.server";
import { enterStage } from "./proposal-store.server";
import { recordSnapshot } from "./snapshots.server";
import { actingUser, actorLabel, announceRoundtable, consultationOfRound, consultationOfRoundtable } from "./roundtable-lookup.server";
import { TECHNICAL_PHASE, requireChairOrContact, requireTechnicalSession, requireTechnicalTable, userIdOf } from "./technical-lookup.server";
import { defineCommand } from "./types";

const pointOfContact = { roles: ["point_of_contact"] } as const;
const chairOrContact = { roles: ["point_of_contact", "technical_member"] } as const;

export const createTechnical = defineCommand({
  type: "technical.create",
  summary: "Set up the consultation's technical roundtable (one per consultation).",
  schema: createTechnicalSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => requireConsultation(trx, p.consultationId),
  async handle(trx, p, ctx) {
    const existing = await trx
      .selectFrom("roundtables")
      .select("id")
      .where("consultation_id", "=", p.consultationId)
      .where("kind", "=", "technical")
      .executeTakeFirst();
    if (existing) throw conflict("technical.error.exists");
    const id = randomUUID();
    await trx
      .insertInto("roundtables")
      .values({ id, consultation_id: p.consultationId, theme_id: null, kind: "technical", name: p.name ?? "", chair_user_id: null })
      .execute();
    announceRoundtable(ctx, id, p.consultationId, actorLabel(ctx, await actingUser(trx, ctx)), "technical.feed.created");
    return { roundtableId: id };
  },
});

export const setChair = defineCommand({
  type: "technical.chair",
  summary: "Designate the chair of the technical roundtable (a member of it).",
  schema: setChairSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfRoundtable(trx, p.roundtableId),
  async handle(trx, p, ctx) {
    const table = await requireTechnicalTable(trx, p.roundtableId);
    const member = await trx
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["u.name"])
      .where("m.consultation_id", "=", table.consultation_id)
      .where("m.user_id", "=", p.userId)
      .where("m.role", "=", "technical_member")
      .where("m.revoked_at", "is", null)
      .executeTakeFirst();
    if (!member) throw new CommandError("invalid", "technical.error.chair_not_member");
    await trx.updateTable("roundtables").set({ chair_user_id: p.userId }).where("id", "=", table.id).execute();
    announceRoundtable(ctx, table.id, table.consultation_id, actorLabel(ctx, await actingUser(trx, ctx)), "technical.feed.chair", { name: member.name });
    return { roundtableId: table.id, chairUserId: p.userId };
  },
});

export const setDecisionSettings = defineCommand({
  type: "consultation.decision_settings",
  summary:
    "Set how the technical roundtable decides, all settings at once (a setting left out takes its default): the rule (full consensus, consent, consensus with a fallback), shares as fractions (0.25) or percentages (25; 1 means 100%), quorum with minimums per sector, and whether answers stay private.",
  schema: decisionSettingsSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => requireConsultation(trx, p.consultationId),
  async handle(trx, p, ctx) {
    const minimums = Object.fromEntries(Object.entries(p.quorumSectorMinimums).filter(([, n]) => (n ?? 0) > 0));
    await trx
      .updateTable("consultations")
      .set({
        decision_rule: p.decisionRule,
        stand_aside_max_share: p.standAsideMaxShare,
        supermajority_share: p.supermajorityShare,
        quorum_share: p.quorumShare,
        quorum_sector_minimums: JSON.stringify(minimums),
        private_answers: p.privateAnswers ? 1 : 0,
        updated_at: ctx.now,
      })
      .where("id", "=", p.consultationId)
      .execute();
    announceChange(ctx, p.consultationId);
    return { consultationId: p.consultationId };
  },
});

export const scheduleSession = defineCommand({
  type: "technical.session.schedule",
  summary: "Schedule a session of the technical roundtable (review or refinement), saying which funnel column closing it fills.",
  schema: scheduleSessionSchema,
  access: chairOrContact,
  consultationOf: (trx, p) => consultationOfRoundtable(trx, p.roundtableId),
  async handle(trx, p, ctx) {
    const table = await requireTechnicalTable(trx, p.roundtableId);
    requireChairOrContact(ctx, table);
    if (p.closesStage) {
      const taken = await trx
        .selectFrom("rounds")
        .select("number")
        .where("roundtable_id", "=", table.id)
        .where("closes_stage", "=", p.closesStage)
        .executeTakeFirst();
      if (taken) throw conflict("technical.error.column_taken", { number: taken.number, stage: `@funnel.${p.closesStage}` });
    }
    const last = await trx
      .selectFrom("rounds")
      .select((eb) => eb.fn.max("number").as("max"))
      .where("roundtable_id", "=", table.id)
      .executeTakeFirst();
    const number = Number(last?.max ?? 0) + 1;
    const id = randomUUID();
    await trx
      .insertInto("rounds")
      .values({
        id,
        roundtable_id: table.id,
        number,
        held_on: p.heldOn ?? null,
        venue: p.venue,
        host_organization_id: null,
        status: "pending",
        opened_at: null,
        closed_at: null,
        kind: p.kind,
        closes_stage: p.closesStage ?? null,
      })
      .execute();
    announceRoundtable(ctx, table.id, table.consultation_id, actorLabel(ctx, await actingUser(trx, ctx)), "technical.feed.session_scheduled", { number });
    return { roundId: id, number };
  },
});

export const openSession = defineCommand({
  type: "technical.session.open",
  summary: "Open a session of the technical roundtable: it reviews, merges, refines and votes until the session closes.",
  schema: sessionRefSchema,
  access: chairOrContact,
  consultationOf: (trx, p) => consultationOfRound(trx, p.roundId),
  async handle(trx, p, ctx) {
    const session = await requireTechnicalSession(trx, p.roundId);
    requireChairOrContact(ctx, session);
    await requireStageOpen(trx, session.consultation_id, TECHNICAL_PHASE);
    if (session.status !== "pending")
      throw conflict(session.status === "open" ? "roundtable.error.round_already_open" : "roundtable.error.round_already_closed", { number: session.number });
    const other = await trx
      .selectFrom("rounds")
      .select("number")
      .where("roundtable_id", "=", session.roundtable_id)
      .where("status", "=", "open")
      .executeTakeFirst();
    if (other) throw conflict("roundtable.error.other_round_open", { number: other.number });
    await trx.updateTable("rounds").set({ status: "open", opened_at: ctx.now }).where("id", "=", session.id).execute();
    announceRoundtable(ctx, session.roundtable_id, session.consultation_id, actorLabel(ctx, await actingUser(trx, ctx)), "technical.feed.session_opened", {
      number: session.number,
    });
    return { roundId: session.id };
  },
});

export const closeSession = defineCommand({
  type: "technical.session.close",
  summary: "Close a session (its votes must be closed first); if it closes a funnel column, every live proposal at the table enters it.",
  schema: sessionRefSchema,
  access: chairOrContact,
  consultationOf: (trx, p) => consultationOfRound(trx, p.roundId),
  async handle(trx, p, ctx) {
    const session = await requireTechnicalSession(trx, p.roundId);
    requireChairOrContact(ctx, session);
    if (session.status !== "open") throw conflict("roundtable.error.round_not_open", { number: session.number });
    const openVotes = await trx.selectFrom("consensus_votes").select("id").where("round_id", "=", session.id).where("status", "=", "open").execute();
    if (openVotes.length) throw conflict("technical.error.votes_open", { count: openVotes.length });
    let entered = 0;
    if (session.closes_stage) {
      const alive = await trx
        .selectFrom("proposals")
        .select(["id", "stage"])
        .where("consultation_id", "=", session.consultation_id)
        .where("state", "=", "active")
        .execute();
      const byStage = new Map<string, string[]>();
      for (const a of alive) {
        if (!isAtTechnical(a.stage)) continue;
        for (const stage of stagesBetween(a.stage, session.closes_stage)) byStage.set(stage, [...(byStage.get(stage) ?? []), a.id]);
        if (stagesBetween(a.stage, session.closes_stage).length) entered += 1;
      }
      for (const [stage, ids] of byStage) await enterStage(trx, ids, stage, ctx.now);
    }
    await trx.updateTable("rounds").set({ status: "closed", closed_at: ctx.now }).where("id", "=", session.id).execute();
    const snapshotId = await recordSnapshot(trx, ctx, { consultationId: session.consultation_id, roundId: session.id });
    announceRoundtable(ctx, session.roundtable_id, session.consultation_id, actorLabel(ctx, await actingUser(trx, ctx)), "technical.feed.session_closed", {
      number: session.number,
      entered,
    });
    return { roundId: session.id, entered, snapshotId };
  },
});

export const recordSessionAttendance = defineCommand({
  type: "technical.attendance",
  summary: "Record a person present at (or gone from) a technical-roundtable session: the chair for anyone, a member or observer for themself.",
  schema: sessionAttendanceSchema,
  access: { roles: ["point_of_contact", "technical_member", "observer"] },
  consultationOf: (trx, p) => consultationOfRound(trx, p.roundId),
  async handle(trx, p, ctx) {
    const session = await requireTechnicalSession(trx, p.roundId);
    const self = userIdOf(ctx) === p.userId;
    if (!self) requireChairOrContact(ctx, session);
    if (session.status === "closed") throw conflict("roundtable.error.round_already_closed", { number: session.number });
    const person = await trx
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["u.name", "m.role"])
      .where("m.consultation_id", "=", session.consultation_id)
      .where("m.user_id", "=", p.userId)
      .where("m.role", "in", ["technical_member", "observer"])
      .where("m.revoked_at", "is", null)
      .executeTakeFirst();
    if (!person) {
      if (self && !hasAnyRole(ctx.roles, ["technical_member", "observer"])) throw forbidden();
      throw notFound("member");
    }
    await trx
      .insertInto("technical_attendance")
      .values({ round_id: session.id, user_id: p.userId, present: p.present ? 1 : 0, recorded_by: userIdOf(ctx), recorded_at: ctx.now })
      .onConflict((oc) => oc.columns(["round_id", "user_id"]).doUpdateSet({ present: p.present ? 1 : 0, recorded_by: userIdOf(ctx), recorded_at: ctx.now }))
      .execute();
    announceRoundtable(
      ctx,
      session.roundtable_id,
      session.consultation_id,
      actorLabel(ctx, await actingUser(trx, ctx)),
      p.present ? "technical.feed.arrived" : "technical.feed.left",
      { name: person.name },
    );
    return { roundId: session.id, userId: p.userId, present: p.present };
  },
});

export const technicalCommands = [createTechnical, setChair, setDecisionSettings, scheduleSession, openSession, closeSession, recordSessionAttendance];
