// Percentiles and formatting for the benchmark report.

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarize(samples: number[]): Summary {
  const s = Float64Array.from(samples).sort();
  return { n: s.length, p50: percentile([...s], 50), p99: percentile([...s], 99), max: s.length ? s[s.length - 1] : Number.NaN };
}

export const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : "–");
export const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
export const triple = (s: Summary) => `${ms(s.p50)} / ${ms(s.p99)} / ${ms(s.max)}`;
