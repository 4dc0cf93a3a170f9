import "server-only";
import { MAX_OFFLINE_BATCH, type PayloadKind } from "@/lib/webhook/build-payload";
import type { WebhookConfig } from "@/lib/webhook/config-schema";
import type { DeviceEvent } from "@/lib/webhook/device-event";
import { buildRequestHeaders, deviceHeaders, FIXED_HEADERS, SECRET_MASK, type HeaderPair } from "@/lib/webhook/request";
import { buildWebhookRequest, endpointFor } from "@/lib/webhook/webhook-request";

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
  const request = buildWebhookRequest(config, events, kind, { maskSecrets: false, extraHeaders: extraDeviceHeaders(config, firmware, eventIds) });
  if (request.url === null) return null;
  return { method: request.method, url: request.url, headers: flagSecrets(config, request.headers), body: request.body, eventIds };
}

/**
 * The request a redelivery sends: method, URL and headers from the config as it is now (the user may have
 * fixed them since), built exactly as buildJobRequest builds them, but the stored body, since the events are
 * what they were. Null when the config has no endpoint for this kind any more.
 */
export function rebuildJobRequest(
  config: WebhookConfig,
  kind: PayloadKind,
  firmware: string,
  stored: { body: string; eventIds: readonly number[] },
): JobRequest | null {
  const eventIds = [...stored.eventIds];
  const url = endpointFor(config, kind);
  if (url === null) return null;
  const headers = buildRequestHeaders(config, { maskSecrets: false, extra: extraDeviceHeaders(config, firmware, eventIds) });
  return { method: config.method, url, headers: flagSecrets(config, headers), body: stored.body, eventIds };
}

/**
 * The requests of the jobs to redeliver, from the current config and each job's stored body; refused as a
 * whole when the config no longer has an endpoint for one of their kinds.
 */
export function rebuildRequests(
  config: WebhookConfig,
  firmware: string,
  jobs: readonly { id: number; kind: string; body: string; eventIds: string }[],
): { ok: true; requests: Map<number, JobRequest> } | { ok: false; message: string } {
  const requests = new Map<number, JobRequest>();
  for (const job of jobs) {
    const kind = job.kind as PayloadKind;
    const request = rebuildJobRequest(config, kind, firmware, { body: job.body, eventIds: JSON.parse(job.eventIds) as number[] });
    if (request === null) {
      const endpoint = kind === "online" ? "online URL" : "offline URL";
      return { ok: false, message: `The webhook has no ${endpoint} now, so delivery job ${job.id} has nowhere to go: set the ${endpoint} on the Webhook tab, then redeliver.` };
    }
    requests.set(job.id, request);
  }
  return { ok: true, requests };
}

/** The device's own headers, except those the user set (a header of the same name set by the user wins). */
function extraDeviceHeaders(config: WebhookConfig, firmware: string, eventIds: readonly number[]): HeaderPair[] {
  const taken = new Set(config.headers.map((h) => h.name.toLowerCase()));
  return deviceHeaders(firmware, eventIds).filter(([name]) => !taken.has(name.toLowerCase()));
}

/** Flags the user's secret headers (they follow the fixed ones) so logs can mask them. */
function flagSecrets(config: WebhookConfig, headers: readonly HeaderPair[]): StoredHeader[] {
  return headers.map(([name, value], i): StoredHeader => {
    const user = config.headers[i - FIXED_HEADERS.length];
    return user?.secret ? [name, value, true] : [name, value];
  });
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
