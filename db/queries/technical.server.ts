// Read model of the technical roundtable (MTGA): its sessions and who is present, its members and observers, the
// proposals that reached it (unified or further on) with their adoption criteria and recusals, and its consensus
// votes. One query set serves the staff page (with a viewer: their own answers and attendance, the organizations
// behind each proposal) and the public page (viewer null: nothing viewer-specific). Never an e-mail address.
import { criteriaStatus, type CriterionRecord } from "../../app/domain/consensus/criteria";
import { reasonFigures, tallyAnswers, type Answer, type Tally, type VoteAnswer } from "../../app/domain/consensus/outcome";
import { FUNNEL_STAGES, isAtTechnical } from "../../app/domain/funnel";
import { templateFromRow } from "../../app/domain/proposals/template";
import type { ProposalTemplate } from "../../app/domain/schemas/proposal";
import type { DB } from "../connection.server";
import { funnelCounts } from "./roundtables.server";

export type TechnicalViewer = { userId: string; organizationId: string | null };

/** The consultation's technical roundtable id, or null when it has none yet. */
export async function technicalTableId(db: DB, consultationId: string): Promise<string | null> {
  const row = await db.selectFrom("roundtables").select("id").where("consultation_id", "=", consultationId).where("kind", "=", "technical").executeTakeFirst();
  return row?.id ?? null;
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

interface OutcomeDetail {
  kind?: string;

  blocks?: Array<{ userId: string; reason: string }>;
  tally?: Tally;
  quorum?: { needed: number; answered: number; missingSectors: Array<{ sector: string; needed: number; answered: number }> };
}

/**
 * Everything the technical roundtable's pages show; null when the consultation (or its technical roundtable) does
 * not exist — `consultation` is still answered when only the table is missing, so pages can say so.
 */
export async function technicalSession(db: DB, consultationId: string, viewer: TechnicalViewer | null) {
  const consultation = await db
    .selectFrom("consultations")
    .select([
      "id",
      "slug",
      "title",
      "decision_rule",
      "stand_aside_max_share",
      "supermajority_share",
      "quorum_share",
      "quorum_sector_minimums",
      "private_answers",
      "max_commitments",
    ])
    .where("id", "=", consultationId)
    .executeTakeFirst();
  if (!consultation) return null;
  const settings = {
    rule: consultation.decision_rule,
    standAsideMaxShare: Number(consultation.stand_aside_max_share),
    supermajorityShare: Number(consultation.supermajority_share),
    quorumShare: Number(consultation.quorum_share),
    quorumSectorMinimums: parseJson<Record<string, number>>(consultation.quorum_sector_minimums, {}),
    privateAnswers: Boolean(consultation.private_answers),
  };
  const head = { id: consultation.id, slug: consultation.slug, title: consultation.title };
  const table = await db
    .selectFrom("roundtables as t")
    .leftJoin("users as u", "u.id", "t.chair_user_id")
    .leftJoin("organizations as o", "o.id", "u.organization_id")
    .select(["t.id", "t.name", "t.chair_user_id", "u.name as chair_name", "o.acronym as chair_acronym"])
    .where("t.consultation_id", "=", consultationId)
    .where("t.kind", "=", "technical")
    .executeTakeFirst();
  if (!table) return { consultation: head, settings, table: null } as const;

  const [rounds, attendance, people, organizations, themes, proposalRows, counts, adopted] = await Promise.all([
    db
      .selectFrom("rounds")
      .select(["id", "number", "kind", "closes_stage", "held_on", "venue", "status", "opened_at", "closed_at"])
      .where("roundtable_id", "=", table.id)
      .orderBy("number")
      .execute(),
    db
      .selectFrom("technical_attendance as a")
      .innerJoin("rounds as r", "r.id", "a.round_id")
      .select(["a.round_id", "a.user_id", "a.present"])
      .where("r.roundtable_id", "=", table.id)
      .execute(),
    db
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .leftJoin("organizations as o", "o.id", "u.organization_id")
      .select(["m.user_id", "m.role", "u.name", "u.organization_id", "o.acronym", "o.sector"])
      .where("m.consultation_id", "=", consultationId)
      .where("m.role", "in", ["technical_member", "observer"])
      .where("m.revoked_at", "is", null)
      .orderBy("u.name")
      .execute(),
    db.selectFrom("organizations").select(["id", "name", "acronym", "sector"]).orderBy("acronym").execute(),
    db.selectFrom("themes").select(["id", "name", "position"]).where("consultation_id", "=", consultationId).orderBy("position").execute(),
    db
      .selectFrom("proposals as p")
      .leftJoin("organizations as po", "po.id", "p.proponent_organization_id")
      .leftJoin("organizations as so", "so.id", "p.state_organization_id")
      .leftJoin("organizations as lo", "lo.id", "p.lead_organization_id")
      .select([
        "p.id",
        "p.title",
        "p.theme_id",
        "p.stage",
        "p.state",
        "p.state_reason",
        "p.version",
        "p.created_at",
        "p.proponent_user_id",
        "p.proponent_organization_id",
        "po.acronym as proponent_acronym",
        "so.acronym as state_org_acronym",
        "so.name as state_org_name",
        "lo.acronym as lead_acronym",
        "lo.name as lead_name",
      ])
      .where("p.consultation_id", "=", consultationId)
      .where("p.state", "not in", ["draft", "undone"])
      .where(
        "p.stage",
        "in",
        FUNNEL_STAGES.filter((s) => isAtTechnical(s)),
      )
      .orderBy("p.created_at")
      .execute(),
    funnelCounts(db, consultationId),
    db
      .selectFrom("proposals")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("consultation_id", "=", consultationId)
      .where("state", "=", "adopted")
      .executeTakeFirstOrThrow(),
  ]);
  const proposalIds = proposalRows.map((p) => p.id);
  const none = ["00000000-0000-0000-0000-000000000000"];
  const ids = proposalIds.length ? proposalIds : none;
  const roundIds = rounds.length ? rounds.map((r) => r.id) : none;

  const [criteria, recusals, votes, edges, operations] = await Promise.all([
    db
      .selectFrom("proposal_criteria as c")
      .leftJoin("users as u", "u.id", "c.recorded_by")
      .leftJoin("organizations as o", "o.id", "c.organization_id")
      .select([
        "c.seq",
        "c.proposal_id",
        "c.criterion",
        "c.met",
        "c.note",
        "c.recorded_at",
        "u.name as recorded_by_name",
        "o.acronym as organization_acronym",
        "o.name as organization_name",
      ])
      .where("c.proposal_id", "in", ids)
      .execute(),
    db
      .selectFrom("conflict_declarations as d")
      .innerJoin("users as u", "u.id", "d.user_id")
      .leftJoin("organizations as o", "o.id", "d.organization_id")
      .select(["d.id", "d.proposal_id", "d.user_id", "d.reason", "d.declared_at", "u.name", "o.acronym"])
      .where("d.proposal_id", "in", ids)
      .orderBy("d.declared_at")
      .execute(),
    db
      .selectFrom("consensus_votes as v")
      .innerJoin("proposals as p", "p.id", "v.proposal_id")
      .innerJoin("rounds as r", "r.id", "v.round_id")
      .select([
        "v.id",
        "v.proposal_id",
        "v.round_id",
        "v.ballot",
        "v.status",
        "v.settings",
        "v.opened_at",
        "v.closed_at",
        "v.outcome",
        "v.grade",
        "v.outcome_detail",
        "p.title",
        "r.number as session_number",
      ])
      .where("v.roundtable_id", "=", table.id)
      .orderBy("v.opened_at", "desc")
      .execute(),
    // Lineage edges of operations not undone: who is behind a unified proposal (any organization behind one of its sources).
    db
      .selectFrom("proposal_lineage as l")
      .innerJoin("proposal_operations as op", "op.id", "l.operation_id")
      .innerJoin("proposals as s", "s.id", "l.source_id")
      .select(["l.operation_id", "l.source_id", "l.result_id", "s.title as source_title", "s.proponent_organization_id", "op.undone_at"])
      .where("op.consultation_id", "=", consultationId)
      .execute(),
    db
      .selectFrom("proposal_operations as op")
      .innerJoin("rounds as r", "r.id", "op.round_id")
      .leftJoin("users as u", "u.id", "op.created_by")
      .leftJoin("users as ub", "ub.id", "op.undone_by")
      .select([
        "op.id",
        "op.kind",
        "op.agreed_note",
        "op.present",
        "op.created_at",
        "op.undone_at",
        "r.number as round_number",
        "r.status as round_status",
        "u.name as created_by_name",
        "ub.name as undone_by_name",
      ])
      .where("op.round_id", "in", roundIds)
      .orderBy("op.created_at", "desc")
      .execute(),
  ]);
  const voteIds = votes.length ? votes.map((v) => v.id) : none;
  const answers = await db
    .selectFrom("vote_answers as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .leftJoin("organizations as o", "o.id", "a.organization_id")
    .select(["a.vote_id", "a.user_id", "a.sector", "a.answer", "a.reason", "a.answered_at", "u.name", "o.acronym"])
    .where("a.vote_id", "in", voteIds)
    .where("a.superseded_at", "is", null)
    .orderBy("u.name")
    .execute();

  const members = people.filter((p) => p.role === "technical_member");
  const observers = people.filter((p) => p.role === "observer" && !members.some((m) => m.user_id === p.user_id));
  const person = (p: (typeof people)[number]) => ({ userId: p.user_id, name: p.name, acronym: p.acronym, sector: p.sector });
  const nameOf = new Map(people.map((p) => [p.user_id, p.name]));

  // Organizations behind each proposal, walking the live lineage back to the proponents.
  const sourcesOf = new Map<string, Array<{ id: string; org: string | null }>>();
  for (const e of edges) {
    if (e.undone_at) continue;
    sourcesOf.set(e.result_id, [...(sourcesOf.get(e.result_id) ?? []), { id: e.source_id, org: e.proponent_organization_id }]);
  }
  const behind = (id: string): string[] => {
    const orgs = new Set<string>();
    const seen = new Set([id]);
    let frontier = [id];
    while (frontier.length) {
      const next: string[] = [];
      for (const f of frontier) {
        for (const s of sourcesOf.get(f) ?? []) {
          if (s.org) orgs.add(s.org);
          if (!seen.has(s.id)) {
            seen.add(s.id);
            next.push(s.id);
          }
        }
      }
      frontier = next;
    }
    return [...orgs];
  };

  const themePosition = new Map(themes.map((t) => [t.id, t.position]));
  const privateAnswers = settings.privateAnswers;
  const eligibleFor = (proposalId: string) => members.filter((m) => !recusals.some((r) => r.proposal_id === proposalId && r.user_id === m.user_id)).length;

  const proposals = proposalRows
    .slice()
    .sort((a, b) => (themePosition.get(a.theme_id) ?? 0) - (themePosition.get(b.theme_id) ?? 0))
    .map((p) => {
      const records = criteria.filter((c) => c.proposal_id === p.id);
      const asRecords: CriterionRecord[] = records.map((c) => ({
        criterion: c.criterion,
        met: Boolean(c.met),
        note: c.note,
        recordedAt: c.recorded_at,
        seq: Number(c.seq),
      }));
      return {
        id: p.id,
        title: p.title,
        themeId: p.theme_id,
        stage: p.stage,
        state: p.state,
        stateReason: p.state_reason,
        /** The organization a withdrawal was recorded for (an organization behind a unified proposal). */
        stateOrganization: p.state_org_acronym ? { acronym: p.state_org_acronym, name: p.state_org_name ?? "" } : null,
        leadOrganization: p.lead_acronym ? { acronym: p.lead_acronym, name: p.lead_name ?? "" } : null,
        proponentAcronym: p.proponent_acronym,
        version: p.version,
        criteria: criteriaStatus(asRecords).map((s) => {
          const row = s.latest ? records.find((c) => Number(c.seq) === s.latest!.seq) : undefined;
          return {
            criterion: s.criterion,
            status: s.status,
            note: s.latest?.note ?? "",
            recordedAt: s.latest?.recordedAt ?? null,
            recordedBy: row?.recorded_by_name ?? null,
            organization: row?.organization_acronym ?? null,
          };
        }),
        recusals: recusals
          .filter((r) => r.proposal_id === p.id)
          .map((r) => ({ name: r.name, acronym: r.acronym, reason: r.reason, declaredAt: r.declared_at, userId: r.user_id })),
        sources: (sourcesOf.get(p.id) ?? []).map((s) => ({ id: s.id, title: edges.find((e) => e.source_id === s.id)?.source_title ?? "" })),
        // Viewer-specific: whether the viewer's organization may withdraw it.
        withdrawable: viewer
          ? p.state === "active" &&
            Boolean(
              p.proponent_user_id === viewer.userId ||
              (viewer.organizationId && (p.proponent_organization_id === viewer.organizationId || behind(p.id).includes(viewer.organizationId))),
            )
          : false,
        eligible: eligibleFor(p.id),
      };
    });

  const voteViews = votes.map((v) => {
    const current = answers.filter((a) => a.vote_id === v.id);
    const detail = parseJson<OutcomeDetail>(v.outcome_detail, {});
    const snapshot = parseJson<{ privateAnswers?: boolean }>(v.settings, {});
    const hidden = privateAnswers || Boolean(snapshot.privateAnswers);
    const asAnswers: VoteAnswer[] = current.map((a) => ({ userId: a.user_id, sector: a.sector, answer: a.answer as Answer, reason: a.reason }));
    const tally = v.status === "closed" && detail.tally ? detail.tally : tallyAnswers(asAnswers, eligibleFor(v.proposal_id));
    const own = viewer ? current.find((a) => a.user_id === viewer.userId) : undefined;
    const closed = v.status === "closed";
    return {
      id: v.id,
      proposalId: v.proposal_id,
      title: v.title,
      roundId: v.round_id,
      sessionNumber: v.session_number,
      ballot: v.ballot,
      status: v.status,
      openedAt: v.opened_at,
      closedAt: v.closed_at,
      tally,
      outcome: v.outcome,
      grade: v.grade,
      /** Block reasons are published with the outcome (they are the proposal's rejection reason); names only when answers are public. */
      blocks: closed ? (detail.blocks ?? []).map((b) => ({ reason: b.reason, name: hidden ? null : (nameOf.get(b.userId) ?? null) })) : [],
      /** What the outcome's reason is worded with (app/components/technical/outcome-words.ts). */
      figures: reasonFigures(v.outcome_detail),
      quorum: closed && detail.quorum ? { needed: detail.quorum.needed, answered: detail.quorum.answered, missingSectors: detail.quorum.missingSectors } : null,
      answersPublic: closed && !hidden,
      answers: closed && !hidden ? current.map((a) => ({ name: a.name, acronym: a.acronym, answer: a.answer, reason: a.reason })) : [],
      ownAnswer: !closed && own ? { answer: own.answer, reason: own.reason } : null,
    };
  });

  const presentAt = (roundId: string) => attendance.filter((a) => a.round_id === roundId && a.present === 1).map((a) => a.user_id);
  const titleOf = new Map(edges.flatMap((e) => [[e.source_id, e.source_title] as const]));
  for (const p of proposalRows) titleOf.set(p.id, p.title);

  return {
    consultation: head,
    settings,
    table: {
      id: table.id,
      name: table.name,
      chair: table.chair_user_id ? { userId: table.chair_user_id, name: table.chair_name ?? "", acronym: table.chair_acronym } : null,
    },
    sessions: rounds.map((r) => {
      const present = presentAt(r.id);
      return {
        id: r.id,
        number: r.number,
        kind: r.kind,
        closesStage: r.closes_stage,
        heldOn: r.held_on,
        venue: r.venue,
        status: r.status,
        openedAt: r.opened_at,
        closedAt: r.closed_at,
        present: people
          .filter((p) => present.includes(p.user_id) && (p.role === "technical_member" || !members.some((m) => m.user_id === p.user_id)))
          .map(person),
        viewerPresent: viewer ? present.includes(viewer.userId) : false,
      };
    }),
    members: members.map(person),
    observers: observers.map(person),
    /** Public institutions (criterion a: the responsible institution that accepts). */
    institutions: organizations.filter((o) => o.sector === "public").map((o) => ({ id: o.id, name: o.name, acronym: o.acronym })),
    themes: themes.map((t) => ({ id: t.id, name: t.name })),
    proposals,
    votes: voteViews,
    adopted: Number(adopted.n),
    maxCommitments: consultation.max_commitments,
    counts: Object.fromEntries(FUNNEL_STAGES.map((s) => [s, { entered: counts.total[s].entered, now: counts.total[s].now }])) as Record<
      (typeof FUNNEL_STAGES)[number],
      { entered: number; now: number }
    >,
    operations: operations.map((o) => {
      const own = edges.filter((e) => e.operation_id === o.id);
      return {
        id: o.id,
        kind: o.kind,
        agreedNote: o.agreed_note,
        present: parseJson<unknown[]>(o.present, []).filter((x): x is string => typeof x === "string"),
        createdAt: o.created_at,
        createdBy: o.created_by_name,
        undoneAt: o.undone_at,
        undoneBy: o.undone_by_name,
        roundNumber: o.round_number,
        undoable: !o.undone_at && o.round_status === "open",
        sources: [...new Set(own.map((e) => e.source_id))].map((id) => ({ id, title: titleOf.get(id) ?? "" })),
        results: [...new Set(own.map((e) => e.result_id))].map((id) => ({ id, title: titleOf.get(id) ?? "" })),
      };
    }),
    organizations: organizations.map((o) => ({ id: o.id, name: o.name, acronym: o.acronym, sector: o.sector })),
  };
}

/**
 * The public page's view: the same records, nothing viewer-specific, answers only when public, and nothing the page
 * does not show — no user ids (members', observers', the chair's, who was present or recused), no organization ids,
 * no staff-only lists (operations with who made them, institutions for the criteria form). Names are public.
 */
export async function technicalPublic(db: DB, consultationId: string) {
  const view = await technicalSession(db, consultationId, null);
  if (!view) return null;
  if (!view.table) return { consultation: view.consultation, settings: view.settings, table: null } as const;
  const person = ({ userId: _userId, ...p }: { userId: string; name: string; acronym: string | null; sector: string | null }) => p;
  return {
    consultation: view.consultation,
    settings: view.settings,
    table: { name: view.table.name, chair: view.table.chair ? { name: view.table.chair.name, acronym: view.table.chair.acronym } : null },
    sessions: view.sessions.map(({ present, viewerPresent: _viewerPresent, ...s }) => ({ ...s, present: present.map(person) })),
    members: view.members.map(person),
    observers: view.observers.map(person),
    themes: view.themes,
    proposals: view.proposals.map(({ recusals, withdrawable: _withdrawable, ...p }) => ({
      ...p,
      recusals: recusals.map(({ userId: _userId, ...r }) => r),
    })),
    votes: view.votes,
    adopted: view.adopted,
    maxCommitments: view.maxCommitments,
    counts: view.counts,
  };
}

/**
 * What the technical table needs to compose with its proposals (merge, refine): the consultation's milestone cap and
 * the OGP template of each proposal asked for (contact details left out: the composer never shows them).
 */
export async function technicalTemplates(db: DB, consultationId: string, proposalIds: string[]) {
  const consultation = await db.selectFrom("consultations").select("max_milestones").where("id", "=", consultationId).executeTakeFirst();
  if (!consultation || proposalIds.length === 0) return { maxMilestones: consultation?.max_milestones ?? 0, templates: {} as Record<string, ProposalTemplate> };
  const [rows, milestones] = await Promise.all([
    db.selectFrom("proposals").selectAll().where("consultation_id", "=", consultationId).where("id", "in", proposalIds).execute(),
    db.selectFrom("milestones").selectAll().where("proposal_id", "in", proposalIds).orderBy("position").execute(),
  ]);
  const templates: Record<string, ProposalTemplate> = {};
  for (const row of rows) {
    const template = templateFromRow(
      row,
      milestones.filter((m) => m.proposal_id === row.id),
    );
    templates[row.id] = { ...template, responsiblePerson: { ...template.responsiblePerson, email: "", phone: "" } };
  }
  return { maxMilestones: consultation.max_milestones, templates };
}
