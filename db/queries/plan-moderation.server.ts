// Citizens' comments on the plan as the moderation queue lists them, beside the online opinions (one queue,
// app/routes/admin.c.$id_.opiniones.tsx): newest first, with the same filters and a (created_at, id) cursor, each
// labelled with the commitment it comments on. Hidden text is kept and shown to moderators only.
import type { DB } from "../connection.server";
import type { ModerationFilter } from "./opinions.server";

export interface PlanCommentInQueue {
  id: string;
  text: string;
  status: string;
  status_reason: string | null;
  created_at: string;
  proposal_id: string | null;
  /** The commitment's number as the plan shows it (typed, or its position); null for a comment on the whole plan. */
  commitmentNumber: string | null;
  commitmentTitle: string | null;
  reports: number;
  reportReasons: string[];
}

export async function planCommentQueue(
  db: DB,
  consultationId: string,
  opts: { filter: ModerationFilter; before?: { at: string; id: string }; limit?: number },
): Promise<{ comments: PlanCommentInQueue[]; next: { at: string; id: string } | null }> {
  const limit = opts.limit ?? 50;
  let query = db
    .selectFrom("plan_comments as c")
    .select([
      "c.id",
      "c.text",
      "c.status",
      "c.status_reason",
      "c.created_at",
      "c.proposal_id",
      "c.plan_id",
      (eb) =>
        eb
          .selectFrom("plan_comment_reports as r")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("r.comment_id", "=", "c.id")
          .as("reports"),
    ])
    .where("c.consultation_id", "=", consultationId);
  if (opts.filter === "visible" || opts.filter === "hidden") query = query.where("c.status", "=", opts.filter);
  if (opts.filter === "reported") {
    query = query.where((eb) => eb.exists(eb.selectFrom("plan_comment_reports as r").select("r.id").whereRef("r.comment_id", "=", "c.id")));
  }
  if (opts.before) {
    const { at, id } = opts.before;
    query = query.where((eb) => eb.or([eb("c.created_at", "<", at), eb.and([eb("c.created_at", "=", at), eb("c.id", "<", id)])]));
  }
  const rows = await query
    .orderBy("c.created_at", "desc")
    .orderBy("c.id", "desc")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.id);
  const proposalIds = [...new Set(page.map((r) => r.proposal_id).filter((p): p is string => Boolean(p)))];
  const [reasons, commitments] = await Promise.all([
    ids.length
      ? db.selectFrom("plan_comment_reports").select(["comment_id", "reason"]).where("comment_id", "in", ids).orderBy("created_at").execute()
      : Promise.resolve([]),
    proposalIds.length
      ? db
          .selectFrom("plan_commitments as k")
          .innerJoin("proposals as p", "p.id", "k.proposal_id")
          .select(["k.plan_id", "k.proposal_id", "k.number", "k.position", "k.removed_at", "p.title"])
          .where("k.proposal_id", "in", proposalIds)
          .execute()
      : Promise.resolve([]),
  ]);
  const commitmentOf = (planId: string | null, proposalId: string) =>
    // A commitment taken out of the draft keeps its row: prefer the one still in the plan.
    commitments
      .filter((k) => k.plan_id === planId && k.proposal_id === proposalId)
      .sort((a, b) => Number(a.removed_at !== null) - Number(b.removed_at !== null))[0];
  const last = page[page.length - 1];
  return {
    comments: page.map((r) => {
      const k = r.proposal_id ? commitmentOf(r.plan_id, r.proposal_id) : undefined;
      return {
        id: r.id,
        text: r.text,
        status: r.status,
        status_reason: r.status_reason,
        created_at: r.created_at,
        proposal_id: r.proposal_id,
        commitmentNumber: k ? k.number || String(k.position) : null,
        commitmentTitle: k?.title ?? null,
        reports: Number(r.reports),
        reportReasons: reasons.filter((x) => x.comment_id === r.id).map((x) => x.reason),
      };
    }),
    next: rows.length > limit && last ? { at: last.created_at, id: last.id } : null,
  };
}

/** Counts for the queue's header, as the opinions' are counted ("reported": comments with any report, hidden ones too). */
export async function planCommentCounts(db: DB, consultationId: string) {
  const row = await db
    .selectFrom("plan_comments as c")
    .select([
      (eb) => eb.fn.sum<number>(eb.case().when("c.status", "=", "visible").then(1).else(0).end()).as("visible"),
      (eb) => eb.fn.sum<number>(eb.case().when("c.status", "=", "hidden").then(1).else(0).end()).as("hidden"),
    ])
    .where("c.consultation_id", "=", consultationId)
    .executeTakeFirstOrThrow();
  const reported = await db
    .selectFrom("plan_comment_reports as r")
    .innerJoin("plan_comments as c", "c.id", "r.comment_id")
    .select((eb) => eb.fn.count<number>("r.comment_id").distinct().as("n"))
    .where("c.consultation_id", "=", consultationId)
    .executeTakeFirstOrThrow();
  return { visible: Number(row.visible ?? 0), hidden: Number(row.hidden ?? 0), reported: Number(reported.n) };
}
