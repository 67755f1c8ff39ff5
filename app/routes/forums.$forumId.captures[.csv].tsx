// CSV export of a forum's captures (visible ones; `?all=1` adds withdrawn and hidden ones with their status).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { capturesCsv } from "../domain/forum-export";
import { requireForumStaff } from "../lib/forum-access.server";
import { forumCsvRows } from "../lib/queries.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { forum } = await requireForumStaff(context, request, params.forumId);
  const all = new URL(request.url).searchParams.get("all") === "1";
  const rows = (await forumCsvRows(context.db, forum.id, all)) ?? [];
  const name = `foro-${forum.department}-${forum.held_on}`
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9-]+/g, "-")
    .toLowerCase();
  return new Response(capturesCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
