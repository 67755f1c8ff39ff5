// Opinions per day as an SVG column chart (server-rendered; each column names its day and count on hover).
import type { Tally } from "../../domain/opinion-stats";
import { maxCount } from "../../domain/opinion-stats";

export function DayChart({ title, days }: { title: string; days: readonly Tally[] }) {
  const max = maxCount(days);
  const width = Math.max(days.length * 12, 120);
  const height = 100;
  const total = days.reduce((s, d) => s + d.count, 0);
  return (
    <figure className="day-chart" data-testid="chart-day">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height + 14}`} role="img" aria-label={`${title}: ${total}`} preserveAspectRatio="none">
        {days.map((d, i) => {
          const h = (d.count / max) * height;
          return (
            <rect key={d.key} x={i * 12 + 1} y={height - h} width={10} height={h} className="col">
              <title>{`${d.key}: ${d.count}`}</title>
            </rect>
          );
        })}
        <line x1="0" x2={width} y1={height} y2={height} className="axis" />
        {days.length > 0 ? <text x="0" y={height + 12} className="tick">{days[0].key}</text> : null}
        {days.length > 1 ? <text x={width} y={height + 12} className="tick" textAnchor="end">{days[days.length - 1].key}</text> : null}
      </svg>
    </figure>
  );
}
