// Open data of the opinion intake: GET /api/v1/consultations/:id/opinions.csv and .json.
// Visible opinions only, with the columns listed in OPEN_DATA_COLUMNS: no e-mail, IP, client hash, receipt code.
// Streamed a page at a time, so a large export neither holds the database nor the whole file in memory.
import express, { type Response } from "express";
import { csvCell } from "../../app/domain/forum-export";
import { OPEN_DATA_COLUMNS, OPEN_DATA_LICENSE } from "../../app/domain/opinion";
import type { DB } from "../../db/connection.server";
import { consultationForExport, openDataPage, type PublicOpinion } from "../../db/queries/opinions.server";
import { CommandError } from "../commands/errors";
import type { RequestState } from "./api";
import { errorBody } from "./respond";

type OpenOpinion = Record<(typeof OPEN_DATA_COLUMNS)[number], string | boolean | null>;

function toOpen(o: PublicOpinion): OpenOpinion {
  return {
    id: o.id,
    created_at: o.created_at,
    subject: o.subject,
    axis: o.axis,
    theme_id: o.theme_id,
    theme_name: o.theme_name,
    text: o.text,
    department: o.department,
    sector: o.sector,
    age_range: o.age_range,
    gender: o.gender,
    speaks_indigenous_language: o.speaks_indigenous_language === null ? null : o.speaks_indigenous_language === 1,
  };
}

/** Writes and waits for the socket to drain when its buffer is full (slow clients get paced, not buffered). */
function write(res: Response, chunk: string): Promise<void> {
  return res.write(chunk) ? Promise.resolve() : new Promise((resolve) => res.once("drain", resolve));
}

async function* pages(db: DB, consultationId: string): AsyncGenerator<PublicOpinion[]> {
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const page = await openDataPage(db, consultationId, after);
    if (page.length === 0) return;
    yield page;
    const last = page[page.length - 1];
    after = { at: last.created_at, id: last.id };
  }
}

export function openDataRouter(deps: { db: DB }): express.Router {
  const router = express.Router();

  router.get("/consultations/:id/opinions.:format(csv|json)", async (req, res, next) => {
    try {
      const consultation = await consultationForExport(deps.db, req.params.id);
      if (!consultation) {
        const e = new CommandError("not_found", "error.not_found", { what: "consultation" });
        return res.status(e.status).json(errorBody(e, (res.locals.cocrea as RequestState).lang));
      }
      const csv = req.params.format === "csv";
      const filename = `opiniones-${consultation.slug}.${req.params.format}`;
      res.status(200);
      res.setHeader("Content-Type", csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8");
      res.setHeader("Content-Disposition", `attachment; filename="${filename}"`);
      // Not cached: an opinion hidden by moderation must leave the export at once.
      res.setHeader("Cache-Control", "no-cache");
      res.setHeader("Access-Control-Allow-Origin", "*");

      let count = 0;
      if (csv) {
        // BOM so spreadsheets read accents right; a formula-like cell starts with an apostrophe (the JSON is exact).
        await write(res, `\uFEFF${OPEN_DATA_COLUMNS.join(",")}\r\n`);
        for await (const page of pages(deps.db, consultation.id)) {
          const open = page.map(toOpen);
          await write(res, open.map((o) => OPEN_DATA_COLUMNS.map((c) => csvCell(o[c])).join(",")).join("\r\n") + "\r\n");
          count += page.length;
        }
      } else {
        const head = {
          license: `${OPEN_DATA_LICENSE.name} — ${OPEN_DATA_LICENSE.url}`,
          consultation,
          generatedAt: new Date().toISOString(),
          fields: OPEN_DATA_COLUMNS,
        };
        await write(res, `${JSON.stringify(head).slice(0, -1)},"opinions":[`);
        for await (const page of pages(deps.db, consultation.id)) {
          await write(res, (count > 0 ? "," : "") + page.map((o) => JSON.stringify(toOpen(o))).join(","));
          count += page.length;
        }
        await write(res, `],"count":${count}}`);
      }
      res.end();
    } catch (e) {
      if (res.headersSent) return res.destroy(e as Error);
      next(e);
    }
  });

  return router;
}
