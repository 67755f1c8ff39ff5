// Read models for pages and the API. Public reads never select e-mails or other personal data.
import { currentStage, stageStateOn, todayInGuatemala } from "../../app/domain/phases";
import type { DB } from "../connection.server";

export async function listConsultations(db: DB) {
  const consultations = await db
    .selectFrom("consultations")
    .select(["id", "slug", "title", "description", "starts_on", "ends_on"])
    .orderBy("created_at", "desc")
    .execute();
  const stages = await db.selectFrom("stages").selectAll().execute();
  return consultations.map((c) => {
    const own = stages.filter((s) => s.consultation_id === c.id);
    // The stage "now" and its state on today's date (opened AND within its dates), as the public call shows it.
    const today = todayInGuatemala();
    const current = currentStage(own, today);
    return {
      ...c,
      currentStage: current ? { id: current.id, phase: current.phase, name: current.name, status: stageStateOn(current, today).status } : null,
    };
  });
}

export async function findConsultationId(db: DB, idOrSlug: string): Promise<string | null> {
  const row = await db
    .selectFrom("consultations")
    .select("id")
    .where((eb) => eb.or([eb("id", "=", idOrSlug), eb("slug", "=", idOrSlug)]))
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Everything the public call page shows. */
export async function publicConsultation(db: DB, idOrSlug: string) {
  const id = await findConsultationId(db, idOrSlug);
  if (!id) return null;
  const consultation = await db.selectFrom("consultations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const [stages, themes, forums, declarations] = await Promise.all([
    db.selectFrom("stages").selectAll().where("consultation_id", "=", id).orderBy("position").execute(),
    db
      .selectFrom("themes")
      .select(["id", "name", "description", "position"])
      .where("consultation_id", "=", id)
      .where("archived_at", "is", null)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("forums")
      .select(["id", "department", "municipality", "venue", "held_on", "expected_attendance", "status"])
      .where("consultation_id", "=", id)
      .orderBy("held_on")
      .execute(),
    db
      .selectFrom("ethics_declarations as d")
      .leftJoin("organizations as o", "o.id", "d.organization_id")
      .select(["d.id", "d.signer_name", "d.conflicts", "d.signed_at", "o.acronym as organization_acronym", "o.name as organization_name"])
      .where("d.consultation_id", "=", id)
      .orderBy("d.signed_at")
      .execute(),
  ]);
  // One rule for the current stage, the timeline and what each public form accepts: each stage's state today.
  const today = todayInGuatemala();
  const current = currentStage(stages, today);
  return {
    consultation,
    stages: stages.map((s) => ({ ...s, today: stageStateOn(s, today) })),
    themes,
    forums,
    declarations,
    currentStageId: current?.id ?? null,
  };
}
