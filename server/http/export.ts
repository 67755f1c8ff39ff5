// Open data of a whole consultation (issue 10): GET /api/v1/consultations/:idOrSlug/export.json, written to the
// response one section at a time (inputs a page at a time) so neither the database nor the process holds the whole
// file; and its JSON Schema at the stable URL GET /api/v1/schemas/export.json (app/domain/export-schema.ts).
// No personal data: inputs without e-mail, client hash, fingerprint, receipt code or who typed them (hidden and
// withdrawn ones without their text), attendance as counts, proposals without the responsible person's contact.
import express, { type Response } from "express";
import { EXPORT_SCHEMA_PATH, EXPORT_SECTIONS, exportSchema } from "../../app/domain/export-schema";
import { OPEN_DATA_LICENSE } from "../../app/domain/opinion";
import { findConsultationId } from "../../db/queries/consultations.server";
import { commitmentsInPlan } from "../../db/queries/in-the-plan.server";
import type { DB } from "../../db/connection.server";
import { CommandError } from "../commands/errors";
import type { RequestState } from "./api";
import { errorBody } from "./respond";

type Section = (typeof EXPORT_SECTIONS)[number];
type Rows = AsyncIterable<unknown[]>;

function write(res: Response, chunk: string): Promise<void> {
  return res.write(chunk) ? Promise.resolve() : new Promise((resolve) => res.once("drain", resolve));
}

const parse = <T>(text: string | null, fallback: T): T => {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};
const bool = (v: number | null) => (v === null ? null : v === 1);

async function* once<T>(rows: Promise<T[]>): AsyncGenerator<T[]> {
  yield await rows;
}

const PAGE = 500;

/** Inputs a page at a time (keyset on id), so a large consultation never sits in memory. */
async function* inputPages(db: DB, consultationId: string): AsyncGenerator<unknown[]> {
  let after = "";
  for (;;) {
    const page = await db
      .selectFrom("citizen_inputs")
      .select([
        "id",
        "channel",
        "subject",
        "theme_id",
        "axis",
        "text",
        "department",
        "sector",
        "age_range",
        "gender",
        "speaks_indigenous_language",
        "forum_id",
        "worktable_id",
        "speaker_sector",
        "tags",
        "status",
        "created_at",
      ])
      .where("consultation_id", "=", consultationId)
      .where("id", ">", after)
      .orderBy("id")
      .limit(PAGE)
      .execute();
    if (page.length === 0) return;
    yield page.map((i) => ({
      ...i,
      text: i.status === "visible" ? i.text : null,
      speaks_indigenous_language: bool(i.speaks_indigenous_language),
      tags: parse<string[]>(i.tags, []),
    }));
    after = page[page.length - 1].id;
  }
}

async function forums(db: DB, id: string) {
  const [rows, attendance, tables] = await Promise.all([
    db
      .selectFrom("forums")
      .select(["id", "department", "municipality", "venue", "held_on", "status"])
      .where("consultation_id", "=", id)
      .orderBy("held_on")
      .execute(),
    db
      .selectFrom("attendance as a")
      .where("a.voided_at", "is", null)
      .innerJoin("forums as f", "f.id", "a.forum_id")
      .select(["a.forum_id", "a.sector", (eb) => eb.fn.sum<number>("a.head_count").as("n")])
      .where("f.consultation_id", "=", id)
      .groupBy(["a.forum_id", "a.sector"])
      .execute(),
    db
      .selectFrom("worktables as w")
      .innerJoin("forums as f", "f.id", "w.forum_id")
      .select(["w.id", "w.forum_id", "w.theme_id", "w.number"])
      .where("f.consultation_id", "=", id)
      .orderBy("w.number")
      .execute(),
  ]);
  return rows.map((f) => {
    const own = attendance.filter((a) => a.forum_id === f.id);
    const bySector: Record<string, number> = {};
    for (const a of own) bySector[a.sector ?? "unknown"] = (bySector[a.sector ?? "unknown"] ?? 0) + Number(a.n);
    return {
      ...f,
      attendance: { total: own.reduce((s, a) => s + Number(a.n), 0), by_sector: bySector },
      worktables: tables.filter((w) => w.forum_id === f.id).map(({ id: wid, theme_id, number }) => ({ id: wid, theme_id, number })),
    };
  });
}

