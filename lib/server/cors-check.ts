import "server-only";

import { sendRequest, type SendError } from "@/lib/server/http-send";
import type { OutboundPolicy, Resolver } from "@/lib/server/outbound-guard";
import { evaluatePreflight, type CorsCheckItem, type PreflightRequest } from "@/lib/webhook/cors-rules";

export type CorsReport = {
  reachable: boolean;
  status: number | null;
  error?: SendError;
  items: CorsCheckItem[];
  missingHeaders: string[];
  ok: boolean;
};

export type CorsCheckOptions = PreflightRequest & {
  url: string;
  policy: OutboundPolicy;
  timeoutMs?: number;
  resolver?: Resolver;
};

/** Sends the OPTIONS preflight a browser would send, from the server, and evaluates the answer. */
export async function checkCors(options: CorsCheckOptions): Promise<CorsReport> {
  const { url, method, requestHeaders, origin, policy, timeoutMs, resolver } = options;
  const headers: [string, string][] = [
    ["Accept", "*/*"],
    ["Origin", origin],
    ["Access-Control-Request-Method", method],
  ];
  // Browsers omit the header entirely when there is nothing to ask for.
  if (requestHeaders.length > 0) headers.push(["Access-Control-Request-Headers", requestHeaders.join(",")]);
  const result = await sendRequest({ method: "OPTIONS", url, headers, policy, timeoutMs, resolver });
  if (result.status === null) {
    return { reachable: false, status: null, error: result.error ?? undefined, items: [], missingHeaders: [], ok: false };
  }
  const evaluation = evaluatePreflight(result.responseHeaders, result.status, { origin, method, requestHeaders });
  return {
    reachable: true,
    status: result.status,
    error: result.error ?? undefined,
    items: evaluation.items,
    missingHeaders: evaluation.missingHeaders,
    ok: evaluation.ok,
  };
}
