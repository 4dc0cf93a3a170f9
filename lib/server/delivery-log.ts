import "server-only";
import type { ApiError } from "@/lib/server/api-response";
import { db } from "@/lib/server/db";
import { RESPONSE_EXCERPT_BYTES } from "@/lib/server/delivery-policy";
import { maskStoredHeaders, parseStoredHeaders } from "@/lib/server/delivery-request";
import { mergeNewestFirst, waitingReason, type WaitingContext } from "@/lib/server/delivery-log-rules";
import { BLOCKING_OFFLINE_STATES } from "@/lib/server/delivery-sql";
import { findDevice, parseId } from "@/lib/server/places-repo";
import { readWebhookConfig } from "@/lib/server/webhook-repo";
import { SECRET_MASK, type HeaderPair } from "@/lib/webhook/request";
import type { DeliveryAttempt, DeliveryJob } from "@/lib/generated/prisma/client";

/** Results the deliveries log can be filtered by. */
export const DELIVERY_RESULTS = ["success", "failed", "pending"] as const;

export type DeliveryResult = (typeof DELIVERY_RESULTS)[number];

/** Most entries one listing answers, and the default. */
export const MAX_DELIVERIES_LIMIT = 1000;
export const DEFAULT_DELIVERIES_LIMIT = 200;

/** One row of the Deliveries log: an attempt made, or the next attempt of a job that is waiting. */
export type DeliveryEntry = {
  id: string;
  jobId: string;
  kind: "online" | "offline" | "test";
  eventIds: number[];
  url: string;
  method: string;
  attempt: number;
  result: DeliveryResult;
  statusCode: number | null;
  error: string | null;
  errorCause: string | null;
  latencyMs: number | null;
  createdAt: string;
  /** Pending entries only: the attempts allowed, when the next is due, and whether it is being sent right now. */
  maxAttempts?: number;
  nextAttemptAt?: string;
  sending?: boolean;
  /** Pending offline batches only: the earlier batch (job id) that holds this one back until it is delivered. */
  blockedBy?: string;
  requestHeaders: HeaderPair[];
  requestBody?: string;
  responseHeaders: [string, string][];
  responseExcerpt: string;
};

/** What a browser or portal test call sent. */
export type TestRequest = { method: string; url: string; headers: readonly HeaderPair[]; body: string; eventIds?: readonly number[] };

/** What came back (a SendResult fits; so does a browser fetch result reduced to these fields). */
export type TestOutcome = {
  ok: boolean;
  status: number | null;
  latencyMs: number | null;
  error: { cause: string; message: string } | null;
  responseHeaders?: readonly (readonly [string, string])[];
  body?: string;
};

/**
 * The device's deliveries, newest first (by createdAt, then id): every attempt made, and one "pending"
 * entry per job waiting for its next attempt, which says why when it cannot go yet. Null for an unknown
 * device. `includeBodies: false` leaves request bodies out.
 */
export async function listDeliveries(
  deviceId: string,
  options: { result?: DeliveryResult; limit?: number; includeBodies?: boolean } = {},
): Promise<DeliveryEntry[] | null> {
  const id = parseId(deviceId);
  if (id === null || !(await db.device.findUnique({ where: { id }, select: { id: true } }))) return null;
  const limit = options.limit ?? DEFAULT_DELIVERIES_LIMIT;
  const withBodies = options.includeBodies ?? true;
  const newestFirst = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const jobs = !options.result || options.result === "pending"
    ? await db.deliveryJob.findMany({ where: { deviceId: id, state: { in: ["pending", "sending"] } }, orderBy: newestFirst, take: limit })
    : [];
  const attempts = options.result !== "pending"
    ? await db.deliveryAttempt.findMany({
      where: { deviceId: id, ...(options.result ? { result: options.result } : {}) },
      orderBy: newestFirst,
      take: limit,
    })
    : [];
  const context = jobs.some((j) => j.state === "pending") ? await waitingContext(id) : null;
  const pending = jobs.map((j) => ({ ...pendingEntry(j, withBodies), ...(context ? waitingReason(j, context) : {}) }));
  return mergeNewestFirst(pending, attempts.map((a) => attemptEntry(a, withBodies)), limit);
}

async function waitingContext(deviceId: number): Promise<WaitingContext> {
  const [config, device, undeliveredOffline] = await Promise.all([
    db.webhookConfig.findUnique({ where: { deviceId }, select: { enabled: true } }),
    db.device.findUnique({ where: { id: deviceId }, select: { online: true } }),
    db.deliveryJob.findMany({
      where: { deviceId, kind: "offline", state: { in: [...BLOCKING_OFFLINE_STATES] } },
      select: { id: true, seq: true, state: true },
    }),
  ]);
  return { webhookEnabled: config?.enabled ?? false, deviceOnline: device?.online ?? true, undeliveredOffline };
}

