// The plan in the OGP commitment template: plan.pdf (written on the server, the file OGP receives: cover, funnel table,
// one commitment per page, page numbers in the footer), plan.html (printable: a browser prints it, one commitment per
// page, page numbers in the margin), plan.md, plan.json and plan.csv; ?lang=en for English labels (Spanish by default).
// Who may export: anyone once the draft is published; before that, only the people who write it (decision 0008,
// addendum issue 17: the point of contact and the technical roundtable's members) — the same answer for every format.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { planCsv, planHtml, planMarkdown } from "../domain/plan-export";
import { isLang, translator } from "../i18n";
import { planExport } from "../lib/plan.server";
import { planPdf } from "../lib/plan-pdf.server";

const TYPES: Record<string, string> = {
  "plan.pdf": "application/pdf",
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
  const headers: Record<string, string> = { "Content-Type": type, "Cache-Control": "no-store", "Content-Language": lang };
  const name = file.replace("plan", `plan-${params.slug}-${lang}`);
  if (file === "plan.pdf") {
    // A file to keep and send (OGP receives PDF files): downloaded, not opened in place.
    const pdf = await planPdf(doc, t);
    return new Response(new Uint8Array(pdf), {
      headers: { ...headers, "Content-Disposition": `attachment; filename="${name}"`, "Content-Length": String(pdf.length) },
    });
  }
  const body =
    file === "plan.html" ? planHtml(doc, t) : file === "plan.md" ? planMarkdown(doc, t) : file === "plan.csv" ? planCsv(doc, t) : JSON.stringify(doc, null, 2);
  if (file !== "plan.html") headers["Content-Disposition"] = `inline; filename="${name}"`;
  return new Response(file === "plan.csv" ? `\uFEFF${body}` : body, { headers });
}
