// A proposal laid out as the OGP commitment template (section III of the published plans).
import type { ProposalTemplate } from "../../domain/schemas/proposal";
import { useFormatDate, useT } from "../../i18n/react";
import { TableScroll } from "../TableScroll";

export function ProposalSheet({ template: p, showContact }: { template: ProposalTemplate; showContact: boolean }) {
  const t = useT();
  const date = useFormatDate();
  const person = [p.responsiblePerson.name, p.responsiblePerson.title, ...(showContact ? [p.responsiblePerson.email, p.responsiblePerson.phone] : [])]
    .filter(Boolean)
    .join(" · ");
  const values = (["transparency", "accountability", "participation", "technology"] as const).filter((v) => p.relevance[v]);
  const rows: Array<[string, string]> = [
    [t("proposal.field.lead_agency"), p.leadAgency],
    [t("proposal.field.responsible_person"), person],
    [t("proposal.field.actors_government"), p.otherActors.government],
    [t("proposal.field.actors_others"), p.otherActors.others],
    [t("proposal.field.problem"), p.problem],
    [t("proposal.field.objective"), p.objective],
    [t("proposal.field.description"), p.description],
    [t("proposal.field.ogp_challenges"), p.ogpChallenges.map((c) => t(`proposal.challenge.${c}`)).join(", ")],
    [t("proposal.field.relevance"), [values.map((v) => t(`proposal.value.${v}`)).join(", "), p.relevance.text].filter(Boolean).join(" — ")],
    [t("proposal.field.ambition"), p.ambition],
  ];
  return (
    <div className="proposal-sheet">
      <dl className="sheet">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="prose">{value || "—"}</dd>
          </div>
        ))}
      </dl>
      <TableScroll label={t("proposal.field.milestones")}>
        <table className="table" data-testid="milestones">
          <thead>
            <tr>
              <th>{t("proposal.field.milestones")}</th>
              <th>{t("proposal.field.milestone_institution")}</th>
              <th>{t("proposal.field.milestone_is_new")}</th>
              <th>{t("proposal.field.starts_on")}</th>
              <th>{t("proposal.field.ends_on")}</th>
            </tr>
          </thead>
          <tbody>
            {p.milestones.map((m, i) => (
              <tr key={i}>
                <td>
                  {i + 1}. {m.description}
                </td>
                <td>{m.responsibleInstitution}</td>
                <td>{m.isNew ? t("proposal.field.milestone_new") : t("proposal.field.milestone_ongoing")}</td>
                <td>{date(m.startsOn)}</td>
                <td>{date(m.endsOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
