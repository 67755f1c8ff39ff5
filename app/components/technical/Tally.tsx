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
