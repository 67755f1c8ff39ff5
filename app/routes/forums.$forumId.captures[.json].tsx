// A forum's live state as JSON: what a board or capture screen fetches after a reconnect that socket.io
// could not recover. Includes withdrawn captures so pages learn about withdrawals they missed.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { requireForumStaff } from "../lib/forum-access.server";
import { attendanceCounts, forumCaptures } from "../lib/queries.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { forum } = await requireForumStaff(context, request, params.forumId);
  const table = new URL(request.url).searchParams.get("table") ?? undefined;
  const [captures, counts] = await Promise.all([
    forumCaptures(context.db, forum.id, { worktableId: table, includeWithdrawn: true }),
    attendanceCounts(context.db, forum.consultation_id),
  ]);
  return json(
    { captures, attendance: { forum: counts.byForum[forum.id] ?? 0, total: counts.total }, status: forum.status },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
