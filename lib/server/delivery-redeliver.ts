import "server-only";
import { z } from "zod";
import type { ApiError } from "@/lib/server/api-response";
import { db } from "@/lib/server/db";
import { notifyDeliveryWork } from "@/lib/server/delivery-engine";
import { createOfflineJobs, createOnlineJobs, type Tx } from "@/lib/server/delivery-jobs";
import { parseStoredHeaders, type JobRequest } from "@/lib/server/delivery-request";
import { parseId } from "@/lib/server/places-repo";
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

/** Sends a finished job again as a fresh job (same method, URL, headers and body; attempts reset). */
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
  const created = await db.$transaction(async (tx) => {
    const online = jobs.filter((j) => j.kind === "online");
    const offline = jobs.filter((j) => j.kind === "offline");
    const onlineIds = online.length > 0 ? await createOnlineJobs(tx, deviceId, online.map(toRequest)) : [];
    const offlineIds = offline.length > 0 ? await createOfflineJobs(tx, deviceId, offline.map(toRequest)) : [];
    for (const [i, job] of online.entries()) await moveEvents(tx, deviceId, job, onlineIds[i]);
    // The failed jobs are superseded, so "redeliver all" never picks them twice.
    await tx.deliveryJob.updateMany({ where: { id: { in: jobs.map((j) => j.id) }, state: "failed" }, data: { state: "redelivered" } });
    return [...onlineIds, ...offlineIds];
  });
  notifyDeliveryWork();
  const events = jobs.reduce((n, j) => n + (JSON.parse(j.eventIds) as number[]).length, 0);
  return { ok: true, jobs: created.map(String), events };
}

async function moveEvents(tx: Tx, deviceId: number, job: DeliveryJob, newJobId: number): Promise<void> {
  const eventIds = JSON.parse(job.eventIds) as number[];
  await tx.simEvent.updateMany({ where: { deviceId, eventId: { in: eventIds } }, data: { state: "sending", jobId: newJobId } });
}

function toRequest(job: DeliveryJob): JobRequest {
  return { method: job.method, url: job.url, headers: parseStoredHeaders(job.headers), body: job.body, eventIds: JSON.parse(job.eventIds) };
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
