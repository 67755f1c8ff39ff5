// Online opinion intake (stage 2): the citizen form, the receipt after sending, and the newest opinions, live.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { IslandLiveBadge } from "../components/LiveBadge";
import type { IntakeResult } from "../components/intake/FieldShell";
import { OpinionCard } from "../components/intake/OpinionCard";
import { OPINION_INTENT, OpinionForm } from "../components/intake/OpinionForm";
import { islandPart, OPINION_ISLAND, pageHooks } from "../components/intake/island-hooks";
import { ReceiptBox } from "../components/intake/ReceiptBox";
import { StageNotice } from "../components/intake/StageNotice";
import { stageStateOn, todayInGuatemala } from "../domain/phases";
import { translate } from "../i18n";
import { useT } from "../i18n/react";
import type { IslandHandle } from "../island-script";
import { handleIntakeForm } from "../lib/intake-form.server";
import { intakeContext, recentOpinions } from "../lib/queries.server";
import { keepRetryAfter } from "../lib/retry-after";

export const headers = keepRetryAfter;

/**
 * Not hydrated (issue 13: under 60 KiB of JavaScript on a cheap phone; React and Remix alone are about 86 KiB):
 * the root loads the opinion island instead (app/islands/opinion.ts, bundled at build time), which posts these
 * forms without a reload, swapping in the server's HTML, runs the character counter and keeps the newest opinions
 * live. The elements it looks for are marked through ../components/intake/island-hooks.
 */
export const handle: IslandHandle = { island: OPINION_ISLAND };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · ${data.consultation.title}` : "Cocrea" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const intake = await intakeContext(context.db, params.slug!);
  if (!intake) throw new Response("Not found", { status: 404 });
  const recent = await recentOpinions(context.db, intake.consultation.id, 10);
  return json({
    title: translate(context.lang, "intake.title"),
    consultation: intake.consultation,
    stage: intake.stage,
    // The stage on today's date where the consultation happens: the form shows only when the command would take it.
    stageState: intake.stage ? stageStateOn(intake.stage, todayInGuatemala()) : null,
    themes: intake.themes,
    recent: recent.map((o) => ({
      id: o.id,
      subject: o.subject,
      axis: o.axis,
      theme_name: o.theme_name,
      text: o.text,
      department: o.department,
      created_at: o.created_at,
    })),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const intake = await intakeContext(context.db, params.slug!);
  if (!intake) throw new Response("Not found", { status: 404 });
  return handleIntakeForm(request, context, { [OPINION_INTENT]: "opinion.submit", report: "opinion.report" }, (intent) =>
    intent === OPINION_INTENT ? { consultationId: intake.consultation.id } : {},
  );
}

export default function OpinionPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  // The answer to a post comes back in the re-rendered page (the island posts the same way, without a reload).
  const posted = useActionData<typeof action>() as IntakeResult | undefined;
  const result = posted;
  const open = data.stageState?.status === "open";
  const receipt = result?.ok && result.intent === OPINION_INTENT ? (result.result as { receiptCode: string; duplicate: boolean }) : null;
  const reportedId = posted?.ok && posted.intent === "report" ? (posted.result as { inputId: string }).inputId : null;

  return (
    <article className="intake" {...pageHooks(data.consultation.id)}>
      <header className="page-head">
        <p className="crumb">
          <Link to={`/c/${data.consultation.slug}`}>{data.consultation.title}</Link>
        </p>
        <h1>{t("intake.title")}</h1>
        <IslandLiveBadge />
      </header>
      <p className="lead">{t("intake.intro")}</p>
      <StageNotice state={data.stageState} />
      {receipt ? <ReceiptBox receiptCode={receipt.receiptCode} duplicate={receipt.duplicate} /> : null}
      {open ? <OpinionForm themes={data.themes} result={result} /> : null}
      {!open && result && !result.ok && result.intent === OPINION_INTENT ? (
        <p className="form-error" role="alert">
          {result.error.message}
        </p>
      ) : null}

      <section aria-labelledby="recent-h" {...islandPart("recent")}>
        <h2 id="recent-h">{t("intake.recent")}</h2>
        {data.recent.length === 0 ? (
          <p className="empty">{t("intake.recent_empty")}</p>
        ) : (
          <ul className="opinions" data-testid="recent-opinions">
            {data.recent.map((o) => (
              <OpinionCard key={o.id} opinion={o} reportedHere={o.id === reportedId} />
            ))}
          </ul>
        )}
        <p>
          <Link to={`/c/${data.consultation.slug}/estadisticas`}>{t("intake.see_stats")}</Link>
        </p>
      </section>

      <form method="get" action="/r" className="row receipt-lookup">
        <label htmlFor="receipt-lookup">{t("intake.receipt_lookup")}</label>
        <input id="receipt-lookup" name="code" placeholder="XXXX-XXXX" autoCapitalize="characters" maxLength={12} required />
        <button type="submit">{t("intake.receipt_lookup_submit")}</button>
      </form>
    </article>
  );
}
