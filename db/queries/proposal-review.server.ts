// The technical roundtable's review of one proposal, as its sheet shows it (public and staff alike): the three
// adoption criteria (who recorded each, when, the note), recusals (public by design), the consensus votes (tally,
// outcome, the blocks' reasons; who answered what only once closed and only when the consultation publishes it),
// the state reason of a rejected or withdrawn proposal (in whose name a withdrawal was recorded) and its text
// versions with what changed between consecutive revisions. Never an e-mail address or a phone number: people are
// named by name and organization only, and the version diff reads the responsible person as name and title.
import { criteriaStatus, type Criterion } from "../../app/domain/consensus/criteria";
import { ANSWERS, reasonFigures, type Answer, type ReasonFigures } from "../../app/domain/consensus/outcome";
import { isAtTechnical } from "../../app/domain/funnel";
import { diffTemplates, type FieldChange } from "../../app/domain/proposals/versions";
import type { ProposalTemplate } from "../../app/domain/schemas/proposal";
import { translator, type Lang } from "../../app/i18n";
import type { DB } from "../connection.server";

export interface ReviewPerson {
  name: string;
  organization: string; // acronym, else name, else ""
}

export interface ReviewCriterion {
  criterion: Criterion;
  status: "met" | "not_met" | "pending";
  note: string;
  recordedAt: string | null;
  recordedBy: ReviewPerson | null;
  /** Criterion (a): the public institution that accepts. */
  institution: string;
}

export interface ReviewVote {
  id: string;
  ballot: number;
  status: "open" | "closed";
  openedAt: string;
  closedAt: string | null;
  outcome: string | null;
  grade: string | null;
  /** What the outcome's reason is worded with (app/components/technical/outcome-words.ts). */
  figures: ReasonFigures;
  tally: Record<Answer, number> & { answered: number; eligible: number | null };
  blockReasons: string[];
  /** Who answered what: null while open or when the consultation keeps answers private. */
  answers: Array<ReviewPerson & { answer: Answer; reason: string }> | null;
  answersPrivate: boolean;
}

export interface ReviewVersion {
  revision: number;
  editedAt: string;
  editedBy: ReviewPerson | null;
  note: string;
  /** What changed since the previous revision (empty for revision 1). */
  changes: FieldChange[];
}

export interface ProposalReview {
  /** Whether there is anything to show (a proposal that never reached the technical table shows nothing). */
  visible: boolean;
  criteria: ReviewCriterion[];
  recusals: Array<ReviewPerson & { reason: string; declaredAt: string }>;
  votes: ReviewVote[];
  state: { state: "rejected" | "withdrawn"; reason: string; organization: string } | null;
  versions: ReviewVersion[];
}

const orgLabel = (acronym: string | null | undefined, name: string | null | undefined) => acronym || name || "";

function person(name: string | null | undefined, acronym: string | null | undefined, orgName: string | null | undefined): ReviewPerson | null {
  return name ? { name, organization: orgLabel(acronym, orgName) } : null;
}

