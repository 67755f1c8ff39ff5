// A systematization summary as the public sees it: its text, the citizen inputs it groups (moderated ones without
// their text) and the proposals that respond to it, forward to what they became. The target of a receipt's
// "grouped into the summary…" step. Live; works without JavaScript.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FateRoutes } from "../components/fate/FateSteps";
import { LiveBadge } from "../components/LiveBadge";
import { fateOfInput, type Fate } from "../domain/fate";
import { useFormatDate, useT } from "../i18n/react";
import { summarySheet } from "../lib/queries.server";
import { useLiveConsultation } from "../live/useLive";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.summary.title} · Cocrea` : "Cocrea" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const sheet = await summarySheet(context.db, params.summaryId!);
  if (!sheet || sheet.summary.consultation_slug !== params.slug) throw new Response("Not found", { status: 404 });
  // The routes forward from the summary are those of any input it groups, without the input's own ending.
  const fate = fateOfInput({
    input: { id: sheet.summary.id, status: "visible", statusReason: null },
    summary: null,
    systematization: null,
    ...sheet.forward,
  });
  return json({ summary: sheet.summary, inputs: sheet.inputs, fate: { ...fate, steps: [] as Fate["steps"] } });
}

export default function PublicSummary() {
  const t = useT();
  const date = useFormatDate();
  const { summary, inputs, fate } = useLoaderData<typeof loader>();
  const live = useLiveConsultation(summary.consultation_id);
  return (
    <article className="summary-page narrow">
      <header className="page-head">
        <p className="crumb">
          <Link to={`/c/${summary.consultation_slug}`}>{summary.consultation_title}</Link>
        </p>
        <p className="muted">
          {t("fate.summary_page")} · {summary.theme_name} · {date(summary.created_at)}
        </p>
        <h1>{summary.title}</h1>
        <LiveBadge status={live} />
      </header>
      <p className="summary-text">{summary.text}</p>
      <section aria-labelledby="summary-proposals-h">
        <h2 id="summary-proposals-h">{t("fate.summary_proposals")}</h2>
        {fate.routes.length === 0 ? <p className="empty">{t("fate.summary_no_proposals")}</p> : <FateRoutes fate={fate} slug={summary.consultation_slug} />}
      </section>
      <section aria-labelledby="summary-inputs-h">
        <h2 id="summary-inputs-h">{t("fate.summary_inputs", { count: inputs.length })}</h2>
        <ul className="summary-inputs">
          {inputs.map((i) => (
            <li key={i.id} data-input-id={i.id}>
              {i.text !== null ? <q>{i.text}</q> : <span className="muted">{t("fate.summary_input_hidden")}</span>}{" "}
              <span className="muted">
                — {[i.department, t(i.channel === "forum" ? "fate.channel.forum" : "fate.channel.online")].filter(Boolean).join(", ")}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
