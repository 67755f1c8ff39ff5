// Merging, splitting and undoing, as a thematic roundtable agrees them during an open round.
// SQLite runs one transaction at a time, so two overlapping merges apply one after the other: the second one
// re-reads its sources here, finds one already merged and answers 409 naming it. Nothing is half-applied: any
// error rolls the whole transaction back.
import { randomUUID } from "node:crypto";
import { laterStage } from "../../app/domain/funnel";
import { mergeRefusal, splitRefusal, undoRefusal } from "../../app/domain/proposals/rules";
import { supersededState } from "../../app/domain/proposals/states";
import { mergeProposalsSchema, splitProposalSchema, undoOperationSchema } from "../../app/domain/schemas/proposal";
import { isAtTechnical } from "../../app/domain/funnel";
import { hasAnyRole } from "../../app/domain/roles";
import { CommandError, conflict, forbidden, notFound } from "./errors";
import { TECHNICAL_PHASE, refuseDuringVote, requireOpenSession } from "./technical-lookup.server";
import { requireStageOpen } from "./lookup.server";
import { assertComplete, assertMilestoneCap, factsOf, insertProposal, loadProposals, maxMilestonesOf, type ProposalRow } from "./proposal-store.server";
import {
  actingUser,
  actorLabel,
  announceRoundtable,
  consultationOfOperation,
  consultationOfProposal,
  refusalError,
  requireOpenRound,
} from "./roundtable-lookup.server";
import { defineCommand, type CommandContext, type Trx } from "./types";

const tableStaff = { roles: ["roundtable_member", "technical_member", "point_of_contact"] } as const;
const PHASE = "thematic_roundtables";

/** Who works at each kind of table: thematic-roundtable members there, technical-roundtable members at the MTGA. */
function requireTableRole(ctx: CommandContext, kind: "thematic" | "technical"): void {
  if (ctx.actor.kind === "system" || (ctx.actor.kind === "user" && ctx.actor.isPlatformAdmin)) return;
  if (!hasAnyRole(ctx.roles, ["point_of_contact", kind === "technical" ? "technical_member" : "roundtable_member"])) throw forbidden();
}

/**
 * The table a merge or split happens at, and its open round. Left out, the first source's own table (a proposal the
 * technical roundtable made belongs to it); the technical roundtable merges and splits further the proposals that
 * reached it (unified or later).
 */
async function actingTable(trx: Trx, ctx: CommandContext, sources: readonly ProposalRow[], named: string | undefined) {
  const consultationId = ctx.consultationId!;
  const first = sources[0];
  const roundtableId = named ?? first.roundtable_id;
  if (roundtableId) {
    const table = await trx.selectFrom("roundtables").select(["id", "kind", "consultation_id"]).where("id", "=", roundtableId).executeTakeFirst();
    if (!table || table.consultation_id !== consultationId) throw notFound("roundtable");
    if (table.kind === "technical") {
      requireTableRole(ctx, "technical");
      const early = sources.find((s) => !isAtTechnical(s.stage));
      if (early) throw new CommandError("invalid", "technical.error.not_at_technical", { title: early.title });
      await requireStageOpen(trx, consultationId, TECHNICAL_PHASE);
      return { roundtableId: table.id, round: await requireOpenSession(trx, table.id) };
    }
    if (sources.some((s) => s.roundtable_id !== table.id)) throw new CommandError("invalid", "roundtable.error.other_roundtable");
  }
  requireTableRole(ctx, "thematic");
  await requireStageOpen(trx, consultationId, PHASE);
  if (!first.roundtable_id || sources.some((s) => s.roundtable_id !== first.roundtable_id))
    throw new CommandError("invalid", "roundtable.error.other_roundtable");
  return { roundtableId: first.roundtable_id, round: await requireOpenRound(trx, first.roundtable_id) };
}

/** Rows in the order the payload named them; an unknown id is a 404. */
async function sourcesInOrder(trx: Trx, ids: readonly string[]): Promise<ProposalRow[]> {
  const rows = await loadProposals(trx, [...new Set(ids)]);
  return ids.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound("proposal");
    return row;
  });
}

