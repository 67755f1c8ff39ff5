// The technical roundtable reviews each unified proposal: the three adoption criteria (who, when, a note; each can
// be marked not met with a reason), members' conflicts of interest (recusal, public on the sheet), rejection with a
// reason, and text revisions that keep every version.
import { randomUUID } from "node:crypto";
import { isAtTechnical } from "../../app/domain/funnel";
import { editRefusal } from "../../app/domain/proposals/rules";
import { hasAnyRole } from "../../app/domain/roles";
import { declareConflictSchema, recordCriterionSchema, rejectProposalSchema, reviseProposalSchema } from "../../app/domain/schemas/technical";
import { CommandError, conflict, forbidden, notFound } from "./errors";
import { requireStageOpen } from "./lookup.server";
import { assertComplete, assertMilestoneCap, factsOf, maxMilestonesOf, replaceMilestones, templateColumns, type ProposalRow } from "./proposal-store.server";
import { recordRevision } from "./proposal-versions.server";
import { actingUser, actorLabel, announceRoundtable, consultationOfProposal, refusalError } from "./roundtable-lookup.server";
import {
  TECHNICAL_PHASE,
  chairAtOpenTable,
  currentAnswers,
  eligibleMemberCount,
  announceTally,
  requireOpenSession,
  technicalTableOf,
  userIdOf,
} from "./technical-lookup.server";
import { defineCommand, type CommandContext, type Trx } from "./types";

const reviewers = { roles: ["point_of_contact", "technical_member"] } as const;

/** An active proposal that reached the technical roundtable; anything else is a 409 naming its state. */
async function requireReviewable(trx: Trx, proposalId: string): Promise<ProposalRow> {
  const row = await trx.selectFrom("proposals").selectAll().where("id", "=", proposalId).executeTakeFirst();
  if (!row) throw notFound("proposal");
  if (row.state !== "active") throw new CommandError("conflict", "roundtable.error.not_active", { title: row.title, state: `@proposal.state.${row.state}` });
  if (!isAtTechnical(row.stage)) throw new CommandError("conflict", "technical.error.not_at_technical", { title: row.title });
  return row;
}

function isContact(ctx: CommandContext): boolean {
  return ctx.actor.kind === "system" || (ctx.actor.kind === "user" && ctx.actor.isPlatformAdmin) || hasAnyRole(ctx.roles, ["point_of_contact"]);
}

export const recordCriterion = defineCommand({
  type: "proposal.criterion",
  summary: "Record an adoption criterion of a proposal as met or not met: (a) the responsible institution accepts, (b) legally viable, (c) financially viable.",
  schema: recordCriterionSchema,
  access: reviewers,
  consultationOf: (trx, p) => consultationOfProposal(trx, p.proposalId),
  async handle(trx, p, ctx) {
    const consultationId = ctx.consultationId!;
    await requireStageOpen(trx, consultationId, TECHNICAL_PHASE);
    const row = await requireReviewable(trx, p.proposalId);
    const user = await actingUser(trx, ctx);
    let organizationId: string | null = null;
    if (p.criterion === "institution") {
      // A member speaks for their own institution; the point of contact records it on the institution's written behalf.
      if (isContact(ctx)) {
        if (!p.organizationId) throw new CommandError("invalid", "technical.error.institution_required");
        if (!p.note) throw new CommandError("invalid", "technical.error.written_behalf_required");
        organizationId = p.organizationId;
      } else {
        organizationId = user?.organizationId ?? null;
        if (!organizationId || (p.organizationId && p.organizationId !== organizationId))
          throw new CommandError("forbidden", "technical.error.own_institution_only");
      }
      const org = await trx.selectFrom("organizations").select(["name", "sector"]).where("id", "=", organizationId).executeTakeFirst();
      if (!org) throw notFound("organization");
      if (org.sector !== "public") throw new CommandError("invalid", "technical.error.not_public_institution", { name: org.name });
      if (row.lead_organization_id && row.lead_organization_id !== organizationId) {
        const lead = await trx.selectFrom("organizations").select("name").where("id", "=", row.lead_organization_id).executeTakeFirst();
        throw conflict("technical.error.other_institution", { name: lead?.name ?? "" });
      }
      if (p.met) await trx.updateTable("proposals").set({ lead_organization_id: organizationId }).where("id", "=", row.id).execute();
    }
    await trx
      .insertInto("proposal_criteria")
      .values({
        proposal_id: row.id,
        criterion: p.criterion,
        met: p.met ? 1 : 0,
        note: p.note,
        organization_id: organizationId,
        recorded_by: userIdOf(ctx),
        recorded_at: ctx.now,
      })
      .execute();
    const table = await technicalTableOf(trx, consultationId);
    announceRoundtable(ctx, table.id, consultationId, actorLabel(ctx, user), p.met ? "technical.feed.criterion_met" : "technical.feed.criterion_not_met", {
      title: row.title,
      criterion: `@technical.criterion.${p.criterion}`,
    });
    return { proposalId: row.id, criterion: p.criterion, met: p.met };
  },
});

