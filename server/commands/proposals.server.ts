// Proposals on the OGP template: a proponent (an organization's delegate) saves drafts, registers them with a
// thematic roundtable, edits them while their round is not closed, and withdraws them with a reason.
import { THEMATIC_ENTRY, isAtTechnical } from "../../app/domain/funnel";
import { editRefusal, isProponentOf, isTableOwned, withdrawRefusal } from "../../app/domain/proposals/rules";
import { templateFromRow } from "../../app/domain/proposals/template";
import {
  createProposalSchema,
  proposalRefSchema,
  updateProposalSchema,
  withdrawProposalSchema,
  type ProposalTemplate,
} from "../../app/domain/schemas/proposal";
import { hasAnyRole } from "../../app/domain/roles";
import { CommandError, forbidden } from "./errors";
import { requireStageOpen } from "./lookup.server";
import {
  assertComplete,
  assertMilestoneCap,
  assertResponses,
  enterStage,
  factsOf,
  insertProposal,
  maxMilestonesOf,
  replaceMilestones,
  replaceResponses,
  templateColumns,
  type ProposalRow,
} from "./proposal-store.server";
import {
  actingUser,
  actorLabel,
  announceRoundtable,
  consultationOfProposal,
  consultationOfRoundtable,
  receivingRound,
  refusalError,
  requireRoundtable,
} from "./roundtable-lookup.server";
import { recordRevision } from "./proposal-versions.server";
import { refuseDuringVote } from "./technical-lookup.server";
import { defineCommand, type CommandContext, type Trx } from "./types";

const PHASE = "thematic_roundtables";

async function organizationLabel(trx: Trx, organizationId: string | null): Promise<string> {
  if (!organizationId) return "";
  const org = await trx.selectFrom("organizations").select(["acronym"]).where("id", "=", organizationId).executeTakeFirst();
  return org?.acronym ?? "";
}

async function loadProposal(trx: Trx, proposalId: string): Promise<ProposalRow> {
  return trx.selectFrom("proposals").selectAll().where("id", "=", proposalId).executeTakeFirstOrThrow();
}

/**
 * A proponent acts on the proposals of their organization; the table's own proposals (merge and split results)
 * are edited by its members and the point of contact. Anyone else: 403.
 */
async function requireMayEdit(trx: Trx, ctx: CommandContext, row: ProposalRow): Promise<void> {
  if (ctx.actor.kind === "system") return;
  const owner = { proponentUserId: row.proponent_user_id, proponentOrganizationId: row.proponent_organization_id };
  if (isTableOwned(owner)) {
    if ((ctx.actor.kind === "user" && ctx.actor.isPlatformAdmin) || hasAnyRole(ctx.roles, ["point_of_contact"])) return;
    // Thematic members edit what their table unified until it reaches the technical roundtable (which revises it).
    if (hasAnyRole(ctx.roles, ["roundtable_member"]) && !isAtTechnical(row.stage)) return;
    throw forbidden();
  }
  const user = await actingUser(trx, ctx);
  if (!user || !hasAnyRole(ctx.roles, ["proponent"]) || !isProponentOf(owner, user)) throw forbidden();
}

/** The proponent themself (withdrawing or registering is the proponent's decision alone). */
async function requireProponent(trx: Trx, ctx: CommandContext, row: ProposalRow): Promise<void> {
  if (ctx.actor.kind === "system") return;
  const user = await actingUser(trx, ctx);
  const owner = { proponentUserId: row.proponent_user_id, proponentOrganizationId: row.proponent_organization_id };
  if (!user || !isProponentOf(owner, user)) throw forbidden();
}

async function roundIsClosed(trx: Trx, roundId: string | null): Promise<boolean> {
  if (!roundId) return false;
  const round = await trx.selectFrom("rounds").select("status").where("id", "=", roundId).executeTakeFirst();
  return round?.status === "closed";
}

async function templateOf(trx: Trx, row: ProposalRow): Promise<ProposalTemplate> {
  const milestones = await trx.selectFrom("milestones").selectAll().where("proposal_id", "=", row.id).orderBy("position").execute();
  return templateFromRow(row, milestones);
}

