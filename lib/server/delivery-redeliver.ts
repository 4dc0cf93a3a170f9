import "server-only";
import { z } from "zod";
import type { ApiError } from "@/lib/server/api-response";
import { db } from "@/lib/server/db";
import { notifyDeliveryWork } from "@/lib/server/delivery-engine";
import { createOfflineJobs, createOnlineJobs, type Tx } from "@/lib/server/delivery-jobs";
import { rebuildRequests } from "@/lib/server/delivery-request";
import { parseId } from "@/lib/server/places-repo";
import { readWebhookConfig } from "@/lib/server/webhook-repo";
import { fieldErrorsFromZod } from "@/lib/webhook/config-schema";
import type { DeliveryJob } from "@/lib/generated/prisma/client";

export type RedeliverResult =
  | { ok: true; jobs: string[]; events: number }
  | { ok: false; status: 404 | 409 | 422; errors: ApiError[] };

/** Body of POST …/deliveries/redeliver: one job, or every failed one when jobId is absent. */
export const redeliverInputSchema = z.object(
  { jobId: z.union([z.string(), z.number()], { error: "jobId must be a delivery job id" }).optional() },
  { error: "The body must be a JSON object" },
);

/**
 * Sends a finished job again as a fresh job, attempts reset: the same body (the events are what they were),
 * but method, URL and headers from the webhook config as it is now, so a fixed URL or header takes effect.
 * An offline batch keeps its place in the device's order (its seq).
 */
export async function redeliver(deviceId: string, jobId: string): Promise<RedeliverResult> {
  const device = await findDeviceId(deviceId);
  if (device === null) return notFound(`Device ${deviceId}`);
  const id = parseId(jobId);
  const job = id === null ? null : await db.deliveryJob.findFirst({ where: { id, deviceId: device } });
  if (!job) return notFound(`Delivery job ${jobId}`);
  if (job.kind === "test") return conflict("A test call cannot be redelivered: send the test again from the Webhook tab.");
  if (job.state === "pending" || job.state === "sending") return conflict(`Delivery job ${jobId} is still being delivered.`);
  return requeue(device, [job]);
}

/** Sends every failed delivery of the device again, offline batches in their original order. */
export async function redeliverAllFailed(deviceId: string): Promise<RedeliverResult> {
  const device = await findDeviceId(deviceId);
  if (device === null) return notFound(`Device ${deviceId}`);
  const jobs = await db.deliveryJob.findMany({
    where: { deviceId: device, state: "failed", kind: { in: ["online", "offline"] } },
    orderBy: [{ seq: "asc" }, { id: "asc" }],
  });
  if (jobs.length === 0) return { ok: true, jobs: [], events: 0 };
  return requeue(device, jobs);
}

/** Parses the API body and redelivers one job or all failed ones. */
export async function redeliverFromInput(deviceId: string, input: unknown): Promise<RedeliverResult> {
  if ((await findDeviceId(deviceId)) === null) return notFound(`Device ${deviceId}`);
  const parsed = redeliverInputSchema.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, status: 422, errors: fieldErrorsFromZod(parsed.error) };
  const { jobId } = parsed.data;
  return jobId === undefined ? redeliverAllFailed(deviceId) : redeliver(deviceId, String(jobId));
}

async function requeue(deviceId: number, jobs: DeliveryJob[]): Promise<RedeliverResult> {
  const [config, device] = await Promise.all([
    readWebhookConfig(deviceId),
    db.device.findUniqueOrThrow({ where: { id: deviceId }, select: { firmware: true } }),
  ]);
  const rebuilt = rebuildRequests(config, device.firmware, jobs);
  if (!rebuilt.ok) return conflict(rebuilt.message);
  const created = await db.$transaction(async (tx): Promise<number[]> => {
    // The failed jobs are superseded first, so "redeliver all" never picks them twice and two redeliveries
    // racing for the same job cannot both create one.
    const failedIds = jobs.filter((j) => j.state === "failed").map((j) => j.id);
    const superseded = failedIds.length === 0
      ? 0
      : (await tx.deliveryJob.updateMany({ where: { id: { in: failedIds }, state: "failed" }, data: { state: "redelivered" } })).count;
    if (superseded !== failedIds.length) throw new AlreadyRedelivered(); // rolls the partial update back
    const online = jobs.filter((j) => j.kind === "online");
    const offline = jobs.filter((j) => j.kind === "offline");
    const onlineIds = online.length > 0 ? await createOnlineJobs(tx, deviceId, online.map((j) => rebuilt.requests.get(j.id)!)) : [];
    const offlineIds = offline.length > 0
      ? await createOfflineJobs(tx, deviceId, offline.map((j) => ({ ...rebuilt.requests.get(j.id)!, seq: j.seq })))
      : [];
    for (const [i, job] of online.entries()) await moveEvents(tx, deviceId, job, onlineIds[i]);
    return [...onlineIds, ...offlineIds];
  }).catch((err: unknown) => {
    if (err instanceof AlreadyRedelivered) return null;
    throw err;
  });
  if (created === null) return conflict("These deliveries were redelivered meanwhile: reload the Deliveries log.");
  notifyDeliveryWork();
  const events = jobs.reduce((n, j) => n + (JSON.parse(j.eventIds) as number[]).length, 0);
  return { ok: true, jobs: created.map(String), events };
}

class AlreadyRedelivered extends Error {}

async function moveEvents(tx: Tx, deviceId: number, job: DeliveryJob, newJobId: number): Promise<void> {
  const eventIds = JSON.parse(job.eventIds) as number[];
  await tx.simEvent.updateMany({ where: { deviceId, eventId: { in: eventIds } }, data: { state: "sending", jobId: newJobId } });
}

async function findDeviceId(deviceId: string): Promise<number | null> {
  const id = parseId(deviceId);
  if (id === null) return null;
  const device = await db.device.findUnique({ where: { id }, select: { id: true } });
  return device?.id ?? null;
}

function notFound(what: string): RedeliverResult {
  return { ok: false, status: 404, errors: [{ code: "not_found", message: `${what} not found` }] };
}

function conflict(message: string): RedeliverResult {
  return { ok: false, status: 409, errors: [{ code: "not_redeliverable", message }] };
}
