import "server-only";
import { MAX_RETRY_AFTER_MS } from "@/lib/server/delivery-policy";
import { maskStoredHeaders, type StoredHeader } from "@/lib/server/delivery-request";
import type { AttemptRow } from "@/lib/server/delivery-sql";
import type { SendResult } from "@/lib/server/http-send";
import type { DeliveryJob } from "@/lib/generated/prisma/client";

/** What happens to a job after one attempt. */
export type Outcome =
  | { state: "delivered" }
  | { state: "pending"; delayMs: number }
  | { state: "failed"; reason: string };

/** The part of a send result the decision needs. */
export type AttemptResult = {
  ok: boolean;
  status: number | null;
  errorCause: string | null;
  responseHeaders: readonly (readonly [string, string])[];
};

/** The outcome of one attempt, as it is written: the attempt row, the job's new state and its events'. */
export type Completion = {
  attempt: AttemptRow;
  /** finishedAt is set when the write is committed, for jobs that reach delivered or failed. */
  job: { id: number; state: string; attempts: number; nextAttemptAt?: Date };
  events: { deviceId: number; eventIds: number[]; state: string } | null;
};

/**
 * Decides after attempt number `attempt` (1-based): delivered on 2xx; failed for good on 410, on a
 * refused or invalid URL, or when attempts are exhausted; otherwise retry after the scheduled delay,
 * or later when a 429/503 asks for it with Retry-After.
 */
export function decideOutcome(
  result: AttemptResult,
  attempt: number,
  maxAttempts: number,
  retryDelaysMs: readonly number[],
  now: number = Date.now(),
): Outcome {
  if (result.ok) return { state: "delivered" };
  if (result.status === 410) return { state: "failed", reason: "410 Gone: the receiver asked to stop; not retried" };
  if (result.errorCause === "blocked" || result.errorCause === "invalid-url") {
    return { state: "failed", reason: "the URL is refused by the outbound guard; not retried" };
  }
  if (attempt >= maxAttempts) return { state: "failed", reason: `all ${maxAttempts} attempts failed` };
  const scheduled = retryDelaysMs[attempt - 1] ?? retryDelaysMs[retryDelaysMs.length - 1] ?? 0;
  const asked = result.status === 429 || result.status === 503 ? retryAfterMs(result.responseHeaders, now) : null;
  return { state: "pending", delayMs: asked === null ? scheduled : Math.max(scheduled, Math.min(asked, MAX_RETRY_AFTER_MS)) };
}

/** Retry-After as milliseconds from now (delta seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(headers: readonly (readonly [string, string])[], now: number = Date.now()): number | null {
  const value = headers.find(([name]) => name.toLowerCase() === "retry-after")?.[1]?.trim();
  if (!value) return null;
  if (/^\d{1,10}$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The rows one attempt writes. */
export function toCompletion(
  job: Pick<DeliveryJob, "id" | "deviceId" | "kind" | "eventIds" | "url" | "method" | "body">,
  attempt: number,
  headers: readonly StoredHeader[],
  result: SendResult,
  outcome: Outcome,
  now: number = Date.now(),
): Completion {
  const finished = outcome.state !== "pending";
  const error = result.error ? result.error.message + (outcome.state === "failed" ? ` (${outcome.reason})` : "") : null;
  return {
    attempt: {
      jobId: job.id,
      deviceId: job.deviceId,
      kind: job.kind,
      eventIds: job.eventIds,
      url: job.url,
      method: job.method,
      attempt,
      result: result.ok ? "success" : "failed",
      statusCode: result.status,
      error,
      errorCause: result.error?.cause ?? null,
      latencyMs: result.latencyMs,
      requestHeaders: JSON.stringify(maskStoredHeaders(headers)),
      requestBody: job.body,
      responseHeaders: JSON.stringify(result.responseHeaders),
      responseExcerpt: result.body,
      createdAt: new Date(now - result.latencyMs),
    },
    job: {
      id: job.id,
      state: outcome.state,
      attempts: attempt,
      ...(outcome.state === "pending" ? { nextAttemptAt: new Date(now + outcome.delayMs) } : {}),
    },
    events: finished ? { deviceId: job.deviceId, eventIds: JSON.parse(job.eventIds) as number[], state: outcome.state } : null,
  };
}