/** Stores a test call (kind "test") so it appears in the Deliveries log; secret header values are masked. */
export async function recordTestDelivery(deviceId: string, request: TestRequest, outcome: TestOutcome): Promise<{ jobId: string } | null> {
  const device = await findDevice(deviceId);
  if (!device) return null;
  const id = Number(device.id);
  const secrets = new Set((await readWebhookConfig(id)).headers.filter((h) => h.secret).map((h) => h.name.toLowerCase()));
  const headers = request.headers.map(([name, value]): HeaderPair => [name, secrets.has(name.toLowerCase()) ? SECRET_MASK : value]);
  const eventIds = JSON.stringify(request.eventIds ?? []);
  const now = new Date();
  const job = await db.deliveryJob.create({
    data: {
      deviceId: id, kind: "test", eventIds, method: request.method, url: request.url, headers: JSON.stringify(headers),
      body: request.body, state: outcome.ok ? "delivered" : "failed", attempts: 1, maxAttempts: 1, finishedAt: now,
    },
  });
  await db.deliveryAttempt.create({
    data: {
      jobId: job.id, deviceId: id, kind: "test", eventIds, url: request.url, method: request.method, attempt: 1,
      result: outcome.ok ? "success" : "failed", statusCode: outcome.status, error: outcome.error?.message ?? null,
      errorCause: outcome.error?.cause ?? null, latencyMs: outcome.latencyMs === null ? null : Math.round(outcome.latencyMs),
      requestHeaders: JSON.stringify(headers), requestBody: request.body,
      responseHeaders: JSON.stringify(outcome.responseHeaders ?? []), responseExcerpt: excerpt(outcome.body ?? ""),
      createdAt: now,
    },
  });
  return { jobId: String(job.id) };
}

function pendingEntry(job: DeliveryJob, withBodies: boolean): DeliveryEntry {
  return {
    id: `job-${job.id}-next`,
    jobId: String(job.id),
    kind: job.kind as DeliveryEntry["kind"],
    eventIds: JSON.parse(job.eventIds) as number[],
    url: job.url,
    method: job.method,
    attempt: job.attempts + 1,
    maxAttempts: job.maxAttempts,
    result: "pending",
    statusCode: null,
    error: null,
    errorCause: null,
    latencyMs: null,
    createdAt: job.createdAt.toISOString(),
    nextAttemptAt: job.nextAttemptAt.toISOString(),
    sending: job.state === "sending",
    requestHeaders: maskStoredHeaders(parseStoredHeaders(job.headers)),
    ...(withBodies ? { requestBody: job.body } : {}),
    responseHeaders: [],
    responseExcerpt: "",
  };
}

function attemptEntry(a: DeliveryAttempt, withBodies: boolean): DeliveryEntry {
  return {
    id: String(a.id),
    jobId: String(a.jobId),
    kind: a.kind as DeliveryEntry["kind"],
    eventIds: JSON.parse(a.eventIds) as number[],
    url: a.url,
    method: a.method,
    attempt: a.attempt,
    result: a.result as DeliveryResult,
    statusCode: a.statusCode,
    error: a.error,
    errorCause: a.errorCause,
    latencyMs: a.latencyMs,
    createdAt: a.createdAt.toISOString(),
    requestHeaders: JSON.parse(a.requestHeaders) as HeaderPair[],
    ...(withBodies ? { requestBody: a.requestBody } : {}),
    responseHeaders: JSON.parse(a.responseHeaders) as [string, string][],
    responseExcerpt: a.responseExcerpt,
  };
}

function excerpt(body: string): string {
  const bytes = Buffer.from(body, "utf8");
  return bytes.byteLength > RESPONSE_EXCERPT_BYTES ? bytes.subarray(0, RESPONSE_EXCERPT_BYTES).toString("utf8") : body;
}

/** Reads `?limit=` (1..max, default `fallback`); an error names the parameter. */
export function parseLimitParam(raw: string | null, fallback: number, max: number): { ok: true; value: number } | { ok: false; error: ApiError } {
  if (raw === null || raw === "") return { ok: true, value: fallback };
  const n = Number(raw);
  if (/^\d{1,7}$/.test(raw) && n >= 1 && n <= max) return { ok: true, value: n };
  return { ok: false, error: { code: "invalid_limit", path: "limit", message: `limit must be a whole number from 1 to ${max}` } };
}

/** Reads the query of GET …/deliveries: `result` and `limit`, and `bodies=false` to leave request bodies out. */
export function parseDeliveriesQuery(params: URLSearchParams):
  | { ok: true; value: { result?: DeliveryResult; limit: number; includeBodies: boolean } }
  | { ok: false; errors: ApiError[] } {
  const errors: ApiError[] = [];
  const result = params.get("result");
  if (result !== null && !(DELIVERY_RESULTS as readonly string[]).includes(result)) {
    errors.push({ code: "invalid_result", path: "result", message: `result must be one of ${DELIVERY_RESULTS.join(", ")}` });
  }
  const limit = parseLimitParam(params.get("limit"), DEFAULT_DELIVERIES_LIMIT, MAX_DELIVERIES_LIMIT);
  if (!limit.ok) errors.push(limit.error);
  const bodies = params.get("bodies");
  if (bodies !== null && bodies !== "true" && bodies !== "false") {
    errors.push({ code: "invalid_bodies", path: "bodies", message: "bodies must be true or false" });
  }
  if (errors.length > 0 || !limit.ok) return { ok: false, errors };
  return { ok: true, value: { result: (result ?? undefined) as DeliveryResult | undefined, limit: limit.value, includeBodies: bodies !== "false" } };
}
