// Systematization: a summary unifies several citizen inputs (forum captures and online opinions) of one
// theme. Its links to those inputs are its lineage; each input is taken up by one summary at most.
import { randomUUID } from "node:crypto";
import { FORUM_EVENTS, forumRoom, type CapturesSummarized } from "../../app/domain/forum-events";
import { lineageDiff, lineageProblems, type LineageInput, type LineageProblem } from "../../app/domain/lineage";
import { createSummarySchema, summaryRefSchema, updateSummarySchema } from "../../app/domain/schemas/forum";
import { CommandError, conflict, notFound } from "./errors";
import { consultationOfSummary } from "./forum-lookup.server";
import { announceChange, announceParticipation, consultationOfTheme } from "./lookup.server";
import { defineCommand, type CommandContext, type Trx } from "./types";

const systematizers = { roles: ["systematizer", "point_of_contact"] } as const;

async function lineageInputs(trx: Trx, inputIds: readonly string[]): Promise<LineageInput[]> {
  if (inputIds.length === 0) return [];
  const rows = await trx
    .selectFrom("citizen_inputs as i")
    .leftJoin("summary_inputs as si", (j) => j.onRef("si.input_id", "=", "i.id").on("si.removed_at", "is", null))
    .select(["i.id", "i.consultation_id", "i.theme_id", "i.status", "si.summary_id"])
    .where("i.id", "in", inputIds)
    .execute();
  return rows.map((r) => ({ id: r.id, consultation_id: r.consultation_id, theme_id: r.theme_id, status: r.status, summaryId: r.summary_id }));
}

/** Refuses bad links: an input already in another summary is a conflict (409), anything else is invalid (400). */
function refuse(problems: LineageProblem[]): never {
  const issues = problems.map((p, i) => ({ path: ["inputIds", i], code: p.reason, message: `${p.inputId}: ${p.reason}` }));
  const taken = problems.filter((p) => p.reason === "taken");
  if (taken.length) throw new CommandError("conflict", "forum.error.lineage_taken", { count: taken.length }, issues);
  throw new CommandError("invalid", "forum.error.lineage_invalid", { count: problems.length }, issues);
}

/** Boards mark captures that a summary took up (or let go). */
async function announceLinks(trx: Trx, ctx: CommandContext, summaryId: string | null, inputIds: readonly string[]) {
  if (inputIds.length === 0) return;
  const rows = await trx.selectFrom("citizen_inputs").select(["id", "forum_id"]).where("id", "in", inputIds).where("forum_id", "is not", null).execute();
  const byForum = new Map<string, string[]>();
  for (const r of rows) byForum.set(r.forum_id!, [...(byForum.get(r.forum_id!) ?? []), r.id]);
  for (const [forumId, ids] of byForum) {
    const data: CapturesSummarized = { summaryId, inputIds: ids };
    ctx.broadcasts.push({ room: forumRoom(forumId), event: FORUM_EVENTS.capturesSummarized, data });
  }
}

