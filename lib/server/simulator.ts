import "server-only";
import type { ApiError } from "@/lib/server/api-response";
import { db } from "@/lib/server/db";
import { notifyDeliveryWork } from "@/lib/server/delivery-engine";
import { createOfflineJobs, createOnlineJobs, type Tx } from "@/lib/server/delivery-jobs";
import { insertSimEvents } from "@/lib/server/delivery-sql";
import { buildJobRequest, chunkBatches, type JobRequest } from "@/lib/server/delivery-request";
import { findDevice, toDeviceContext, type DeviceDetail } from "@/lib/server/places-repo";
import { ROSTER, findRosterUser, tnaKeyAt } from "@/lib/server/roster";
import {
  burstTimes,
  connectionInputSchema,
  routeEvent,
  stateReason,
  triggerInputSchema,
  type EventState,
} from "@/lib/server/simulator-plan";
import { readWebhookConfig, type StoredWebhookConfig } from "@/lib/server/webhook-repo";
import { fieldErrorsFromZod } from "@/lib/webhook/config-schema";
import { makeDeviceEvent, type DeviceEvent, type EventUser } from "@/lib/webhook/device-event";
import type { EventType } from "@/lib/webhook/events";

/** A created event: the full DeviceEvent plus where it went. */
export type SimulatedEvent = DeviceEvent & { state: EventState };

/** An entry of the device's event log. */
export type EventLogEntry = DeviceEvent & { state: string; reason: string | null; jobId: string | null };

export type ServiceError = { ok: false; status: 404 | 409 | 422; errors: ApiError[] };

export type TriggerResult = { ok: true; events: SimulatedEvent[] } | ServiceError;

export type ConnectionResult =
  | { ok: true; online: boolean; queued?: number; batches?: number; undeliverable?: number; notSent?: number; reason?: string }
  | ServiceError;

/** Longest a trigger or flush transaction may take (a 10,000-event burst is the worst case). */
const TRANSACTION_TIMEOUT_MS = 60_000;

/**
 * Records `count` events on the simulated device (validating `input` as the API body). Each event is built
 * once and stored; online deliveries become jobs in the same transaction, before any request goes out.
 */
export async function triggerEvents(deviceId: string, input: unknown): Promise<TriggerResult> {
  const device = await findDevice(deviceId);
  if (!device) return notFound(deviceId);
  const parsed = triggerInputSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsFromZod(parsed.error));
  const { eventType, userKey, count = 1 } = parsed.data;
  const user = userKey ? findRosterUser(userKey) : ROSTER[0];
  if (!user) {
    const known = ROSTER.map((u) => u.userKey).join(", ");
    return invalid([{ code: "unknown_user", path: "userKey", message: `userKey "${userKey}" is not on this device's roster (${known}).` }]);
  }
  const config = await readWebhookConfig(Number(device.id));
  const events = await recordEvents(device, config, { eventType, user, count });
  notifyDeliveryWork();
  return { ok: true, events };
}

/**
 * Switches the simulated device's connection. Coming online flushes its queued events, oldest first, into
 * offline batches of at most 100 (or marks them undeliverable when there is no offline endpoint).
 */
export async function setConnection(deviceId: string, input: unknown): Promise<ConnectionResult> {
  const device = await findDevice(deviceId);
  if (!device) return notFound(deviceId);
  const parsed = connectionInputSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsFromZod(parsed.error));
  const id = Number(device.id);
  if (!parsed.data.online) {
    await db.device.update({ where: { id }, data: { online: false } });
    return { ok: true, online: false };
  }
  const config = await readWebhookConfig(id);
  const flushed = await db.$transaction((tx) => flushQueue(tx, device, config), { timeout: TRANSACTION_TIMEOUT_MS });
  if (flushed.batches && flushed.batches > 0) notifyDeliveryWork();
  return { ok: true, online: true, ...flushed };
}

