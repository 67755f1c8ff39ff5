// The technical roundtable's live session, for the consultation's staff: sessions and attendance, the proposals
// that reached the table with their adoption criteria, conflicts of interest, and the consensus votes — the tally
// moves in place as members answer (vote:tally), everything else reloads on each change at the table.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { LiveBadge } from "../components/LiveBadge";
import { CommandForm } from "../components/admin/CommandForm";
import { Field } from "../components/forms";
import { LiveFeed } from "../components/roundtables/LiveFeed";
import { MergeComposer, type MergeSource } from "../components/roundtables/MergeComposer";
import { OperationsLog } from "../components/roundtables/OperationsLog";
import { PresenceList } from "../components/roundtables/PresenceList";
import { ProposalReviewCard } from "../components/technical/ProposalReviewCard";
import { SessionsPanel } from "../components/technical/SessionsPanel";
import { PeopleList, TableFigures } from "../components/technical/TableParts";
import { ClosedVotes, VoteCard } from "../components/technical/VoteCard";
import type { Can, TechnicalView } from "../components/technical/types";
import { useT } from "../i18n/react";
import { handleCommandForm } from "../lib/command-form.server";
import { handleRoundtableForm } from "../lib/roundtable-form.server";
import { technicalSession, technicalTemplates } from "../lib/queries.server";
import { requireTechnicalStaff, technicalPermissions } from "../lib/technical-access.server";
import { useLiveRoundtable } from "../live/useLiveRoundtable";
import { useLiveVotes, withLiveTally } from "../live/useLiveVotes";
import { readForm } from "../lib/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.consultation.title} · Mesa Técnica · Cocrea` : "Cocrea" }];

const INTENTS: Record<string, string> = {
  technical_create: "technical.create",
  session_schedule: "technical.session.schedule",
  session_open: "technical.session.open",
  session_close: "technical.session.close",
  attendance: "technical.attendance",
  criterion: "proposal.criterion",
  conflict: "proposal.declare_conflict",
  reject: "proposal.reject",
  withdraw: "proposal.withdraw",
  vote_open: "vote.open",
  vote_answer: "vote.answer",
  vote_close: "vote.close",
  vote_cancel: "vote.cancel",
  undo: "proposal.undo",
  merge: "proposal.merge",
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const access = await requireTechnicalStaff(context, request, params.id!);
  const view = await technicalSession(context.db, params.id!, access.viewer);
  if (!view) throw new Response("Not found", { status: 404 });
  if (!view.table) {
    // Answered as a page (404) so the point of contact can set the table up from here.
    return json({ consultation: view.consultation, session: null, can: technicalPermissions(access, null), viewerId: access.user.id }, { status: 404 });
  }
  const can = technicalPermissions(access, view.table.chair?.userId ?? null);
  // Members and the point of contact compose merges from the active proposals' texts.
  const active = can.review ? view.proposals.filter((p) => p.state === "active").map((p) => p.id) : [];
  const compose = await technicalTemplates(context.db, params.id!, active);
  return json({ consultation: view.consultation, session: view, can, viewerId: access.user.id, compose });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await requireTechnicalStaff(context, request, params.id!);
  // A merge posts the nested OGP template (`result.milestones.0.description`), like the thematic roundtable's.
  const intent = String((await readForm(request, context.lang)).get("intent") ?? "");
  if (intent === "merge") return handleRoundtableForm(request, context, { merge: INTENTS.merge });
  return handleCommandForm(request, context, INTENTS);
}

export default function TechnicalRoundtable() {
  const data = useLoaderData<typeof loader>();
  if (!data.session || !data.session.table) return <NoTable consultation={data.consultation} can={data.can} />;
  return <TechnicalSession session={data.session as TechnicalView} can={data.can} viewerId={data.viewerId} compose={data.compose!} />;
}