export const createSummary = defineCommand({
  type: "summary.create",
  summary: "Write a summary of a theme's citizen input from selected inputs (forum captures and online opinions), keeping the links.",
  schema: createSummarySchema,
  access: systematizers,
  async consultationOf(trx, p) {
    const consultationId = await consultationOfTheme(trx, p.themeId);
    if (consultationId !== p.consultationId) throw notFound("theme");
    return consultationId;
  },
  async handle(trx, p, ctx) {
    const problems = lineageProblems({ consultationId: p.consultationId, themeId: p.themeId }, p.inputIds, await lineageInputs(trx, p.inputIds));
    if (problems.length) refuse(problems);
    const id = randomUUID();
    await trx
      .insertInto("summaries")
      .values({
        id,
        consultation_id: p.consultationId,
        theme_id: p.themeId,
        title: p.title,
        text: p.text,
        created_by: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .execute();
    await trx
      .insertInto("summary_inputs")
      .values([...new Set(p.inputIds)].map((inputId) => ({ summary_id: id, input_id: inputId, linked_at: ctx.now })))
      .execute();
    await announceLinks(trx, ctx, id, p.inputIds);
    announceChange(ctx, p.consultationId);
    announceParticipation(ctx, p.consultationId);
    return { summaryId: id, inputCount: p.inputIds.length };
  },
});

export const updateSummary = defineCommand({
  type: "summary.update",
  summary: "Rewrite a summary and change which inputs it takes up (inputs let go become free for another summary).",
  schema: updateSummarySchema,
  access: systematizers,
  consultationOf: (trx, p) => consultationOfSummary(trx, p.summaryId),
  async handle(trx, p, ctx) {
    const summary = await trx.selectFrom("summaries").selectAll().where("id", "=", p.summaryId).executeTakeFirstOrThrow();
    const problems = lineageProblems(
      { consultationId: summary.consultation_id, themeId: summary.theme_id, summaryId: summary.id },
      p.inputIds,
      await lineageInputs(trx, p.inputIds),
    );
    if (problems.length) refuse(problems);
    const current = (
      await trx.selectFrom("summary_inputs").select("input_id").where("summary_id", "=", p.summaryId).where("removed_at", "is", null).execute()
    ).map((r) => r.input_id);
    const { add, remove } = lineageDiff(current, p.inputIds);
    // A link let go keeps its row (decision 0001: nothing is deleted), so the input's lineage can be rebuilt.
    if (remove.length) {
      await trx
        .updateTable("summary_inputs")
        .set({ removed_at: ctx.now })
        .where("summary_id", "=", p.summaryId)
        .where("input_id", "in", remove)
        .where("removed_at", "is", null)
        .execute();
    }
    if (add.length)
      await trx
        .insertInto("summary_inputs")
        .values(add.map((inputId) => ({ summary_id: p.summaryId, input_id: inputId, linked_at: ctx.now })))
        .execute();
    await trx.updateTable("summaries").set({ title: p.title, text: p.text, updated_at: ctx.now }).where("id", "=", p.summaryId).execute();
    await announceLinks(trx, ctx, p.summaryId, add);
    await announceLinks(trx, ctx, null, remove);
    announceChange(ctx, summary.consultation_id);
    announceParticipation(ctx, summary.consultation_id);
    return { summaryId: p.summaryId, added: add, removed: remove, previous: { title: summary.title, text: summary.text } };
  },
});

export const deleteSummary = defineCommand({
  type: "summary.delete",
  summary: "Delete a summary no roundtable proposal responds to yet; its inputs become free again.",
  schema: summaryRefSchema,
  access: systematizers,
  consultationOf: (trx, p) => consultationOfSummary(trx, p.summaryId),
  async handle(trx, p, ctx) {
    const summary = await trx.selectFrom("summaries").selectAll().where("id", "=", p.summaryId).executeTakeFirstOrThrow();
    const used = await trx.selectFrom("proposal_responses").select("proposal_id").where("summary_id", "=", p.summaryId).executeTakeFirst();
    if (used) throw conflict("forum.error.summary_in_use", { title: summary.title });
    const links = (
      await trx.selectFrom("summary_inputs").select("input_id").where("summary_id", "=", p.summaryId).where("removed_at", "is", null).execute()
    ).map((r) => r.input_id);
    // The summary and its links keep their rows, marked (decision 0001): its inputs are free again, its lineage stays.
    await trx.updateTable("summary_inputs").set({ removed_at: ctx.now }).where("summary_id", "=", p.summaryId).where("removed_at", "is", null).execute();
    await trx
      .updateTable("summaries")
      .set({ deleted_at: ctx.now, deleted_by: ctx.actor.kind === "user" ? ctx.actor.userId : null })
      .where("id", "=", p.summaryId)
      .execute();
    await announceLinks(trx, ctx, null, links);
    announceChange(ctx, summary.consultation_id);
    announceParticipation(ctx, summary.consultation_id);
    return { summaryId: p.summaryId, title: summary.title, text: summary.text, inputIds: links };
  },
});
