// The QR code of a worktable's short link, as SVG, for the dashboard and the printed table cards.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { normalizeShortCode } from "../domain/forum";
import { qrSvg } from "../lib/qr.server";
import { captureScreen } from "../lib/queries.server";
import { readPolicy } from "../lib/read-policy.server";
import { requireUser } from "../lib/require-user.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const code = normalizeShortCode(params.code ?? "");
  const screen = await captureScreen(context.db, code);
  if (!screen) throw new Response("Not found", { status: 404 });
  if (!(await readPolicy(context.db, user, screen.forum.consultation_id)).isStaff) throw new Response("Forbidden", { status: 403 });
  const svg = await qrSvg(`${context.publicUrl}/t/${code}`);
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml", "Cache-Control": "private, max-age=3600" } });
}
