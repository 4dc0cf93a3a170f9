import type { DeliveryEntry } from "@/lib/server/delivery-log";
import type { DeliveryJob } from "@/lib/generated/prisma/client";

// The Deliveries log's pure rules: why a pending job waits, and the newest-first order.

/** What decides whether a pending job may go now: the webhook's switch, and the device's undelivered offline batches. */
export type WaitingContext = {
  webhookEnabled: boolean;
  /** An offline device sends nothing: its online retries wait until it is back. */
  deviceOnline?: boolean;
  undeliveredOffline: readonly Pick<DeliveryJob, "id" | "seq" | "state">[];
};

/**
 * Why a pending job is not sent although it may be due (the same rules as the engine's claim): the webhook
 * is off, or, for an offline batch, an earlier batch of the device is not delivered yet. `blockedBy` names the
 * earliest such batch: the one to wait for, or to redeliver when it failed. Empty when nothing holds it back.
 */
export function waitingReason(
  job: Pick<DeliveryJob, "id" | "kind" | "seq" | "state">,
  context: WaitingContext,
): { error?: string; errorCause?: string; blockedBy?: string } {
  if (job.state !== "pending") return {};
  if (!context.webhookEnabled) return { error: "waiting: the webhook is off", errorCause: "waiting" };
  if (job.kind === "online" && context.deviceOnline === false) return { error: "waiting: the device is offline", errorCause: "waiting" };
  if (job.kind !== "offline") return {};
  const earlier = context.undeliveredOffline.filter((p) => p.id !== job.id && p.seq < job.seq);
  if (earlier.length === 0) return {};
  const first = earlier.reduce((a, b) => (b.seq < a.seq || (b.seq === a.seq && b.id < a.id) ? b : a));
  const error = first.state === "failed"
    ? `waiting: an earlier offline batch (job ${first.id}) failed and has not been delivered; redeliver it to resume`
    : `waiting: an earlier offline batch (job ${first.id}) has not been delivered yet`;
  return { error, errorCause: "waiting", blockedBy: String(first.id) };
}

/** Pending entries and attempts in one list, newest first by createdAt, then id; at most `limit`. */
export function mergeNewestFirst(pending: readonly DeliveryEntry[], attempts: readonly DeliveryEntry[], limit: number): DeliveryEntry[] {
  return [...pending, ...attempts].sort(compareNewestFirst).slice(0, limit);
}

function compareNewestFirst(a: DeliveryEntry, b: DeliveryEntry): number {
  const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  if (byTime !== 0) return byTime;
  // At the same instant a job's next attempt comes before attempts made; then the higher id first.
  const aNext = a.id.startsWith("job-");
  const bNext = b.id.startsWith("job-");
  if (aNext !== bNext) return aNext ? -1 : 1;
  return aNext ? Number(b.jobId) - Number(a.jobId) : Number(b.id) - Number(a.id);
}
