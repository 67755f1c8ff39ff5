// The SMART checklist beside the template: a help for the proponent and the table, not a gate.
import { SMART_CRITERIA, type SmartCriterion } from "../../domain/proposal-template";
import { useT } from "../../i18n/react";

export function SmartChecklist({ checks }: { checks: Record<SmartCriterion, boolean> }) {
  const t = useT();
  return (
    <aside className="smart" aria-labelledby="smart-h">
      <h3 id="smart-h">{t("proposal.smart.title")}</h3>
      <p className="hint">{t("proposal.smart.hint")}</p>
      <ul className="checklist" data-testid="smart-checklist">
        {SMART_CRITERIA.map((c) => (
          <li key={c} className={checks[c] ? "met" : "unmet"} data-met={checks[c] ? "true" : "false"}>
            <span aria-hidden="true">{checks[c] ? "✓" : "○"}</span> {t(`proposal.smart.${c}`)}
          </li>
        ))}
      </ul>
    </aside>
  );
}
