// The plan in the OGP commitment template: plan.html (printable: a browser prints it to PDF, one commitment per page,
// page numbers in the margin), plan.md, plan.json and plan.csv; ?lang=en for English labels (Spanish by default).
// The draft can be exported at any time once published (by staff while it is still being assembled).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { planCsv, planHtml, planMarkdown } from "../domain/plan-export";
import { isLang, translator } from "../i18n";
import { planExport } from "../lib/plan.server";

const TYPES: Record<string, string> = {
  "plan.html": "text/html; charset=utf-8",
  "plan.md": "text/markdown; charset=utf-8",
  "plan.json": "application/json; charset=utf-8",
  "plan.csv": "text/csv; charset=utf-8",
};

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const file = params.file ?? "";
  const type = TYPES[file];
  if (!type) throw new Response("Not found", { status: 404 });
  const asked = new URL(request.url).searchParams.get("lang");
  const lang = isLang(asked) ? asked : "es";
  const doc = await planExport(context.db, params.slug!, context.user, lang);
  if (!doc) throw new Response("Not found", { status: 404 });
  const t = translator(lang);
  const body =
    file === "plan.html" ? planHtml(doc, t) : file === "plan.md" ? planMarkdown(doc, t) : file === "plan.csv" ? planCsv(doc, t) : JSON.stringify(doc, null, 2);
  const headers: Record<string, string> = { "Content-Type": type, "Cache-Control": "no-store", "Content-Language": lang };
  if (file !== "plan.html") headers["Content-Disposition"] = `inline; filename="${file.replace("plan", `plan-${params.slug}-${lang}`)}"`;
  return new Response(file === "plan.csv" ? `\uFEFF${body}` : body, { headers });
}