async function requirePresent(trx: Trx, organizationIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(organizationIds)];
  const found = await trx.selectFrom("organizations").select("id").where("id", "in", ids).execute();
  if (found.length !== ids.length) throw notFound("organization");
  return ids;
}

async function recordOperation(
  trx: Trx,
  ctx: CommandContext,
  op: { kind: "merge" | "split"; roundId: string; present: string[]; agreedNote: string; sourceIds: string[]; resultIds: string[] },
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto("proposal_operations")
    .values({
      id,
      consultation_id: ctx.consultationId!,
      kind: op.kind,
      round_id: op.roundId,
      agreed_note: op.agreedNote,
      present: JSON.stringify(op.present),
      created_by: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      created_at: ctx.now,
      undone_at: null,
      undone_by: null,
    })
    .execute();
  const edges = op.sourceIds.flatMap((source_id) => op.resultIds.map((result_id) => ({ operation_id: id, source_id, result_id })));
  await trx.insertInto("proposal_lineage").values(edges).execute();
  // Guarded by the state we checked: if anything slipped in between, refuse rather than half-apply.
  const updated = await trx
    .updateTable("proposals")
    .set((eb) => ({ state: supersededState(op.kind), state_reason: null, version: eb("version", "+", 1), updated_at: ctx.now }))
    .where("id", "in", op.sourceIds)
    .where("state", "=", "active")
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== op.sourceIds.length) throw conflict("roundtable.error.changed_meanwhile");
  return id;
}

export const mergeProposals = defineCommand({
  type: "proposal.merge",
  summary: "Merge two or more active proposals of one theme into a unified proposal, as the table agreed.",
  schema: mergeProposalsSchema,
  access: tableStaff,
  consultationOf: (trx, p) => consultationOfProposal(trx, p.sourceIds[0]),
  async handle(trx, p, ctx) {
    const consultationId = ctx.consultationId!;
    const sources = await sourcesInOrder(trx, p.sourceIds);
    const first = sources[0];
    const refusal = mergeRefusal(sources.map(factsOf), { consultationId, themeId: first.theme_id }, p.expectedVersions);
    if (refusal) throw await refusalError(trx, refusal);
    const { roundtableId, round } = await actingTable(trx, ctx, sources, p.roundtableId);
    await refuseDuringVote(trx, sources);
    assertMilestoneCap(p.result.milestones.length, await maxMilestonesOf(trx, consultationId), ["result", "milestones"]);
    assertComplete(p.result, ["result"]);
    const present = await requirePresent(trx, p.present);
    const resultId = await insertProposal(trx, {
      consultationId,
      themeId: first.theme_id,
      roundtableId,
      roundId: round.id,
      proponentUserId: null,
      proponentOrganizationId: null,
      stage: sources.map((s) => s.stage).reduce(laterStage),
      state: "active",
      template: p.result,
      now: ctx.now,
    });
    const operationId = await recordOperation(trx, ctx, {
      kind: "merge",
      roundId: round.id,
      present,
      agreedNote: p.agreedNote,
      sourceIds: p.sourceIds,
      resultIds: [resultId],
    });
    announceRoundtable(ctx, roundtableId, consultationId, actorLabel(ctx, await actingUser(trx, ctx)), "roundtable.feed.merged", {
      count: sources.length,
      title: p.result.title,
    });
    return { proposalId: resultId, operationId };
  },
});

