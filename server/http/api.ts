// JSON API v1: a thin adapter over the command bus and the read models.
import express, { type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import type { Lang } from "../../app/i18n";
import { listConsultations, publicConsultation } from "../../db/queries/consultations.server";
import type { DB } from "../../db/connection.server";
import type { CommandBus } from "../commands/bus.server";
import { CommandError } from "../commands/errors";
import { followupRouter } from "./follow-up";
import { funnelRouter } from "./funnel";
import { exportRouter } from "./export";
import { lineageRouter } from "./lineage";
import { openDataRouter } from "./open-data";
import type { Limiter } from "./rate-limit";
import { errorBody, outcomeResponse } from "./respond";
import type { Identity } from "./actor.server";

export interface RequestState {
  lang: Lang;
  identity: Identity;
  clientKey: string;
}

export function state(res: Response): RequestState {
  return res.locals.cocrea as RequestState;
}

function fail(res: Response, error: CommandError) {
  if (error.code === "rate_limited") res.setHeader("Retry-After", String(error.params.seconds ?? 60));
  res.status(error.status).json(errorBody(error, state(res).lang));
}

export function apiRouter(deps: { db: DB; bus: CommandBus; apiLimiter: Limiter }): express.Router {
  const router = express.Router();

  // Rate limit per client on every API call; signed-in staff are keyed by user.
  router.use(async (_req, res, next) => {
    const { identity, clientKey } = state(res);
    try {
      await deps.apiLimiter.take(identity.user ? `user:${identity.user.id}` : `anon:${clientKey}`);
      next();
    } catch (e) {
      if (e instanceof CommandError) return fail(res, e);
      next(e);
    }
  });

  router.get("/commands", (_req, res) => {
    res.json({
      ok: true,
      result: deps.bus.list().map((c) => ({
        type: c.type,
        summary: c.summary,
        access: c.access,
        payloadSchema: z.toJSONSchema(c.schema, { io: "input", unrepresentable: "any" }),
      })),
    });
  });

  router.post(
    "/commands",
    (req, res, next) => {
      // JSON only: a cross-site form cannot send it without a CORS preflight, which we never grant.
      if (!req.is("application/json")) return fail(res, new CommandError("invalid", "error.invalid_json"));
      next();
    },
    express.json({ limit: "1mb", strict: false }),
    async (req, res, next) => {
      const { identity, lang } = state(res);
      if (identity.badCredentials) return fail(res, new CommandError("unauthenticated", "error.unauthenticated"));
      try {
        const outcome = await deps.bus.execute(req.body, identity.actor, lang, req.log);
        const { status, body } = outcomeResponse(outcome, lang);
        if (!outcome.ok && outcome.error.code === "rate_limited") res.setHeader("Retry-After", String(outcome.error.params.seconds ?? 60));
        res.status(status).json(body);
      } catch (e) {
        next(e);
      }
    },
  );

  router.use(openDataRouter(deps));
  router.use(lineageRouter(deps));
  router.use(funnelRouter(deps));
  router.use(exportRouter(deps));
  router.use(followupRouter(deps));

  router.get("/consultations", async (_req, res, next) => {
    try {
      const list = await listConsultations(deps.db);
      res.json({
        ok: true,
        result: list.map((c) => ({ id: c.id, slug: c.slug, title: c.title, currentStage: c.currentStage })),
      });
    } catch (e) {
      next(e);
    }
  });

  router.get("/consultations/:id", async (req, res, next) => {
    try {
      const view = await publicConsultation(deps.db, req.params.id);
      if (!view) return fail(res, new CommandError("not_found", "error.not_found", { what: "consultation" }));
      res.json({ ok: true, result: view });
    } catch (e) {
      next(e);
    }
  });

  // Anything else under /api/v1 is an unknown endpoint, answered in the API envelope (not by the pages).
  router.use((_req, res) => fail(res, new CommandError("not_found", "error.not_found", { what: "endpoint" })));

  // Body-parser errors (malformed JSON, a body that is not the gzip it claims, over 1 MB), bad %-encoding in a
  // path parameter, and anything unexpected, in the API envelope.
  router.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const type = (err as { type?: string }).type;
    if (type === "entity.too.large") return fail(res, new CommandError("too_large", "error.too_large"));
    if (type === "entity.parse.failed" || type === "encoding.unsupported" || type === "charset.unsupported") {
      return fail(res, new CommandError("invalid", "error.invalid_json"));
    }
    const status = (err as { status?: number; statusCode?: number }).status ?? (err as { statusCode?: number }).statusCode;
    if (err instanceof URIError || (typeof status === "number" && status >= 400 && status < 500)) {
      return fail(res, new CommandError("invalid", "error.bad_request"));
    }
    req.log.error({ err }, "API request failed");
    res.status(500).json({ ok: false, error: { code: "server_error", message: "Internal error" } });
  });

  return router;
}
