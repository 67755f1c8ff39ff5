// The action plan as pages and exports read it: the plan, its commitments in order with their OGP template, where
// each came from (thematic roundtable, merged proposals, citizen inputs behind it), the history of its text with the
// comments behind each change, the comments with their current answers, the OGP support unit's observations and the
// amendments. Contact details (e-mail, phone) of the responsible person never leave this module.
import { revisionHistory, type PlanStatus, type RevisionStep, type VersionFact } from "../../app/domain/plan";
import { templateFromRow } from "../../app/domain/proposals/template";
import type { ProposalTemplate } from "../../app/domain/schemas/proposal";
import type { Translate } from "../../app/i18n";
import type { DB } from "../connection.server";
import { commitmentsInPlan } from "./in-the-plan.server";
import { proposalLineage } from "./lineage.server";

export interface PlanComment {
  id: string;
  proposalId: string | null;
  text: string | null; // null when hidden and the reader may not moderate
  status: string;
  statusReason: string | null;
  createdAt: string;
  reports: number;
  answer: { verdict: string; reason: string; answeredAt: string } | null;
}

export interface PlanCommitment {
  proposalId: string;
  number: string;
  position: number;
  version: number;
  themeName: string;
  roundtableName: string | null;
  template: ProposalTemplate;
  origin: { mergedFrom: Array<{ id: string; title: string; organization: string | null }>; inputs: number; summaries: number };
  history: RevisionStep[];
  comments: PlanComment[];
  /** `added`: the amendment that added the commitment to the approved plan (revision 0, no text changed). */
  amendments: Array<{ revision: number; reason: string; amendedAt: string; added: boolean }>;
  observations: PlanObservation[];
}

export interface PlanObservation {
  id: string;
  proposalId: string | null;
  text: string;
  recordedAt: string;
  answer: string | null;
  answeredAt: string | null;
}

export interface PlanView {
  id: string;
  consultationId: string;
  status: PlanStatus;
  introduction: string;
  publishedAt: string | null;
  reviewSentAt: string | null;
  approval: { by: string; on: string; reference: string; at: string } | null;
  submission: { on: string; link: string | null; file: string | null } | null;
  version: number;
  commitments: PlanCommitment[];
  /** Comments on the plan as a whole. */
  comments: PlanComment[];
  observations: PlanObservation[];
}

/** Only the name and title of the responsible person are public. */
function publicTemplate(t: ProposalTemplate): ProposalTemplate {
  return { ...t, responsiblePerson: { ...t.responsiblePerson, email: "", phone: "" } };
}

export async function planIdOf(db: DB, consultationId: string): Promise<string | null> {
  const row = await db.selectFrom("plans").select("id").where("consultation_id", "=", consultationId).executeTakeFirst();
  return row?.id ?? null;
}

