// Forum captures: what citizens say at a worktable, typed live by the table's facilitators. The command id
// is the capture's id, made on the phone, so an offline queue that syncs twice still writes it once.
import { mayCapture, mayChangeCapture } from "../../app/domain/forum";
import type { BoardCapture } from "../../app/domain/forum-board";
import { FORUM_EVENTS, forumRoom } from "../../app/domain/forum-events";
import { createCaptureSchema, updateCaptureSchema, withdrawCaptureSchema } from "../../app/domain/schemas/forum";
import { CommandError, forbidden, notFound } from "./errors";
import {
  captureViews,
  consultationOfInput,
  consultationOfWorktable,
  forumNotOpen,
  requireActiveTheme,
  requireAssigned,
  worktableRow,
} from "./forum-lookup.server";
import { defineCommand, type CommandContext, type Trx } from "./types";
import { announceParticipation } from "./lookup.server";

const facilitator = { roles: ["facilitator"] } as const;

async function broadcastCapture(trx: Trx, ctx: CommandContext, inputId: string, event: string): Promise<BoardCapture> {
  const [view] = await captureViews(trx, [inputId]);
  ctx.broadcasts.push({ room: forumRoom(view.forumId), event, data: view });
  announceParticipation(ctx, ctx.consultationId!);
  return view;
}

export const createCapture = defineCommand({
  type: "capture.create",
  summary: "Capture what a citizen said at a worktable (assigned facilitators only, while the forum is open). The command id becomes the capture's id.",
  schema: createCaptureSchema,
  // The command id is the capture's id (a unique key): retries and a second node cannot store it twice.
  isolation: "read_committed",
  access: facilitator,
  consultationOf: (trx, p) => consultationOfWorktable(trx, p.worktableId),
  async handle(trx, p, ctx) {
    const table = await worktableRow(trx, p.worktableId);
    const userId = await requireAssigned(trx, table.id, ctx);
    const decision = mayCapture({ status: table.forum_status, closed_at: table.forum_closed_at }, ctx.now, p.capturedAt);
    if (!decision.ok) throw forumNotOpen(table, decision.reason);
    const themeId = p.themeId ?? table.theme_id;
    if (themeId !== table.theme_id) await requireActiveTheme(trx, table.consultation_id, themeId);
    await trx
      .insertInto("citizen_inputs")
      .values({
        id: ctx.commandId,
        consultation_id: table.consultation_id,
        channel: "forum",
        subject: "theme",
        theme_id: themeId,
        axis: null,
        text: p.text,
        department: table.department,
        sector: null,
        age_range: null,
        gender: null,
        speaks_indigenous_language: null,
        forum_id: table.forum_id,
        worktable_id: table.id,
        captured_by: userId,
        speaker_sector: p.speakerSector ?? null,
        tags: JSON.stringify(p.tags),
        receipt_code: null,
        client_hash: null,
        status: "visible",
        status_reason: null,
        created_at: ctx.now,
        updated_at: ctx.now,
        captured_at: p.capturedAt ?? null,
      })
      .execute();
    const capture = await broadcastCapture(trx, ctx, ctx.commandId, FORUM_EVENTS.captureNew);
    return { inputId: ctx.commandId, late: decision.late, capture };
  },
});

/** The capture, its forum and its summary, for the facilitator's own edits; 404 for anything not a forum capture. */
async function ownCapture(trx: Trx, inputId: string, ctx: CommandContext) {
  const input = await trx
    .selectFrom("citizen_inputs as i")
    .innerJoin("forums as f", "f.id", "i.forum_id")
    .leftJoin("summary_inputs as si", (j) => j.onRef("si.input_id", "=", "i.id").on("si.removed_at", "is", null))
    .select([
      "i.id",
      "i.worktable_id",
      "i.captured_by",
      "i.status",
      "i.text",
      "i.theme_id",
      "i.speaker_sector",
      "i.tags",
      "i.consultation_id",
      "f.status as forum_status",
      "f.department",
      "f.municipality",
      "si.summary_id",
    ])
    .where("i.id", "=", inputId)
    .where("i.channel", "=", "forum")
    .executeTakeFirst();
  if (!input || !input.worktable_id) throw notFound("input");
  if (ctx.actor.kind !== "user") throw forbidden();
  const decision = mayChangeCapture(
    { captured_by: input.captured_by, status: input.status, summaryId: input.summary_id },
    { status: input.forum_status },
    ctx.actor.userId,
  );
  if (!decision.ok) {
    if (decision.reason === "not_own") throw forbidden();
    if (decision.reason === "forum_not_open") throw forumNotOpen(input, input.forum_status === "pending" ? "forum_pending" : "forum_closed");
    throw new CommandError("conflict", `forum.error.capture_${decision.reason}`);
  }
  // Taken off the table since: no longer theirs to change.
  await requireAssigned(trx, input.worktable_id, ctx);
  return input;
}

export const updateCapture = defineCommand({
  type: "capture.update",
  summary: "Correct one's own capture while the forum is open (the audit log keeps the earlier text).",
  schema: updateCaptureSchema,
  access: facilitator,
  consultationOf: (trx, p) => consultationOfInput(trx, p.inputId),
  async handle(trx, p, ctx) {
    const input = await ownCapture(trx, p.inputId, ctx);
    const themeId = p.themeId ?? input.theme_id;
    if (themeId && themeId !== input.theme_id) await requireActiveTheme(trx, input.consultation_id, themeId);
    await trx
      .updateTable("citizen_inputs")
      .set({ text: p.text, theme_id: themeId, speaker_sector: p.speakerSector ?? null, tags: JSON.stringify(p.tags), updated_at: ctx.now })
      .where("id", "=", p.inputId)
      .execute();
    const capture = await broadcastCapture(trx, ctx, p.inputId, FORUM_EVENTS.captureChanged);
    const previous = { text: input.text, themeId: input.theme_id, speakerSector: input.speaker_sector, tags: JSON.parse(input.tags) as unknown };
    return { inputId: p.inputId, capture, previous };
  },
});

export const withdrawCapture = defineCommand({
  type: "capture.withdraw",
  summary: "Withdraw one's own capture while the forum is open (kept, marked withdrawn, off the boards).",
  schema: withdrawCaptureSchema,
  access: facilitator,
  consultationOf: (trx, p) => consultationOfInput(trx, p.inputId),
  async handle(trx, p, ctx) {
    await ownCapture(trx, p.inputId, ctx);
    await trx
      .updateTable("citizen_inputs")
      .set({ status: "withdrawn", status_reason: p.reason ?? null, updated_at: ctx.now })
      .where("id", "=", p.inputId)
      .execute();
    const capture = await broadcastCapture(trx, ctx, p.inputId, FORUM_EVENTS.captureChanged);
    return { inputId: p.inputId, capture };
  },
});
