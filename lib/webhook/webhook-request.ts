import { buildPayload, type PayloadKind } from "@/lib/webhook/build-payload";
import type { WebhookConfig } from "@/lib/webhook/config-schema";
import { sampleEvents, type DeviceContext, type DeviceEvent } from "@/lib/webhook/device-event";
import { EVENT_TYPES, type EventType } from "@/lib/webhook/events";
import { buildRequestHeaders, deviceHeadersFor, type HeaderPair } from "@/lib/webhook/request";

/** A complete webhook request: what the preview shows, the browser test sends and the simulator delivers. */
export type WebhookRequest = { method: string; url: string | null; headers: HeaderPair[]; body: string };

/** Most sample events the offline preview shows. */
export const MAX_PREVIEW_EVENTS = 5;

/** The sample event the preview starts with: the first selected trigger, else face authentication. */
export function defaultSampleEvent(config: Pick<WebhookConfig, "triggerEvents">): EventType {
  return config.triggerEvents[0] ?? EVENT_TYPES[0];
}

/** The endpoint a kind of request goes to (null when it is not set). */
export function endpointFor(config: Pick<WebhookConfig, "onlineUrl" | "offlineUrl">, kind: PayloadKind): string | null {
  const url = (kind === "online" ? config.onlineUrl : config.offlineUrl)?.trim();
  return url ? url : null;
}

/** Builds the request for real events (the simulator) or sample ones (preview, test call). */
export function buildWebhookRequest(
  config: WebhookConfig,
  events: readonly DeviceEvent[],
  kind: PayloadKind,
  options: { maskSecrets: boolean; extraHeaders?: readonly HeaderPair[] },
): WebhookRequest {
  return {
    method: config.method,
    url: endpointFor(config, kind),
    headers: buildRequestHeaders(config, { maskSecrets: options.maskSecrets, extra: options.extraHeaders }),
    body: buildPayload(config, events, kind),
  };
}

/**
 * The deterministic sample request of the preview: `count` events (1 online, 1-5 offline) of one type.
 * With `firmware`, it carries the headers the device adds (User-Agent, X-Event-Ids) as a delivery does.
 */
export function buildSampleRequest(
  config: WebhookConfig,
  device: DeviceContext,
  options: { kind: PayloadKind; eventType?: EventType; count?: number; maskSecrets: boolean; firmware?: string },
): WebhookRequest {
  const count = options.kind === "online" ? 1 : Math.min(Math.max(options.count ?? 1, 1), MAX_PREVIEW_EVENTS);
  const events = sampleEvents(device, options.eventType ?? defaultSampleEvent(config), count, { isOffline: options.kind === "offline" });
  const extraHeaders = options.firmware === undefined ? [] : deviceHeadersFor(config, options.firmware, events.map((e) => Number(e.eventId)));
  return buildWebhookRequest(config, events, options.kind, { maskSecrets: options.maskSecrets, extraHeaders });
}
