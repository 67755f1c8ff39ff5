// The reasoned response as CSV (issue 10): one row per summary and proposal, with its fate in words, the reason
// recorded at the decision and the current written response. Public, no personal data.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvCell } from "../domain/forum-export";
import { RESPONSE_CSV_COLUMNS, fateInWords, type Fate } from "../domain/reasoned-response";
import { reasonText } from "../domain/consensus/outcome-words";
import { translator, type Translate } from "../i18n";
import { publicConsultation, reasonedResponse } from "../lib/queries.server";

function reasonOf(t: Translate, fate: Fate): string {
  switch (fate.kind) {
    case "rejected":
    case "withdrawn":
      return reasonText(t, fate.reason);
    case "merged":
    case "split":
      return fate.note;
    default:
      return "";
  }
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  const view = await publicConsultation(context.db, params.slug!);
  if (!view) throw new Response("Not found", { status: 404 });
  const t = translator(context.lang);
  const report = await reasonedResponse(context.db, view.consultation.id);
  const rows = report.themes.flatMap((th) =>
    [...th.summaries, ...th.proposals].map((item) => ({
      kind: item.kind,
      id: item.id,
      theme: th.name,
      title: item.title,
      state: item.state ?? "",
      fate: fateInWords(t, item.fate),
      reason: reasonOf(t, item.fate),
      response: item.response?.text ?? "",
      response_written_at: item.response?.writtenAt ?? "",
    })),
  );
  const body =
    `\uFEFF${RESPONSE_CSV_COLUMNS.join(",")}\r\n` +
    rows.map((r) => RESPONSE_CSV_COLUMNS.map((c) => csvCell(r[c])).join(",")).join("\r\n") +
    (rows.length ? "\r\n" : "");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="respuesta-${view.consultation.slug}.csv"`,
      "Cache-Control": "no-cache",
    },
  });
}
