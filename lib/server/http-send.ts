import "server-only";

import http from "node:http";
import https from "node:https";
import net from "node:net";

import { checkTarget, type OutboundPolicy, type Resolver } from "@/lib/server/outbound-guard";

export type SendCause =
  | "invalid-url"
  | "blocked"
  | "dns"
  | "refused"
  | "reset"
  | "tls"
  | "timeout"
  | "redirect"
  | "http"
  | "network";

export type SendError = { cause: SendCause; message: string };

export type SendResult = {
  /** True for a complete 2xx answer within the timeout. */
  ok: boolean;
  status: number | null;
  statusText: string | null;
  latencyMs: number;
  /** Names lower-cased, in the order received, repeated headers kept. */
  responseHeaders: [string, string][];
  body: string;
  truncated: boolean;
  error: SendError | null;
};

export type SendOptions = {
  method: string;
  url: string;
  headers: [string, string][];
  body?: string;
  timeoutMs?: number;
  maxResponseBytes?: number;
  policy: OutboundPolicy;
  signal?: AbortSignal;
  /** Test seam for DNS; defaults to dns.lookup({ all: true }). */
  resolver?: Resolver;
};

/** Same order of magnitude as GitHub's webhook timeout (DOMAIN.md §6). */
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 65_536;

/** Sends one request through the outbound guard; never throws, every failure is classified. */
export async function sendRequest(options: SendOptions): Promise<SendResult> {
  const started = performance.now();
  const deadline = startDeadline(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.signal);
  try {
    const target = await raceDeadline(checkTarget(options.url, options.policy, options.resolver), deadline.signal);
    if (!target.ok) return failure(started, { cause: target.cause, message: target.message });
    const exchange = await performExchange(options, target, deadline.signal);
    return exchangeResult(started, target.url, exchange);
  } catch (err) {
    return failure(started, classifyNodeError(err));
  } finally {
    deadline.clear();
  }
}

/** Maps a Node network, DNS or TLS error to a failure cause and a readable message. */
export function classifyNodeError(err: unknown): SendError {
  const code = errorCode(err);
  const detail = errorMessage(err);
  const cause = causeOf(code, detail);
  return { cause, message: `${CAUSE_LABELS[cause]}: ${detail}` };
}

type AllowedTarget = { url: URL; address: string; family: 4 | 6 };

type Exchange = {
  response: http.IncomingMessage;
  body: Buffer;
  truncated: boolean;
  error: unknown;
};

const CAUSE_LABELS: Record<SendCause, string> = {
  "invalid-url": "invalid URL",
  blocked: "blocked",
  dns: "DNS lookup failed",
  refused: "connection refused",
  reset: "connection reset",
  tls: "TLS error",
  timeout: "timed out",
  redirect: "redirect",
  http: "HTTP error",
  network: "network error",
};

const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NONAME", "EAI_NODATA", "ENODATA", "ESERVFAIL"]);
const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "ESOCKETTIMEDOUT", "UND_ERR_CONNECT_TIMEOUT"]);
const TLS_CODE = /^(CERT_|ERR_TLS_|ERR_SSL_)|SELF_SIGNED|UNABLE_TO_|DEPTH_ZERO|HOSTNAME_MISMATCH/;
const TLS_MESSAGE = /certificate|self[- ]signed|ssl routines|\btls\b/i;

// Framing and the target name are ours to set: a caller's copy could desync the body or bypass the pinned host.
const MANAGED_HEADERS = new Set(["host", "content-length", "transfer-encoding", "connection"]);
const BODYLESS_METHODS = new Set(["GET", "HEAD", "OPTIONS", "DELETE", "TRACE"]);

function causeOf(code: string | undefined, message: string): SendCause {
  if (code && DNS_CODES.has(code)) return "dns";
  if (code === "ECONNREFUSED") return "refused";
  if (code && RESET_CODES.has(code)) return "reset";
  if (code && TIMEOUT_CODES.has(code)) return "timeout";
  if ((code && TLS_CODE.test(code)) || TLS_MESSAGE.test(message)) return "tls";
  return "network";
}

function errorCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string") return code;
  // Happy-eyeballs connects (autoSelectFamily) can fail with an AggregateError of per-address errors.
  const inner = (err as { errors?: unknown }).errors;
  return Array.isArray(inner) && inner.length > 0 ? errorCode(inner[0]) : undefined;
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message || errorCode(err) || err.name;
  return String(err);
}

function startDeadline(timeoutMs: number, external: AbortSignal | undefined) {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(codedError("ETIMEDOUT", `no complete response within ${timeoutMs} ms`)),
    timeoutMs,
  );
  const onExternalAbort = () => controller.abort(codedError("ABORT_ERR", "request cancelled"));
  if (external?.aborted) onExternalAbort();
  external?.addEventListener("abort", onExternalAbort, { once: true });
  const clear = () => {
    clearTimeout(timer);
    external?.removeEventListener("abort", onExternalAbort);
  };
  return { signal: controller.signal, clear };
}

