// Follow-up of the plan's commitments (decision 0009). The point of contact names, per commitment, the person of
// the responsible institution who reports on it; that person reports each milestone's progress (OGP level, actual
// dates, a note) and adds evidence (a link and what it shows). Every report is a new row: nothing is overwritten,
// a correction is a newer report. Reports are keyed by the milestone's number in the commitment's text, so they
// survive a revision that replaces the milestone rows.
import { randomUUID } from "node:crypto";
import { addEvidenceSchema, assignResponsibleSchema, endResponsibilitySchema, updateMilestoneSchema } from "../../app/domain/schemas/follow-up";
import { rolesOf } from "../../db/queries/admin.server";
import { conflict, forbidden, notFound } from "./errors";
import { consultationOfProposal } from "./roundtable-lookup.server";
import { announceChange } from "./lookup.server";
import { defineCommand, type CommandContext, type Trx } from "./types";

/** The proposal, refused with 409 unless it is a commitment (adopted into the plan). */
async function requireCommitment(trx: Trx, proposalId: string) {
  const row = await trx.selectFrom("proposals").select(["id", "title", "state", "consultation_id"]).where("id", "=", proposalId).executeTakeFirstOrThrow();
  if (row.state !== "adopted") throw conflict("followup.error.not_commitment", { title: row.title });
  return row;
}

export async function currentResponsible(trx: Trx, proposalId: string) {
  return trx
    .selectFrom("commitment_responsibles")
    .select(["id", "user_id"])
    .where("proposal_id", "=", proposalId)
    .where("ended_at", "is", null)
    .executeTakeFirst();
}

/** Only the person named for this commitment reports on it (not the point of contact, not the command line). */
async function requireResponsibleFor(trx: Trx, ctx: CommandContext, proposalId: string) {
  const current = await currentResponsible(trx, proposalId);
  if (ctx.actor.kind !== "user" || !current || current.user_id !== ctx.actor.userId) throw forbidden();
}

async function milestoneAt(trx: Trx, proposalId: string, position: number) {
  const row = await trx
    .selectFrom("milestones")
    .select(["id", "description"])
    .where("proposal_id", "=", proposalId)
    .where("position", "=", position)
    .executeTakeFirst();
  if (!row) throw notFound("milestone");
  return row;
}

/** Name and institution of the author as shown publicly (never the e-mail). */
async function authorOf(trx: Trx, userId: string) {
  const row = await trx
    .selectFrom("users as u")
    .leftJoin("organizations as o", "o.id", "u.organization_id")
    .select(["u.id", "u.name", "o.name as organization", "o.acronym"])
    .where("u.id", "=", userId)
    .executeTakeFirstOrThrow();
  return { userId: row.id, name: row.name, institution: row.organization ? `${row.organization}${row.acronym ? ` (${row.acronym})` : ""}` : "" };
}

/** The public follow-up page and the staff pages reload on consultation:changed (app/live/useLive.ts). */
function announce(ctx: CommandContext, consultationId: string) {
  announceChange(ctx, consultationId, "public");
}

type Report = {
  proposalId: string;
  position: number;
  kind: "progress" | "evidence";
  status?: string | null;
  actualStartOn?: string | null;
  actualEndOn?: string | null;
  evidenceUrl?: string | null;
  note: string;
};

async function insertReport(trx: Trx, ctx: CommandContext, r: Report) {
  const commitment = await requireCommitment(trx, r.proposalId);
  await requireResponsibleFor(trx, ctx, r.proposalId);
  const milestone = await milestoneAt(trx, r.proposalId, r.position);
  const author = await authorOf(trx, (await currentResponsible(trx, r.proposalId))!.user_id);
  const id = randomUUID();
  await trx
    .insertInto("followup_updates")
    .values({
      id,
      consultation_id: commitment.consultation_id,
      proposal_id: r.proposalId,
      milestone_position: r.position,
      milestone_id: milestone.id,
      milestone_description: milestone.description,
      kind: r.kind,
      status: r.status ?? null,
      actual_start_on: r.actualStartOn ?? null,
      actual_end_on: r.actualEndOn ?? null,
      evidence_url: r.evidenceUrl ?? null,
      note: r.note,
      author_user_id: author.userId,
      author_name: author.name,
      author_institution: author.institution,
      command_id: ctx.commandId,
      created_at: ctx.now,
    })
    .execute();
  announce(ctx, commitment.consultation_id);
  return { updateId: id, proposalId: r.proposalId, position: r.position };
}

