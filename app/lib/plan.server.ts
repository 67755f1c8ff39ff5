// What the plan's pages and exports read, in one place: the consultation, its draft-plan stage, the plan (with
// hidden comments' texts for moderators only) and the funnel table the plan starts with.
import type { AppLoadContext } from "@remix-run/node";
import { buildPlanExport, type PlanExport, type PlanExportInput } from "../domain/plan-export";
import { COMMENT_PHASE, isPublic } from "../domain/plan";
import { translator, type Lang } from "../i18n";
import { findConsultationId } from "../../db/queries/consultations.server";
import { consultationFunnel } from "../../db/queries/funnel.server";
import { adoptedProposals, commentByReceipt, planView, type PlanView } from "../../db/queries/plan.server";
import { canExportUnpublishedPlan, readPolicy, type Reader } from "./read-policy.server";

export { adoptedProposals, commentByReceipt, type PlanView };

export async function planContext(db: AppLoadContext["db"], idOrSlug: string, reader: Reader | null, lang: Lang) {
  const id = await findConsultationId(db, idOrSlug);
  if (!id) return null;
  const consultation = await db.selectFrom("consultations").select(["id", "slug", "title"]).where("id", "=", id).executeTakeFirstOrThrow();
  const policy = await readPolicy(db, reader, id);
  const stage = await db
    .selectFrom("stages")
    .select(["id", "name", "phase", "status", "starts_on", "ends_on", "closed_at"])
    .where("consultation_id", "=", id)
    .where("phase", "=", COMMENT_PHASE)
    .orderBy("position")
    .executeTakeFirst();
  const plan = await planView(db, id, { moderator: policy.canModerate, translate: translator(lang) });
  return { consultation, policy, stage: stage ?? null, plan };
}

/** The funnel's entered figures per theme and column (the published figure, as in the 2016 table). */
export async function funnelTable(db: AppLoadContext["db"], consultationId: string): Promise<PlanExportInput["funnel"]> {
  const funnel = await consultationFunnel(db, consultationId);
  if (!funnel) return { columns: [], themes: [], total: [] };
  return {
    columns: funnel.stages.map((s) => s.key),
    themes: funnel.themes.map((theme) => ({ name: theme.name, entered: funnel.stages.map((s) => s.byTheme[theme.id]?.entered ?? 0) })),
    total: funnel.stages.map((s) => s.entered),
  };
}

/**
 * The plan in the OGP template, or null when there is none or the reader may not export it yet: before publication
 * only its writers may (canExportUnpublishedPlan); every format asks here, so they all answer alike.
 */
export async function planExport(db: AppLoadContext["db"], idOrSlug: string, reader: Reader | null, lang: Lang): Promise<PlanExport | null> {
  const found = await planContext(db, idOrSlug, reader, lang);
  if (!found?.plan) return null;
  if (!isPublic(found.plan.status) && !canExportUnpublishedPlan(found.policy)) return null;
  const { plan, consultation } = found;
  const input: PlanExportInput = {
    consultationTitle: consultation.title,
    status: plan.status,
    introduction: plan.introduction,
    approval: plan.approval,
    submission: plan.submission,
    commitments: plan.commitments.map((c) => ({
      number: c.number,
      themeName: c.themeName,
      roundtableName: c.roundtableName,
      template: c.template,
      origin: c.origin,
      revisions: c.history.length,
      amendments: c.amendments,
    })),
    funnel: await funnelTable(db, consultation.id),
  };
  return buildPlanExport(input, translator(lang), { lang, generatedAt: new Date().toISOString() });
}
