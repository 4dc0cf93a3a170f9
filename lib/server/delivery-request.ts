import "server-only";
import { MAX_OFFLINE_BATCH, type PayloadKind } from "@/lib/webhook/build-payload";
import type { WebhookConfig } from "@/lib/webhook/config-schema";
import type { DeviceEvent } from "@/lib/webhook/device-event";
import { deviceHeaders, FIXED_HEADERS, SECRET_MASK, type HeaderPair } from "@/lib/webhook/request";
import { buildWebhookRequest } from "@/lib/webhook/webhook-request";

/** A header as a job stores it: the real value, flagged when it is secret so logs can mask it. */
export type StoredHeader = [name: string, value: string, secret?: true];

/** Everything a job needs to send (and resend) the same bytes. */
export type JobRequest = { method: string; url: string; headers: StoredHeader[]; body: string; eventIds: number[] };

/**
 * The request the simulated device sends for these events: the body and user headers from the same
 * builder as the preview, plus the device's User-Agent and the event ids (so receivers can drop duplicates).
 * A header of the same name set by the user wins over the device's. Null when the endpoint is not set.
 */
export function buildJobRequest(
  config: WebhookConfig,
  events: readonly DeviceEvent[],
  kind: PayloadKind,
  firmware: string,
): JobRequest | null {
  const eventIds = events.map((e) => Number(e.eventId));
  const taken = new Set(config.headers.map((h) => h.name.toLowerCase()));
  const extra = deviceHeaders(firmware, eventIds).filter(([name]) => !taken.has(name.toLowerCase()));
  const request = buildWebhookRequest(config, events, kind, { maskSecrets: false, extraHeaders: extra });
  if (request.url === null) return null;
  const headers = request.headers.map(([name, value], i): StoredHeader => {
    const user = config.headers[i - FIXED_HEADERS.length];
    return user?.secret ? [name, value, true] : [name, value];
  });
  return { method: request.method, url: request.url, headers, body: request.body, eventIds };
}

/** Splits events, oldest first, into offline batches of at most 100. */
export function chunkBatches<T>(items: readonly T[], size: number = MAX_OFFLINE_BATCH): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

/** The headers to put on the wire. */
export function toWireHeaders(headers: readonly StoredHeader[]): [string, string][] {
  return headers.map(([name, value]) => [name, value]);
}

/** The headers as logs show them: secret values replaced by the mask. */
export function maskStoredHeaders(headers: readonly StoredHeader[]): HeaderPair[] {
  return headers.map(([name, value, secret]) => [name, secret ? SECRET_MASK : value]);
}

/** Reads a job's stored headers. */
export function parseStoredHeaders(json: string): StoredHeader[] {
  return JSON.parse(json) as StoredHeader[];
}