async function proposals(db: DB, id: string) {
  const [rows, milestones, versions, responds] = await Promise.all([
    db
      .selectFrom("proposals")
      .select([
        "id",
        "theme_id",
        "roundtable_id",
        "proponent_organization_id",
        "title",
        "lead_agency",
        "responsible_person",
        "other_actors",
        "problem",
        "objective",
        "description",
        "ogp_challenge",
        "relevance",
        "ambition",
        "starts_on",
        "ends_on",
        "stage",
        "state",
        "state_reason",
        "state_organization_id",
        "lead_organization_id",
        "created_at",
        "version",
      ])
      .where("consultation_id", "=", id)
      .where("state", "!=", "draft")
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("milestones as m")
      .innerJoin("proposals as p", "p.id", "m.proposal_id")
      .select(["m.proposal_id", "m.position", "m.description", "m.responsible_institution", "m.is_new", "m.starts_on", "m.ends_on"])
      .where("p.consultation_id", "=", id)
      .orderBy("m.position")
      .execute(),
    db
      .selectFrom("proposal_versions as v")
      .innerJoin("proposals as p", "p.id", "v.proposal_id")
      .select(["v.proposal_id", "v.revision", "v.note", "v.edited_at", "v.template"])
      .where("p.consultation_id", "=", id)
      .orderBy("v.revision")
      .execute(),
    db
      .selectFrom("proposal_responses as r")
      .innerJoin("proposals as p", "p.id", "r.proposal_id")
      .select(["r.proposal_id", "r.summary_id", "r.input_id"])
      .where("p.consultation_id", "=", id)
      .execute(),
  ]);
  return rows.map(({ responsible_person, ...p }) => {
    const person = parse<{ name?: string; title?: string }>(responsible_person, {});
    const mine = responds.filter((r) => r.proposal_id === p.id);
    return {
      ...p,
      responsible_person: { name: person.name ?? "", title: person.title ?? "" },
      milestones: milestones.filter((m) => m.proposal_id === p.id).map(({ proposal_id: _p, is_new, ...m }) => ({ ...m, is_new: is_new === 1 })),
      versions: versions
        .filter((v) => v.proposal_id === p.id)
        .map((v) => {
          const t = parse<{ title?: string; description?: string; objective?: string }>(v.template, {});
          return {
            revision: v.revision,
            note: v.note,
            edited_at: v.edited_at,
            title: t.title ?? "",
            description: t.description ?? "",
            objective: t.objective ?? "",
          };
        }),
      responds_to: {
        summary_ids: mine.flatMap((r) => (r.summary_id ? [r.summary_id] : [])),
        input_ids: mine.flatMap((r) => (r.input_id ? [r.input_id] : [])),
      },
    };
  });
}

async function votes(db: DB, id: string, privateAnswers: boolean) {
  const [rows, answers] = await Promise.all([
    db
      .selectFrom("consensus_votes")
      .select(["id", "proposal_id", "round_id", "ballot", "status", "opened_at", "closed_at", "outcome", "grade"])
      .where("consultation_id", "=", id)
      .orderBy("opened_at")
      .execute(),
    db
      .selectFrom("vote_answers as a")
      .innerJoin("consensus_votes as v", "v.id", "a.vote_id")
      .select(["a.vote_id", "a.organization_id", "a.sector", "a.answer", "a.reason"])
      .where("v.consultation_id", "=", id)
      .where("a.superseded_at", "is", null)
      .orderBy("a.seq")
      .execute(),
  ]);
  return rows.map((v) => {
    const mine = answers.filter((a) => a.vote_id === v.id);
    const count = (k: string) => mine.filter((a) => a.answer === k).length;
    return {
      ...v,
      tally: { agree: count("agree"), reservations: count("reservations"), stand_aside: count("stand_aside"), block: count("block") },
      answers: privateAnswers || v.status === "open" ? [] : mine.map(({ vote_id: _v, ...a }) => a),
    };
  });
}

