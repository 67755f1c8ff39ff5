// Lineage as a tree reaching back from a proposal to every proposal, summary and citizen input behind it, and
// forward to what stands for it today.
import { Link } from "@remix-run/react";
import { commitmentPlace } from "../../domain/fate";
import { ancestorIds, fateOf, producingOperation } from "../../domain/proposals/lineage";
import { useT } from "../../i18n/react";
import type { LineageView } from "./types";
import { channelLabel } from "../input-labels";
import { CommitmentLinks, CommitmentPlaceText } from "../fate/CommitmentPlace";
import { proposalHref } from "../fate/FateSteps";

function Behind({ id, lineage, seen }: { id: string; lineage: LineageView; seen: Set<string> }) {
  const t = useT();
  const p = lineage.proposals[id];
  if (!p) return null;
  const op = producingOperation(lineage.graph, id);
  const responses = lineage.responses.filter((r) => r.proposalId === id);
  // A proposal reached twice (split, then merged back) is shown once.
  const first = !seen.has(id);
  seen.add(id);
  return (
    <li data-lineage-id={id}>
      <strong>{p.title}</strong> <span className={`badge badge-${p.state}`}>{t(`proposal.state.${p.state}` as "proposal.state.active")}</span>
      {p.organization ? <span className="muted"> ({p.organization})</span> : null}
      {!op ? <span className="muted"> · {t("lineage.original")}</span> : null}
      {first && (op || responses.length) ? (
        <ul>
          {op ? op.sourceIds.map((s) => <Behind key={s} id={s} lineage={lineage} seen={seen} />) : null}
          {responses.map((r) => {
            if (r.summaryId) {
              const s = lineage.summaries[r.summaryId];
              return s ? (
                <li key={`s-${r.summaryId}`} className="lineage-summary">
                  {t("lineage.summary", { title: s.title })}
                  <ul>
                    {s.inputIds.map((i) => (
                      <Input key={i} id={i} lineage={lineage} />
                    ))}
                  </ul>
                </li>
              ) : null;
            }
            return r.inputId ? <Input key={`i-${r.inputId}`} id={r.inputId} lineage={lineage} /> : null;
          })}
        </ul>
      ) : null}
    </li>
  );
}

function Input({ id, lineage }: { id: string; lineage: LineageView }) {
  const t = useT();
  const input = lineage.inputs[id];
  if (!input) return null;
  return (
    <li className="lineage-input" data-input-id={id}>
      <q>{input.text ?? t("lineage.input_hidden")}</q>{" "}
      <span className="muted">— {[input.department, channelLabel(t, input.channel)].filter(Boolean).join(", ")}</span>
    </li>
  );
}

export function LineageTree({ lineage }: { lineage: LineageView }) {
  const t = useT();
  const id = lineage.proposalId;
  const fate = fateOf(lineage.graph, id);
  const behindProposals = ancestorIds(lineage.graph, id).length;
  const producing = producingOperation(lineage.graph, id);
  return (
    <section className="panel lineage" aria-labelledby="lineage-h" data-testid="lineage">
      <h2 id="lineage-h">{t("lineage.title")}</h2>
      <h3>{t("lineage.fate")}</h3>
      {fate.kind === "adopted" ? (
        <div data-testid="fate">
          {fate.ids.map((a) => {
            const place = commitmentPlace(a, lineage.plan);
            if (a === id)
              return (
                <p key={a}>
                  <CommitmentPlaceText place={place} slug={lineage.consultationSlug} proposalId={a} />
                </p>
              );
            // A successor was adopted: this proposal lives on in it.
            const [before, after = ""] = t(`fate.commitment.${place.in}`, { link: "\u0000", number: place.in === "plan" ? place.number : "" }).split("\u0000");
            return (
              <p key={a}>
                {before}
                <Link to={proposalHref(lineage.consultationSlug, a)}>{`«${lineage.proposals[a]?.title ?? a}»`}</Link>
                {after} <CommitmentLinks place={place} slug={lineage.consultationSlug} proposalId={a} />
              </p>
            );
          })}
          {fate.current.length ? <p>{`${t("lineage.fate_current")} ${fate.current.map((f) => `«${lineage.proposals[f]?.title ?? f}»`).join(", ")}`}</p> : null}
        </div>
      ) : fate.kind === "current" ? (
        fate.ids.length === 1 && fate.ids[0] === id ? (
          <p data-testid="fate">{t("lineage.fate_current_self")}</p>
        ) : (
          <p data-testid="fate">{`${t("lineage.fate_current")} ${fate.ids.map((f) => `«${lineage.proposals[f]?.title ?? f}»`).join(", ")}`}</p>
        )
      ) : (
        <p data-testid="fate">{`${t("lineage.fate_ended")} ${fate.endings.map((e) => `«${lineage.proposals[e.id]?.title ?? e.id}» (${t(`proposal.state.${e.state}` as "proposal.state.active")})`).join(", ")}`}</p>
      )}
      <h3>{t("lineage.behind")}</h3>
      <p className="muted" data-testid="lineage-count">
        {t("lineage.behind_count", {
          proposals: t("lineage.count_proposals", { count: behindProposals }),
          summaries: t("lineage.count_summaries", { count: Object.keys(lineage.summaries).length }),
          inputs: t("lineage.count_inputs", { count: Object.keys(lineage.inputs).length }),
        })}
      </p>
      {!producing && lineage.responses.filter((r) => r.proposalId === id).length === 0 ? <p className="empty">{t("lineage.none")}</p> : null}
      <ul className="lineage-tree">
        <Behind id={id} lineage={lineage} seen={new Set()} />
      </ul>
    </section>
  );
}