export const createProposal = defineCommand({
  type: "proposal.create",
  summary: "Register a commitment proposal on the OGP template with a thematic roundtable, or save it as a draft.",
  schema: createProposalSchema,
  access: { roles: ["proponent"] },
  consultationOf: (trx, p) => consultationOfRoundtable(trx, p.roundtableId),
  async handle(trx, p, ctx) {
    const consultationId = ctx.consultationId!;
    // A platform admin acts as point of contact, not as a proponent: proposals are registered by proponents.
    if (ctx.actor.kind === "user" && !hasAnyRole(ctx.roles, ["proponent"])) throw forbidden();
    await requireStageOpen(trx, consultationId, PHASE);
    const table = await requireRoundtable(trx, p.roundtableId);
    if (!table.theme_id) throw new CommandError("invalid", "roundtable.error.not_thematic");
    const round = await receivingRound(trx, table.id);
    assertMilestoneCap(p.milestones.length, await maxMilestonesOf(trx, consultationId));
    if (!p.draft) assertComplete(p);
    await assertResponses(trx, consultationId, p.respondsTo);
    const user = await actingUser(trx, ctx);
    const id = await insertProposal(trx, {
      consultationId,
      themeId: table.theme_id,
      roundtableId: table.id,
      roundId: round.id,
      proponentUserId: user?.userId ?? null,
      proponentOrganizationId: user?.organizationId ?? null,
      stage: THEMATIC_ENTRY,
      state: p.draft ? "draft" : "active",
      template: p,
      now: ctx.now,
    });
    await replaceResponses(trx, id, p.respondsTo);
    if (!p.draft) {
      await enterStage(trx, [id], THEMATIC_ENTRY, ctx.now);
      const organization = await organizationLabel(trx, user?.organizationId ?? null);
      announceRoundtable(ctx, table.id, consultationId, actorLabel(ctx, user), "roundtable.feed.registered", { title: p.title, organization });
    }
    return { proposalId: id, state: p.draft ? "draft" : "active", version: 1 };
  },
});

export const updateProposal = defineCommand({
  type: "proposal.update",
  summary: "Edit a proposal while its round is not closed (proponents their own; the table its unified ones).",
  schema: updateProposalSchema,
  access: { roles: ["proponent", "roundtable_member", "point_of_contact"] },
  consultationOf: (trx, p) => consultationOfProposal(trx, p.proposalId),
  async handle(trx, p, ctx) {
    const consultationId = ctx.consultationId!;
    await requireStageOpen(trx, consultationId, PHASE);
    const row = await loadProposal(trx, p.proposalId);
    await requireMayEdit(trx, ctx, row);
    const refusal = editRefusal(factsOf(row), await roundIsClosed(trx, row.round_id), p.expectedVersion);
    if (refusal) throw await refusalError(trx, refusal);
    assertMilestoneCap(p.milestones.length, await maxMilestonesOf(trx, consultationId));
    if (row.state === "active") assertComplete(p);
    await assertResponses(trx, consultationId, p.respondsTo);
    const version = row.version + 1;
    const { proposalId: _id, expectedVersion: _v, respondsTo: _r, ...template } = p;
    if (row.state === "active")
      await recordRevision(trx, row, template, { note: "", editedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null, now: ctx.now });
    await trx
      .updateTable("proposals")
      .set({ ...templateColumns(p), version, updated_at: ctx.now })
      .where("id", "=", row.id)
      .execute();
    await replaceMilestones(trx, row.id, p.milestones);
    await replaceResponses(trx, row.id, p.respondsTo);
    if (row.state === "active" && row.roundtable_id) {
      announceRoundtable(ctx, row.roundtable_id, consultationId, actorLabel(ctx, await actingUser(trx, ctx)), "roundtable.feed.edited", { title: p.title });
    }
    return { proposalId: row.id, version };
  },
});

