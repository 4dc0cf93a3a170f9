"use server";

import { randomUUID } from "node:crypto";
import { checkCors, type CorsReport } from "@/lib/server/cors-check";
import { sendRequest } from "@/lib/server/http-send";
import { outboundPolicyFromEnv } from "@/lib/server/outbound-guard";
import { findDevice, toDeviceContext } from "@/lib/server/places-repo";
import { readWebhookConfig } from "@/lib/server/webhook-repo";
import { resolveSecretHeaders, webhookConfigSchema } from "@/lib/webhook/config-schema";
import { isEventType } from "@/lib/webhook/events";
import { TEST_CALL_TIMEOUT_MS, TEST_RESPONSE_LIMIT, type TestCallResult } from "@/lib/webhook/test-call";
import { buildSampleRequest } from "@/lib/webhook/webhook-request";

type TestInput = { config: unknown; kind: "online" | "offline"; eventType: string; count: number };

/**
 * Sends the test request from the portal server (no CORS): the same bytes and headers as the browser
 * would, with saved secret values filled in, through the outbound guard.
 */
export async function sendFromServerAction(deviceId: string, input: TestInput): Promise<TestCallResult> {
  const prepared = await prepareRequest(deviceId, input);
  const base = { id: randomUUID(), at: Date.now(), via: "server" as const, kind: input.kind, eventType: input.eventType, skippedHeaders: [] };
  if (!prepared.ok) return { ...base, ...emptyResponse(prepared.url), method: "POST", failure: { kind: "server-side", title: "Not sent", message: prepared.message } };
  const { request } = prepared;
  const result = await sendRequest({
    method: request.method, url: request.url!, headers: request.headers, body: request.body,
    timeoutMs: TEST_CALL_TIMEOUT_MS, maxResponseBytes: TEST_RESPONSE_LIMIT, policy: outboundPolicyFromEnv(),
  });
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
  const stored = (await readWebhookConfig(Number(device.id))).headers.flatMap((h) => (h.value === null ? [] : [{ name: h.name, value: h.value }]));
  const secrets = resolveSecretHeaders(parsed.data.headers, stored);
  if (!secrets.ok) return { ok: false as const, url: "", message: secrets.errors[0].message };
  const request = buildSampleRequest({ ...parsed.data, headers: secrets.headers }, toDeviceContext(device), {
    kind: input.kind, eventType: input.eventType, count: input.count, maskSecrets: false,
  });
  if (!request.url) return { ok: false as const, url: "", message: `Enter the ${input.kind} event URL first.` };
  return { ok: true as const, request };
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
