"use server";

import { randomUUID } from "node:crypto";
import { checkCors, type CorsReport } from "@/lib/server/cors-check";
import { recordTestDelivery } from "@/lib/server/delivery-log";
import { sendRequest } from "@/lib/server/http-send";
import { outboundPolicyFromEnv } from "@/lib/server/outbound-guard";
import { findDevice, toDeviceContext } from "@/lib/server/places-repo";
import { readWebhookConfig } from "@/lib/server/webhook-repo";
import { resolveSecretHeaders, webhookConfigSchema } from "@/lib/webhook/config-schema";
import { endpointOrigins, keptSecretErrors } from "@/lib/webhook/secret-origins";
import { isEventType } from "@/lib/webhook/events";
import { TEST_CALL_TIMEOUT_MS, TEST_RESPONSE_LIMIT, type TestCallResult } from "@/lib/webhook/test-call";
import { maskHeaders, type HeaderPair } from "@/lib/webhook/request";
import { buildSampleRequest, MAX_PREVIEW_EVENTS } from "@/lib/webhook/webhook-request";
import { SAMPLE_EVENT_ID } from "@/lib/webhook/device-event";

type TestInput = { config: unknown; kind: "online" | "offline"; eventType: string; count: number };

/**
 * Sends the test request from the portal server (no CORS): the same bytes and headers as the browser
 * would, with saved secret values filled in, through the outbound guard.
 */
export async function sendFromServerAction(deviceId: string, input: TestInput): Promise<TestCallResult> {
  const prepared = await prepareRequest(deviceId, input);
  const base = { id: randomUUID(), at: Date.now(), via: "server" as const, kind: input.kind, eventType: input.eventType, skippedHeaders: [] };
  if (!prepared.ok) return { ...base, ...emptyResponse(prepared.url), method: "POST", failure: { kind: "server-side", title: "Not sent", message: prepared.message } };
  const { request, secretNames } = prepared;
  const result = await sendRequest({
    method: request.method, url: request.url!, headers: request.headers, body: request.body,
    timeoutMs: TEST_CALL_TIMEOUT_MS, maxResponseBytes: TEST_RESPONSE_LIMIT, policy: outboundPolicyFromEnv(),
  });
  await recordTestDelivery(deviceId, { ...request, url: request.url!, headers: maskHeaders(request.headers, secretNames), eventIds: sampleIds(input.kind, input.count) }, result);
  return {
    ...base,
    method: request.method,
    url: request.url!,
    ok: result.ok,
    status: result.status,
    statusText: result.statusText ?? "",
    latencyMs: result.latencyMs,
    responseHeaders: result.responseHeaders,
    body: result.body,
    truncated: result.truncated,
    failure: result.error && !result.ok ? { kind: "server-side", title: titleFor(result.error.cause), message: result.error.message } : null,
  };
}

/** Logs a browser test call in the Deliveries tab; the page masks secret values before sending the record. */
export async function recordBrowserTestAction(deviceId: string, record: { method: string; url: string; headers: HeaderPair[]; body: string; count: number; result: TestCallResult }) {
  const { result } = record;
  const error = result.failure ? { cause: result.failure.kind, message: result.failure.title } : null;
  await recordTestDelivery(deviceId, { method: record.method, url: record.url, headers: record.headers, body: record.body, eventIds: sampleIds(result.kind, record.count) }, {
    ok: result.ok, status: result.status, latencyMs: result.latencyMs, error, responseHeaders: result.responseHeaders, body: result.body,
  });
}

/** Sends the preflight a browser would send for this request, from the server, and reports what is allowed. */
export async function checkCorsAction(input: { url: string; method: string; requestHeaders: string[]; origin: string }): Promise<CorsReport> {
  return checkCors({ ...input, policy: outboundPolicyFromEnv(), timeoutMs: TEST_CALL_TIMEOUT_MS });
}

async function prepareRequest(deviceId: string, input: TestInput) {
  const device = await findDevice(deviceId);
  if (!device) return { ok: false as const, url: "", message: `Device ${deviceId} not found.` };
  const parsed = webhookConfigSchema.safeParse(input.config);
  if (!parsed.success) return { ok: false as const, url: "", message: "The form has errors: fix the highlighted fields, then send again." };
  if (!isEventType(input.eventType)) return { ok: false as const, url: "", message: `Unknown event type ${input.eventType}.` };
  const saved = await readWebhookConfig(Number(device.id));
  const target = input.kind === "online" ? parsed.data.onlineUrl : parsed.data.offlineUrl;
  const moved = keptSecretErrors(parsed.data.headers, endpointOrigins({ onlineUrl: target, offlineUrl: null }), endpointOrigins(saved));
  if (moved.length > 0) return { ok: false as const, url: target ?? "", message: moved[0].message };
  const stored = saved.headers.flatMap((h) => (h.value === null ? [] : [{ name: h.name, value: h.value }]));
  const secrets = resolveSecretHeaders(parsed.data.headers, stored);
  if (!secrets.ok) return { ok: false as const, url: "", message: secrets.errors[0].message };
  const request = buildSampleRequest({ ...parsed.data, headers: secrets.headers }, toDeviceContext(device), {
    kind: input.kind, eventType: input.eventType, count: input.count, maskSecrets: false, firmware: device.firmware,
  });
  if (!request.url) return { ok: false as const, url: "", message: `Enter the ${input.kind} event URL first.` };
  return { ok: true as const, request, secretNames: parsed.data.headers.filter((h) => h.secret).map((h) => h.name) };
}

/** The ids of the sample events a test sends (deterministic: they start at the preview's first id). */
function sampleIds(kind: "online" | "offline", count: number): number[] {
  return Array.from({ length: kind === "online" ? 1 : Math.min(Math.max(count, 1), MAX_PREVIEW_EVENTS) }, (_, i) => SAMPLE_EVENT_ID + i);
}

function emptyResponse(url: string) {
  return { url, ok: false, status: null, statusText: "", latencyMs: null, responseHeaders: [], body: "", truncated: false };
}

function titleFor(cause: string): string {
  const titles: Record<string, string> = {
    blocked: "Refused by the outbound guard", dns: "Host name not found", refused: "Connection refused", reset: "Connection reset",
    tls: "TLS error", timeout: "Timed out", redirect: "Redirect not followed", http: "Receiver answered with an error", "invalid-url": "Invalid URL",
  };
  return titles[cause] ?? "Request failed";
}
