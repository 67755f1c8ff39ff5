// Small reads shared by command handlers: resolve references and refuse unknown ones.
import { prepared } from "../../db/prepared";
import { CommandError, notFound } from "./errors";
import { rooms, type CommandContext, type Trx } from "./types";
import { PARTICIPATION_EVENTS } from "../../app/live/participation-events";
import { stageStateOn, todayInGuatemala } from "../../app/domain/phases";

/**
 * Consultations are never deleted, so one seen to exist keeps existing: remembering it saves a query on every
 * citizen opinion (the hottest command). Only committed rows are remembered (no command creates a consultation
 * and acts in it in one transaction).
 */
const knownConsultations = new Set<string>();

export async function requireConsultation(trx: Trx, consultationId: string): Promise<string> {
  if (knownConsultations.has(consultationId)) return consultationId;
  const row = await trx.selectFrom("consultations").select("id").where("id", "=", consultationId).executeTakeFirst();
  if (!row) throw notFound("consultation");
  knownConsultations.add(row.id);
  return row.id;
}

export async function consultationOfStage(trx: Trx, stageId: string): Promise<string> {
  const row = await trx.selectFrom("stages").select("consultation_id").where("id", "=", stageId).executeTakeFirst();
  if (!row) throw notFound("stage");
  return row.consultation_id;
}

export async function consultationOfTheme(trx: Trx, themeId: string): Promise<string> {
  const row = await trx.selectFrom("themes").select("consultation_id").where("id", "=", themeId).executeTakeFirst();
  if (!row) throw notFound("theme");
  return row.consultation_id;
}

export async function consultationOfForum(trx: Trx, forumId: string): Promise<string> {
  const row = await trx.selectFrom("forums").select("consultation_id").where("id", "=", forumId).executeTakeFirst();
  if (!row) throw notFound("forum");
  return row.consultation_id;
}

/** Refuses with 409 naming the stage when the consultation's stage of this phase is not open. */
// Run by every opinion, vote and capture: compiled once (db/prepared.ts).
const stageOfPhase = prepared((db, p: { consultationId: string; phase: string }) =>
  db
    .selectFrom("stages")
    .select(["name", "status", "phase", "starts_on", "ends_on", "closed_at"])
    .where("consultation_id", "=", p.consultationId)
    .where("phase", "=", p.phase)
    .orderBy("position")
    .limit(1),
);

export async function requireStageOpen(trx: Trx, consultationId: string, phase: string): Promise<void> {
  const [stage] = (await stageOfPhase(trx, { consultationId, phase })).rows;
  if (stage?.status === "open") return;
  throw new CommandError("stage_closed", "error.stage_closed", {
    stage: stage?.name || `@phase.${phase}`,
    status: `@stage_status.${stage?.status ?? "pending"}`,
  });
}

/** The public forms whose refusal names the stage in its own words ("La recepción de opiniones cerró el …"). */
const WORDED_PHASES = new Set(["opinion_intake", "draft_plan"]);

/**
 * What a citizen's form accepts (opinions, comments on the draft plan): the stage must be open AND today — where the
 * consultation happens — within its dates, when it has them (stageStateOn). Otherwise 409 answering as the stage
 * does: closed on its date, or opening on its date, in words.
 */
export async function requireStageAccepting(trx: Trx, consultationId: string, phase: string, now: string): Promise<void> {
  const [stage] = (await stageOfPhase(trx, { consultationId, phase })).rows;
  if (!stage) return requireStageOpen(trx, consultationId, phase);
  const state = stageStateOn(stage, todayInGuatemala(now));
  if (state.status === "open") return;
  if (!state.on) return requireStageOpen(trx, consultationId, phase);
  const worded = WORDED_PHASES.has(phase) ? `_${phase}` : "";
  const key = state.status === "closed" ? `stage.closed_on${worded}` : `stage.opens_on${worded}`;
  throw new CommandError("stage_closed", key, { stage: stage.name || `@phase.${phase}`, date: `@date:${state.on}` });
}

/** Tell the public page (and the staff dashboard) that something in this consultation changed. */
export function announceChange(ctx: CommandContext, consultationId: string, scope: "public" | "staff" = "public"): void {
  const data = { consultationId, type: ctx.type, at: ctx.now };
  if (scope === "public") {
    ctx.broadcasts.push({ room: rooms.consultation(consultationId), event: "consultation:changed", data });
    ctx.broadcasts.push({ room: rooms.all, event: "consultation:changed", data });
  }
  ctx.broadcasts.push({ room: rooms.staff(consultationId), event: "consultation:changed", data });
}

/** Next position at the end of a consultation's ordered list (stages, themes). */
export async function nextPosition(trx: Trx, table: "stages" | "themes", consultationId: string): Promise<number> {
  const last = await trx
    .selectFrom(table)
    .select((eb) => eb.fn.max("position").as("max"))
    .where("consultation_id", "=", consultationId)
    .executeTakeFirst();
  return Number(last?.max ?? 0) + 1;
}

/**
 * The participation figures (opinions, attendance, captures, summaries) changed: the server sends them to the public
 * room once per window (server/realtime/participation.server.ts), however many commands touched them.
 */
export function announceParticipation(ctx: CommandContext, consultationId: string): void {
  ctx.broadcasts.push({ room: rooms.consultation(consultationId), event: PARTICIPATION_EVENTS.touched, data: { consultationId } });
}