export const splitProposal = defineCommand({
  type: "proposal.split",
  summary: "Split an active proposal into two or more, as the table agreed.",
  schema: splitProposalSchema,
  access: tableStaff,
  consultationOf: (trx, p) => consultationOfProposal(trx, p.sourceId),
  async handle(trx, p, ctx) {
    const consultationId = ctx.consultationId!;
    const [source] = await sourcesInOrder(trx, [p.sourceId]);
    const refusal = splitRefusal(factsOf(source), p.results.length, { consultationId, themeId: source.theme_id }, p.expectedVersion);
    if (refusal) throw await refusalError(trx, refusal);
    const { roundtableId, round } = await actingTable(trx, ctx, [source], p.roundtableId);
    await refuseDuringVote(trx, [source]);
    const max = await maxMilestonesOf(trx, consultationId);
    p.results.forEach((r, i) => {
      assertMilestoneCap(r.milestones.length, max, ["results", i, "milestones"]);
      assertComplete(r, ["results", i]);
    });
    const present = await requirePresent(trx, p.present);
    const resultIds: string[] = [];
    for (const template of p.results) {
      resultIds.push(
        await insertProposal(trx, {
          consultationId,
          themeId: source.theme_id,
          roundtableId,
          roundId: round.id,
          proponentUserId: null,
          proponentOrganizationId: null,
          stage: source.stage,
          state: "active",
          template,
          now: ctx.now,
        }),
      );
    }
    const operationId = await recordOperation(trx, ctx, {
      kind: "split",
      roundId: round.id,
      present,
      agreedNote: p.agreedNote,
      sourceIds: [source.id],
      resultIds,
    });
    announceRoundtable(ctx, roundtableId, consultationId, actorLabel(ctx, await actingUser(trx, ctx)), "roundtable.feed.split", {
      title: source.title,
      count: resultIds.length,
    });
    return { proposalIds: resultIds, operationId };
  },
});

export const undoOperation = defineCommand({
  type: "proposal.undo",
  summary: "Undo a merge or split during its round: the results are set aside and the sources restored.",
  schema: undoOperationSchema,
  access: tableStaff,
  consultationOf: (trx, p) => consultationOfOperation(trx, p.operationId),
  async handle(trx, p, ctx) {
    const op = await trx.selectFrom("proposal_operations").selectAll().where("id", "=", p.operationId).executeTakeFirstOrThrow();
    const edges = await trx.selectFrom("proposal_lineage").select(["source_id", "result_id"]).where("operation_id", "=", op.id).execute();
    const sourceIds = [...new Set(edges.map((e) => e.source_id))];
    const resultIds = [...new Set(edges.map((e) => e.result_id))];
    const round = op.round_id
      ? await trx
          .selectFrom("rounds as r")
          .innerJoin("roundtables as t", "t.id", "r.roundtable_id")
          .select(["r.status", "r.roundtable_id", "t.kind"])
          .where("r.id", "=", op.round_id)
          .executeTakeFirst()
      : undefined;
    requireTableRole(ctx, round?.kind === "technical" ? "technical" : "thematic");
    const results = await loadProposals(trx, resultIds);
    const refusal = undoRefusal({ undone: op.undone_at !== null, roundOpen: round?.status === "open" }, results.map(factsOf));
    if (refusal) throw await refusalError(trx, refusal);
    await refuseDuringVote(trx, results);
    await trx
      .updateTable("proposal_operations")
      .set({ undone_at: ctx.now, undone_by: ctx.actor.kind === "user" ? ctx.actor.userId : null })
      .where("id", "=", op.id)
      .execute();
    await trx
      .updateTable("proposals")
      .set((eb) => ({ state: "undone", state_reason: "undo", version: eb("version", "+", 1), updated_at: ctx.now }))
      .where("id", "in", resultIds)
      .execute();
    const restored = await trx
      .updateTable("proposals")
      .set((eb) => ({ state: "active", state_reason: null, version: eb("version", "+", 1), updated_at: ctx.now }))
      .where("id", "in", sourceIds)
      .where("state", "=", supersededState(op.kind === "split" ? "split" : "merge"))
      .executeTakeFirst();
    if (Number(restored.numUpdatedRows) !== sourceIds.length) throw conflict("roundtable.error.changed_meanwhile");
    const titles = (await loadProposals(trx, sourceIds)).map((s) => `«${s.title}»`).join(", ");
    announceRoundtable(
      ctx,
      round!.roundtable_id,
      ctx.consultationId!,
      actorLabel(ctx, await actingUser(trx, ctx)),
      op.kind === "split" ? "roundtable.feed.undone_split" : "roundtable.feed.undone_merge",
      {
        titles,
        count: sourceIds.length,
      },
    );
    return { operationId: op.id, restored: sourceIds, setAside: resultIds };
  },
});

export const proposalOperationCommands = [mergeProposals, splitProposal, undoOperation];
