"use server";

import { revalidatePath } from "next/cache";
import type { ApiError } from "@/lib/server/api-response";
import { redeliver, redeliverAllFailed } from "@/lib/server/delivery-redeliver";
import { setConnection, triggerEvents } from "@/lib/server/simulator";

export type ActionFailure = { ok: false; status: number; errors: ApiError[] };

export type TriggerActionResult =
  | { ok: true; count: number; firstEventId: number; lastEventId: number; states: Record<string, number> }
  | ActionFailure;

export type ConnectionActionResult =
  | { ok: true; online: boolean; queued?: number; batches?: number; undeliverable?: number; notSent?: number; reason?: string }
  | ActionFailure;

export type RedeliverActionResult = { ok: true; jobs: string[]; events: number } | ActionFailure;

/** Triggers one event or a burst ({ eventType, userKey?, count? }); answers a summary, not the events. */
export async function triggerAction(deviceId: string, input: unknown): Promise<TriggerActionResult> {
  const result = await triggerEvents(deviceId, input);
  if (!result.ok) return result;
  revalidateDevice();
  const states: Record<string, number> = {};
  for (const e of result.events) states[e.state] = (states[e.state] ?? 0) + 1;
  const ids = result.events.map((e) => Number(e.eventId));
  return { ok: true, count: ids.length, firstEventId: ids[0], lastEventId: ids[ids.length - 1], states };
}

/** Takes the simulated device offline or back online (which flushes its queue). */
export async function setConnectionAction(deviceId: string, online: boolean): Promise<ConnectionActionResult> {
  const result = await setConnection(deviceId, { online });
  if (result.ok) revalidateDevice();
  return result;
}

/** Sends one finished delivery job again. */
export async function redeliverAction(deviceId: string, jobId: string): Promise<RedeliverActionResult> {
  const result = await redeliver(deviceId, jobId);
  if (result.ok) revalidateDevice();
  return result;
}

/** Sends every failed delivery of the device again. */
export async function redeliverAllAction(deviceId: string): Promise<RedeliverActionResult> {
  const result = await redeliverAllFailed(deviceId);
  if (result.ok) revalidateDevice();
  return result;
}

function revalidateDevice() {
  // The device list shows online/offline; the tabs read the logs fresh.
  revalidatePath("/places", "layout");
}
