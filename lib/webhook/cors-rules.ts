// The browser's CORS rules for our JSON webhook requests: which headers a preflight asks for, and
// whether a preflight answer lets the request through. Pure, so the page and the server share it.

export type CorsCheckItem = {
  check: "origin" | "method" | "header";
  name: string;
  allowed: boolean;
  detail: string;
};

export type PreflightRequest = {
  origin: string;
  method: string;
  /** Lower-cased, sorted Access-Control-Request-Headers names (see preflightHeaderNames). */
  requestHeaders: string[];
};

export type PreflightEvaluation = {
  items: CorsCheckItem[];
  missingHeaders: string[];
  /** The preflight answer itself was 2xx, which the fetch spec requires. */
  statusOk: boolean;
  ok: boolean;
};

/** Applies the fetch spec's CORS-preflight checks to a preflight answer. */
export function evaluatePreflight(
  responseHeaders: readonly (readonly [string, string])[],
  status: number,
  request: PreflightRequest,
): PreflightEvaluation {
  const allowOrigin = combinedHeader(responseHeaders, "access-control-allow-origin");
  const allowMethods = headerList(combinedHeader(responseHeaders, "access-control-allow-methods"));
  const allowHeaders = headerList(combinedHeader(responseHeaders, "access-control-allow-headers"));
  const headerItems = request.requestHeaders.map((name) => headerItem(name, allowHeaders));
  const items = [originItem(request.origin, allowOrigin), methodItem(request.method, allowMethods), ...headerItems];
  const statusOk = status >= 200 && status < 300;
  return {
    items,
    missingHeaders: headerItems.filter((item) => !item.allowed).map((item) => item.name),
    statusOk,
    ok: statusOk && items.every((item) => item.allowed),
  };
}

/** The Access-Control-Request-Headers names a browser sends for a JSON request carrying these headers. */
export function preflightHeaderNames(headers: readonly (string | readonly [string, string])[]): string[] {
  const names = new Set<string>(["content-type"]); // our body is application/json, never a safelisted type
  for (const header of headers) {
    const [rawName, value] = typeof header === "string" ? [header, undefined] : header;
    const name = rawName.trim().toLowerCase();
    if (name === "" || name === "content-type" || isForbiddenHeader(name)) continue;
    if (!isSafelistedHeader(name, value ?? ASSUMED_VALUES[name])) names.add(name);
  }
  return [...names].sort();
}

// What our JSON requests send when a caller passes only a header name.
const ASSUMED_VALUES: Record<string, string> = { accept: "application/json" };

// Fetch's forbidden request-header names: a page cannot set them, so they never reach a preflight.
const FORBIDDEN_HEADERS = new Set([
  "accept-charset", "accept-encoding", "access-control-request-headers", "access-control-request-method",
  "connection", "content-length", "cookie", "cookie2", "date", "dnt", "expect", "host", "keep-alive",
  "origin", "referer", "set-cookie", "te", "trailer", "transfer-encoding", "upgrade", "via",
]);

const SAFELISTED_METHODS = new Set(["GET", "HEAD", "POST"]);
// Bytes the fetch spec rejects in safelisted accept / accept-language / content-language values.
const UNSAFE_ACCEPT_BYTE = /[\x00-\x08\x0a-\x1f"():<>?@[\\\]{}\x7f]/;
const LANGUAGE_VALUE = /^[0-9A-Za-z *,\-.;=]*$/;

function originItem(origin: string, allowOrigin: string | null): CorsCheckItem {
  if (allowOrigin === null) {
    return { check: "origin", name: origin, allowed: false, detail: "no Access-Control-Allow-Origin header" };
  }
  // Exact byte comparison, as browsers do: a list, a trailing slash or another case all fail.
  const allowed = allowOrigin === "*" || allowOrigin === origin;
  const detail = allowed
    ? `Access-Control-Allow-Origin: ${allowOrigin}`
    : `Access-Control-Allow-Origin is "${allowOrigin}", not "${origin}" or *`;
  return { check: "origin", name: origin, allowed, detail };
}

function methodItem(method: string, allowMethods: string[]): CorsCheckItem {
  const base = { check: "method" as const, name: method };
  // Method names compare case-sensitively in the fetch spec (only some methods are upper-cased by fetch).
  if (allowMethods.includes(method)) return { ...base, allowed: true, detail: "listed in Access-Control-Allow-Methods" };
  if (allowMethods.includes("*")) return { ...base, allowed: true, detail: "allowed by Access-Control-Allow-Methods: *" };
  if (SAFELISTED_METHODS.has(method)) return { ...base, allowed: true, detail: `${method} is a CORS-safelisted method` };
  const listed = allowMethods.length > 0 ? allowMethods.join(", ") : "nothing";
  return { ...base, allowed: false, detail: `not in Access-Control-Allow-Methods (which lists ${listed})` };
}

function headerItem(name: string, allowHeaders: string[]): CorsCheckItem {
  const lower = name.toLowerCase();
  const base = { check: "header" as const, name: lower };
  if (allowHeaders.some((allowed) => allowed.toLowerCase() === lower)) {
    return { ...base, allowed: true, detail: "listed in Access-Control-Allow-Headers" };
  }
  if (allowHeaders.includes("*") && lower !== "authorization") {
    return { ...base, allowed: true, detail: "allowed by Access-Control-Allow-Headers: *" };
  }
  const detail = allowHeaders.includes("*")
    ? "Access-Control-Allow-Headers: * does not cover authorization; it must be listed by name"
    : "not in Access-Control-Allow-Headers";
  return { ...base, allowed: false, detail };
}

function combinedHeader(headers: readonly (readonly [string, string])[], name: string): string | null {
  const values = headers.filter(([key]) => key.toLowerCase() === name).map(([, value]) => value);
  // Repeated headers combine with ", " as in fetch, which makes two Allow-Origin values fail the match.
  return values.length > 0 ? values.join(", ") : null;
}

function headerList(value: string | null): string[] {
  if (value === null) return [];
  return value.split(",").map((part) => part.trim()).filter((part) => part !== "");
}

/** Header names a web page may not set: fetch drops them without an error. */
export function isForbiddenHeader(name: string): boolean {
  return FORBIDDEN_HEADERS.has(name) || name.startsWith("proxy-") || name.startsWith("sec-");
}

function isSafelistedHeader(name: string, value: string | undefined): boolean {
  if (value === undefined || value.length > 128) return false;
  if (name === "accept") return !UNSAFE_ACCEPT_BYTE.test(value);
  if (name === "accept-language" || name === "content-language") return LANGUAGE_VALUE.test(value);
  return false; // content-type is handled by the caller; range needs a value we never send
}