/** The device's event log, newest first, with each event's delivery state; null for an unknown device. */
export async function listSimEvents(deviceId: string, options: { limit?: number } = {}): Promise<EventLogEntry[] | null> {
  const device = await findDevice(deviceId);
  if (!device) return null;
  const rows = await db.simEvent.findMany({
    where: { deviceId: Number(device.id) },
    orderBy: { eventId: "desc" },
    take: options.limit ?? 200,
  });
  return rows.map((row) => ({
    ...(JSON.parse(row.data) as DeviceEvent),
    state: row.state,
    reason: stateReason(row.state, device.webhookSupport),
    jobId: row.jobId === null ? null : String(row.jobId),
  }));
}

async function recordEvents(
  device: DeviceDetail,
  config: StoredWebhookConfig,
  spec: { eventType: EventType; user: EventUser; count: number },
): Promise<SimulatedEvent[]> {
  const id = Number(device.id);
  const context = toDeviceContext(device);
  return db.$transaction(async (tx) => {
    const counter = await tx.device.update({
      where: { id },
      data: { nextEventId: { increment: spec.count } },
      select: { nextEventId: true, online: true },
    });
    const last = await tx.simEvent.findFirst({ where: { deviceId: id }, orderBy: { eventId: "desc" }, select: { eventAt: true } });
    const firstId = counter.nextEventId - spec.count;
    const route = routeEvent(device.webhookSupport, config, spec.eventType, counter.online);
    const events = burstTimes(spec.count, Date.now(), last?.eventAt ?? null).map((eventAt, i) =>
      makeDeviceEvent(context, {
        eventId: firstId + i,
        eventType: spec.eventType,
        eventAt,
        user: spec.user,
        tnaKey: tnaKeyAt(eventAt, device.utcOffsetMinutes),
        isOffline: !counter.online,
      }),
    );
    const jobIds = route === "online" ? await createOnlineJobs(tx, id, events.map((event) => buildJobRequest(config, [event], "online", device.firmware)!)) : null;
    const state: EventState = route === "online" ? "sending" : route;
    await insertSimEvents(
      tx,
      events.map((event, i) => ({
        deviceId: id,
        eventId: Number(event.eventId),
        eventType: spec.eventType,
        eventAt: Number(event.eventAt),
        data: JSON.stringify(event),
        isOffline: !counter.online,
        state,
        jobId: jobIds?.[i] ?? null,
      })),
    );
    return events.map((event) => ({ ...event, state }));
  }, { timeout: TRANSACTION_TIMEOUT_MS });
}

async function flushQueue(tx: Tx, device: DeviceDetail, config: StoredWebhookConfig) {
  const id = Number(device.id);
  await tx.device.update({ where: { id }, data: { online: true } });
  const queued = await tx.simEvent.findMany({ where: { deviceId: id, state: "queued" }, orderBy: { eventId: "asc" }, select: { eventId: true, data: true } });
  if (queued.length === 0) return { queued: 0, batches: 0 };
  const ids = queued.map((e) => e.eventId);
  if (device.webhookSupport !== "supported" || !config.enabled) {
    await tx.simEvent.updateMany({ where: { deviceId: id, eventId: { in: ids } }, data: { state: "not-sent" } });
    return { queued: queued.length, batches: 0, notSent: queued.length, reason: stateReason("not-sent", device.webhookSupport)! };
  }
  const batches = chunkBatches(queued.map((e) => JSON.parse(e.data) as DeviceEvent));
  const requests = batches.map((batch) => buildJobRequest(config, batch, "offline", device.firmware));
  if (requests.some((r) => r === null)) {
    await tx.simEvent.updateMany({ where: { deviceId: id, eventId: { in: ids } }, data: { state: "undeliverable" } });
    return { queued: queued.length, batches: 0, undeliverable: queued.length, reason: stateReason("undeliverable", "supported")! };
  }
  await createOfflineJobs(tx, id, requests as JobRequest[]);
  return { queued: queued.length, batches: batches.length };
}

function invalid(errors: ApiError[]): ServiceError {
  return { ok: false, status: 422, errors };
}

function notFound(deviceId: string): ServiceError {
  return { ok: false, status: 404, errors: [{ code: "not_found", message: `Device ${deviceId} not found` }] };
}
