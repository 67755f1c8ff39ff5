// A consensus vote's count: the four answers and how many of the eligible members answered (counts only).
import { ANSWERS } from "../../domain/consensus/outcome";
import { useT } from "../../i18n/react";
import type { VoteTallyCounts } from "../../live/vote-events";

export function Tally({ tally }: { tally: VoteTallyCounts }) {
  const t = useT();
  return (
    <div className="tally" data-testid="tally">
      <dl className="tally-counts">
        {ANSWERS.map((a) => (
          <div key={a} className={`tally-${a}`}>
            <dt>{t(`technical_page.answer.${a}`)}</dt>
            <dd data-testid={`tally-${a}`}>{tally[a]}</dd>
          </div>
        ))}
      </dl>
      <p className="muted" data-testid="tally-answered">
        {t("technical_page.answered", { answered: tally.answered, eligible: tally.eligible })}
      </p>
    </div>
  );
}

/** The outcome of a closed vote in words ("Adoptada por consentimiento", "No adoptada: bloqueada"…). */
export function outcomeText(t: ReturnType<typeof useT>, outcome: string | null, grade: string | null): string {
  const g = grade ? t(`technical.grade.${grade}` as "technical.grade.consent") : "";
  switch (outcome) {
    case "adopted":
      return t("technical_page.outcome.adopted", { grade: g });
    case "rejected":
      return t("technical_page.outcome.rejected", { grade: g });
    case "second_round":
      return t("technical_page.outcome.second_round");
    case "no_quorum":
      return t("technical_page.outcome.no_quorum");
    default:
      return "";
  }
}