export async function proposalReview(db: DB, proposalId: string, options: { lang: Lang }): Promise<ProposalReview | null> {
  const p = await db
    .selectFrom("proposals as p")
    .innerJoin("consultations as c", "c.id", "p.consultation_id")
    .leftJoin("organizations as so", "so.id", "p.state_organization_id")
    .select(["p.id", "p.stage", "p.state", "p.state_reason", "c.private_answers", "so.acronym as state_org_acronym", "so.name as state_org_name"])
    .where("p.id", "=", proposalId)
    .executeTakeFirst();
  if (!p) return null;

  const [criteriaRows, conflictRows, voteRows, versionRows] = await Promise.all([
    db
      .selectFrom("proposal_criteria as pc")
      .leftJoin("users as u", "u.id", "pc.recorded_by")
      .leftJoin("organizations as uo", "uo.id", "u.organization_id")
      .leftJoin("organizations as io", "io.id", "pc.organization_id")
      .select([
        "pc.seq",
        "pc.criterion",
        "pc.met",
        "pc.note",
        "pc.recorded_at",
        "u.name as user_name",
        "uo.acronym as user_acronym",
        "uo.name as user_org_name",
        "io.acronym as inst_acronym",
        "io.name as inst_name",
      ])
      .where("pc.proposal_id", "=", proposalId)
      .execute(),
    db
      .selectFrom("conflict_declarations as d")
      .innerJoin("users as u", "u.id", "d.user_id")
      .leftJoin("organizations as o", "o.id", "d.organization_id")
      .select(["d.reason", "d.declared_at", "u.name", "o.acronym", "o.name as org_name"])
      .where("d.proposal_id", "=", proposalId)
      .orderBy("d.declared_at")
      .execute(),
    db.selectFrom("consensus_votes").selectAll().where("proposal_id", "=", proposalId).orderBy("opened_at").orderBy("ballot").execute(),
    db
      .selectFrom("proposal_versions as v")
      .leftJoin("users as u", "u.id", "v.edited_by")
      .leftJoin("organizations as o", "o.id", "u.organization_id")
      .select(["v.revision", "v.template", "v.note", "v.edited_at", "u.name", "o.acronym", "o.name as org_name"])
      .where("v.proposal_id", "=", proposalId)
      .orderBy("v.revision")
      .execute(),
  ]);

  const bySeq = new Map(criteriaRows.map((r) => [Number(r.seq), r]));
  const criteria: ReviewCriterion[] = criteriaStatus(
    criteriaRows.map((r) => ({ criterion: r.criterion, met: Boolean(r.met), note: r.note, recordedAt: r.recorded_at, seq: Number(r.seq) })),
  ).map((s) => {
    const row = s.latest ? bySeq.get(s.latest.seq) : undefined;
    return {
      criterion: s.criterion,
      status: s.status,
      note: row?.note ?? "",
      recordedAt: row?.recorded_at ?? null,
      recordedBy: row ? person(row.user_name, row.user_acronym, row.user_org_name) : null,
      institution: row ? orgLabel(row.inst_acronym, row.inst_name) : "",
    };
  });

  const answerRows = voteRows.length
    ? await db
        .selectFrom("vote_answers as a")
        .innerJoin("users as u", "u.id", "a.user_id")
        .leftJoin("organizations as o", "o.id", "a.organization_id")
        .select(["a.vote_id", "a.answer", "a.reason", "u.name", "o.acronym", "o.name as org_name"])
        .where(
          "a.vote_id",
          "in",
          voteRows.map((v) => v.id),
        )
        .where("a.superseded_at", "is", null)
        .orderBy("a.seq")
        .execute()
    : [];
  const votes: ReviewVote[] = voteRows.map((v) => {
    const answers = answerRows.filter((a) => a.vote_id === v.id);
    const counts = Object.fromEntries(ANSWERS.map((k) => [k, answers.filter((a) => a.answer === k).length])) as Record<Answer, number>;
    let eligible: number | null = null;
    if (v.outcome_detail) {
      try {
        eligible = Number((JSON.parse(v.outcome_detail) as { tally?: { eligible?: number } }).tally?.eligible ?? null);
      } catch {
        eligible = null;
      }
    }
    let privateAtOpening = false;
    try {
      privateAtOpening = Boolean((JSON.parse(v.settings) as { privateAnswers?: boolean }).privateAnswers);
    } catch {
      privateAtOpening = false;
    }
    const closed = v.status === "closed";
    // A vote held under the promise of private answers stays private even if the setting changes later.
    const answersPrivate = Boolean(p.private_answers) || privateAtOpening;
    return {
      id: v.id,
      ballot: v.ballot,
      status: v.status,
      openedAt: v.opened_at,
      closedAt: v.closed_at,
      outcome: v.outcome,
      grade: v.grade,
      figures: reasonFigures(v.outcome_detail),
      tally: { ...counts, answered: answers.length, eligible: Number.isFinite(eligible) ? eligible : null },
      blockReasons: closed
        ? answers
            .filter((a) => a.answer === "block")
            .map((a) => a.reason.trim())
            .filter(Boolean)
        : [],
      answers: closed && !answersPrivate ? answers.map((a) => ({ ...person(a.name, a.acronym, a.org_name)!, answer: a.answer, reason: a.reason })) : null,
      answersPrivate,
    };
  });

  const translate = translator(options.lang);
  const versions: ReviewVersion[] =
    versionRows.length >= 2
      ? versionRows.map((r, i) => ({
          revision: r.revision,
          editedAt: r.edited_at,
          editedBy: person(r.name, r.acronym, r.org_name),
          note: r.note,
          changes:
            i === 0 ? [] : diffTemplates(JSON.parse(versionRows[i - 1].template) as ProposalTemplate, JSON.parse(r.template) as ProposalTemplate, translate),
        }))
      : [];

  const reachedTechnical = isAtTechnical(p.stage);
  const state =
    reachedTechnical && (p.state === "rejected" || p.state === "withdrawn") && p.state_reason
      ? { state: p.state, reason: p.state_reason, organization: p.state === "withdrawn" ? orgLabel(p.state_org_acronym, p.state_org_name) : "" }
      : null;
  const recusals = conflictRows.map((r) => ({ name: r.name, organization: orgLabel(r.acronym, r.org_name), reason: r.reason, declaredAt: r.declared_at }));
  const visible = criteriaRows.length > 0 || recusals.length > 0 || votes.length > 0 || versions.length > 0 || state !== null;
  return { visible, criteria, recusals, votes, state, versions };
}

/** The dashboard's technical-roundtable panel: the table (if any), its chair and the members who may chair it. */
export async function technicalPanel(db: DB, consultationId: string) {
  const table = await db
    .selectFrom("roundtables as t")
    .leftJoin("users as u", "u.id", "t.chair_user_id")
    .leftJoin("organizations as o", "o.id", "u.organization_id")
    .select(["t.id", "t.name", "t.chair_user_id", "u.name as chair_name", "o.acronym as chair_acronym", "o.name as chair_org_name"])
    .where("t.consultation_id", "=", consultationId)
    .where("t.kind", "=", "technical")
    .executeTakeFirst();
  const members = await db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .leftJoin("organizations as o", "o.id", "u.organization_id")
    .select(["u.id as userId", "u.name", "o.acronym", "o.name as org_name"])
    .where("m.consultation_id", "=", consultationId)
    .where("m.role", "=", "technical_member")
    .where("m.revoked_at", "is", null)
    .orderBy("u.name")
    .execute();
  return {
    table: table
      ? {
          id: table.id,
          name: table.name,
          chair: table.chair_user_id
            ? { userId: table.chair_user_id, name: table.chair_name ?? "", organization: orgLabel(table.chair_acronym, table.chair_org_name) }
            : null,
        }
      : null,
    members: [...new Map(members.map((m) => [m.userId, { userId: m.userId, name: m.name, organization: orgLabel(m.acronym, m.org_name) }])).values()],
  };
}