export const declareConflict = defineCommand({
  type: "proposal.declare_conflict",
  summary: "Declare a conflict of interest on a proposal: the member is recused from voting on it (public on its sheet).",
  schema: declareConflictSchema,
  access: { roles: ["technical_member"] },
  consultationOf: (trx, p) => consultationOfProposal(trx, p.proposalId),
  async handle(trx, p, ctx) {
    const consultationId = ctx.consultationId!;
    const user = await actingUser(trx, ctx);
    // A platform admin acts as point of contact, not as a member: only members are recused.
    if (!user || !hasAnyRole(ctx.roles, ["technical_member"])) throw forbidden();
    const row = await trx.selectFrom("proposals").select(["id", "title"]).where("id", "=", p.proposalId).executeTakeFirstOrThrow();
    const existing = await trx
      .selectFrom("conflict_declarations")
      .select("id")
      .where("proposal_id", "=", row.id)
      .where("user_id", "=", user.userId)
      .executeTakeFirst();
    if (existing) throw conflict("technical.error.conflict_declared", { title: row.title });
    await trx
      .insertInto("conflict_declarations")
      .values({ id: randomUUID(), proposal_id: row.id, user_id: user.userId, organization_id: user.organizationId, reason: p.reason, declared_at: ctx.now })
      .execute();
    // An answer already given on an open vote no longer counts.
    const open = await trx.selectFrom("consensus_votes").selectAll().where("proposal_id", "=", row.id).where("status", "=", "open").executeTakeFirst();
    if (open) {
      await trx
        .updateTable("vote_answers")
        .set({ superseded_at: ctx.now })
        .where("vote_id", "=", open.id)
        .where("user_id", "=", user.userId)
        .where("superseded_at", "is", null)
        .execute();
      announceTally(ctx, consultationId, open, await currentAnswers(trx, open.id), await eligibleMemberCount(trx, consultationId, row.id));
    }
    const table = await technicalTableOf(trx, consultationId);
    announceRoundtable(ctx, table.id, consultationId, actorLabel(ctx, user), "technical.feed.recused", { title: row.title, name: user.name });
    return { proposalId: row.id };
  },
});

export const rejectProposal = defineCommand({
  type: "proposal.reject",
  summary: "Reject a proposal at the technical roundtable, with the reason (it stays in the record, counted where it reached).",
  schema: rejectProposalSchema,
  access: { roles: ["point_of_contact", "technical_member"] },
  consultationOf: (trx, p) => consultationOfProposal(trx, p.proposalId),
  async handle(trx, p, ctx) {
    const consultationId = ctx.consultationId!;
    const table = await chairAtOpenTable(trx, ctx);
    // Rejecting is an act of the table like merging, refining and voting: in session (one rule, requireOpenSession).
    await requireOpenSession(trx, table.id);
    const row = await requireReviewable(trx, p.proposalId);
    const open = await trx.selectFrom("consensus_votes").select("id").where("proposal_id", "=", row.id).where("status", "=", "open").executeTakeFirst();
    if (open) throw conflict("technical.error.vote_in_progress", { title: row.title });
    await trx
      .updateTable("proposals")
      .set((eb) => ({ state: "rejected", state_reason: p.reason, version: eb("version", "+", 1), updated_at: ctx.now }))
      .where("id", "=", row.id)
      .execute();
    announceRoundtable(ctx, table.id, consultationId, actorLabel(ctx, await actingUser(trx, ctx)), "technical.feed.rejected", {
      title: row.title,
      reason: p.reason,
    });
    return { proposalId: row.id, state: "rejected" };
  },
});

export const reviseProposal = defineCommand({
  type: "proposal.revise",
  summary: "Refine a proposal's text at the technical roundtable during an open session; every version is kept.",
  schema: reviseProposalSchema,
  access: reviewers,
  consultationOf: (trx, p) => consultationOfProposal(trx, p.proposalId),
  async handle(trx, p, ctx) {
    const consultationId = ctx.consultationId!;
    await requireStageOpen(trx, consultationId, TECHNICAL_PHASE);
    const row = await requireReviewable(trx, p.proposalId);
    const refusal = editRefusal(factsOf(row), false, p.expectedVersion);
    if (refusal) throw await refusalError(trx, refusal);
    const table = await technicalTableOf(trx, consultationId);
    await requireOpenSession(trx, table.id);
    const open = await trx.selectFrom("consensus_votes").select("id").where("proposal_id", "=", row.id).where("status", "=", "open").executeTakeFirst();
    if (open) throw conflict("technical.error.vote_in_progress", { title: row.title });
    const { proposalId: _id, expectedVersion: _v, note, ...template } = p;
    assertMilestoneCap(template.milestones.length, await maxMilestonesOf(trx, consultationId));
    assertComplete(template);
    const revision = await recordRevision(trx, row, template, { note, editedBy: userIdOf(ctx), now: ctx.now });
    const version = row.version + 1;
    await trx
      .updateTable("proposals")
      .set({ ...templateColumns(template), version, updated_at: ctx.now })
      .where("id", "=", row.id)
      .execute();
    await replaceMilestones(trx, row.id, template.milestones);
    announceRoundtable(ctx, table.id, consultationId, actorLabel(ctx, await actingUser(trx, ctx)), "technical.feed.revised", {
      title: template.title,
      revision,
    });
    return { proposalId: row.id, version, revision };
  },
});

export const technicalReviewCommands = [recordCriterion, declareConflict, rejectProposal, reviseProposal];
