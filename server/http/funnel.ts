// GET /api/v1/consultations/:idOrSlug/funnel: the participation figures and every funnel column (in pipeline order)
// with, per theme and in total, how many proposals entered it and how many are alive there now, and the state of
// what fills it (and, with ?ids=1, the proposal ids behind each column). Labels in the caller's language; unknown
// consultations answer 404 in the API envelope.
import express from "express";
import type { FunnelView } from "../../app/domain/funnel-view";
import { isMessageKey, translate, type Lang } from "../../app/i18n";
import type { DB } from "../../db/connection.server";
import { consultationFunnel } from "../../db/queries/funnel.server";
import { CommandError } from "../commands/errors";
import type { RequestState } from "./api";
import { errorBody } from "./respond";

/** The ids behind each column's figures come with `?ids=1`: on a large consultation they are most of the answer. */
export function funnelJson(view: FunnelView, lang: Lang, withIds = false) {
  return {
    participation: view.participation,
    themes: view.themes.map((th) => ({ id: th.id, name: th.name, rounds: th.rounds })),
    stages: view.stages.map((s) => ({
      key: s.key,
      label: isMessageKey(`funnel.${s.key}`) ? translate(lang, `funnel.${s.key}`) : s.key,
      entered: s.entered,
      now: s.now,
      state: s.state,
      byTheme: Object.fromEntries(Object.entries(s.byTheme).map(([id, c]) => [id, { entered: c.entered, now: c.now }])),
      ...(withIds ? { enteredIds: s.enteredIds, nowIds: s.nowIds } : {}),
    })),
  };
}

export function funnelRouter(deps: { db: DB }): express.Router {
  const router = express.Router();
  router.get("/consultations/:idOrSlug/funnel", async (req, res, next) => {
    try {
      const { lang } = res.locals.cocrea as RequestState;
      const withIds = req.query.ids === "1";
      const view = await consultationFunnel(deps.db, req.params.idOrSlug, { ids: withIds });
      if (!view) return res.status(404).json(errorBody(new CommandError("not_found", "error.not_found", { what: "consultation" }), lang));
      res.json({ ok: true, result: funnelJson(view, lang, withIds) });
    } catch (e) {
      next(e);
    }
  });
  return router;
}
