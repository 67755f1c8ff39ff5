// Horizontal bars drawn with CSS widths: readable without JavaScript, as a table for screen readers.
import type { Tally } from "../../domain/opinion-stats";
import { maxCount } from "../../domain/opinion-stats";
import { useFormatNumber, useFormatPercent } from "../../i18n/react";

export function BarChart({
  title,
  tallies,
  label,
  testId,
  hideEmpty,
}: {
  title: string;
  tallies: readonly Tally[];
  label: (key: string | null) => string;
  testId: string;
  hideEmpty?: boolean;
}) {
  const percent = useFormatPercent();
  const number = useFormatNumber();
  const max = maxCount(tallies);
  const rows = hideEmpty ? tallies.filter((t) => t.count > 0) : tallies;
  return (
    <table className="bars" data-testid={testId}>
      <caption>{title}</caption>
      <tbody>
        {rows.map((t) => (
          <tr key={t.key ?? "—"} data-key={t.key ?? ""}>
            <th scope="row">{label(t.key)}</th>
            <td className="bar-cell">
              <span className="bar" style={{ width: `${(t.count / max) * 100}%` }} />
            </td>
            <td className="num" data-testid={`${testId}-count`}>
              {number(t.count)} <span className="muted">({percent(t.share)})</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
