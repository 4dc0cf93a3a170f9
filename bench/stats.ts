/** Median and 95th percentile (nearest rank) of a list of timings. */
export type Summary = { median: number; p95: number; count: number };

/** Summarises timings in milliseconds; throws on an empty list, since nothing was measured. */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error("no samples were collected");
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p95: nearestRank(sorted, 0.95), count: sorted.length };
}

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function nearestRank(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
