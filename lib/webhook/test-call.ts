import { preflightHeaderNames } from "@/lib/webhook/cors-rules";
import type { HeaderPair } from "@/lib/webhook/request";

/** How long a test call may take before it counts as a timeout. */
export const TEST_CALL_TIMEOUT_MS = 10_000;

/** How much of a response body a test result keeps. */
export const TEST_RESPONSE_LIMIT = 64 * 1024;

/** How many test results stay on the page. */
export const MAX_TEST_RESULTS = 10;

export type TestFailureKind = "no-url" | "invalid-url" | "mixed-content" | "timeout" | "cors-or-unreachable" | "server-side";

/** Why a test call failed, in words that say what to do. */
export type TestCallFailure = {
  kind: TestFailureKind;
  title: string;
  message: string;
  /** For CORS failures: the Access-Control-Request-Headers the receiver must allow. */
  preflightHeaders?: string[];
};

/** One test call's outcome, from the browser or from the portal server. */
export type TestCallResult = {
  id: string;
  at: number;
  via: "browser" | "server";
  method: string;
  url: string;
  eventType: string;
  kind: "online" | "offline";
  ok: boolean;
  status: number | null;
  statusText: string;
  latencyMs: number | null;
  responseHeaders: HeaderPair[];
  body: string;
  truncated: boolean;
  failure: TestCallFailure | null;
  /** Headers left out of a browser call, with the reason (e.g. a saved secret the page does not know). */
  skippedHeaders: string[];
};

/** Refuses a test call that cannot work before anything is sent: no URL, a bad URL, or mixed content. */
export function precheckTestCall(url: string | null, pageUrl: string, kind: "online" | "offline"): TestCallFailure | null {
  const label = kind === "online" ? "online event URL" : "offline event URL";
  if (!url) return { kind: "no-url", title: `No ${label}`, message: `Enter the ${label} above, or use an inspector bin, then send again.` };
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { kind: "invalid-url", title: "Invalid URL", message: `“${url}” is not an absolute http(s) URL. Fix the ${label}.` };
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    return { kind: "invalid-url", title: "Invalid URL", message: `The ${label} must start with https:// or http://.` };
  }
  if (new URL(pageUrl).protocol === "https:" && target.protocol === "http:" && !isPotentiallyTrustworthy(target.hostname)) {
    return {
      kind: "mixed-content",
      title: "Blocked as mixed content",
      message: `This page is served over https, so the browser refuses to call ${target.origin} over plain http. Use an https URL, or send from the portal server (the device itself is not affected).`,
    };
  }
  return null;
}

/** Explains a failed browser fetch: a timeout, or the generic TypeError behind both CORS and unreachable hosts. */
export function classifyFetchFailure(timedOut: boolean, request: { url: string; method: string; headers: readonly HeaderPair[] }, pageOrigin: string): TestCallFailure {
  const host = safeOrigin(request.url);
  if (timedOut) {
    return {
      kind: "timeout",
      title: "Timed out",
      message: `${host} did not answer within ${TEST_CALL_TIMEOUT_MS / 1000} s. Check that the receiver is running and answers quickly (the device waits at most 10 s too).`,
    };
  }
  const preflightHeaders = preflightHeaderNames(request.headers);
  return {
    kind: "cors-or-unreachable",
    title: "Blocked by CORS, or the receiver is unreachable",
    message:
      `The browser reports both cases the same way. Because this request sends JSON${preflightHeaders.length > 1 ? " and custom headers" : ""}, ` +
      `the browser first sends an OPTIONS preflight to ${host}. The receiver must answer it with ` +
      `Access-Control-Allow-Origin: ${pageOrigin} (or *), Access-Control-Allow-Methods: ${request.method} and ` +
      `Access-Control-Allow-Headers: ${preflightHeaders.join(", ")}` +
      (preflightHeaders.includes("authorization") ? " (a wildcard * does not cover authorization)" : "") +
      `. The device itself sends no preflight and no Origin: this failure says nothing about whether the device's deliveries will succeed.`,
    preflightHeaders,
  };
}

function isPotentiallyTrustworthy(hostname: string): boolean {
  return hostname === "localhost" || hostname.endsWith(".localhost") || /^127\./.test(hostname) || hostname === "[::1]";
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