/** The plan of a consultation, or null when none was assembled; `moderator`: hidden comments keep their text. */
export async function planView(db: DB, consultationId: string, options: { moderator?: boolean; translate?: Translate } = {}): Promise<PlanView | null> {
  const plan = await db.selectFrom("plans").selectAll().where("consultation_id", "=", consultationId).executeTakeFirst();
  if (!plan) return null;
  // The commitments are read by the one query every surface counts with (in-the-plan.server.ts).
  const inPlan = await commitmentsInPlan(db, consultationId);
  const ids = inPlan.map((c) => c.proposalId);
  const none = ["00000000-0000-0000-0000-000000000000"];
  const proposalRows = await db
    .selectFrom("proposals as p")
    .innerJoin("themes as t", "t.id", "p.theme_id")
    .select(["t.name as theme_name"])
    .selectAll("p")
    .where("p.id", "in", ids.length ? ids : none)
    .execute();
  const rows = inPlan.flatMap((c) => {
    const p = proposalRows.find((r) => r.id === c.proposalId);
    return p ? [{ ...p, proposal_id: c.proposalId, number: c.number, position: c.position }] : [];
  });
  const [milestones, versions, links, amendments, comments, answers, reports, observations, tables] = await Promise.all([
    db
      .selectFrom("milestones")
      .selectAll()
      .where("proposal_id", "in", ids.length ? ids : none)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("proposal_versions")
      .selectAll()
      .where("proposal_id", "in", ids.length ? ids : none)
      .orderBy("revision")
      .execute(),
    db
      .selectFrom("plan_revision_comments")
      .selectAll()
      .where("proposal_id", "in", ids.length ? ids : none)
      .execute(),
    db.selectFrom("plan_amendments").selectAll().where("plan_id", "=", plan.id).orderBy("amended_at").execute(),
    db.selectFrom("plan_comments").selectAll().where("plan_id", "=", plan.id).orderBy("created_at").execute(),
    db
      .selectFrom("plan_comment_answers as a")
      .innerJoin("plan_comments as c", "c.id", "a.comment_id")
      .select(["a.comment_id", "a.verdict", "a.reason", "a.answered_at"])
      .where("c.plan_id", "=", plan.id)
      .where("a.superseded_at", "is", null)
      .execute(),
    db
      .selectFrom("plan_comment_reports as r")
      .innerJoin("plan_comments as c", "c.id", "r.comment_id")
      .select("r.comment_id")
      .where("c.plan_id", "=", plan.id)
      .execute(),
    db.selectFrom("plan_observations").selectAll().where("plan_id", "=", plan.id).orderBy("recorded_at").execute(),
    db.selectFrom("roundtables").select(["theme_id", "name"]).where("consultation_id", "=", consultationId).where("kind", "=", "thematic").execute(),
  ]);

  const shownComment = (c: (typeof comments)[number]): PlanComment => {
    const answer = answers.find((a) => a.comment_id === c.id);
    return {
      id: c.id,
      proposalId: c.proposal_id,
      text: c.status === "visible" || options.moderator ? c.text : null,
      status: c.status,
      statusReason: options.moderator ? c.status_reason : null,
      createdAt: c.created_at,
      reports: options.moderator ? reports.filter((r) => r.comment_id === c.id).length : 0,
      answer: answer ? { verdict: answer.verdict, reason: answer.reason, answeredAt: answer.answered_at } : null,
    };
  };
  const shownObservation = (o: (typeof observations)[number]): PlanObservation => ({
    id: o.id,
    proposalId: o.proposal_id,
    text: o.text,
    recordedAt: o.recorded_at,
    answer: o.answer,
    answeredAt: o.answered_at,
  });

  const commitments: PlanCommitment[] = [];
  for (const r of rows) {
    const template = publicTemplate(
      templateFromRow(
        r,
        milestones.filter((m) => m.proposal_id === r.proposal_id),
      ),
    );
    const facts: VersionFact[] = versions
      .filter((v) => v.proposal_id === r.proposal_id)
      .map((v) => ({ revision: v.revision, template: publicTemplate(JSON.parse(v.template) as ProposalTemplate), note: v.note, editedAt: v.edited_at }));
    const lineage = await proposalLineage(db, r.proposal_id);
    const mergedFrom = lineage
      ? Object.values(lineage.proposals)
          .filter((p) => p.id !== r.proposal_id && p.created_at <= r.created_at)
          .map((p) => ({ id: p.id, title: p.title, organization: p.organization }))
      : [];
    commitments.push({
      proposalId: r.proposal_id,
      number: r.number,
      position: r.position,
      version: r.version,
      themeName: r.theme_name,
      // A theme has one thematic table; one left unnamed goes by its theme's name.
      roundtableName: (() => {
        const table = tables.find((t) => t.theme_id === r.theme_id);
        return table ? table.name || r.theme_name : null;
      })(),
      template,
      origin: { mergedFrom, inputs: lineage ? Object.keys(lineage.inputs).length : 0, summaries: lineage ? Object.keys(lineage.summaries).length : 0 },
      history: revisionHistory(
        facts,
        links.filter((l) => l.proposal_id === r.proposal_id).map((l) => ({ revision: l.revision, commentId: l.comment_id })),
        amendments.filter((a) => a.proposal_id === r.proposal_id),
        options.translate,
      ),
      comments: comments.filter((c) => c.proposal_id === r.proposal_id).map(shownComment),
      amendments: amendments
        .filter((a) => a.proposal_id === r.proposal_id)
        .map((a) => ({ revision: a.revision, reason: a.reason, amendedAt: a.amended_at, added: a.revision === 0 })),
      observations: observations.filter((o) => o.proposal_id === r.proposal_id).map(shownObservation),
    });
  }
  return {
    id: plan.id,
    consultationId,
    status: plan.status as PlanStatus,
    introduction: plan.introduction,
    publishedAt: plan.published_at,
    reviewSentAt: plan.review_sent_at,
    approval: plan.approved_at
      ? { by: plan.approved_by_name ?? "", on: plan.approved_on ?? "", reference: plan.approval_reference ?? "", at: plan.approved_at }
      : null,
    submission: plan.submitted_on ? { on: plan.submitted_on, link: plan.submission_link, file: plan.submission_file } : null,
    version: plan.version,
    commitments,
    comments: comments.filter((c) => c.proposal_id === null).map(shownComment),
    observations: observations.filter((o) => o.proposal_id === null).map(shownObservation),
  };
}

/** Adopted proposals the point of contact can put in the plan (in or out of it now). */
export async function adoptedProposals(db: DB, consultationId: string) {
  return db
    .selectFrom("proposals as p")
    .innerJoin("themes as t", "t.id", "p.theme_id")
    .select(["p.id", "p.title", "t.name as theme_name", "p.updated_at"])
    .where("p.consultation_id", "=", consultationId)
    .where("p.state", "=", "adopted")
    .orderBy("t.position")
    .orderBy("p.created_at")
    .execute();
}

/** A comment by its receipt code, for /r/:code: its text as shown publicly, its commitment and its answer. */
export async function commentByReceipt(db: DB, code: string) {
  const row = await db
    .selectFrom("plan_comments as c")
    .innerJoin("consultations as k", "k.id", "c.consultation_id")
    .leftJoin("proposals as p", "p.id", "c.proposal_id")
    .select(["c.id", "c.text", "c.status", "c.created_at", "c.proposal_id", "p.title as proposal_title", "k.slug", "k.title as consultation_title"])
    .where("c.receipt_code", "=", code)
    .executeTakeFirst();
  if (!row) return null;
  const answer = await db
    .selectFrom("plan_comment_answers")
    .select(["verdict", "reason", "answered_at"])
    .where("comment_id", "=", row.id)
    .where("superseded_at", "is", null)
    .executeTakeFirst();
  return { ...row, text: row.status === "visible" ? row.text : null, answer: answer ?? null };
}