export const assignResponsible = defineCommand({
  type: "followup.assign_responsible",
  summary: "Name the person (holding the commitment-responsible role) who reports a commitment's follow-up; replaces the previous one, kept in history.",
  schema: assignResponsibleSchema,
  access: { roles: ["point_of_contact"] },
  consultationOf: (trx, p) => consultationOfProposal(trx, p.proposalId),
  async handle(trx, p, ctx) {
    const commitment = await requireCommitment(trx, p.proposalId);
    const user = await trx.selectFrom("users").select(["id", "name"]).where("id", "=", p.userId).executeTakeFirst();
    if (!user) throw notFound("user");
    if (!(await rolesOf(trx, p.userId, commitment.consultation_id)).includes("commitment_responsible")) {
      throw conflict("followup.error.not_responsible_role", { name: user.name });
    }
    const current = await currentResponsible(trx, p.proposalId);
    if (current?.user_id === p.userId) throw conflict("followup.error.already_responsible", { name: user.name, title: commitment.title });
    if (current) {
      await trx
        .updateTable("commitment_responsibles")
        .set({ ended_at: ctx.now, ended_by: ctx.actor.kind === "user" ? ctx.actor.userId : null })
        .where("id", "=", current.id)
        .execute();
    }
    const id = randomUUID();
    await trx
      .insertInto("commitment_responsibles")
      .values({
        id,
        consultation_id: commitment.consultation_id,
        proposal_id: p.proposalId,
        user_id: p.userId,
        assigned_by: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        assigned_at: ctx.now,
        ended_at: null,
        ended_by: null,
      })
      .execute();
    announce(ctx, commitment.consultation_id);
    return { assignmentId: id, proposalId: p.proposalId, userId: p.userId, replaced: current?.user_id ?? null };
  },
});

/** The point of contact ends an assignment without naming anyone yet (the person left the institution, say). */
export const endResponsibility = defineCommand({
  type: "followup.end_responsibility",
  summary: "End the current responsible person's assignment to a commitment without naming another (kept in history; reports stay).",
  schema: endResponsibilitySchema,
  access: { roles: ["point_of_contact"] },
  consultationOf: (trx, p) => consultationOfProposal(trx, p.proposalId),
  async handle(trx, p, ctx) {
    const commitment = await requireCommitment(trx, p.proposalId);
    const current = await currentResponsible(trx, p.proposalId);
    if (!current) throw conflict("followup.error.no_responsible", { title: commitment.title });
    await trx
      .updateTable("commitment_responsibles")
      .set({ ended_at: ctx.now, ended_by: ctx.actor.kind === "user" ? ctx.actor.userId : null })
      .where("id", "=", current.id)
      .execute();
    announce(ctx, commitment.consultation_id);
    return { proposalId: p.proposalId, ended: current.user_id };
  },
});

export const updateMilestone = defineCommand({
  type: "followup.update_milestone",
  summary: "Report a milestone's progress (OGP level, actual start and completion dates, a note); a correction is a new report.",
  schema: updateMilestoneSchema,
  access: { roles: ["commitment_responsible"] },
  consultationOf: (trx, p) => consultationOfProposal(trx, p.proposalId),
  handle: (trx, p, ctx) =>
    insertReport(trx, ctx, {
      proposalId: p.proposalId,
      position: p.position,
      kind: "progress",
      status: p.status,
      actualStartOn: p.actualStartOn ?? null,
      actualEndOn: p.actualEndOn ?? null,
      note: p.note,
    }),
});

export const addEvidence = defineCommand({
  type: "followup.add_evidence",
  summary: "Add evidence to a milestone (an http(s) link and what it shows: an attendance list, an agenda, a published page).",
  schema: addEvidenceSchema,
  access: { roles: ["commitment_responsible"] },
  consultationOf: (trx, p) => consultationOfProposal(trx, p.proposalId),
  handle: (trx, p, ctx) =>
    insertReport(trx, ctx, { proposalId: p.proposalId, position: p.position, kind: "evidence", evidenceUrl: p.url, note: p.description }),
});

export const followUpCommands = [assignResponsible, endResponsibility, updateMilestone, addEvidence];
