// Public read models of proposals: everything but drafts and the results of undone merges or splits (those stay in
// the lineage, with their history, for staff), and never the responsible person's e-mail or phone.
import type { DB } from "../connection.server";

export async function publicProposals(db: DB, consultationId: string) {
  const [rows, successors] = await Promise.all([
    db
      .selectFrom("proposals as p")
      .leftJoin("organizations as o", "o.id", "p.proponent_organization_id")
      .innerJoin("themes as th", "th.id", "p.theme_id")
      .select(["p.id", "p.title", "p.state", "p.stage", "p.theme_id", "th.name as theme_name", "o.acronym as organization_acronym", "p.created_at"])
      .where("p.consultation_id", "=", consultationId)
      .where("p.state", "not in", ["draft", "undone"])
      .orderBy("th.position")
      .orderBy("p.created_at")
      .execute(),
    // Where a merged or split proposal went: the results of the operation that consumed it (never an undone one).
    db
      .selectFrom("proposal_lineage as l")
      .innerJoin("proposal_operations as op", "op.id", "l.operation_id")
      .innerJoin("proposals as r", "r.id", "l.result_id")
      .select(["l.source_id as sourceId", "r.id", "r.title"])
      .where("op.consultation_id", "=", consultationId)
      .where("op.undone_at", "is", null)
      .where("r.state", "not in", ["draft", "undone"])
      .orderBy("r.created_at")
      .execute(),
  ]);
  return rows.map((p) => ({
    ...p,
    into: p.state === "merged" || p.state === "split" ? successors.filter((s) => s.sourceId === p.id).map((s) => ({ id: s.id, title: s.title })) : [],
  }));
}
