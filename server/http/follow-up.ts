// GET /api/v1/consultations/:idOrSlug/follow-up: every commitment with its milestones (planned and actual dates,
// OGP level, lateness), evidence, responsible person (name and institution only) and history of reports, and the
// plan's completion in total. Lateness is counted on `?today=YYYY-MM-DD` (default: today in Guatemala).
import express from "express";
import { findConsultationId } from "../../db/queries/consultations.server";
import type { DB } from "../../db/connection.server";
import { consultationFollowup, todayInGuatemala, type ConsultationFollowup } from "../../db/queries/follow-up.server";
import { CommandError } from "../commands/errors";
import type { RequestState } from "./api";
import { errorBody } from "./respond";

/** The public shape: no user ids, no e-mails. */
export function followupJson(view: ConsultationFollowup) {
  return {
    today: view.today,
    total: view.total,
    commitments: view.commitments.map(({ responsible, ...c }) => ({
      ...c,
      responsible: responsible ? { name: responsible.name, institution: responsible.institution, since: responsible.since } : null,
    })),
  };
}

export function followupRouter(deps: { db: DB }): express.Router {
  const router = express.Router();
  router.get("/consultations/:idOrSlug/follow-up", async (req, res, next) => {
    try {
      const { lang } = res.locals.cocrea as RequestState;
      const today = typeof req.query.today === "string" ? req.query.today : todayInGuatemala();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
        const e = new CommandError("invalid", "error.invalid_payload", {}, [{ path: ["today"], code: "invalid_format", message: "YYYY-MM-DD" }]);
        return res.status(e.status).json(errorBody(e, lang));
      }
      const id = await findConsultationId(deps.db, req.params.idOrSlug);
      if (!id) return res.status(404).json(errorBody(new CommandError("not_found", "error.not_found", { what: "consultation" }), lang));
      res.setHeader("Access-Control-Allow-Origin", "*");
      res.json({ ok: true, result: followupJson(await consultationFollowup(deps.db, id, today)) });
    } catch (e) {
      next(e);
    }
  });
  return router;
}