function sections(db: DB, id: string, privateAnswers: boolean): Record<Section, () => Rows> {
  const proposalIds = db.selectFrom("proposals").select("id").where("consultation_id", "=", id);
  return {
    stages: () =>
      once(
        db
          .selectFrom("stages")
          .select(["id", "phase", "name", "position", "starts_on", "ends_on", "status", "opened_at", "closed_at"])
          .where("consultation_id", "=", id)
          .orderBy("position")
          .execute(),
      ),
    themes: () =>
      once(
        db
          .selectFrom("themes")
          .select(["id", "name", "description", "position", "archived_at"])
          .where("consultation_id", "=", id)
          .orderBy("position")
          .execute(),
      ),
    organizations: () =>
      once(
        db
          .selectFrom("organizations")
          .select(["id", "name", "acronym", "sector"])
          .where((eb) =>
            eb.or([
              eb(
                "id",
                "in",
                db
                  .selectFrom("proposals")
                  .select("proponent_organization_id")
                  .where("consultation_id", "=", id)
                  .where("proponent_organization_id", "is not", null)
                  .$narrowType<{ proponent_organization_id: string }>(),
              ),
              eb(
                "id",
                "in",
                db
                  .selectFrom("proposals")
                  .select("state_organization_id")
                  .where("consultation_id", "=", id)
                  .where("state_organization_id", "is not", null)
                  .$narrowType<{ state_organization_id: string }>(),
              ),
              eb(
                "id",
                "in",
                db
                  .selectFrom("proposals")
                  .select("lead_organization_id")
                  .where("consultation_id", "=", id)
                  .where("lead_organization_id", "is not", null)
                  .$narrowType<{ lead_organization_id: string }>(),
              ),
              eb(
                "id",
                "in",
                db
                  .selectFrom("vote_answers as a")
                  .innerJoin("consensus_votes as v", "v.id", "a.vote_id")
                  .select("a.organization_id")
                  .where("v.consultation_id", "=", id)
                  .where("a.organization_id", "is not", null)
                  .$narrowType<{ organization_id: string }>(),
              ),
            ]),
          )
          .orderBy("name")
          .execute(),
      ),
    forums: () => once(forums(db, id)),
    inputs: () => inputPages(db, id),
    summaries: () =>
      once(
        (async () => {
          const [rows, links] = await Promise.all([
            db
              .selectFrom("summaries")
              .where("deleted_at", "is", null)
              .select(["id", "theme_id", "title", "text", "created_at"])
              .where("consultation_id", "=", id)
              .orderBy("created_at")
              .execute(),
            db
              .selectFrom("summary_inputs as l")
              .where("l.removed_at", "is", null)
              .innerJoin("summaries as s", "s.id", "l.summary_id")
              .select(["l.summary_id", "l.input_id"])
              .where("s.consultation_id", "=", id)
              .execute(),
          ]);
          return rows.map((s) => ({ ...s, input_ids: links.filter((l) => l.summary_id === s.id).map((l) => l.input_id) }));
        })(),
      ),
    roundtables: () => once(db.selectFrom("roundtables").select(["id", "kind", "theme_id", "name"]).where("consultation_id", "=", id).execute()),
    rounds: () =>
      once(
        db
          .selectFrom("rounds as r")
          .innerJoin("roundtables as t", "t.id", "r.roundtable_id")
          .select(["r.id", "r.roundtable_id", "r.number", "r.kind", "r.held_on", "r.status", "r.closes_stage", "r.opened_at", "r.closed_at"])
          .where("t.consultation_id", "=", id)
          .orderBy("r.roundtable_id")
          .orderBy("r.number")
          .execute(),
      ),
    proposals: () => once(proposals(db, id)),
    proposal_stage_history: () =>
      once(
        db
          .selectFrom("proposal_stage_history")
          .select(["proposal_id", "stage", "entered_at"])
          .where("proposal_id", "in", proposalIds.where("state", "!=", "draft"))
          .orderBy("id")
          .execute(),
      ),
    operations: () =>
      once(
        db
          .selectFrom("proposal_operations")
          .select(["id", "kind", "round_id", "agreed_note", "present", "created_at", "undone_at"])
          .where("consultation_id", "=", id)
          .orderBy("created_at")
          .execute()
          .then((rows) => rows.map((o) => ({ ...o, present: parse<string[]>(o.present, []) }))),
      ),
    lineage_edges: () =>
      once(
        db
          .selectFrom("proposal_lineage as l")
          .innerJoin("proposal_operations as o", "o.id", "l.operation_id")
          .select(["l.operation_id", "l.source_id", "l.result_id"])
          .where("o.consultation_id", "=", id)
          .execute(),
      ),
    votes: () => once(votes(db, id, privateAnswers)),
    commitments: () =>
      once(
        commitmentsInPlan(db, id).then((inPlan) => {
          const inPlanIds = inPlan.map((c) => c.proposalId);
          return (
            db
              .selectFrom("proposals as p")
              .select(["p.id as proposal_id", "p.theme_id", "p.title"])
              .select((eb) =>
                eb
                  .selectFrom("consensus_votes as v")
                  .select((e) => e.fn.max("v.closed_at").as("at"))
                  .whereRef("v.proposal_id", "=", "p.id")
                  .where("v.outcome", "=", "adopted")
                  .as("adopted_at"),
              )
              .where("p.consultation_id", "=", id)
              // The plan's commitments, as every other surface counts them (db/queries/in-the-plan.server.ts).
              .where("p.id", "in", inPlanIds.length ? inPlanIds : ["00000000-0000-0000-0000-000000000000"])
              .orderBy("p.created_at")
              .execute()
              .then((rows) => rows.map((r) => ({ ...r, adopted_at: (r.adopted_at as string | null) ?? null })))
          );
        }),
      ),
    snapshots: () =>
      once(
        db
          .selectFrom("funnel_snapshots")
          .select(["id", "stage_id", "round_id", "command_type", "taken_at", "counts"])
          .where("consultation_id", "=", id)
          .orderBy("taken_at")
          .orderBy("audit_seq")
          .execute()
          .then((rows) => rows.map((s) => ({ ...s, counts: parse(s.counts, {}) }))),
      ),
    responses: () =>
      once(
        db
          .selectFrom("written_responses")
          .select(["summary_id", "proposal_id", "text", "written_at", "superseded_at"])
          .where("consultation_id", "=", id)
          .orderBy("written_at")
          .execute(),
      ),
    followup_updates: () =>
      once(
        db
          .selectFrom("followup_updates")
          .select([
            "id",
            "proposal_id",
            "milestone_position",
            "milestone_description",
            "kind",
            "status",
            "actual_start_on",
            "actual_end_on",
            "evidence_url",
            "note",
            "author_name",
            "author_institution",
            "created_at",
          ])
          .where("consultation_id", "=", id)
          .orderBy("seq")
          .execute(),
      ),
  };
}

