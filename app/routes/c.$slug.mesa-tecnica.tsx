// The technical roundtable in public: its sessions and who was present, the proposals that reached it with their
// adoption criteria and state, recusals, and the consensus votes — open ones with their live count (counts only),
// closed ones with their outcome (and who answered what, unless the consultation keeps answers private).
// Server-rendered, so it reads without JavaScript; with it, the tallies move in place and the rest reloads live.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LiveBadge } from "../components/LiveBadge";
import { CriteriaList, RecusalList } from "../components/technical/CriteriaList";
import { PeopleList, TableFigures } from "../components/technical/TableParts";
import { ClosedVotes, VoteCard } from "../components/technical/VoteCard";
import type { PublicTechnicalView } from "../components/technical/types";
import { useFormatDate, useT } from "../i18n/react";
import { publicConsultation, technicalPublic } from "../lib/queries.server";
import { useLiveConsultation } from "../live/useLive";
import { useLiveVotes, withLiveTally } from "../live/useLiveVotes";
import { reasonText } from "../domain/consensus/outcome-words";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.consultation.title} · Mesa Técnica · Cocrea` : "Cocrea" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const view = await publicConsultation(context.db, params.slug!);
  if (!view) throw new Response("Not found", { status: 404 });
  const session = await technicalPublic(context.db, view.consultation.id);
  if (!session) throw new Response("Not found", { status: 404 });
  return json({ consultation: session.consultation, session: session.table ? (session as PublicTechnicalView) : null });
}

export default function PublicTechnical() {
  const t = useT();
  const date = useFormatDate();
  const { consultation, session } = useLoaderData<typeof loader>();
  const status = useLiveConsultation(consultation.id);
  const live = useLiveVotes(consultation.id);
  const base = `/c/${consultation.slug}`;
  const head = (
    <header className="page-head">
      <p>
        <Link to={base}>{consultation.title}</Link>
      </p>
      <h1>{session?.table?.name || t("technical_page.public_title")}</h1>
      <LiveBadge status={status} />
      <p className="muted">{t("technical_page.public_intro")}</p>
      <p>
        <Link to={`${base}/propuestas`}>{t("technical_page.funnel_link")}</Link>
      </p>
    </header>
  );
  if (!session || !session.table) {
    return (
      <article className="technical-page public">
        {head}
        <p className="empty" data-testid="no-table">
          {t("technical_page.no_table_public")}
        </p>
      </article>
    );
  }
  const votes = session.votes.map((v) => withLiveTally(v, live));
  const openVotes = votes.filter((v) => v.status === "open");
  const closedVotes = votes.filter((v) => v.status === "closed");
  const sheet = (id: string) => `${base}/propuestas/${id}`;

  return (
    <article className="technical-page public">
      {head}
      <p data-testid="chair">
        {session.table.chair
          ? t("technical_page.chair", {
              name: session.table.chair.acronym ? `${session.table.chair.name} (${session.table.chair.acronym})` : session.table.chair.name,
            })
          : t("technical_page.chair_none")}
      </p>
      <TableFigures session={session} />

      <section className="panel votes-open" aria-labelledby="votes-open-h">
        <h2 id="votes-open-h">{t("technical_page.votes_open")}</h2>
        {openVotes.length === 0 ? <p className="empty">{t("technical_page.votes_open_none")}</p> : null}
        <div className="vote-grid" data-testid="open-votes">
          {openVotes.map((v) => (
            <VoteCard key={v.id} vote={v} sheetHref={sheet(v.proposalId)} />
          ))}
        </div>
      </section>

      <ClosedVotes votes={closedVotes} sheet={sheet} />

      <section className="panel sessions" aria-labelledby="sessions-h">
        <h2 id="sessions-h">{t("technical_page.sessions")}</h2>
        {session.sessions.length === 0 ? <p className="empty">{t("technical_page.sessions_none")}</p> : null}
        <ol className="list" data-testid="sessions">
          {session.sessions.map((s) => (
            <li key={s.id} data-session-status={s.status}>
              <strong>{t("technical_page.session", { number: s.number })}</strong>{" "}
              <span className="muted">{t(`technical_page.kind.${s.kind}` as "technical_page.kind.review")}</span>{" "}
              <span className={`status status-${s.status}`}>{t(`roundtable.round_status.${s.status}`)}</span> — {date(s.heldOn)}
              {s.venue ? ` — ${s.venue}` : ""}
              {s.closesStage ? (
                <p className="muted small">{t("technical_page.closes", { stage: t(`funnel.${s.closesStage}` as "funnel.technical") })}</p>
              ) : null}
              <p className="small">
                {s.present.length
                  ? `${t("technical_page.present", { count: s.present.length })}: ${s.present.map((p) => (p.acronym ? `${p.name} (${p.acronym})` : p.name)).join(", ")}`
                  : t("technical_page.present_none")}
              </p>
            </li>
          ))}
        </ol>
      </section>

      <PeopleList members={session.members} observers={session.observers} />

      <section aria-labelledby="tech-proposals-h" className="tech-proposals">
        <h2 id="tech-proposals-h">{t("technical_page.proposals")}</h2>
        {session.proposals.length === 0 ? <p className="empty">{t("technical_page.proposals_none")}</p> : null}
        {session.themes.map((theme) => {
          const list = session.proposals.filter((p) => p.themeId === theme.id);
          if (list.length === 0) return null;
          return (
            <section key={theme.id} className="theme-group" aria-labelledby={`theme-${theme.id}-h`}>
              <h3 id={`theme-${theme.id}-h`} className="theme-heading">
                {theme.name}
              </h3>
              <div className="proposal-grid" data-testid="tech-proposals">
                {list.map((p) => (
                  <article key={p.id} className={`proposal-card tech-card state-${p.state}`} data-testid="tech-proposal" data-state={p.state}>
                    <div className="row spread">
                      <h4>
                        <Link to={sheet(p.id)}>{p.title}</Link>
                      </h4>
                      <span className={`badge badge-${p.state}`}>{t(`proposal.state.${p.state}` as "proposal.state.active")}</span>
                    </div>
                    <p className="muted small">
                      {t(`funnel.${p.stage}` as "funnel.unified")}
                      {p.leadOrganization ? ` · ${t("technical_page.lead", { name: p.leadOrganization.acronym })}` : ""}
                    </p>
                    {p.stateReason ? <p className="small">{t("technical_page.reason", { reason: reasonText(t, p.stateReason) })}</p> : null}
                    {p.stateOrganization && p.state === "withdrawn" ? (
                      <p className="small muted">{t("technical_page.withdrawn_for", { organization: p.stateOrganization.acronym })}</p>
                    ) : null}
                    <CriteriaList criteria={p.criteria} />
                    <RecusalList recusals={p.recusals} heading="h5" />
                  </article>
                ))}
              </div>
            </section>
          );
        })}
      </section>
    </article>
  );
}
