// Writes shared by the proposal commands: the OGP template to columns, milestones, the citizen input a proposal
// responds to, funnel stage entries, and the checks every template passes (milestone cap, completeness).
import { randomUUID } from "node:crypto";
import type { ProposalFacts } from "../../app/domain/proposals/rules";
import { completenessIssues, milestoneCapIssue, proposalPeriod, type ProposalTemplate, type TemplateIssue } from "../../app/domain/schemas/proposal";
import { CommandError, notFound } from "./errors";
import type { Trx } from "./types";

type Respond = { summaryIds: string[]; inputIds: string[] };

/** Field issues carry the translation key as their message; forms translate it next to the field. */
function invalid(messageKey: string, params: Record<string, string | number>, issues: TemplateIssue[]): CommandError {
  return new CommandError(
    "invalid",
    messageKey,
    params,
    issues.map((i) => ({ path: i.path, code: "custom", message: i.key })),
  );
}

export async function maxMilestonesOf(trx: Trx, consultationId: string): Promise<number> {
  const row = await trx.selectFrom("consultations").select("max_milestones").where("id", "=", consultationId).executeTakeFirstOrThrow();
  return row.max_milestones;
}

/** 400 naming the consultation's limit ("at most 5 milestones per commitment"). */
export function assertMilestoneCap(count: number, max: number, path: Array<string | number> = ["milestones"]): void {
  const issue = milestoneCapIssue(count, max, path);
  if (issue) throw invalid("proposal.issue.too_many_milestones", { max, count }, [issue]);
}

/** 400 listing what a proposal lacks before the table can receive it. */
export function assertComplete(template: ProposalTemplate, prefix: Array<string | number> = []): void {
  const issues = completenessIssues(template).map((i) => ({ ...i, path: [...prefix, ...i.path] }));
  if (issues.length) throw invalid("proposal.error.incomplete", { count: issues.length }, issues);
}

/** The summaries and inputs must exist and belong to this consultation (another consultation's → 400). */
export async function assertResponses(trx: Trx, consultationId: string, respondsTo: Respond): Promise<void> {
  if (respondsTo.summaryIds.length) {
    const rows = await trx
      .selectFrom("summaries")
      .where("deleted_at", "is", null)
      .select(["id", "consultation_id", "title"])
      .where("id", "in", respondsTo.summaryIds)
      .execute();
    for (const id of respondsTo.summaryIds) {
      const row = rows.find((r) => r.id === id);
      if (!row) throw notFound("summary");
      if (row.consultation_id !== consultationId) throw new CommandError("invalid", "roundtable.error.summary_other_consultation", { title: row.title });
    }
  }
  if (respondsTo.inputIds.length) {
    const rows = await trx.selectFrom("citizen_inputs").select(["id", "consultation_id"]).where("id", "in", respondsTo.inputIds).execute();
    for (const id of respondsTo.inputIds) {
      const row = rows.find((r) => r.id === id);
      if (!row) throw notFound("input");
      if (row.consultation_id !== consultationId) throw new CommandError("invalid", "roundtable.error.input_other_consultation");
    }
  }
}

/** The template's columns (JSON for the nested parts; the period comes from the milestones). */
export function templateColumns(t: ProposalTemplate) {
  const period = proposalPeriod(t.milestones);
  return {
    title: t.title,
    lead_agency: t.leadAgency,
    responsible_person: JSON.stringify(t.responsiblePerson),
    other_actors: JSON.stringify(t.otherActors),
    problem: t.problem,
    objective: t.objective,
    description: t.description,
    ogp_challenge: JSON.stringify(t.ogpChallenges),
    relevance: JSON.stringify(t.relevance),
    ambition: t.ambition,
    is_new: t.milestones.length === 0 || t.milestones.some((m) => m.isNew) ? 1 : 0,
    starts_on: period.startsOn,
    ends_on: period.endsOn,
  };
}

export interface NewProposal {
  consultationId: string;
  themeId: string;
  roundtableId: string;
  roundId: string;
  proponentUserId: string | null;
  proponentOrganizationId: string | null;
  stage: string;
  state: "draft" | "active";
  template: ProposalTemplate;
  now: string;
}

export async function insertProposal(trx: Trx, p: NewProposal): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto("proposals")
    .values({
      id,
      consultation_id: p.consultationId,
      theme_id: p.themeId,
      roundtable_id: p.roundtableId,
      round_id: p.roundId,
      proponent_user_id: p.proponentUserId,
      proponent_organization_id: p.proponentOrganizationId,
      ...templateColumns(p.template),
      stage: p.stage,
      state: p.state,
      state_reason: null,
      version: 1,
      created_at: p.now,
      updated_at: p.now,
    })
    .execute();
  await replaceMilestones(trx, id, p.template.milestones);
  return id;
}

export async function replaceMilestones(trx: Trx, proposalId: string, milestones: ProposalTemplate["milestones"]): Promise<void> {
  await trx.deleteFrom("milestones").where("proposal_id", "=", proposalId).execute();
  if (milestones.length === 0) return;
  await trx
    .insertInto("milestones")
    .values(
      milestones.map((m, i) => ({
        id: randomUUID(),
        proposal_id: proposalId,
        position: i + 1,
        description: m.description,
        responsible_institution: m.responsibleInstitution,
        is_new: m.isNew ? 1 : 0,
        starts_on: m.startsOn ?? null,
        ends_on: m.endsOn ?? null,
      })),
    )
    .execute();
}

export async function replaceResponses(trx: Trx, proposalId: string, respondsTo: Respond): Promise<void> {
  await trx.deleteFrom("proposal_responses").where("proposal_id", "=", proposalId).execute();
  const rows = [
    ...[...new Set(respondsTo.summaryIds)].map((summaryId) => ({ proposal_id: proposalId, summary_id: summaryId, input_id: null })),
    ...[...new Set(respondsTo.inputIds)].map((inputId) => ({ proposal_id: proposalId, summary_id: null, input_id: inputId })),
  ];
  if (rows.length) await trx.insertInto("proposal_responses").values(rows).execute();
}

/** Funnel checkpoint: these proposals entered `stage` now (counts are derived from these rows). */
export async function enterStage(trx: Trx, proposalIds: readonly string[], stage: string, now: string): Promise<void> {
  if (proposalIds.length === 0) return;
  await trx.updateTable("proposals").set({ stage, updated_at: now }).where("id", "in", proposalIds).execute();
  await trx
    .insertInto("proposal_stage_history")
    .values(proposalIds.map((id) => ({ proposal_id: id, stage, entered_at: now })))
    .execute();
}

export type ProposalRow = Awaited<ReturnType<typeof loadProposals>>[number];

export async function loadProposals(trx: Trx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return trx.selectFrom("proposals").selectAll().where("id", "in", ids).execute();
}

export function factsOf(row: { id: string; title: string; state: string; consultation_id: string; theme_id: string; version: number }): ProposalFacts {
  return { id: row.id, title: row.title, state: row.state, consultationId: row.consultation_id, themeId: row.theme_id, version: row.version };
}