function NoTable({ consultation, can }: { consultation: { id: string; title: string }; can: Can }) {
  const t = useT();
  return (
    <div className="technical-page">
      <header className="page-head">
        <p className="muted">
          <Link to={`/admin/c/${consultation.id}`}>{consultation.title}</Link>
        </p>
        <h1>{t("technical_page.title")}</h1>
      </header>
      <p className="empty" data-testid="no-table">
        {t("technical_page.no_table")}
      </p>
      {can.contact ? (
        <section className="panel" aria-labelledby="create-h">
          <h2 id="create-h">{t("technical_page.create")}</h2>
          <p className="hint">{t("technical_page.no_table_contact")}</p>
          <CommandForm intent="technical_create" hidden={{ consultationId: consultation.id }} submitLabel={t("technical_page.create")}>
            {(res) => <Field name="name" label={t("technical_page.name")} intent="technical_create" result={res} optional />}
          </CommandForm>
        </section>
      ) : null}
      <p>
        <Link to={`/admin/c/${consultation.id}`}>{t("roundtable.back_dashboard")}</Link>
      </p>
    </div>
  );
}

type Compose = { maxMilestones: number; templates: Record<string, MergeSource["template"]> };

function TechnicalSession({ session, can, viewerId, compose }: { session: TechnicalView; can: Can; viewerId: string; compose: Compose }) {
  const t = useT();
  const table = session.table!;
  const consultationId = session.consultation.id;
  const { status, people: connected, feed } = useLiveRoundtable(table.id);
  const live = useLiveVotes(consultationId);
  const votes = session.votes.map((v) => withLiveTally(v, live));
  const openVotes = votes.filter((v) => v.status === "open");
  const closedVotes = votes.filter((v) => v.status === "closed");
  const openSession = session.sessions.find((s) => s.status === "open");
  const people = [...session.members.map((m) => ({ ...m, role: "member" as const })), ...session.observers.map((o) => ({ ...o, role: "observer" as const }))];
  const sheet = (proposalId: string) => `/admin/c/${consultationId}/proposals/${proposalId}`;

  // Merging at the technical table: members and the point of contact select active proposals of one theme.
  const [selected, setSelected] = useState<string[]>([]);
  const [composing, setComposing] = useState(false);
  const [mergedInto, setMergedInto] = useState<string | null>(null);
  // The sources' texts as the composer opened (once merged they leave the active list, the composer still needs them).
  const [opened, setOpened] = useState<Compose["templates"]>({});
  const canMergeNow = can.review && Boolean(openSession);
  useEffect(() => {
    if (composing) return;
    setSelected((ids) => ids.filter((id) => session.proposals.find((p) => p.id === id)?.state === "active"));
  }, [session.proposals, composing]);
  const selectedTheme = session.proposals.find((p) => p.id === selected[0])?.themeId ?? null;
  const toggle = (id: string) => setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  const sources: MergeSource[] = selected.flatMap((id) => {
    const p = session.proposals.find((x) => x.id === id);
    const template = compose.templates[id] ?? opened[id];
    return p && template
      ? [{ id: p.id, title: p.title, state: p.state, version: p.version, template, proponent: { acronym: p.proponentAcronym, organizationId: null } }]
      : [];
  });
  // Organizations present at the open session: those of the people recorded present.
  const presentOrgs = [
    ...new Set(
      (openSession?.present ?? [])
        .map((person) => session.organizations.find((o) => o.acronym === person.acronym)?.id)
        .filter((id): id is string => Boolean(id)),
    ),
  ];
  const merged = mergedInto ? session.proposals.find((p) => p.id === mergedInto) : null;

  const voteStaff = (vote: (typeof votes)[number]) => {
    const proposal = session.proposals.find((p) => p.id === vote.proposalId);
    const recusal = proposal?.recusals.find((r) => r.userId === viewerId);
    const present = session.sessions.find((s) => s.id === vote.roundId)?.viewerPresent ?? false;
    let cannotReason: string | null = null;
    if (!can.member) cannotReason = can.observer ? t("technical.error.observer") : null;
    else if (recusal) cannotReason = t("technical_page.you_recused");
    else if (!present) cannotReason = t("technical.error.absent");
    return { canAnswer: can.member && !recusal && present, cannotReason, canClose: can.run };
  };

  return (
    <div className="technical-page">
      <header className="page-head">
        <p className="muted">
          <Link to={`/admin/c/${consultationId}`}>{session.consultation.title}</Link>
        </p>
        <h1>{table.name || t("technical_page.title")}</h1>
        <LiveBadge status={status} />
        <p data-testid="chair">
          {table.chair
            ? t("technical_page.chair", { name: table.chair.acronym ? `${table.chair.name} (${table.chair.acronym})` : table.chair.name })
            : t("technical_page.chair_none")}
        </p>
        <TableFigures session={session} />
        <p>
          <Link to={`/c/${session.consultation.slug}/mesa-tecnica`}>{t("technical_page.public_link")}</Link>
        </p>
      </header>

      <div className="grid tech-people">
        <PresenceList people={connected} />
        <PeopleList members={session.members} observers={session.observers} />
      </div>

      <section className="panel votes-open" aria-labelledby="votes-open-h">
        <h2 id="votes-open-h">{t("technical_page.votes_open")}</h2>
        {openVotes.length === 0 ? <p className="empty">{t("technical_page.votes_open_none")}</p> : null}
        <div className="vote-grid" data-testid="open-votes">
          {openVotes.map((v) => (
            <VoteCard key={v.id} vote={v} staff={voteStaff(v)} sheetHref={sheet(v.proposalId)} />
          ))}
        </div>
      </section>

      <SessionsPanel roundtableId={table.id} sessions={session.sessions} people={people} can={can} viewerId={viewerId} />

      <section aria-labelledby="tech-proposals-h" className="tech-proposals">
        <h2 id="tech-proposals-h">{t("technical_page.proposals")}</h2>
        {can.run && !openSession ? <p className="hint">{t("technical_page.no_open_session")}</p> : null}
        {merged ? (
          <p className="form-ok" role="status" data-testid="merge-done">
            {t("merge.done", { title: merged.title })}
          </p>
        ) : null}
        {canMergeNow && selected.length > 0 && !composing ? (
          <div className="selection-bar row" data-testid="selection-bar">
            <span>{t("roundtable.selected", { count: selected.length })}</span>
            <button
              type="button"
              className="primary"
              disabled={selected.length < 2}
              onClick={() => {
                setOpened(Object.fromEntries(selected.map((id) => [id, compose.templates[id]])));
                setComposing(true);
              }}
            >
              {t("roundtable.merge_selected")}
            </button>
            <button type="button" className="secondary" onClick={() => setSelected([])}>
              {t("roundtable.clear_selection")}
            </button>
          </div>
        ) : null}
        {composing && sources.length >= 2 ? (
          <MergeComposer
            sources={sources}
            organizations={session.organizations}
            present={presentOrgs}
            maxMilestones={compose.maxMilestones}
            roundtableId={table.id}
            onCancel={() => setComposing(false)}
            onDone={(id) => {
              setComposing(false);
              setSelected([]);
              setMergedInto(id);
            }}
          />
        ) : null}
        {session.proposals.length === 0 ? (
          <p className="empty" data-testid="proposals-none">
            {t("technical_page.proposals_none")}
          </p>
        ) : null}
        {session.themes.map((theme) => {
          const list = session.proposals.filter((p) => p.themeId === theme.id);
          if (list.length === 0) return null;
          return (
            <section key={theme.id} className="theme-group" aria-labelledby={`theme-${theme.id}-h`}>
              <h3 id={`theme-${theme.id}-h`} className="theme-heading">
                {theme.name} <span className="muted small">· {t("technical_page.proposals_count", { count: list.length })}</span>
              </h3>
              <div className="proposal-grid" data-testid="tech-proposals">
                {list.map((p) => (
                  <ProposalReviewCard
                    key={p.id}
                    proposal={p}
                    can={can}
                    viewerId={viewerId}
                    institutions={session.institutions}
                    sessionOpen={Boolean(openSession)}
                    voteOpen={openVotes.some((v) => v.proposalId === p.id)}
                    sheetHref={sheet(p.id)}
                    refineHref={
                      can.review && openSession && !openVotes.some((v) => v.proposalId === p.id) ? `/admin/c/${consultationId}/proposals/${p.id}/refine` : null
                    }
                    selectable={
                      canMergeNow && p.state === "active" && !composing && (!selectedTheme || selectedTheme === p.themeId) && Boolean(compose.templates[p.id])
                    }
                    selected={selected.includes(p.id)}
                    onToggle={toggle}
                  />
                ))}
              </div>
            </section>
          );
        })}
      </section>

      <ClosedVotes votes={closedVotes} sheet={sheet} />

      {session.operations.length ? <OperationsLog operations={session.operations} organizations={session.organizations} canUndo={can.review} /> : null}
      <LiveFeed feed={feed} />
      <p>
        <Link to={`/admin/c/${consultationId}`}>{t("roundtable.back_dashboard")}</Link>
      </p>
    </div>
  );
}
