// Small parts of the technical roundtable's pages: the table's figures (decision rule, commitments adopted against
// the cap, in the plan) and its members and observers (name, organization, sector — never an e-mail).
import { useT } from "../../i18n/react";
import type { ShownPerson, TechnicalView } from "./types";

export function TableFigures({ session }: { session: Pick<TechnicalView, "settings" | "adopted" | "maxCommitments" | "counts"> }) {
  const t = useT();
  return (
    <ul className="tech-figures" data-testid="table-figures">
      <li>{t("technical_page.rule", { rule: t(`technical_page.rule.${session.settings.rule}` as "technical_page.rule.consent") })}</li>
      <li data-testid="adopted-count">{t("technical_page.adopted_count", { count: session.adopted, max: session.maxCommitments })}</li>
      <li data-testid="in-plan">{t("technical_page.in_plan", { count: session.counts.plan.entered })}</li>
      {session.settings.privateAnswers ? <li>{t("technical_page.private_answers")}</li> : null}
    </ul>
  );
}

export function PeopleList({ members, observers }: { members: ShownPerson[]; observers: ShownPerson[] }) {
  const t = useT();
  // Keyed by position: the public page carries no user ids.
  const line = (p: ShownPerson, i: number) => (
    <li key={i} className="chip">
      {p.name}
      {p.acronym ? <span className="muted"> ({p.acronym})</span> : null}
    </li>
  );
  return (
    <section className="tech-roster" aria-labelledby="roster-h">
      <h2 id="roster-h" className="visually-hidden">
        {t("technical_page.title")}
      </h2>
      <h3>{t("technical_page.members", { count: members.length })}</h3>
      {members.length ? (
        <ul className="chips" data-testid="members">
          {members.map(line)}
        </ul>
      ) : (
        <p className="empty">{t("technical_page.people_none")}</p>
      )}
      <h3>{t("technical_page.observers", { count: observers.length })}</h3>
      {observers.length ? (
        <ul className="chips" data-testid="observers">
          {observers.map(line)}
        </ul>
      ) : (
        <p className="empty">{t("technical_page.people_none")}</p>
      )}
    </section>
  );
}
