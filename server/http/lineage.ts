// GET /api/v1/items/:id/lineage — the lineage graph of any citizen input, summary, proposal or commitment, both
// directions (db/queries/item-lineage.server.ts). Public: no personal data, moderated inputs without their text.
import express from "express";
import type { DB } from "../../db/connection.server";
import { itemLineage } from "../../db/queries/item-lineage.server";
import { CommandError } from "../commands/errors";
import type { RequestState } from "./api";
import { errorBody } from "./respond";

export function lineageRouter(deps: { db: DB }): express.Router {
  const router = express.Router();
  router.get("/items/:id/lineage", async (req, res, next) => {
    try {
      const graph = await itemLineage(deps.db, req.params.id);
      if (!graph) {
        const e = new CommandError("not_found", "error.not_found", { what: "item" });
        return res.status(e.status).json(errorBody(e, (res.locals.cocrea as RequestState).lang));
      }
      res.setHeader("Cache-Control", "no-cache");
      res.json({ ok: true, result: graph });
    } catch (e) {
      next(e);
    }
  });
  return router;
}
