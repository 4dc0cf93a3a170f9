import "server-only";
import { preflightHeaders, responseCorsHeaders } from "@/lib/server/inspector-cors";
import type { CorsMode } from "@/lib/server/inspector-schema";

/** Largest request body a bin records; a bigger one is answered 413 and recorded without its body. */
export const MAX_HOOK_BODY_BYTES = 1024 * 1024;

/** Past the limit the rest of a body is read and counted (so the sender sees the 413) up to this many bytes. */
export const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/** Every method the receiver answers, for `Allow`. */
export const HOOK_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

/** A request body as a bin records it. */
export type LimitedBody = { text: string; size: number; tooLarge: boolean };

/** What the receiver answers (the route turns it into a Response). */
export type HookAnswer = { status: number; headers: Record<string, string>; body: string | null };

/**
 * Reads a body with a byte counter: keeps at most `limit` bytes, then only counts (never buffering
 * more) until the end or `drainLimit`; `declaredLength` (Content-Length) fills in a size cut short.
 */
export async function readBodyLimited(
  stream: ReadableStream<Uint8Array> | null,
  { limit = MAX_HOOK_BODY_BYTES, drainLimit = MAX_DRAIN_BYTES, declaredLength = null as number | null } = {},
): Promise<LimitedBody> {
  if (!stream) return { text: "", size: 0, tooLarge: false };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let tooLarge = false;
  let cutShort = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (!tooLarge && size > limit) {
      tooLarge = true;
      chunks.length = 0;
    }
    if (!tooLarge) chunks.push(value);
    else if (size > drainLimit) {
      cutShort = true;
      await reader.cancel().catch(() => {});
      break;
    }
  }
  if (cutShort && declaredLength !== null && declaredLength > size) size = declaredLength;
  const text = tooLarge ? "" : new TextDecoder("utf-8", { ignoreBOM: true }).decode(Buffer.concat(chunks));
  return { text, size, tooLarge };
}

/** The answer to a non-OPTIONS request: the bin's status and body, its CORS headers; 413 for a body too large. */
export function buildHookAnswer(
  bin: { corsMode: CorsMode; responseStatus: number; responseBody: string },
  request: { method: string; origin: string | null; tooLarge: boolean },
): HookAnswer {
  const cors = responseCorsHeaders(bin.corsMode, request.origin);
  if (request.tooLarge) {
    const body = JSON.stringify({
      errors: [{ code: "payload_too_large", message: `The body is larger than ${MAX_HOOK_BODY_BYTES / 1024 / 1024} MiB; the inspector recorded the request without it.` }],
    });
    return { status: 413, headers: { ...cors, "Content-Type": "application/json", "Cache-Control": "no-store" }, body: request.method === "HEAD" ? null : body };
  }
  const status = bin.responseStatus;
  const hasBody = request.method !== "HEAD" && !NULL_BODY_STATUSES.has(status);
  const headers: Record<string, string> = { ...cors, "Cache-Control": "no-store" };
  if (!NULL_BODY_STATUSES.has(status)) headers["Content-Type"] = isJson(bin.responseBody) ? "application/json" : "text/plain; charset=utf-8";
  return { status, headers, body: hasBody ? bin.responseBody : null };
}

/** The answer to an OPTIONS request (a preflight, usually): 204 with the CORS mode's headers. */
export function buildPreflightAnswer(
  mode: CorsMode,
  request: { origin: string | null; requestMethod: string | null; requestHeaders: string | null },
): HookAnswer {
  return { status: 204, headers: { ...preflightHeaders(mode, request), Allow: HOOK_METHODS, "Cache-Control": "no-store" }, body: null };
}

/** True when the text parses as JSON. */
export function isJson(text: string): boolean {
  if (text.trim() === "") return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The address of the client: the first hop of X-Forwarded-For, else "". */
export function clientAddress(forwardedFor: string | null): string {
  return forwardedFor?.split(",")[0]?.trim().slice(0, 100) ?? "";
}

/** The path after `/api/hooks/<binId>`, as sent ("/" when there is none). */
export function pathSuffix(pathname: string): string {
  return /^\/api\/hooks\/[^/]*(\/.*)?$/.exec(pathname)?.[1] ?? "/";
}

// Statuses whose responses must not carry a body (the Response constructor refuses one).
const NULL_BODY_STATUSES = new Set([204, 205, 304]);
