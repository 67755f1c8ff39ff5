// Percentiles and a one-line report shared by every benchmark scenario.
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN };
}

export function report(label: string, value: number, unit: string, baseline: number, baselineLabel: string) {
  const ratio = value / baseline;
  console.log(`${label}: ${value.toFixed(2)} ${unit} | baseline (${baselineLabel}): ${baseline.toFixed(2)} ${unit} | ratio ${ratio.toFixed(2)}x`);
}
