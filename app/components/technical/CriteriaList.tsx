// The three adoption criteria of a proposal: met, not met or pending, with who recorded each, when, and the note.
import { useFormatDate, useT } from "../../i18n/react";
import type { TechnicalProposal } from "./types";

export function CriteriaList({ criteria }: { criteria: TechnicalProposal["criteria"] }) {
  const t = useT();
  const date = useFormatDate();
  return (
    <ul className="criteria-list" data-testid="criteria" aria-label={t("technical_page.criteria")}>
      {criteria.map((c) => (
        <li key={c.criterion} className={`criterion crit-${c.status}`} data-criterion={c.criterion} data-status={c.status}>
          <span className="crit-mark" aria-hidden="true">
            {c.status === "met" ? "✓" : c.status === "not_met" ? "✗" : "…"}
          </span>{" "}
          <strong>{t(`technical_page.criterion.${c.criterion}`)}</strong>
          {": "}
          <span className="crit-status">{t(`technical_page.criterion_status.${c.status}`)}</span>
          {c.organization ? <span className="muted"> ({c.organization})</span> : null}
          {c.recordedAt ? <div className="muted small">{t("technical_page.criterion_by", { name: c.recordedBy ?? "—", date: date(c.recordedAt) })}</div> : null}
          {c.note ? <div className="crit-note">{c.note}</div> : null}
        </li>
      ))}
    </ul>
  );
}

/** Members recused from voting on a proposal (public: conflicts of interest are declared openly). */
export function RecusalList({
  recusals,
  heading: Heading = "h4",
}: {
  recusals: Array<Omit<TechnicalProposal["recusals"][number], "userId">>;
  heading?: "h4" | "h5";
}) {
  const t = useT();
  if (!recusals.length) return null;
  return (
    <div className="recusals" data-testid="recusals">
      <Heading className="small-heading">{t("technical_page.recusals")}</Heading>
      <ul className="list compact">
        {recusals.map((r, i) => (
          <li key={i}>{t("technical_page.recusal", { name: r.acronym ? `${r.name} (${r.acronym})` : r.name, reason: r.reason })}</li>
        ))}
      </ul>
    </div>
  );
}
