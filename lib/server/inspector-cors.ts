import "server-only";
import type { CorsMode } from "@/lib/server/inspector-schema";

/** The methods webhook.site allows once CORS is switched on (DOMAIN.md §5). */
export const WEBHOOK_SITE_ALLOW_METHODS = "GET, PUT, PATCH, POST, OPTIONS";

/** The only request headers webhook.site allows (DOMAIN.md §5): Authorization and X-Api-Key fail. */
export const WEBHOOK_SITE_ALLOW_HEADERS = "DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range";

/** Methods an open bin allows besides the one the preflight asks for. */
export const OPEN_ALLOW_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Seconds a browser may cache an open bin's preflight answer. */
export const OPEN_MAX_AGE_SECONDS = 600;

/** What a preflight carries that matters to the answer. */
export type PreflightRequest = { origin: string | null; requestMethod: string | null; requestHeaders: string | null };

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Headers of the answer to an OPTIONS request, by the bin's CORS mode. */
export function preflightHeaders(mode: CorsMode, req: PreflightRequest): Record<string, string> {
  switch (mode) {
    case "open": {
      const headers: Record<string, string> = {
        "Access-Control-Allow-Origin": req.origin || "*",
        "Access-Control-Allow-Methods": allowedMethods(req.requestMethod).join(", "),
        "Access-Control-Max-Age": String(OPEN_MAX_AGE_SECONDS),
        Vary: "Origin",
      };
      const asked = req.requestHeaders?.trim();
      if (asked) headers["Access-Control-Allow-Headers"] = asked;
      return headers;
    }
    case "webhook.site":
      return {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": WEBHOOK_SITE_ALLOW_METHODS,
        "Access-Control-Allow-Headers": WEBHOOK_SITE_ALLOW_HEADERS,
      };
    case "off":
      return {};
  }
}

/** CORS headers of every other answer, so a page can read the response (and all its headers). */
export function responseCorsHeaders(mode: CorsMode, origin: string | null): Record<string, string> {
  switch (mode) {
    case "open":
      return { "Access-Control-Allow-Origin": origin || "*", "Access-Control-Expose-Headers": "*", Vary: "Origin" };
    case "webhook.site":
      return { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "*" };
    case "off":
      return {};
  }
}

/** The requested method first (when it is a valid token), then the usual ones, without repeats. */
function allowedMethods(requested: string | null): string[] {
  const method = requested?.trim();
  const first = method && TOKEN.test(method) ? [method] : [];
  return [...new Set([...first, ...OPEN_ALLOW_METHODS])];
}
