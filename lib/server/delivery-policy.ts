import "server-only";

/** Delays between attempts when DELIVERY_RETRY_DELAYS_MS is unset: 5 attempts over about 10 minutes. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [30_000, 90_000, 180_000, 300_000];

/** Jobs in flight at once when DELIVERY_CONCURRENCY is unset. */
export const DEFAULT_CONCURRENCY = 8;

/** A success is a 2xx within this time (DOMAIN.md §6: GitHub's 10 s). */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** Most bytes of a response body kept with an attempt. */
export const RESPONSE_EXCERPT_BYTES = 4096;

/** Longest wait a receiver's Retry-After can impose on one retry. */
export const MAX_RETRY_AFTER_MS = 15 * 60_000;

/** Parses DELIVERY_RETRY_DELAYS_MS ("30000,90000,…"); anything malformed falls back to the defaults. */
export function parseRetryDelays(raw: string | undefined): number[] {
  if (raw === undefined || raw.trim() === "") return [...DEFAULT_RETRY_DELAYS_MS];
  const parts = raw.split(",").map((p) => p.trim());
  const valid = parts.every((p) => /^\d{1,9}$/.test(p));
  return valid ? parts.map(Number) : [...DEFAULT_RETRY_DELAYS_MS];
}

/** Parses DELIVERY_CONCURRENCY (1-64). */
export function parseConcurrency(raw: string | undefined): number {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n >= 1 && n <= 64 ? n : DEFAULT_CONCURRENCY;
}

/** The delivery settings of this process, from its environment. */
export function deliverySettingsFromEnv(env: Record<string, string | undefined> = process.env) {
  const retryDelaysMs = parseRetryDelays(env.DELIVERY_RETRY_DELAYS_MS);
  return { retryDelaysMs, maxAttempts: retryDelaysMs.length + 1, concurrency: parseConcurrency(env.DELIVERY_CONCURRENCY) };
}
