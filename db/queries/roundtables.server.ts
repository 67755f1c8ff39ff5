// Read models for thematic roundtables: the dashboard panel, the live session, a proposal's page and the
// counts per funnel stage and theme (derived from proposal_stage_history, so each figure traces to its items).
import { tallyFunnel, withPlanColumn, type FunnelCounts } from "../../app/domain/proposals/counts";
import { templateFromRow } from "../../app/domain/proposals/template";
import type { DB } from "../connection.server";
import { commitmentsInPlan } from "./in-the-plan.server";

/** Counts per stage and theme for a consultation (or one theme). */
export async function funnelCounts(db: DB, consultationId: string, themeId?: string): Promise<FunnelCounts> {
  let entries = db
    .selectFrom("proposal_stage_history as h")
    .innerJoin("proposals as p", "p.id", "h.proposal_id")
    .select(["h.proposal_id as proposalId", "p.theme_id as themeId", "h.stage"])
    .where("p.consultation_id", "=", consultationId);
  let now = db
    .selectFrom("proposals")
    .select(["id", "theme_id as themeId", "stage", "state"])
    .where("consultation_id", "=", consultationId)
    .where("state", "in", ["active", "adopted"]);
  if (themeId) {
    entries = entries.where("p.theme_id", "=", themeId);
    now = now.where("theme_id", "=", themeId);
  }
  const [e, n, inPlan] = await Promise.all([entries.execute(), now.execute(), commitmentsInPlan(db, consultationId)]);
  // "In the plan" is the plan's commitments (one query for every surface), not the stage entries.
  return withPlanColumn(
    tallyFunnel(e, n, themeId ? [themeId] : []),
    inPlan.filter((c) => !themeId || c.themeId === themeId),
  );
}

/** The dashboard panel: every theme with its thematic roundtable (if any), its rounds and counts. */
export async function roundtablesOverview(db: DB, consultationId: string) {
  const [themes, tables, rounds, counts] = await Promise.all([
    db.selectFrom("themes").select(["id", "name", "archived_at"]).where("consultation_id", "=", consultationId).orderBy("position").execute(),
    db.selectFrom("roundtables").select(["id", "theme_id", "name"]).where("consultation_id", "=", consultationId).where("kind", "=", "thematic").execute(),
    db
      .selectFrom("rounds as r")
      .innerJoin("roundtables as t", "t.id", "r.roundtable_id")
      .select(["r.id", "r.roundtable_id", "r.number", "r.status", "r.held_on"])
      .where("t.consultation_id", "=", consultationId)
      .orderBy("r.number")
      .execute(),
    funnelCounts(db, consultationId),
  ]);
  return {
    themes: themes.map((th) => {
      const table = tables.find((t) => t.theme_id === th.id) ?? null;
      return {
        id: th.id,
        name: th.name,
        archived: Boolean(th.archived_at),
        roundtable: table ? { id: table.id, name: table.name, rounds: rounds.filter((r) => r.roundtable_id === table.id) } : null,
      };
    }),
    counts,
  };
}

export type SessionViewer = { userId: string; organizationId: string | null };

