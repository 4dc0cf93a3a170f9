import "server-only";
import { db } from "@/lib/server/db";
import { deliverySettingsFromEnv } from "@/lib/server/delivery-policy";
import type { JobRequest } from "@/lib/server/delivery-request";
import { insertJobs, type JobRow } from "@/lib/server/delivery-sql";

/** A Prisma interactive-transaction client. */
export type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** Online jobs (one event each); returns their ids in request order. */
export async function createOnlineJobs(
  tx: Tx,
  deviceId: number,
  requests: readonly JobRequest[],
): Promise<number[]> {
  const { maxAttempts } = deliverySettingsFromEnv();
  return insertJobs(tx, requests.map((request) => jobRow(deviceId, "online", request, maxAttempts, 0)));
}

/**
 * Offline batches get rising sequence numbers after any the device already has, so they go out in order.
 * A redelivered batch passes its original `seq` instead, so it keeps its place: it goes before the later
 * batches it holds back.
 */
export async function createOfflineJobs(
  tx: Tx,
  deviceId: number,
  requests: readonly (JobRequest & { seq?: number })[],
): Promise<number[]> {
  const { maxAttempts } = deliverySettingsFromEnv();
  let nextSeq = 0;
  if (requests.some((r) => r.seq === undefined)) {
    const last = await tx.deliveryJob.aggregate({ where: { deviceId, kind: "offline" }, _max: { seq: true } });
    nextSeq = (last._max.seq ?? 0) + 1;
  }
  const rows = requests.map((request) => jobRow(deviceId, "offline", request, maxAttempts, request.seq ?? nextSeq++));
  const jobIds = await insertJobs(tx, rows);
  for (const [i, request] of requests.entries()) {
    await tx.simEvent.updateMany({ where: { deviceId, eventId: { in: request.eventIds } }, data: { state: "sending", jobId: jobIds[i] } });
  }
  return jobIds;
}

/** A new pending job row. */
export function jobRow(deviceId: number, kind: "online" | "offline", request: JobRequest, maxAttempts: number, seq: number): JobRow {
  return {
    deviceId,
    kind,
    eventIds: JSON.stringify(request.eventIds),
    method: request.method,
    url: request.url,
    headers: JSON.stringify(request.headers),
    body: request.body,
    maxAttempts,
    seq,
  };
}
