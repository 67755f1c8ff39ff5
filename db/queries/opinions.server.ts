// Read models of the online opinion intake. Public reads select listed columns only: never the e-mail
// (input_contacts), the client hash, the duplicate fingerprint, nor receipt codes of other people's opinions.
import { dialectOf } from "../dialect";
import { GUATEMALA_UTC_OFFSET_HOURS } from "../../app/domain/opinion";
import type { OpinionFacet } from "../../app/domain/opinion-stats";
import type { DB } from "../connection.server";
import { findConsultationId } from "./consultations.server";

/** Columns anyone may see of a visible opinion. */
const PUBLIC_COLUMNS = [
  "i.id",
  "i.subject",
  "i.axis",
  "i.theme_id",
  "t.name as theme_name",
  "i.text",
  "i.department",
  "i.sector",
  "i.age_range",
  "i.gender",
  "i.speaks_indigenous_language",
  "i.created_at",
] as const;

export type PublicOpinion = {
  id: string;
  subject: string;
  axis: string | null;
  theme_id: string | null;
  theme_name: string | null;
  text: string;
  department: string | null;
  sector: string | null;
  age_range: string | null;
  gender: string | null;
  speaks_indigenous_language: number | null;
  created_at: string;
};

/** The consultation, its opinion-intake stage and its themes: what the form and the statistics page need. */
export async function intakeContext(db: DB, idOrSlug: string) {
  const id = await findConsultationId(db, idOrSlug);
  if (!id) return null;
  const [consultation, stage, themes] = await Promise.all([
    db.selectFrom("consultations").select(["id", "slug", "title"]).where("id", "=", id).executeTakeFirstOrThrow(),
    db
      .selectFrom("stages")
      .select(["id", "name", "phase", "status", "starts_on", "ends_on", "opened_at", "closed_at"])
      .where("consultation_id", "=", id)
      .where("phase", "=", "opinion_intake")
      .orderBy("position")
      .executeTakeFirst(),
    db.selectFrom("themes").select(["id", "name"]).where("consultation_id", "=", id).where("archived_at", "is", null).orderBy("position").execute(),
  ]);
  return { consultation, stage: stage ?? null, themes };
}

/** The newest visible opinions of a consultation. */
export async function recentOpinions(db: DB, consultationId: string, limit = 10): Promise<PublicOpinion[]> {
  return db
    .selectFrom("citizen_inputs as i")
    .leftJoin("themes as t", "t.id", "i.theme_id")
    .select(PUBLIC_COLUMNS)
    .where("i.consultation_id", "=", consultationId)
    .where("i.channel", "=", "online")
    .where("i.status", "=", "visible")
    .orderBy("i.created_at", "desc")
    .orderBy("i.id", "desc")
    .limit(limit)
    .execute();
}

/** Opinions grouped by every statistics dimension (see app/domain/opinion-stats.ts). */
export async function opinionFacets(db: DB, consultationId: string): Promise<OpinionFacet[]> {
  const rows = await db
    .selectFrom("citizen_inputs")
    .select([
      "status",
      "subject",
      "theme_id",
      "axis",
      "department",
      "sector",
      "age_range",
      "gender",
      "speaks_indigenous_language",
      dialectOf(db).localDay("created_at", GUATEMALA_UTC_OFFSET_HOURS).as("day"),
      (eb) => eb.fn.countAll<number>().as("n"),
    ])
    .where("consultation_id", "=", consultationId)
    .where("channel", "=", "online")
    .groupBy(["status", "subject", "theme_id", "axis", "department", "sector", "age_range", "gender", "speaks_indigenous_language", "day"])
    .execute();
  return rows.map((r) => ({
    status: r.status,
    subject: r.subject,
    themeId: r.theme_id,
    axis: r.axis,
    department: r.department,
    sector: r.sector,
    ageRange: r.age_range,
    gender: r.gender,
    language: r.speaks_indigenous_language,
    day: r.day,
    n: Number(r.n),
  }));
}

/**
 * Statistics are read by every open statistics page about once a second while opinions arrive, and grouping
 * costs about 2 µs per opinion. So facets are kept per consultation and recomputed only when something changed
 * (the audit log's last sequence number, a cheap read) and at most once a second; until then the previous
 * ones are answered as `stale`, and the page asks again shortly.
 */
const FACETS_MIN_AGE_MS = 1_000;
const facetsCache = new Map<string, { version: number; at: number; facets: OpinionFacet[] }>();

export async function opinionStatsFacets(db: DB, consultationId: string): Promise<{ facets: OpinionFacet[]; stale: boolean }> {
  const row = await db
    .selectFrom("audit_events")
    .select((eb) => eb.fn.max("seq").as("v"))
    .executeTakeFirst();
  const version = Number(row?.v ?? 0);
  const hit = facetsCache.get(consultationId);
  if (hit && hit.version === version) return { facets: hit.facets, stale: false };
  if (hit && Date.now() - hit.at < FACETS_MIN_AGE_MS) return { facets: hit.facets, stale: true };
  const facets = await opinionFacets(db, consultationId);
  facetsCache.delete(consultationId);
  if (facetsCache.size >= 200) facetsCache.delete(facetsCache.keys().next().value!);
  facetsCache.set(consultationId, { version, at: Date.now(), facets });
  return { facets, stale: false };
}

