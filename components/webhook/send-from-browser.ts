import type { SampleSelection } from "@/components/webhook/use-webhook-request";
import { classifyFetchFailure, precheckTestCall, TEST_CALL_TIMEOUT_MS, TEST_RESPONSE_LIMIT, type TestCallResult } from "@/lib/webhook/test-call";
import type { WebhookRequest } from "@/lib/webhook/webhook-request";

/** Sends the request with the page's own fetch, as CLUe does, and explains any failure. */
export async function sendFromBrowser(request: WebhookRequest, selection: SampleSelection): Promise<TestCallResult> {
  const base = {
    id: crypto.randomUUID(), at: Date.now(), via: "browser" as const, method: request.method, url: request.url ?? "",
    eventType: selection.eventType, kind: selection.kind, ok: false, status: null, statusText: "", latencyMs: null,
    responseHeaders: [], body: "", truncated: false, skippedHeaders: [],
  };
  const precheck = precheckTestCall(request.url, window.location.href, selection.kind);
  if (precheck) return { ...base, failure: precheck };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, TEST_CALL_TIMEOUT_MS);
  const started = performance.now();
  try {
    const response = await fetch(request.url!, {
      method: request.method, headers: request.headers, body: request.body,
      mode: "cors", credentials: "omit", redirect: "manual", cache: "no-store", signal: controller.signal,
    });
    const text = await response.text();
    const latencyMs = Math.round(performance.now() - started);
    if (response.type === "opaqueredirect") {
      return { ...base, latencyMs, failure: { kind: "server-side", title: "Redirect not followed", message: "The receiver answered with a redirect. The device does not follow redirects: use the final URL." } };
    }
    return {
      ...base, ok: response.ok, status: response.status, statusText: response.statusText, latencyMs,
      responseHeaders: [...response.headers.entries()], body: text.slice(0, TEST_RESPONSE_LIMIT), truncated: text.length > TEST_RESPONSE_LIMIT,
      failure: null,
    };
  } catch {
    return { ...base, latencyMs: Math.round(performance.now() - started), failure: classifyFetchFailure(timedOut, { url: request.url!, method: request.method, headers: request.headers }, window.location.origin) };
  } finally {
    clearTimeout(timer);
  }
}
