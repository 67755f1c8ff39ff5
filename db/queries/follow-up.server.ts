// Reads of the follow-up (decision 0009): each commitment with its milestones as the text has them now, its
// responsible person (name and institution), its reports, and the completion and lateness the pure rules derive
// from them on a given day. Shared by the public page, the staff page, the JSON API and the export.
import { commitmentFollowup, historyOrder, planCompletion, type FollowupRecord } from "../../app/domain/follow-up";
import type { DB } from "../connection.server";
import { commitmentsInPlan } from "./in-the-plan.server";

/** Today's date where the consultation happens (Guatemala), as YYYY-MM-DD. */
export function todayInGuatemala(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Guatemala", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export interface FollowupReport {
  id: string;
  seq: number;
  position: number;
  milestoneDescription: string;
  kind: "progress" | "evidence";
  status: string | null;
  actualStartOn: string | null;
  actualEndOn: string | null;
  evidenceUrl: string | null;
  note: string;
  authorName: string;
  authorInstitution: string;
  createdAt: string;
}

export async function consultationFollowup(db: DB, consultationId: string, today: string) {
  // The commitments followed up are the plan's (one definition: in-the-plan.server.ts).
  const inPlan = (await commitmentsInPlan(db, consultationId)).map((c) => c.proposalId);
  const commitments = await db
    .selectFrom("proposals as p")
    .innerJoin("themes as t", "t.id", "p.theme_id")
    .select(["p.id", "p.title", "p.lead_agency", "p.theme_id", "t.name as theme_name", "t.position as theme_position"])
    .where("p.consultation_id", "=", consultationId)
    .where("p.id", "in", inPlan.length ? inPlan : ["00000000-0000-0000-0000-000000000000"])
    .orderBy("t.position")
    .orderBy("p.created_at")
    .orderBy("p.id")
    .execute();
  const ids = commitments.map((c) => c.id);
  const [milestones, reports, responsibles] = ids.length
    ? await Promise.all([
        db
          .selectFrom("milestones")
          .select(["proposal_id", "position", "description", "responsible_institution", "starts_on", "ends_on"])
          .where("proposal_id", "in", ids)
          .orderBy("proposal_id")
          .orderBy("position")
          .execute(),
        db.selectFrom("followup_updates").selectAll().where("consultation_id", "=", consultationId).orderBy("seq").execute(),
        db
          .selectFrom("commitment_responsibles as r")
          .innerJoin("users as u", "u.id", "r.user_id")
          .leftJoin("organizations as o", "o.id", "u.organization_id")
          .select(["r.proposal_id", "r.user_id", "u.name", "o.name as organization", "o.acronym", "r.assigned_at"])
          .where("r.consultation_id", "=", consultationId)
          .where("r.ended_at", "is", null)
          .execute(),
      ])
    : [[], [], []];

  const view = commitments.map((c) => {
    const planned = milestones.filter((m) => m.proposal_id === c.id);
    const own: FollowupReport[] = reports
      .filter((r) => r.proposal_id === c.id)
      .map((r) => ({
        id: r.id,
        seq: r.seq,
        position: r.milestone_position,
        milestoneDescription: r.milestone_description,
        kind: r.kind,
        status: r.status,
        actualStartOn: r.actual_start_on,
        actualEndOn: r.actual_end_on,
        evidenceUrl: r.evidence_url,
        note: r.note,
        authorName: r.author_name,
        authorInstitution: r.author_institution,
        createdAt: r.created_at,
      }));
    const records: FollowupRecord[] = own.map((r) => ({ ...r }));
    const derived = commitmentFollowup(
      planned.map((m) => ({ position: m.position, startsOn: m.starts_on, endsOn: m.ends_on })),
      records,
      today,
    );
    const responsible = responsibles.find((r) => r.proposal_id === c.id);
    return {
      id: c.id,
      title: c.title,
      leadAgency: c.lead_agency,
      theme: { id: c.theme_id, name: c.theme_name },
      responsible: responsible
        ? {
            userId: responsible.user_id,
            name: responsible.name,
            institution: responsible.organization ? `${responsible.organization}${responsible.acronym ? ` (${responsible.acronym})` : ""}` : "",
            since: responsible.assigned_at,
          }
        : null,
      milestones: derived.milestones.map((m) => {
        const p = planned.find((x) => x.position === m.position)!;
        return {
          ...m,
          description: p.description,
          responsibleInstitution: p.responsible_institution,
          plannedStartOn: p.starts_on,
          plannedEndOn: p.ends_on,
          evidence: historyOrder(own.filter((r) => r.position === m.position && r.kind === "evidence")).map((r) => ({
            url: r.evidenceUrl!,
            description: r.note,
            createdAt: r.createdAt,
          })),
        };
      }),
      completion: derived.completion,
      orphanPositions: derived.orphanPositions,
      history: historyOrder(own),
    };
  });
  const total = planCompletion(view);
  return { today, commitments: view, total, hasFollowup: reports.length > 0 };
}

export type ConsultationFollowup = Awaited<ReturnType<typeof consultationFollowup>>;
export type CommitmentView = ConsultationFollowup["commitments"][number];

/** People holding the commitment-responsible role, for the point of contact's assignment form (names and institutions). */
export async function responsibleCandidates(db: DB, consultationId: string) {
  return db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .leftJoin("organizations as o", "o.id", "u.organization_id")
    .select(["u.id", "u.name", "o.acronym"])
    .where("m.consultation_id", "=", consultationId)
    .where("m.role", "=", "commitment_responsible")
    .where("m.revoked_at", "is", null)
    .orderBy("u.name")
    .execute();
}

/** What a receipt shows after "adopted as a commitment": the commitment's follow-up in one line (issue 17). */
export interface FateFollowup {
  id: string;
  title: string;
  milestones: number;
  complete: number;
  /** The latest progress report, if any. */
  latest: { position: number; status: string; on: string } | null;
}

/** The follow-up of the commitments a fate ended in, read from the same query as the follow-up page. */
export async function fateFollowups(db: DB, consultationId: string, commitmentIds: readonly string[], today = todayInGuatemala()): Promise<FateFollowup[]> {
  if (commitmentIds.length === 0) return [];
  const { commitments } = await consultationFollowup(db, consultationId, today);
  return commitments
    .filter((c) => commitmentIds.includes(c.id))
    .map((c) => {
      const progress = c.history.filter((r) => r.kind === "progress" && r.status);
      const last = progress.reduce<FollowupReport | null>((a, r) => (!a || r.seq > a.seq ? r : a), null);
      return {
        id: c.id,
        title: c.title,
        milestones: c.completion.milestones,
        complete: c.completion.complete,
        latest: last ? { position: last.position, status: last.status!, on: last.actualEndOn ?? last.actualStartOn ?? last.createdAt.slice(0, 10) } : null,
      };
    });
}
