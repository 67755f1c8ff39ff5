// The theme's counts, derived from the records: what entered each stage, and what sits at the table now.
import { useT } from "../../i18n/react";
import type { StageCounts } from "./types";

export function FunnelStrip({ counts }: { counts: StageCounts }) {
  const t = useT();
  const now = Object.values(counts).reduce((sum, c) => sum + c.now, 0);
  return (
    <section className="funnel-strip" aria-labelledby="counts-h">
      <h2 id="counts-h">{t("roundtable.counts")}</h2>
      <dl className="figures">
        <div>
          <dt>{t("funnel.proposed")}</dt>
          <dd data-testid="count-proposed">{counts.proposed.entered}</dd>
        </div>
        <div>
          <dt>{t("funnel.unified")}</dt>
          <dd data-testid="count-unified">{counts.unified.entered}</dd>
        </div>
        <div className="now">
          <dt>{t("funnel.now")}</dt>
          <dd data-testid="count-now">{now}</dd>
        </div>
      </dl>
    </section>
  );
}