/** A receipt: the opinion (its text only while visible), its status, and what took it up. */
export async function opinionReceipt(db: DB, receiptCode: string) {
  const row = await db
    .selectFrom("citizen_inputs as i")
    .innerJoin("consultations as c", "c.id", "i.consultation_id")
    .leftJoin("themes as t", "t.id", "i.theme_id")
    .select([
      "i.id",
      "i.subject",
      "i.axis",
      "t.name as theme_name",
      "i.text",
      "i.department",
      "i.status",
      "i.status_reason",
      "i.created_at",
      "c.slug as consultation_slug",
      "c.title as consultation_title",
    ])
    .where("i.receipt_code", "=", receiptCode)
    .where("i.channel", "=", "online")
    .executeTakeFirst();
  if (!row) return null;
  const summaries = await db
    .selectFrom("summary_inputs as si")
    .where("si.removed_at", "is", null)
    .innerJoin("summaries as s", "s.id", "si.summary_id")
    .select(["s.id", "s.title"])
    .where("si.input_id", "=", row.id)
    .execute();
  return { ...row, text: row.status === "visible" ? row.text : null, summaries };
}

export type ModerationFilter = "all" | "visible" | "hidden" | "reported";

/** The moderation queue, newest first, `limit` at a time before a (created_at, id) cursor. */
export async function moderationQueue(db: DB, consultationId: string, opts: { filter: ModerationFilter; before?: { at: string; id: string }; limit?: number }) {
  const limit = opts.limit ?? 50;
  let query = db
    .selectFrom("citizen_inputs as i")
    .leftJoin("themes as t", "t.id", "i.theme_id")
    .select([
      ...PUBLIC_COLUMNS,
      "i.status",
      "i.status_reason",
      (eb) =>
        eb
          .selectFrom("input_reports as r")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("r.input_id", "=", "i.id")
          .as("reports"),
      (eb) => eb.exists(eb.selectFrom("input_contacts as k").select("k.input_id").whereRef("k.input_id", "=", "i.id")).as("has_contact"),
    ])
    .where("i.consultation_id", "=", consultationId)
    .where("i.channel", "=", "online");
  if (opts.filter === "visible" || opts.filter === "hidden") query = query.where("i.status", "=", opts.filter);
  if (opts.filter === "reported") {
    query = query.where((eb) => eb.exists(eb.selectFrom("input_reports as r").select("r.id").whereRef("r.input_id", "=", "i.id")));
  }
  if (opts.before) {
    const { at, id } = opts.before;
    query = query.where((eb) => eb.or([eb("i.created_at", "<", at), eb.and([eb("i.created_at", "=", at), eb("i.id", "<", id)])]));
  }
  const rows = await query
    .orderBy("i.created_at", "desc")
    .orderBy("i.id", "desc")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit).map((r) => ({ ...r, reports: Number(r.reports), has_contact: Boolean(r.has_contact) }));
  const reasons = page.some((r) => r.reports > 0)
    ? await db
        .selectFrom("input_reports")
        .select(["input_id", "reason", "created_at"])
        .where(
          "input_id",
          "in",
          page.filter((r) => r.reports > 0).map((r) => r.id),
        )
        .orderBy("created_at")
        .execute()
    : [];
  const last = page[page.length - 1];
  return {
    opinions: page.map((r) => ({ ...r, reportReasons: reasons.filter((x) => x.input_id === r.id).map((x) => x.reason) })),
    next: rows.length > limit && last ? { at: last.created_at, id: last.id } : null,
  };
}

/** Counts for the moderation header; "with reports" counts what the queue's "reported" filter lists (hidden ones too). */
export async function moderationCounts(db: DB, consultationId: string) {
  const row = await db
    .selectFrom("citizen_inputs as i")
    .select([
      (eb) => eb.fn.sum<number>(eb.case().when("i.status", "=", "visible").then(1).else(0).end()).as("visible"),
      (eb) => eb.fn.sum<number>(eb.case().when("i.status", "=", "hidden").then(1).else(0).end()).as("hidden"),
      (eb) => eb.fn.countAll<number>().as("total"),
    ])
    .where("i.consultation_id", "=", consultationId)
    .where("i.channel", "=", "online")
    .executeTakeFirstOrThrow();
  const reported = await db
    .selectFrom("input_reports as r")
    .innerJoin("citizen_inputs as i", "i.id", "r.input_id")
    .select((eb) => eb.fn.count<number>("r.input_id").distinct().as("n"))
    .where("i.consultation_id", "=", consultationId)
    .where("i.channel", "=", "online")
    .executeTakeFirstOrThrow();
  return { visible: Number(row.visible ?? 0), hidden: Number(row.hidden ?? 0), reported: Number(reported.n) };
}

/** One page of the open-data export: visible opinions after a (created_at, id) cursor, oldest first. */
export async function openDataPage(db: DB, consultationId: string, after: { at: string; id: string } | null, limit = 1_000): Promise<PublicOpinion[]> {
  let query = db
    .selectFrom("citizen_inputs as i")
    .leftJoin("themes as t", "t.id", "i.theme_id")
    .select(PUBLIC_COLUMNS)
    .where("i.consultation_id", "=", consultationId)
    .where("i.channel", "=", "online")
    .where("i.status", "=", "visible");
  if (after) {
    query = query.where((eb) => eb.or([eb("i.created_at", ">", after.at), eb.and([eb("i.created_at", "=", after.at), eb("i.id", ">", after.id)])]));
  }
  return query.orderBy("i.created_at").orderBy("i.id").limit(limit).execute();
}

export async function consultationForExport(db: DB, idOrSlug: string) {
  const id = await findConsultationId(db, idOrSlug);
  if (!id) return null;
  return db.selectFrom("consultations").select(["id", "slug", "title"]).where("id", "=", id).executeTakeFirstOrThrow();
}

/** Names of every theme of a consultation, archived ones too (old opinions still point at them). */
export async function themeNames(db: DB, consultationId: string): Promise<Record<string, string>> {
  const rows = await db.selectFrom("themes").select(["id", "name"]).where("consultation_id", "=", consultationId).execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
