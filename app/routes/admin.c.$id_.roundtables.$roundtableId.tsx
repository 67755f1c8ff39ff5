// The live session of a thematic roundtable: citizen input first, then the theme's proposals, who proposed each,
// and every change as it happens; members select proposals and merge them; who is connected is shown.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { LiveBadge } from "../components/LiveBadge";
import { FunnelStrip } from "../components/roundtables/FunnelStrip";
import { LiveFeed } from "../components/roundtables/LiveFeed";
import { MergeComposer } from "../components/roundtables/MergeComposer";
import { OperationsLog } from "../components/roundtables/OperationsLog";
import { PresenceList } from "../components/roundtables/PresenceList";
import { ProposalCard } from "../components/roundtables/ProposalCard";
import { RoundsSection } from "../components/roundtables/RoundsSection";
import { useT } from "../i18n/react";
import { roundtableSession } from "../lib/queries.server";
import { requireRoundtableStaff } from "../lib/roundtable-access.server";
import { handleRoundtableForm } from "../lib/roundtable-form.server";
import { useLiveRoundtable } from "../live/useLiveRoundtable";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.session.roundtable.themeName} · Cocrea` : "Cocrea" }];

const INTENTS: Record<string, string> = {
  round_schedule: "round.schedule",
  round_update: "round.update",
  round_open: "round.open",
  round_close: "round.close",
  round_attendance: "round.attendance",
  merge: "proposal.merge",
  undo: "proposal.undo",
  submit: "proposal.submit",
  withdraw: "proposal.withdraw",
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const access = await requireRoundtableStaff(context, request, params.id!);
  const session = await roundtableSession(context.db, params.roundtableId!, access.viewer);
  if (!session || session.roundtable.consultationId !== params.id) throw new Response("Not found", { status: 404 });
  return json({ session, can: access.can, viewer: access.viewer });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await requireRoundtableStaff(context, request, params.id!);
  return handleRoundtableForm(request, context, INTENTS);
}

export default function RoundtableSession() {
  const t = useT();
  const { session, can, viewer } = useLoaderData<typeof loader>();
  const { status, people, feed } = useLiveRoundtable(session.roundtable.id);
  const [selected, setSelected] = useState<string[]>([]);
  const [composing, setComposing] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [mergedInto, setMergedInto] = useState<string | null>(null);
  const { roundtable, proposals } = session;
  const consultationId = roundtable.consultationId;
  const openRound = session.rounds.find((r) => r.status === "open");
  const canMergeNow = can.merge && Boolean(openRound);
  const own = (p: (typeof proposals)[number]) =>
    Boolean(p.proponent.userId === viewer.userId || (p.proponent.organizationId && p.proponent.organizationId === viewer.organizationId));

  // Someone else merged or withdrew a selected proposal: drop it from the selection (the composer keeps its copy).
  useEffect(() => {
    if (composing) return;
    setSelected((ids) => ids.filter((id) => proposals.find((p) => p.id === id)?.state === "active"));
  }, [proposals, composing]);

  const visible = showAll ? proposals : proposals.filter((p) => p.state === "active" || p.state === "draft" || p.state === "adopted");
  const sources = selected.map((id) => proposals.find((p) => p.id === id)).filter((p): p is (typeof proposals)[number] => Boolean(p));
  const merged = mergedInto ? proposals.find((p) => p.id === mergedInto) : null;
  const toggle = (id: string) => setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <div className="roundtable-session">
      <header className="page-head">
        <p className="muted">
          <Link to={`/admin/c/${consultationId}`}>{roundtable.consultationTitle}</Link>
        </p>
        <h1>{roundtable.name || t("roundtable.title", { theme: roundtable.themeName })}</h1>
        <LiveBadge status={status} />
        {can.register && (openRound || session.rounds.some((r) => r.status === "pending")) ? (
          <p>
            <Link className="button" to={`/admin/c/${consultationId}/roundtables/${roundtable.id}/new`}>
              {t("proposal.new")}
            </Link>
          </p>
        ) : null}
      </header>

      <div className="grid">
        <PresenceList people={people} />
        <FunnelStrip counts={session.counts} />
      </div>

      <section className="panel citizen-first" aria-labelledby="citizen-h">
        <h2 id="citizen-h">{t("roundtable.citizen_first")}</h2>
        {session.summaries.length === 0 ? <p className="empty">{t("proposal.none_summaries")}</p> : null}
        <ul className="cards" data-testid="summaries">
          {session.summaries.map((s) => (
            <li key={s.id} className="card">
              <strong>{s.title}</strong> <span className="muted">· {t("roundtable.summary_inputs", { count: s.inputs })}</span>
              <p className="prose">{s.text}</p>
            </li>
          ))}
        </ul>
      </section>

      <RoundsSection
        roundtableId={roundtable.id}
        rounds={session.rounds}
        organizations={session.organizations}
        canManage={can.manage}
        canRecordAttendance={can.merge}
      />

      <section aria-labelledby="proposals-h" className="proposals">
        <div className="row spread">
          <h2 id="proposals-h">{t("roundtable.proposals")}</h2>
          <label className="check">
            <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> {t("roundtable.show_all")}
          </label>
        </div>
        {can.merge && !openRound ? <p className="hint">{t("roundtable.no_open_round")}</p> : null}
        {merged ? (
          <p className="form-ok" role="status" data-testid="merge-done">
            {t("merge.done", { title: merged.title })}
          </p>
        ) : null}
        {canMergeNow && selected.length > 0 && !composing ? (
          <div className="selection-bar row" data-testid="selection-bar">
            <span>{t("roundtable.selected", { count: selected.length })}</span>
            <button type="button" className="primary" disabled={selected.length < 2} onClick={() => setComposing(true)}>
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
            present={openRound?.present ?? []}
            maxMilestones={roundtable.maxMilestones}
            onCancel={() => setComposing(false)}
            onDone={(id) => {
              setComposing(false);
              setSelected([]);
              setMergedInto(id);
            }}
          />
        ) : null}
        {visible.length === 0 ? <p className="empty">{t("roundtable.proposals_empty")}</p> : null}
        <div className="proposal-grid" data-testid="proposals">
          {visible.map((p) => (
            <ProposalCard
              key={p.id}
              proposal={p}
              consultationId={consultationId}
              selectable={canMergeNow && p.state === "active" && !composing}
              selected={selected.includes(p.id)}
              onToggle={toggle}
              own={own(p)}
              canEditTableOwned={can.merge}
              roundOpen={Boolean(openRound)}
            />
          ))}
        </div>
      </section>

      <OperationsLog operations={session.operations} organizations={session.organizations} canUndo={can.merge} />
      <LiveFeed feed={feed} />
      <p>
        <Link to={`/admin/c/${consultationId}`}>{t("roundtable.back_dashboard")}</Link>
      </p>
    </div>
  );
}
