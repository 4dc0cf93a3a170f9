import { describe, expect, test } from "vitest";
import { preflightHeaders, responseCorsHeaders, WEBHOOK_SITE_ALLOW_HEADERS, WEBHOOK_SITE_ALLOW_METHODS } from "@/lib/server/inspector-cors";
import { CORS_MODES } from "@/lib/server/inspector-schema";

const PREFLIGHT = { origin: "http://localhost:3000", requestMethod: "PUT", requestHeaders: "content-type,authorization,x-api-key" };

describe("preflightHeaders", () => {
  test("open reflects the origin, the requested method and exactly the requested headers", () => {
    expect(preflightHeaders("open", PREFLIGHT)).toEqual({
      "Access-Control-Allow-Origin": "http://localhost:3000",
      "Access-Control-Allow-Methods": "PUT, GET, POST, PATCH, DELETE, OPTIONS",
      "Access-Control-Allow-Headers": "content-type,authorization,x-api-key",
      "Access-Control-Max-Age": "600",
      Vary: "Origin",
    });
  });

  test("open without an origin allows any, and sends no Allow-Headers when none are asked", () => {
    const headers = preflightHeaders("open", { origin: null, requestMethod: null, requestHeaders: null });
    expect(headers["Access-Control-Allow-Origin"]).toBe("*");
    expect(headers["Access-Control-Allow-Methods"]).toBe("GET, POST, PUT, PATCH, DELETE, OPTIONS");
    expect(headers).not.toHaveProperty("Access-Control-Allow-Headers");
  });

  test.each(["GET", "POST", "DELETE"])("open does not repeat the requested method %s", (method) => {
    const methods = preflightHeaders("open", { ...PREFLIGHT, requestMethod: method })["Access-Control-Allow-Methods"].split(", ");
    expect(methods[0]).toBe(method);
    expect(new Set(methods).size).toBe(methods.length);
  });

  test.each(["PUT\r\nX-Evil: 1", "GET POST", ""])("open ignores a requested method that is not a token: %j", (method) => {
    expect(preflightHeaders("open", { ...PREFLIGHT, requestMethod: method })["Access-Control-Allow-Methods"]).toBe("GET, POST, PUT, PATCH, DELETE, OPTIONS");
  });

  test("webhook.site answers its fixed allow list whatever is asked", () => {
    expect(preflightHeaders("webhook.site", PREFLIGHT)).toEqual({
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": "GET, PUT, PATCH, POST, OPTIONS",
      "Access-Control-Allow-Headers": "DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range",
    });
    expect(WEBHOOK_SITE_ALLOW_HEADERS.toLowerCase()).not.toContain("authorization");
    expect(WEBHOOK_SITE_ALLOW_METHODS).not.toContain("DELETE");
  });

  test("off sends no CORS header at all", () => {
    expect(preflightHeaders("off", PREFLIGHT)).toEqual({});
  });
});

describe("responseCorsHeaders", () => {
  test.each([
    ["open", "http://a.test", { "Access-Control-Allow-Origin": "http://a.test", "Access-Control-Expose-Headers": "*", Vary: "Origin" }],
    ["open", null, { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "*", Vary: "Origin" }],
    ["webhook.site", "http://a.test", { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "*" }],
    ["off", "http://a.test", {}],
  ] as const)("%s with origin %s", (mode, origin, expected) => {
    expect(responseCorsHeaders(mode, origin)).toEqual(expected);
  });

  test.each(CORS_MODES)("%s: every header name is a CORS response header or Vary", (mode) => {
    for (const name of Object.keys({ ...responseCorsHeaders(mode, "http://a.test"), ...preflightHeaders(mode, PREFLIGHT) })) {
      expect(name).toMatch(/^(Access-Control-|Vary$)/);
    }
  });
});