/** Everything the live session of one thematic roundtable shows. */
export async function roundtableSession(db: DB, roundtableId: string, viewer: SessionViewer) {
  const table = await db
    .selectFrom("roundtables as t")
    .innerJoin("consultations as c", "c.id", "t.consultation_id")
    .leftJoin("themes as th", "th.id", "t.theme_id")
    .select([
      "t.id",
      "t.name",
      "t.kind",
      "t.theme_id",
      "t.consultation_id",
      "th.name as theme_name",
      "th.description as theme_description",
      "c.title as consultation_title",
      "c.max_milestones",
    ])
    .where("t.id", "=", roundtableId)
    .executeTakeFirst();
  if (!table || !table.theme_id) return null;
  const themeId = table.theme_id;

  const [rounds, attendance, organizations, summaries, proposals, milestones, edges, operations, responses, counts] = await Promise.all([
    db
      .selectFrom("rounds as r")
      .leftJoin("organizations as o", "o.id", "r.host_organization_id")
      .select([
        "r.id",
        "r.number",
        "r.held_on",
        "r.venue",
        "r.status",
        "r.opened_at",
        "r.closed_at",
        "r.host_organization_id",
        "o.acronym as host_acronym",
        "o.name as host_name",
      ])
      .where("r.roundtable_id", "=", roundtableId)
      .orderBy("r.number")
      .execute(),
    db
      .selectFrom("round_attendance as a")
      .innerJoin("rounds as r", "r.id", "a.round_id")
      .select(["a.round_id", "a.organization_id"])
      .where("r.roundtable_id", "=", roundtableId)
      .execute(),
    db.selectFrom("organizations").select(["id", "name", "acronym", "sector"]).orderBy("acronym").execute(),
    db
      .selectFrom("summaries as s")
      .where("s.deleted_at", "is", null)
      .leftJoin("summary_inputs as si", (j) => j.onRef("si.summary_id", "=", "s.id").on("si.removed_at", "is", null))
      .select(["s.id", "s.title", "s.text", "s.updated_at"])
      .select((eb) => eb.fn.count<number>("si.input_id").as("inputs"))
      .where("s.consultation_id", "=", table.consultation_id)
      .where("s.theme_id", "=", themeId)
      .groupBy("s.id")
      .orderBy("s.created_at")
      .execute(),
    db
      .selectFrom("proposals as p")
      .leftJoin("organizations as o", "o.id", "p.proponent_organization_id")
      .leftJoin("users as u", "u.id", "p.proponent_user_id")
      .select([
        "p.id",
        "p.title",
        "p.lead_agency",
        "p.responsible_person",
        "p.other_actors",
        "p.problem",
        "p.objective",
        "p.description",
        "p.ogp_challenge",
        "p.relevance",
        "p.ambition",
        "p.stage",
        "p.state",
        "p.state_reason",
        "p.version",
        "p.round_id",
        "p.created_at",
        "p.updated_at",
        "p.proponent_user_id",
        "p.proponent_organization_id",
        "o.acronym as organization_acronym",
        "o.name as organization_name",
        "u.name as proponent_name",
      ])
      .where("p.roundtable_id", "=", roundtableId)
      // Drafts are the proponent's own until registered.
      .where((eb) =>
        eb.or([
          eb("p.state", "!=", "draft"),
          eb("p.proponent_user_id", "=", viewer.userId),
          ...(viewer.organizationId ? [eb("p.proponent_organization_id", "=", viewer.organizationId)] : []),
        ]),
      )
      .orderBy("p.created_at")
      .execute(),
    db
      .selectFrom("milestones as m")
      .innerJoin("proposals as p", "p.id", "m.proposal_id")
      .select(["m.proposal_id", "m.position", "m.description", "m.responsible_institution", "m.is_new", "m.starts_on", "m.ends_on"])
      .where("p.roundtable_id", "=", roundtableId)
      .orderBy("m.position")
      .execute(),
    db
      .selectFrom("proposal_lineage as l")
      .innerJoin("proposal_operations as op", "op.id", "l.operation_id")
      .innerJoin("proposals as p", "p.id", "l.result_id")
      .select(["l.operation_id", "l.source_id", "l.result_id"])
      .where("p.roundtable_id", "=", roundtableId)
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
        "op.round_id",
        "r.number as round_number",
        "r.status as round_status",
        "u.name as created_by_name",
        "ub.name as undone_by_name",
      ])
      .where("r.roundtable_id", "=", roundtableId)
      .orderBy("op.created_at", "desc")
      .execute(),
    db
      .selectFrom("proposal_responses as r")
      .innerJoin("proposals as p", "p.id", "r.proposal_id")
      .select(["r.proposal_id", "r.summary_id", "r.input_id"])
      .where("p.roundtable_id", "=", roundtableId)
      .execute(),
    funnelCounts(db, table.consultation_id, themeId),
  ]);

  const titleOf = new Map(proposals.map((p) => [p.id, p.title]));
  const opsById = new Map(operations.map((o) => [o.id, o]));
  return {
    roundtable: {
      id: table.id,
      name: table.name,
      themeId,
      themeName: table.theme_name ?? "",
      themeDescription: table.theme_description ?? "",
      consultationId: table.consultation_id,
      consultationTitle: table.consultation_title,
      maxMilestones: table.max_milestones,
    },
    rounds: rounds.map((r) => ({ ...r, present: attendance.filter((a) => a.round_id === r.id).map((a) => a.organization_id) })),
    organizations,
    summaries: summaries.map((s) => ({ ...s, inputs: Number(s.inputs) })),
    proposals: proposals.map((p) => {
      const own = milestones.filter((m) => m.proposal_id === p.id);
      const template = templateFromRow(p, own);
      const live = (opId: string) => !opsById.get(opId)?.undone_at;
      return {
        id: p.id,
        title: p.title,
        state: p.state,
        stateReason: p.state_reason,
        stage: p.stage,
        version: p.version,
        roundId: p.round_id,
        createdAt: p.created_at,
        updatedAt: p.updated_at,
        proponent: {
          userId: p.proponent_user_id,
          organizationId: p.proponent_organization_id,
          acronym: p.organization_acronym,
          organization: p.organization_name,
          name: p.proponent_name,
        },
        // Contact details stay with the proponent and the table's staff pages; the session shows name and title.
        template: { ...template, responsiblePerson: { ...template.responsiblePerson, email: "", phone: "" } },
        respondsTo: {
          summaryIds: responses.filter((r) => r.proposal_id === p.id && r.summary_id).map((r) => r.summary_id!),
          inputIds: responses.filter((r) => r.proposal_id === p.id && r.input_id).map((r) => r.input_id!),
        },
        sources: edges
          .filter((e) => e.result_id === p.id && live(e.operation_id))
          .map((e) => ({ id: e.source_id, title: titleOf.get(e.source_id) ?? "", operationId: e.operation_id })),
        successors: edges
          .filter((e) => e.source_id === p.id && live(e.operation_id))
          .map((e) => ({ id: e.result_id, title: titleOf.get(e.result_id) ?? "", operationId: e.operation_id })),
      };
    }),
    operations: operations.map((o) => ({
      id: o.id,
      kind: o.kind,
      agreedNote: o.agreed_note,
      present: safeList(o.present),
      createdAt: o.created_at,
      createdBy: o.created_by_name,
      undoneAt: o.undone_at,
      undoneBy: o.undone_by_name,
      roundNumber: o.round_number,
      undoable: !o.undone_at && o.round_status === "open",
      sources: [...new Set(edges.filter((e) => e.operation_id === o.id).map((e) => e.source_id))].map((id) => ({ id, title: titleOf.get(id) ?? "" })),
      results: [...new Set(edges.filter((e) => e.operation_id === o.id).map((e) => e.result_id))].map((id) => ({ id, title: titleOf.get(id) ?? "" })),
    })),
    counts: counts.byTheme[themeId],
  };
}