export const submitProposal = defineCommand({
  type: "proposal.submit",
  summary: "Register a saved draft with its thematic roundtable.",
  schema: proposalRefSchema,
  access: { roles: ["proponent"] },
  consultationOf: (trx, p) => consultationOfProposal(trx, p.proposalId),
  async handle(trx, p, ctx) {
    const consultationId = ctx.consultationId!;
    await requireStageOpen(trx, consultationId, PHASE);
    const row = await loadProposal(trx, p.proposalId);
    await requireProponent(trx, ctx, row);
    if (row.state !== "draft") throw new CommandError("conflict", "roundtable.error.not_draft", { title: row.title, state: `@proposal.state.${row.state}` });
    if (!row.roundtable_id) throw new CommandError("invalid", "roundtable.error.not_thematic");
    const round = await receivingRound(trx, row.roundtable_id);
    const template = await templateOf(trx, row);
    assertMilestoneCap(template.milestones.length, await maxMilestonesOf(trx, consultationId));
    assertComplete(template);
    const version = row.version + 1;
    await trx.updateTable("proposals").set({ state: "active", round_id: round.id, version, updated_at: ctx.now }).where("id", "=", row.id).execute();
    await enterStage(trx, [row.id], THEMATIC_ENTRY, ctx.now);
    const user = await actingUser(trx, ctx);
    const organization = await organizationLabel(trx, row.proponent_organization_id);
    announceRoundtable(ctx, row.roundtable_id, consultationId, actorLabel(ctx, user), "roundtable.feed.registered", { title: row.title, organization });
    return { proposalId: row.id, state: "active", version };
  },
});

/**
 * The organizations behind a proposal the table unified: the proponents of every proposal it descends from
 * (through merges and splits that were not undone). Any of them may withdraw it, in its own name.
 */
async function organizationsBehind(trx: Trx, proposalId: string): Promise<Set<string>> {
  const orgs = new Set<string>();
  let frontier = [proposalId];
  const seen = new Set(frontier);
  while (frontier.length) {
    const rows = await trx
      .selectFrom("proposal_lineage as l")
      .innerJoin("proposal_operations as o", "o.id", "l.operation_id")
      .innerJoin("proposals as p", "p.id", "l.source_id")
      .select(["p.id", "p.proponent_organization_id"])
      .where("l.result_id", "in", frontier)
      .where("o.undone_at", "is", null)
      .execute();
    frontier = [];
    for (const r of rows) {
      if (r.proponent_organization_id) orgs.add(r.proponent_organization_id);
      if (!seen.has(r.id)) {
        seen.add(r.id);
        frontier.push(r.id);
      }
    }
  }
  return orgs;
}

export const withdrawProposal = defineCommand({
  type: "proposal.withdraw",
  summary:
    "Withdraw a proposal with a reason: one's own, or one the table unified from a proposal of one's organization (recorded in its name). It stays in the record, counted where it reached.",
  schema: withdrawProposalSchema,
  access: { roles: ["proponent", "technical_member"] },
  consultationOf: (trx, p) => consultationOfProposal(trx, p.proposalId),
  async handle(trx, p, ctx) {
    const row = await loadProposal(trx, p.proposalId);
    let organizationId = row.proponent_organization_id;
    const owner = { proponentUserId: row.proponent_user_id, proponentOrganizationId: row.proponent_organization_id };
    if (isTableOwned(owner) && ctx.actor.kind !== "system") {
      const user = await actingUser(trx, ctx);
      if (!user?.organizationId || !(await organizationsBehind(trx, row.id)).has(user.organizationId)) throw forbidden();
      organizationId = user.organizationId;
    } else {
      await requireProponent(trx, ctx, row);
    }
    const refusal = withdrawRefusal(factsOf(row));
    if (refusal) throw await refusalError(trx, refusal);
    await refuseDuringVote(trx, [row]);
    const version = row.version + 1;
    await trx
      .updateTable("proposals")
      .set({ state: "withdrawn", state_reason: p.reason, state_organization_id: organizationId, version, updated_at: ctx.now })
      .where("id", "=", row.id)
      .execute();
    if (row.state === "active") {
      const organization = await organizationLabel(trx, organizationId);
      // A unified proposal is the technical table's once that table exists; until then it still sits at its own.
      const tableId =
        (isAtTechnical(row.stage)
          ? (
              await trx
                .selectFrom("roundtables")
                .select("id")
                .where("consultation_id", "=", row.consultation_id)
                .where("kind", "=", "technical")
                .executeTakeFirst()
            )?.id
          : null) ?? row.roundtable_id;
      if (tableId) {
        announceRoundtable(ctx, tableId, ctx.consultationId!, actorLabel(ctx, await actingUser(trx, ctx)), "roundtable.feed.withdrawn", {
          title: row.title,
          reason: p.reason,
          organization,
        });
      }
    }
    return { proposalId: row.id, state: "withdrawn", version };
  },
});

export const proposalCommands = [createProposal, updateProposal, submitProposal, withdrawProposal];
