// Opinions per day as an SVG column chart (server-rendered; each column names its day and count on hover).
import type { Tally } from "../../domain/opinion-stats";
import { maxCount } from "../../domain/opinion-stats";

const WIDTH = 320;
const HEIGHT = 100;

export function DayChart({ title, days }: { title: string; days: readonly Tally[] }) {
  const max = maxCount(days);
  const step = WIDTH / Math.max(days.length, 1);
  const bar = Math.min(24, step * 0.8);
  const total = days.reduce((s, d) => s + d.count, 0);
  return (
    <figure className="day-chart" data-testid="chart-day">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 14}`} role="img" aria-label={`${title}: ${total}`}>
        {days.map((d, i) => {
          const h = (d.count / max) * HEIGHT;
          return (
            <rect key={d.key} x={i * step + (step - bar) / 2} y={HEIGHT - h} width={bar} height={h} className="col">
              <title>{`${d.key}: ${d.count}`}</title>
            </rect>
          );
        })}
        <line x1="0" x2={WIDTH} y1={HEIGHT} y2={HEIGHT} className="axis" />
        {days.length > 0 ? (
          <text x="0" y={HEIGHT + 11} className="tick">
            {days[0].key}
          </text>
        ) : null}
        {days.length > 1 ? (
          <text x={WIDTH} y={HEIGHT + 11} className="tick" textAnchor="end">
            {days[days.length - 1].key}
          </text>
        ) : null}
      </svg>
    </figure>
  );
}
