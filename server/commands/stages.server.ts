import { randomUUID } from "node:crypto";
import { closeStage, openStage, reorder } from "../../app/domain/phases";
import { addStageSchema, moveStageSchema, stageRefSchema, updateStageSchema } from "../../app/domain/schemas/stage";
import { CommandError } from "./errors";
import { announceChange, consultationOfStage, nextPosition, requireConsultation } from "./lookup.server";
import { recordSnapshot } from "./snapshots.server";
import { defineCommand, type CommandContext, type Trx } from "./types";

const pointOfContact = { roles: ["point_of_contact"] } as const;

async function stageRow(trx: Trx, stageId: string) {
  return trx.selectFrom("stages").selectAll().where("id", "=", stageId).executeTakeFirstOrThrow();
}

export const addStage = defineCommand({
  type: "stage.add",
  summary: "Add a custom stage at the end of the timeline.",
  schema: addStageSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => requireConsultation(trx, p.consultationId),
  async handle(trx, p, ctx) {
    const position = await nextPosition(trx, "stages", p.consultationId);
    const id = randomUUID();
    await trx
      .insertInto("stages")
      .values({
        id,
        consultation_id: p.consultationId,
        phase: "custom",
        name: p.name || "—",
        description: p.description,
        position,
        starts_on: p.startsOn ?? null,
        ends_on: p.endsOn ?? null,
        status: "pending",
        opened_at: null,
        closed_at: null,
      })
      .execute();
    announceChange(ctx, p.consultationId);
    return { stageId: id };
  },
});

export const updateStage = defineCommand({
  type: "stage.update",
  summary: "Rename a stage or change its description and dates. An empty name shows the phase's default name.",
  schema: updateStageSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfStage(trx, p.stageId),
  async handle(trx, p, ctx) {
    await trx
      .updateTable("stages")
      .set({ name: p.name, description: p.description, starts_on: p.startsOn ?? null, ends_on: p.endsOn ?? null })
      .where("id", "=", p.stageId)
      .execute();
    announceChange(ctx, ctx.consultationId!);
    return { stageId: p.stageId };
  },
});

export const moveStage = defineCommand({
  type: "stage.move",
  summary: "Move a stage to another position in the timeline.",
  schema: moveStageSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfStage(trx, p.stageId),
  async handle(trx, p, ctx) {
    const stages = await trx.selectFrom("stages").select(["id", "position"]).where("consultation_id", "=", ctx.consultationId!).execute();
    for (const s of reorder(stages, p.stageId, p.position)) {
      await trx.updateTable("stages").set({ position: s.position }).where("id", "=", s.id).execute();
    }
    announceChange(ctx, ctx.consultationId!);
    return { stageId: p.stageId };
  },
});

async function transition(trx: Trx, stageId: string, ctx: CommandContext, to: "open" | "closed") {
  const stage = await stageRow(trx, stageId);
  const decision = to === "open" ? openStage(stage) : closeStage(stage);
  if (!decision.ok) {
    throw new CommandError("conflict", `error.stage_${decision.reason}`, { stage: stage.name || `@phase.${stage.phase}` });
  }
  await trx
    .updateTable("stages")
    .set(to === "open" ? { status: "open", opened_at: ctx.now } : { status: "closed", closed_at: ctx.now })
    .where("id", "=", stageId)
    .execute();
  // Closing a stage records the funnel as it stands (issue 10), in the same transaction.
  const snapshotId = to === "closed" ? await recordSnapshot(trx, ctx, { consultationId: stage.consultation_id, stageId }) : undefined;
  announceChange(ctx, stage.consultation_id);
  return { stageId, status: decision.status, ...(snapshotId ? { snapshotId } : {}) };
}

export const openStageCommand = defineCommand({
  type: "stage.open",
  summary: "Open a stage (several may be open at once; a closed stage may be reopened).",
  schema: stageRefSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfStage(trx, p.stageId),
  handle: (trx, p, ctx) => transition(trx, p.stageId, ctx, "open"),
});

export const closeStageCommand = defineCommand({
  type: "stage.close",
  summary: "Close an open stage.",
  schema: stageRefSchema,
  access: pointOfContact,
  consultationOf: (trx, p) => consultationOfStage(trx, p.stageId),
  handle: (trx, p, ctx) => transition(trx, p.stageId, ctx, "closed"),
});
