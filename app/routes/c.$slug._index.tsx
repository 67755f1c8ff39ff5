// The public call (stage 1): what the consultation is, its methodology, timeline, themes and how to take part.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { exampleReceipts, publicConsultation } from "../lib/queries.server";
import { readPolicy } from "../lib/read-policy.server";
import { FormBasics, FormError } from "../components/forms";
import { LiveBadge } from "../components/LiveBadge";
import { StageName } from "../components/StageName";
import { useFormatDate, useT } from "../i18n/react";
import { handleCommandForm } from "../lib/command-form.server";
import { useLiveConsultation } from "../live/useLive";
import { formatReceiptCode } from "../domain/opinion";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.consultation.title} · Cocrea` : "Cocrea" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const view = await publicConsultation(context.db, params.slug!);
  if (!view) throw new Response("Not found", { status: 404 });
  const policy = await readPolicy(context.db, context.user, view.consultation.id);
  const { consultation } = view;
  return json({
    consultation: {
      id: consultation.id,
      slug: consultation.slug,
      title: consultation.title,
      description: consultation.description,
      methodology: consultation.methodology,
      participation: consultation.participation,
      ethicsText: consultation.ethics_text,
      startsOn: consultation.starts_on,
      endsOn: consultation.ends_on,
    },
    stages: view.stages,
    themes: view.themes,
    forums: view.forums,
    declarations: view.declarations,
    currentStageId: view.currentStageId,
    // Receipts a newcomer can follow from an opinion to a commitment and its follow-up (issue 17).
    examples: await exampleReceipts(context.db, consultation.id),
    canSign: policy.canSignEthics,
    hasSigned: context.user
      ? Boolean(
          await context.db
            .selectFrom("ethics_declarations")
            .select("id")
            .where("consultation_id", "=", consultation.id)
            .where("user_id", "=", context.user.id)
            .executeTakeFirst(),
        )
      : false,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const view = await publicConsultation(context.db, params.slug!);
  if (!view) throw new Response("Not found", { status: 404 });
  return handleCommandForm(request, context, { sign: "ethics.sign" }, { consultationId: view.consultation.id });
}

export default function PublicCall() {
  const t = useT();
  const date = useFormatDate();
  /** A stage's state today in words with its date: "abierta hasta el…", "cerró el…", "abre el…". */
  const stageWhen = (st: { status: string; on: string | null }) =>
    !st.on
      ? ""
      : t(st.status === "open" ? "stage.open_until" : st.status === "closed" ? "stage.closed_on_short" : "stage.opens_on_short", { date: date(st.on) });
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const live = useLiveConsultation(data.consultation.id);
  const { consultation, stages, themes, forums, declarations } = data;
  // Each stage's state today (opened AND within its dates): the same rule the forms' commands apply.
  const intakeOpen = stages.some((s) => s.phase === "opinion_intake" && s.today.status === "open");
  const current = stages.find((s) => s.id === data.currentStageId);

  return (
    <article className="public-call">
      <header className="page-head">
        <h1>{consultation.title}</h1>
        <LiveBadge status={live} />
        {current ? (
          <p className="current-stage" data-testid="current-stage">
            {t("public.now")}:{" "}
            <strong>
              <StageName stage={current} />
            </strong>{" "}
            — {t(`stage_status.${current.today.status}`)}
            {current.today.on ? ` (${stageWhen(current.today)})` : null}
          </p>
        ) : null}
        {stages.length > 0 && stages.every((s) => s.status === "closed") ? (
          <p className="consultation-ended" data-testid="consultation-ended">
            {t("story.ended")}
          </p>
        ) : null}
        <p className="muted">
          {t("public.period")}: {date(consultation.startsOn)} {t("common.to")} {date(consultation.endsOn)}
        </p>
      </header>

      <StageAction slug={consultation.slug} stages={stages} current={current} />

      {data.examples.length > 0 ? (
        <section aria-labelledby="example-opinion" data-testid="example-opinion">
          <h2 id="example-opinion">{t("story.example_title")}</h2>
          <p>{t("story.example_intro")}</p>
          <ul>
            {data.examples.map((code) => (
              <li key={code}>
                <Link to={`/r/${code}`}>{t("story.example_receipt", { code: formatReceiptCode(code) })}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="what">
        <h2 id="what">{t("public.what")}</h2>
        <p className="prose">{consultation.description}</p>
      </section>

      <section aria-labelledby="methodology">
        <h2 id="methodology">{t("public.methodology")}</h2>
        <p className="prose">{consultation.methodology}</p>
      </section>

      <section aria-labelledby="timeline">
        <h2 id="timeline">{t("public.timeline")}</h2>
        <ol className="timeline" data-testid="timeline">
          {stages.map((s) => (
            <li key={s.id} className={`stage stage-${s.today.status}${s.id === data.currentStageId ? " stage-current" : ""}`} data-stage-phase={s.phase}>
              <span className="stage-name">
                <StageName stage={s} />
              </span>
              <span className={`status status-${s.today.status}`} data-testid={`stage-status-${s.phase}`}>
                {t(`stage_status.${s.today.status}`)}
              </span>
              {s.today.by === "dates" ? <span data-testid={`stage-when-${s.phase}`}> ({stageWhen(s.today)})</span> : null}
              <span className="dates">{s.starts_on || s.ends_on ? `${date(s.starts_on)} – ${date(s.ends_on)}` : t("common.date_unset")}</span>
              {s.description ? <p>{s.description}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="themes">
        <h2 id="themes">{t("public.themes")}</h2>
        {themes.length === 0 ? (
          <p className="empty">{t("public.themes_empty")}</p>
        ) : (
          <ul className="themes" data-testid="themes">
            {themes.map((th) => (
              <li key={th.id}>
                <strong>{th.name}</strong>
                {th.description ? <span className="muted"> — {th.description}</span> : null}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={`/c/${consultation.slug}/propuestas`} data-testid="funnel-link">
            {t("public_funnel.link")}
          </Link>{" "}
          · <Link to={`/c/${consultation.slug}/plan`}>{t("plan.public_title")}</Link>
        </p>
        <p>
          <Link to={`/c/${consultation.slug}/plan/seguimiento`} data-testid="followup-link">
            {t("followup.title")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="take-part">
        <h2 id="take-part">{t("public.take_part")}</h2>
        {consultation.participation ? <p className="prose">{consultation.participation}</p> : null}
        <p>
          {t("public.online_opinion")} <strong>{intakeOpen ? t("stage_status.open") : t("stage_status.closed")}</strong>
        </p>
        <p className="row">
          <Link to={`/c/${consultation.slug}/opinar`} data-testid="intake-link">
            {t("intake.cta")}
          </Link>
          <Link to={`/c/${consultation.slug}/estadisticas`}>{t("intake.see_stats")}</Link>
        </p>
        <h3 id="forums">{t("public.forums")}</h3>
        {forums.length === 0 ? (
          <p className="empty">{t("public.forums_empty")}</p>
        ) : (
          <ul className="forums">
            {forums.map((f) => (
              <li key={f.id}>
                <strong>{f.department}</strong>, {f.municipality} — {f.venue} — {date(f.held_on)}
                {f.expected_attendance ? (
                  <span className="muted">
                    {" "}
                    ({f.expected_attendance} {t("public.attendance_expected")})
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="ethics">
        <h2 id="ethics">{t("public.ethics")}</h2>
        {consultation.ethicsText ? <blockquote className="prose">{consultation.ethicsText}</blockquote> : null}
        <h3>{t("public.ethics_signed_by")}</h3>
        {declarations.length === 0 ? (
          <p className="empty">{t("public.ethics_none")}</p>
        ) : (
          <ul className="signatures" data-testid="signatures">
            {declarations.map((d) => (
              <li key={d.id}>
                <strong>{d.signer_name}</strong>
                {d.organization_acronym ? ` (${d.organization_acronym})` : ""} — {date(d.signed_at)}
                {d.conflicts ? (
                  <p className="muted">
                    {t("public.ethics_conflicts")}: {d.conflicts}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {result?.ok && result.intent === "sign" ? (
          <p className="form-ok" role="status">
            {t("public.ethics_signed_ok")}
          </p>
        ) : null}
        {data.canSign && !data.hasSigned ? (
          <Form method="post" className="stack">
            <FormBasics intent="sign" />
            <FormError result={result} intent="sign" />
            <div className="field">
              <label htmlFor="conflicts">{t("public.ethics_conflicts_label")}</label>
              <textarea id="conflicts" name="conflicts" rows={3} />
            </div>
            <div className="field checkbox">
              <input id="accept" name="accept" type="checkbox" required />
              <label htmlFor="accept">{t("public.ethics_accept")}</label>
            </div>
            <button type="submit" disabled={navigation.state === "submitting"}>
              {t("public.ethics_sign")}
            </button>
          </Form>
        ) : data.canSign ? (
          <p className="muted">{t("public.ethics_already")}</p>
        ) : null}
      </section>
    </article>
  );
}

const AFTER_THE_TABLE = new Set(["draft_plan", "ogp_review", "approval", "submission"]);

/**
 * What a visitor can do now, first on the page (on a phone the texts below are screens long): a link per stage open
 * to the public, else what the current (or last) stage left to read.
 */
function StageAction({
  slug,
  stages,
  current,
}: {
  slug: string;
  stages: ReadonlyArray<{ id: string; phase: string; status: string }>;
  current: { phase: string } | undefined;
}) {
  const t = useT();
  const open = new Set(stages.filter((s) => s.status === "open").map((s) => s.phase));
  const actions: Array<{ to: string; text: string }> = [];
  if (open.has("opinion_intake")) actions.push({ to: `/c/${slug}/opinar`, text: t("intake.cta") });
  if (open.has("draft_plan")) actions.push({ to: `/c/${slug}/plan`, text: t("stage_action.comment_plan") });
  if (open.has("forums")) actions.push({ to: "#forums", text: t("stage_action.forums") });
  if (open.has("technical_roundtable")) actions.push({ to: `/c/${slug}/mesa-tecnica`, text: t("stage_action.technical") });
  if (actions.length === 0) {
    const lastPhase = current?.phase ?? [...stages].reverse().find((s) => s.status === "closed")?.phase;
    if (lastPhase && AFTER_THE_TABLE.has(lastPhase)) {
      actions.push({ to: `/c/${slug}/plan`, text: t("stage_action.plan") }, { to: `/c/${slug}/plan/seguimiento`, text: t("stage_action.follow_up") });
    } else if (lastPhase && lastPhase !== "public_call") actions.push({ to: `/c/${slug}/propuestas`, text: t("stage_action.funnel") });
  }
  return (
    <section aria-labelledby="stage-action-h" className="stage-action" data-testid="stage-action">
      <h2 id="stage-action-h">{t("stage_action.title")}</h2>
      {actions.length === 0 ? (
        <p className="muted">{t("stage_action.none")}</p>
      ) : (
        <p className="row">
          {actions.map((a, i) =>
            a.to.startsWith("#") ? (
              <a key={a.to} href={a.to} className={i === 0 ? "button" : "button secondary"}>
                {a.text}
              </a>
            ) : (
              <Link key={a.to} to={a.to} className={i === 0 ? "button" : "button secondary"}>
                {a.text}
              </Link>
            ),
          )}
        </p>
      )}
    </section>
  );
}