// dns.lookup cannot be cancelled, so a slow resolver is raced against the deadline instead.
function raceDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function performExchange(options: SendOptions, target: AllowedTarget, signal: AbortSignal): Promise<Exchange> {
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  return new Promise<Exchange>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const body = options.body === undefined ? undefined : Buffer.from(options.body, "utf8");
    let request: http.ClientRequest;
    try {
      request = openRequest(options, target, body);
    } catch (err) {
      return reject(err); // invalid method or header characters
    }
    const onAbort = () => request.destroy(signal.reason as Error);
    signal.addEventListener("abort", onAbort, { once: true });
    let responded = false;
    // Stays attached after the response so late socket errors are never unhandled; collectBody reports those.
    request.on("error", (err) => {
      if (!responded) reject(err);
    });
    request.on("close", () => signal.removeEventListener("abort", onAbort));
    request.on("response", (response) => {
      responded = true;
      collectBody(response, maxBytes, signal).then((read) => resolve({ response, ...read }));
    });
    request.end(body);
  });
}

function openRequest(options: SendOptions, target: AllowedTarget, body: Buffer | undefined): http.ClientRequest {
  const { url } = target;
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const isHttps = url.protocol === "https:";
  const requestOptions: https.RequestOptions = {
    method: options.method,
    host: hostname,
    port: url.port || (isHttps ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    headers: headerLines(options, url, body),
    // Pinning the checked address means a second, different DNS answer (rebinding) is never used.
    lookup: pinnedLookup(target.address, target.family),
    agent: false,
    ...(isHttps && !net.isIP(hostname) ? { servername: hostname } : {}),
  };
  return (isHttps ? https : http).request(requestOptions);
}

function pinnedLookup(address: string, family: 4 | 6): net.LookupFunction {
  return (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

function headerLines(options: SendOptions, url: URL, body: Buffer | undefined): string[] {
  const lines = ["Host", url.host];
  for (const [name, value] of options.headers) {
    if (!MANAGED_HEADERS.has(name.trim().toLowerCase())) lines.push(name, value);
  }
  if (body !== undefined) lines.push("Content-Length", String(body.byteLength));
  else if (!BODYLESS_METHODS.has(options.method.toUpperCase())) lines.push("Content-Length", "0");
  lines.push("Connection", "close");
  return lines;
}

function collectBody(
  response: http.IncomingMessage,
  maxBytes: number,
  signal: AbortSignal,
): Promise<{ body: Buffer; truncated: boolean; error: unknown }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let lastError: unknown = null;
    let settled = false;
    const finish = (truncated: boolean, error: unknown) => {
      if (settled) return;
      settled = true;
      resolve({ body: Buffer.concat(chunks, size), truncated, error: signal.aborted ? signal.reason : error });
    };
    response.on("data", (chunk: Buffer) => {
      const room = maxBytes - size;
      chunks.push(chunk.subarray(0, room));
      size += Math.min(room, chunk.byteLength);
      if (chunk.byteLength > room) {
        finish(true, null);
        response.destroy(); // stop downloading what will never be shown
      }
    });
    response.on("end", () => finish(false, null));
    response.on("error", (err) => (lastError = err));
    response.on("close", () => finish(false, lastError ?? codedError("ECONNRESET", "response ended early")));
  });
}

function exchangeResult(started: number, url: URL, exchange: Exchange): SendResult {
  const { response } = exchange;
  const status = response.statusCode ?? null;
  const statusText = response.statusMessage ?? null;
  const error = exchange.error ? classifyNodeError(exchange.error) : statusError(status, statusText, response, url);
  return {
    ok: error === null,
    status,
    statusText,
    latencyMs: elapsed(started),
    responseHeaders: headerPairs(response.rawHeaders),
    body: exchange.body.toString("utf8"),
    truncated: exchange.truncated,
    error,
  };
}

function statusError(
  status: number | null,
  statusText: string | null,
  response: http.IncomingMessage,
  url: URL,
): SendError | null {
  if (status !== null && status >= 200 && status < 300) return null;
  const location = response.headers.location;
  if (status !== null && status >= 300 && status < 400 && location) {
    return { cause: "redirect", message: `redirect to ${absoluteLocation(location, url)} not followed` };
  }
  return { cause: "http", message: `HTTP ${status ?? "?"}${statusText ? ` ${statusText}` : ""}` };
}

function absoluteLocation(location: string, base: URL): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

function headerPairs(raw: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i].toLowerCase(), raw[i + 1]]);
  return pairs;
}

function failure(started: number, error: SendError): SendResult {
  return {
    ok: false,
    status: null,
    statusText: null,
    latencyMs: elapsed(started),
    responseHeaders: [],
    body: "",
    truncated: false,
    error,
  };
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function codedError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}
