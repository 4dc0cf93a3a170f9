import "server-only";
import type { db } from "@/lib/server/db";
import type { DeliveryJob } from "@/lib/generated/prisma/client";

// The engine's hot statements in plain SQL: bursts of up to 10,000 events, a job per online event, an
// attempt per send, claims and state changes in bulk. Prisma's createMany costs about five times more per
// row here, and a claim is one statement instead of four queries.

/** Anything that can run raw SQL: the client or an interactive transaction. */
type RawRunner = Pick<typeof db, "$executeRawUnsafe" | "$queryRawUnsafe">;

export type SimEventRow = {
  deviceId: number; eventId: number; eventType: string; eventAt: number; data: string; isOffline: boolean; state: string; jobId: number | null;
};

export type JobRow = {
  deviceId: number; kind: string; eventIds: string; method: string; url: string; headers: string; body: string; maxAttempts: number; seq: number;
};

export type AttemptRow = {
  jobId: number; deviceId: number; kind: string; eventIds: string; url: string; method: string; attempt: number; result: string;
  statusCode: number | null; error: string | null; errorCause: string | null; latencyMs: number | null;
  requestHeaders: string; requestBody: string; responseHeaders: string; responseExcerpt: string; createdAt: Date;
};

/** SQLite allows 32,766 parameters per statement; stay well below. */
const MAX_PARAMS = 16_000;

/** Inserts events. */
export async function insertSimEvents(runner: RawRunner, rows: readonly SimEventRow[], now: Date = new Date()): Promise<void> {
  const at = sqlDate(now);
  await insertRows(runner, "SimEvent", ["deviceId", "eventId", "eventType", "eventAt", "data", "isOffline", "state", "jobId", "createdAt"], rows, (r) => [
    r.deviceId, r.eventId, r.eventType, r.eventAt, r.data, r.isOffline ? 1 : 0, r.state, r.jobId, at,
  ]);
}

/** Inserts pending jobs, due now; returns their ids in row order. */
export async function insertJobs(runner: RawRunner, rows: readonly JobRow[], now: Date = new Date()): Promise<number[]> {
  const at = sqlDate(now);
  const columns = ["deviceId", "kind", "eventIds", "method", "url", "headers", "body", "maxAttempts", "seq", "state", "attempts", "nextAttemptAt", "createdAt"];
  const ids: number[] = [];
  for (const chunk of chunks(rows, Math.floor(MAX_PARAMS / columns.length))) {
    const sql = `${insertPrefix("DeliveryJob", columns, chunk.length)} RETURNING "id"`;
    const params = chunk.flatMap((r) => [r.deviceId, r.kind, r.eventIds, r.method, r.url, r.headers, r.body, r.maxAttempts, r.seq, "pending", 0, at, at]);
    const returned = await runner.$queryRawUnsafe<{ id: number | bigint }[]>(sql, ...params);
    // Rows inserted by one statement get rising autoincrement ids in input order, whatever order RETURNING uses.
    ids.push(...returned.map((r) => Number(r.id)).sort((a, b) => a - b));
  }
  return ids;
}

/** Inserts attempt records. */
export async function insertAttempts(runner: RawRunner, rows: readonly AttemptRow[]): Promise<void> {
  const columns = [
    "jobId", "deviceId", "kind", "eventIds", "url", "method", "attempt", "result", "statusCode", "error", "errorCause",
    "latencyMs", "requestHeaders", "requestBody", "responseHeaders", "responseExcerpt", "createdAt",
  ];
  await insertRows(runner, "DeliveryAttempt", columns, rows, (r) => [
    r.jobId, r.deviceId, r.kind, r.eventIds, r.url, r.method, r.attempt, r.result, r.statusCode, r.error, r.errorCause,
    r.latencyMs, r.requestHeaders, r.requestBody, r.responseHeaders, r.responseExcerpt, sqlDate(r.createdAt),
  ]);
}

/**
 * Marks up to `limit` due pending jobs "sending" and returns them, oldest due first. An offline batch is
 * due only when every earlier batch of its device has been delivered: a batch that failed for good holds
 * the later ones back until it is redelivered (its new job keeps its seq; the superseded one, now
 * "redelivered", no longer counts). Jobs of a device whose webhook is off wait, pending, until it is on.
 */
export async function claimDueJobs(runner: RawRunner, limit: number, now: Date = new Date()): Promise<DeliveryJob[]> {
  const rows = await runner.$queryRawUnsafe<Record<string, unknown>[]>(CLAIM_SQL, sqlDate(now), limit);
  return rows.map(toJob).sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id - b.id);
}

/**
 * Puts claimed jobs that were not started back to "pending" when they may no longer go (the webhook was
 * switched off, or the device went offline, since they were claimed). Returns the ids put back.
 */