function safeList(text: string): string[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** One proposal in full, for its page (contact details included: staff only). */
export async function proposalDetail(db: DB, proposalId: string) {
  const p = await db
    .selectFrom("proposals as p")
    .leftJoin("organizations as o", "o.id", "p.proponent_organization_id")
    .leftJoin("users as u", "u.id", "p.proponent_user_id")
    .leftJoin("roundtables as t", "t.id", "p.roundtable_id")
    .leftJoin("themes as th", "th.id", "p.theme_id")
    .leftJoin("rounds as r", "r.id", "p.round_id")
    .selectAll("p")
    .select([
      "o.acronym as organization_acronym",
      "o.name as organization_name",
      "u.name as proponent_name",
      "th.name as theme_name",
      "r.number as round_number",
      "r.status as round_status",
    ])
    .where("p.id", "=", proposalId)
    .executeTakeFirst();
  if (!p) return null;
  const [milestones, history, responses] = await Promise.all([
    db.selectFrom("milestones").selectAll().where("proposal_id", "=", proposalId).orderBy("position").execute(),
    db.selectFrom("proposal_stage_history").select(["stage", "entered_at"]).where("proposal_id", "=", proposalId).orderBy("id").execute(),
    db.selectFrom("proposal_responses").select(["summary_id", "input_id"]).where("proposal_id", "=", proposalId).execute(),
  ]);
  return {
    id: p.id,
    consultationId: p.consultation_id,
    roundtableId: p.roundtable_id,
    themeId: p.theme_id,
    themeName: p.theme_name ?? "",
    title: p.title,
    state: p.state,
    stateReason: p.state_reason,
    stage: p.stage,
    version: p.version,
    roundNumber: p.round_number,
    roundStatus: p.round_status,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    proponent: {
      userId: p.proponent_user_id,
      organizationId: p.proponent_organization_id,
      acronym: p.organization_acronym,
      organization: p.organization_name,
      name: p.proponent_name,
    },
    template: templateFromRow(p, milestones),
    history,
    respondsTo: {
      summaryIds: responses.filter((r) => r.summary_id).map((r) => r.summary_id!),
      inputIds: responses.filter((r) => r.input_id).map((r) => r.input_id!),
    },
  };
}

/** The theme's citizen input a proposal can respond to: its summaries, with how many inputs each took up. */
export async function themeSummaries(db: DB, consultationId: string, themeId: string) {
  const rows = await db
    .selectFrom("summaries as s")
    .where("s.deleted_at", "is", null)
    .leftJoin("summary_inputs as si", (j) => j.onRef("si.summary_id", "=", "s.id").on("si.removed_at", "is", null))
    .select(["s.id", "s.title", "s.text"])
    .select((eb) => eb.fn.count<number>("si.input_id").as("inputs"))
    .where("s.consultation_id", "=", consultationId)
    .where("s.theme_id", "=", themeId)
    .groupBy("s.id")
    .orderBy("s.created_at")
    .execute();
  return rows.map((r) => ({ ...r, inputs: Number(r.inputs) }));
}

/** The viewer's organization (proponents act for it). */
export async function organizationOfUser(db: DB, userId: string): Promise<string | null> {
  const row = await db.selectFrom("users").select("organization_id").where("id", "=", userId).executeTakeFirst();
  return row?.organization_id ?? null;
}

/** A roundtable's heading (theme, consultation, milestone cap) for pages that do not need the whole session. */
export async function roundtableHeader(db: DB, roundtableId: string) {
  const row = await db
    .selectFrom("roundtables as t")
    .innerJoin("consultations as c", "c.id", "t.consultation_id")
    .leftJoin("themes as th", "th.id", "t.theme_id")
    .select(["t.id", "t.name", "t.consultation_id", "t.theme_id", "th.name as theme_name", "c.title as consultation_title", "c.max_milestones"])
    .where("t.id", "=", roundtableId)
    .executeTakeFirst();
  if (!row || !row.theme_id) return null;
  const [openRound, organizations] = await Promise.all([
    db.selectFrom("rounds").select(["id", "number"]).where("roundtable_id", "=", roundtableId).where("status", "=", "open").executeTakeFirst(),
    db.selectFrom("organizations").select(["id", "name", "acronym", "sector"]).orderBy("acronym").execute(),
  ]);
  const present = openRound
    ? (await db.selectFrom("round_attendance").select("organization_id").where("round_id", "=", openRound.id).execute()).map((a) => a.organization_id)
    : [];
  return {
    id: row.id,
    name: row.name,
    consultationId: row.consultation_id,
    consultationTitle: row.consultation_title,
    themeId: row.theme_id,
    themeName: row.theme_name ?? "",
    maxMilestones: row.max_milestones,
    openRound: openRound ? { ...openRound, present } : null,
    organizations,
  };
}

/** Visible citizen inputs of a theme a proposal can respond to one by one (most recent first, bounded). */
export async function themeInputs(db: DB, consultationId: string, themeId: string, limit = 300) {
  return db
    .selectFrom("citizen_inputs")
    .select(["id", "text", "channel", "department", "created_at"])
    .where("consultation_id", "=", consultationId)
    .where("theme_id", "=", themeId)
    .where("status", "=", "visible")
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
}
