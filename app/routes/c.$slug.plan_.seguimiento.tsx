// The public follow-up of the plan (decision 0009): per commitment and in total, how many milestones are complete,
// the OGP level, which milestones are late against their planned dates today, the evidence links and the history
// of reports (who — name and institution, never an e-mail — and when). Server-rendered and not hydrated: its one
// script (app/islands/follow-up.ts) swaps in the fresh HTML when a report arrives. `plan_` keeps it out of the plan
// page's layout.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CompletionFigures, EvidenceLink, FollowupHistory, LatenessText, Period, StatusBadge } from "../components/follow-up/FollowupParts";
import { PROGRESS_STATUSES } from "../domain/follow-up";
import { useFormatDate, useT } from "../i18n/react";
import { consultationFollowup, publicConsultation, todayInGuatemala } from "../lib/queries.server";
import type { IslandHandle } from "../island-script";

export const handle: IslandHandle = { island: "follow-up" };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/followup.css" }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.consultation.title} · Seguimiento · Cocrea` : "Cocrea" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const view = await publicConsultation(context.db, params.slug!);
  if (!view) throw new Response("Not found", { status: 404 });
  const followup = await consultationFollowup(context.db, view.consultation.id, todayInGuatemala());
  // Public: the responsible person by name and institution only (their user id stays on the server).
  const commitments = followup.commitments.map(({ responsible, ...c }) => ({
    ...c,
    responsible: responsible ? { name: responsible.name, institution: responsible.institution } : null,
  }));
  return json({
    consultation: { id: view.consultation.id, slug: view.consultation.slug, title: view.consultation.title },
    today: followup.today,
    total: followup.total,
    hasFollowup: followup.hasFollowup,
    commitments,
  });
}

type Commitment = ReturnType<typeof useLoaderData<typeof loader>>["commitments"][number];

function MilestoneRow({ m }: { m: Commitment["milestones"][number] }) {
  const t = useT();
  const date = useFormatDate();
  return (
    <li className="followup-milestone" data-testid={`milestone-${m.position}`}>
      <h4>
        {t("followup.milestone_n", { n: m.position })}: {m.description}
      </h4>
      <p className="muted">{m.responsibleInstitution}</p>
      <p>
        <StatusBadge status={m.status} /> · <LatenessText lateness={m.lateness} />
      </p>
      <p>
        <strong>{t("followup.planned")}:</strong> <Period start={m.plannedStartOn} end={m.plannedEndOn} />
        <br />
        <strong>{t("followup.actual")}:</strong>{" "}
        {m.lastReportedAt ? (
          <>
            {m.actualStartOn ? t("followup.started", { date: date(m.actualStartOn) }) : t("followup.status.not_started")}
            {m.actualEndOn ? ` · ${t("followup.completed", { date: date(m.actualEndOn) })}` : ""}
          </>
        ) : (
          <span className="muted">{t("followup.not_reported")}</span>
        )}
      </p>
      <h5>{t("followup.evidence")}</h5>
      {m.evidence.length ? (
        <ul className="followup-evidence" data-testid="evidence">
          {m.evidence.map((e) => (
            <li key={`${e.createdAt}-${e.url}`}>
              <EvidenceLink url={e.url} description={e.description} /> <small className="muted">({date(e.createdAt)})</small>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("followup.no_evidence")}</p>
      )}
    </li>
  );
}

function CommitmentSection({ c }: { c: Commitment }) {
  const t = useT();
  const textOf = (position: number) => c.milestones.find((m) => m.position === position)?.description ?? null;
  return (
    <section className="followup-commitment card" aria-labelledby={`c-${c.id}`} data-testid={`commitment-${c.id}`}>
      <h2 id={`c-${c.id}`}>{c.title}</h2>
      <p className="muted">
        {t("followup.theme")}: {c.theme.name} · {t("followup.lead_agency")}: {c.leadAgency}
      </p>
      <p>
        <strong>{t("followup.responsible")}:</strong>{" "}
        {c.responsible ? (
          <span data-testid="responsible">
            {c.responsible.name}
            {c.responsible.institution ? ` (${c.responsible.institution})` : ""}
          </span>
        ) : (
          <span className="muted">{t("followup.no_responsible")}</span>
        )}
      </p>
      <CompletionFigures completion={c.completion} label={c.title} />
      {c.orphanPositions.length ? <p className="muted">{t("followup.orphan", { numbers: c.orphanPositions.join(", ") })}</p> : null}
      <h3>{t("followup.milestones")}</h3>
      <ol className="followup-milestones list">
        {c.milestones.map((m) => (
          <MilestoneRow key={m.position} m={m} />
        ))}
      </ol>
      <details id={`history-${c.id}`} className="followup-history-box" open={c.history.length > 0 && c.history.length <= 6}>
        <summary>{t("followup.history_count", { count: c.history.length })}</summary>
        <FollowupHistory entries={c.history} currentText={textOf} />
      </details>
    </section>
  );
}

export default function PlanFollowup() {
  const t = useT();
  const date = useFormatDate();
  const data = useLoaderData<typeof loader>();
  const { total } = data;
  return (
    <article className="followup-page" data-followup-page data-consultation-id={data.consultation.id}>
      <header className="page-head">
        <p>
          <Link to={`/c/${data.consultation.slug}`}>{data.consultation.title}</Link>
        </p>
        <h1>{t("followup.title")}</h1>
        <p className="muted">{t("followup.intro")}</p>
        <p className="muted">{t("followup.as_of", { date: date(data.today) })}</p>
      </header>
      {data.commitments.length === 0 ? (
        <p className="empty" data-testid="followup-empty">
          {t("followup.no_commitments")}
        </p>
      ) : (
        <>
          {!data.hasFollowup ? (
            <p className="empty" data-testid="followup-empty">
              {t("followup.empty")}
            </p>
          ) : null}
          <section className="followup-total card" aria-labelledby="followup-total" data-testid="followup-total">
            <h2 id="followup-total">{t("followup.total")}</h2>
            <p data-testid="followup-commitments-count">{t("followup.commitments_count", { count: total.commitments })}</p>
            <CompletionFigures completion={total} label={t("followup.total")} />
            <h3>{t("followup.commitments_by_level")}</h3>
            <ul className="inline-list">
              {PROGRESS_STATUSES.map((s) => (
                <li key={s}>
                  <StatusBadge status={s} /> {total.commitmentsByLevel[s]}
                </li>
              ))}
            </ul>
          </section>
          {data.commitments.map((c) => (
            <CommitmentSection key={c.id} c={c} />
          ))}
        </>
      )}
    </article>
  );
}