export async function releaseUnsendable(runner: RawRunner, ids: readonly number[]): Promise<number[]> {
  const released: number[] = [];
  for (const chunk of chunks(ids, MAX_PARAMS)) {
    const rows = await runner.$queryRawUnsafe<{ id: number | bigint }[]>(
      `UPDATE "DeliveryJob" SET "state" = 'pending' WHERE "id" IN (
        SELECT j."id" FROM "DeliveryJob" j WHERE j."state" = 'sending' AND j."id" IN (${placeholders(chunk.length)}) AND NOT (${MAY_SEND_NOW}))
      RETURNING "id" AS id`,
      ...chunk,
    );
    released.push(...rows.map((r) => Number(r.id)));
  }
  return released;
}

/** Sets the same values on many jobs. */
export async function updateJobs(
  runner: RawRunner,
  ids: readonly number[],
  values: { state: string; attempts: number; nextAttemptAt?: Date; finishedAt?: Date },
): Promise<void> {
  const sets: [string, unknown][] = [["state", values.state], ["attempts", values.attempts]];
  if (values.nextAttemptAt) sets.push(["nextAttemptAt", sqlDate(values.nextAttemptAt)]);
  if (values.finishedAt) sets.push(["finishedAt", sqlDate(values.finishedAt)]);
  for (const chunk of chunks(ids, MAX_PARAMS)) {
    const sql = `UPDATE "DeliveryJob" SET ${sets.map(([c]) => `"${c}" = ?`).join(", ")} WHERE "id" IN (${placeholders(chunk.length)})`;
    await runner.$executeRawUnsafe(sql, ...sets.map(([, v]) => v), ...chunk);
  }
}

/** Sets the delivery state of some events of a device. */
export async function setEventStates(runner: RawRunner, deviceId: number, eventIds: readonly number[], state: string): Promise<void> {
  for (const chunk of chunks(eventIds, MAX_PARAMS)) {
    const sql = `UPDATE "SimEvent" SET "state" = ? WHERE "deviceId" = ? AND "eventId" IN (${placeholders(chunk.length)})`;
    await runner.$executeRawUnsafe(sql, state, deviceId, ...chunk);
  }
}

/** A date as Prisma stores DateTime in SQLite, so Prisma reads and compares it like its own. */
export function sqlDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

async function insertRows<T>(
  runner: RawRunner,
  table: string,
  columns: readonly string[],
  rows: readonly T[],
  values: (row: T) => unknown[],
): Promise<void> {
  for (const chunk of chunks(rows, Math.floor(MAX_PARAMS / columns.length))) {
    await runner.$executeRawUnsafe(insertPrefix(table, columns, chunk.length), ...chunk.flatMap(values));
  }
}

/** Offline job states that hold later batches of the same device back: anything not delivered (or superseded). */
export const BLOCKING_OFFLINE_STATES = ["pending", "sending", "failed"] as const;

// Whether job j may be sent now at all: its webhook is on, and an online job's device is online (an
// offline device sends nothing). The claim and the re-check of claimed jobs share this one rule.
const MAY_SEND_NOW = `EXISTS (SELECT 1 FROM "WebhookConfig" w WHERE w."deviceId" = j."deviceId" AND w."enabled" = 1)
    AND (j."kind" <> 'online' OR EXISTS (SELECT 1 FROM "Device" d WHERE d."id" = j."deviceId" AND d."online" = 1))`;

const CLAIM_SQL = `
UPDATE "DeliveryJob" SET "state" = 'sending'
WHERE "id" IN (
  SELECT j."id" FROM "DeliveryJob" j
  WHERE j."state" = 'pending' AND j."nextAttemptAt" <= ?
    AND ${MAY_SEND_NOW}
    AND (j."kind" <> 'offline' OR NOT EXISTS (
      SELECT 1 FROM "DeliveryJob" p
      WHERE p."deviceId" = j."deviceId" AND p."kind" = 'offline'
        AND p."state" IN (${BLOCKING_OFFLINE_STATES.map((s) => `'${s}'`).join(", ")}) AND p."seq" < j."seq"))
  ORDER BY j."nextAttemptAt", j."id"
  LIMIT ?)
RETURNING *`;

function toJob(row: Record<string, unknown>): DeliveryJob {
  return {
    id: Number(row.id),
    deviceId: Number(row.deviceId),
    kind: String(row.kind),
    eventIds: String(row.eventIds),
    method: String(row.method),
    url: String(row.url),
    headers: String(row.headers),
    body: String(row.body),
    state: String(row.state),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.maxAttempts),
    nextAttemptAt: new Date(row.nextAttemptAt as string | Date),
    seq: Number(row.seq),
    createdAt: new Date(row.createdAt as string | Date),
    finishedAt: row.finishedAt === null || row.finishedAt === undefined ? null : new Date(row.finishedAt as string | Date),
  };
}

function placeholders(count: number): string {
  return Array(count).fill("?").join(",");
}

function insertPrefix(table: string, columns: readonly string[], rowCount: number): string {
  const tuple = `(${columns.map(() => "?").join(",")})`;
  return `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES ${Array(rowCount).fill(tuple).join(",")}`;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
