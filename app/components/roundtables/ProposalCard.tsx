// One proposal at the table: who proposed it, its state, objective and milestones, where it came from and where
// it went; the proponent's own actions (edit, register a draft, withdraw) and a checkbox to select it for a merge.
import { Link } from "@remix-run/react";
import { useFormatDate, useT } from "../../i18n/react";
import { CommandButton, CommandForm } from "../admin/CommandForm";
import { Field } from "../forms";
import type { SessionProposal } from "./types";

interface Props {
  proposal: SessionProposal;
  consultationId: string;
  selectable: boolean;
  selected: boolean;
  onToggle: (id: string) => void;
  own: boolean;
  /** Members and the point of contact edit the table's own (unified) proposals. */
  canEditTableOwned: boolean;
  roundOpen: boolean;
}

export function ProposalCard({ proposal: p, consultationId, selectable, selected, onToggle, own, canEditTableOwned, roundOpen }: Props) {
  const t = useT();
  const date = useFormatDate();
  const tableOwned = !p.proponent.userId && !p.proponent.organizationId;
  const who = p.proponent.acronym ? `${p.proponent.acronym}${p.proponent.name ? ` — ${p.proponent.name}` : ""}` : p.proponent.name;
  const editable = (p.state === "draft" || p.state === "active") && (own || (tableOwned && canEditTableOwned));
  const fromSplit = p.sources.length === 1;
  return (
    <article
      className={`proposal-card state-${p.state}${selected ? " selected" : ""}`}
      data-testid="proposal"
      data-proposal-id={p.id}
      data-state={p.state}
      aria-labelledby={`p-${p.id}-h`}
    >
      <header className="row spread">
        <div className="row">
          {selectable ? (
            <input
              type="checkbox"
              className="select"
              checked={selected}
              onChange={() => onToggle(p.id)}
              aria-label={t("roundtable.select", { title: p.title })}
            />
          ) : null}
          <h3 id={`p-${p.id}-h`}>{p.title}</h3>
        </div>
        <span className={`badge badge-${p.state}`} data-testid="proposal-state">
          {t(`proposal.state.${p.state}` as "proposal.state.active")}
        </span>
      </header>
      <p className="muted">
        {tableOwned ? t("proposal.by_table") : t("proposal.by", { who: who ?? "—" })} · {t("proposal.version", { version: p.version })} · {date(p.updatedAt)}
      </p>
      {p.template.objective ? <p className="prose">{p.template.objective}</p> : null}
      {p.template.milestones.length ? (
        <details>
          <summary>{t("proposal.milestones_count", { count: p.template.milestones.length })}</summary>
          <ol className="list compact">
            {p.template.milestones.map((m, i) => (
              <li key={i}>
                {m.description} — <em>{m.responsibleInstitution}</em> ({m.isNew ? t("proposal.field.milestone_new") : t("proposal.field.milestone_ongoing")},{" "}
                {date(m.startsOn)} – {date(m.endsOn)})
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {p.sources.length ? (
        <p className="lineage-line" data-testid="proposal-sources">
          {fromSplit ? t("proposal.comes_from_split") : t("proposal.unifies")} {p.sources.map((s) => `«${s.title}»`).join(", ")}
        </p>
      ) : null}
      {p.successors.length ? (
        <p className="lineage-line" data-testid="proposal-successors">
          {p.state === "split" ? t("proposal.split_into") : t("proposal.merged_into")} {p.successors.map((s) => `«${s.title}»`).join(", ")}
        </p>
      ) : null}
      {p.state === "withdrawn" && p.stateReason ? <p className="muted">{t("proposal.withdrawn_because", { reason: p.stateReason })}</p> : null}
      {p.state === "undone" ? <p className="muted">{t("proposal.undone_note")}</p> : null}
      {p.respondsTo.summaryIds.length + p.respondsTo.inputIds.length > 0 ? (
        <p className="muted">{t("proposal.responds_count", { count: p.respondsTo.summaryIds.length + p.respondsTo.inputIds.length })}</p>
      ) : null}
      <div className="row actions">
        <Link to={`/admin/c/${consultationId}/proposals/${p.id}`}>{t("proposal.lineage_link")}</Link>
        {editable && (p.state === "draft" || roundOpen || own) ? (
          <Link to={`/admin/c/${consultationId}/proposals/${p.id}/edit`}>{t("common.edit")}</Link>
        ) : null}
        {own && p.state === "draft" ? (
          <CommandButton intent="submit" hidden={{ proposalId: p.id }} label={t("proposal.submit_draft")} className="secondary" />
        ) : null}
      </div>
      {own && (p.state === "draft" || p.state === "active") ? (
        <details>
          <summary>{t("proposal.withdraw")}</summary>
          <CommandForm intent="withdraw" hidden={{ proposalId: p.id }} submitLabel={t("proposal.withdraw")}>
            {(r) => (
              <Field name="reason" label={t("proposal.withdraw_reason")} intent="withdraw" result={r} id={`withdraw-${p.id}-reason`} required multiline />
            )}
          </CommandForm>
        </details>
      ) : null}
    </article>
  );
}