export function exportRouter(deps: { db: DB }): express.Router {
  const router = express.Router();

  router.get(EXPORT_SCHEMA_PATH.replace("/api/v1", ""), (_req, res) => {
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.type("application/schema+json").send(JSON.stringify(exportSchema, null, 2));
  });

  router.get("/consultations/:id/export.json", async (req, res, next) => {
    try {
      const id = await findConsultationId(deps.db, req.params.id);
      const c = id
        ? await deps.db
            .selectFrom("consultations")
            .select([
              "id",
              "slug",
              "title",
              "description",
              "methodology",
              "starts_on",
              "ends_on",
              "max_commitments",
              "max_milestones",
              "decision_rule",
              "private_answers",
            ])
            .where("id", "=", id)
            .executeTakeFirst()
        : undefined;
      if (!c) {
        const e = new CommandError("not_found", "error.not_found", { what: "consultation" });
        return res.status(e.status).json(errorBody(e, (res.locals.cocrea as RequestState).lang));
      }
      res.status(200);
      res.setHeader("Content-Type", "application/json; charset=utf-8");
      res.setHeader("Content-Disposition", `attachment; filename="consulta-${c.slug}.json"`);
      res.setHeader("Cache-Control", "no-cache");
      res.setHeader("Access-Control-Allow-Origin", "*");
      const head = {
        $schema: `${req.protocol}://${req.get("host")}${EXPORT_SCHEMA_PATH}`,
        license: `${OPEN_DATA_LICENSE.name} — ${OPEN_DATA_LICENSE.url}`,
        generatedAt: new Date().toISOString(),
        consultation: { ...c, private_answers: c.private_answers === 1 },
      };
      await write(res, JSON.stringify(head).slice(0, -1));
      const all = sections(deps.db, c.id, c.private_answers === 1);
      for (const name of EXPORT_SECTIONS) {
        await write(res, `,${JSON.stringify(name)}:[`);
        let first = true;
        for await (const page of all[name]()) {
          if (page.length === 0) continue;
          await write(res, (first ? "" : ",") + page.map((r) => JSON.stringify(r)).join(","));
          first = false;
        }
        await write(res, "]");
      }
      await write(res, "}");
      res.end();
    } catch (e) {
      if (res.headersSent) return res.destroy(e as Error);
      next(e);
    }
  });

  return router;
}
