// Who came to a forum, by sector, gender, age range and department (each adds up to the total).
import { NOT_SAID, type AttendanceTotals } from "../../domain/attendance";
import type { MessageKey } from "../../i18n";
import { useT } from "../../i18n/react";

/** Label of a breakdown key: sector, gender or age range, or "not said". */
export function useBreakdownLabel() {
  const t = useT();
  return (kind: "sector" | "gender" | "age" | "department", key: string) => {
    if (key === NOT_SAID) return t("attendance.not_said");
    if (kind === "sector") return t(`sector.${key}` as MessageKey);
    if (kind === "gender") return t(`attendance.gender.${key}` as MessageKey);
    if (kind === "age") return t(`attendance.age.${key}` as MessageKey);
    return key;
  };
}

export function Breakdown({ totals }: { totals: AttendanceTotals }) {
  const t = useT();
  const label = useBreakdownLabel();
  const block = (title: string, kind: "sector" | "gender" | "age" | "department", data: Record<string, number>) => (
    <div>
      <h3>{title}</h3>
      <ul className="list compact">
        {Object.entries(data)
          .sort((a, b) => b[1] - a[1])
          .map(([k, n]) => (
            <li key={k}>
              {label(kind, k)}: <strong>{n}</strong>
            </li>
          ))}
      </ul>
    </div>
  );
  return (
    <section className="breakdown" aria-labelledby="breakdown-h">
      <h2 id="breakdown-h">
        {t("attendance.breakdown")} <span className="muted">({t("attendance.registered", { count: totals.registered })})</span>
      </h2>
      <div className="breakdown-grid">
        {block(t("attendance.sector"), "sector", totals.bySector)}
        {block(t("attendance.gender"), "gender", totals.byGender)}
        {block(t("attendance.age_range"), "age", totals.byAgeRange)}
        {block(t("attendance.department"), "department", totals.byDepartment)}
      </div>
    </section>
  );
}
