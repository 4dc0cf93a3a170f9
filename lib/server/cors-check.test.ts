import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, test } from "vitest";

import { checkCors } from "@/lib/server/cors-check";
import { evaluatePreflight, preflightHeaderNames } from "@/lib/webhook/cors-rules";
import { outboundPolicyFromEnv, type OutboundPolicy } from "@/lib/server/outbound-guard";

const ORIGIN = "http://localhost:3000";

// DOMAIN.md §5: webhook.site with CORS switched on.
const WEBHOOK_SITE: [string, string][] = [
  ["access-control-allow-origin", "*"],
  ["access-control-allow-methods", "GET,PUT,PATCH,POST,OPTIONS"],
  ["access-control-allow-headers", "DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range"],
];

const WILDCARD: [string, string][] = [
  ["access-control-allow-origin", "*"],
  ["access-control-allow-methods", "*"],
  ["access-control-allow-headers", "*"],
];

const REFLECTING: [string, string][] = [
  ["access-control-allow-origin", ORIGIN],
  ["access-control-allow-methods", "POST"],
  ["access-control-allow-headers", "authorization,content-type,x-api-key"],
];

type Case = {
  name: string;
  headers: [string, string][];
  status?: number;
  method?: string;
  requestHeaders: string[];
  ok: boolean;
  missing: string[];
  failing: string[];
};

const CASES: Case[] = [
  { name: "webhook.site-like with Authorization", headers: WEBHOOK_SITE, requestHeaders: ["authorization", "content-type"], ok: false, missing: ["authorization"], failing: ["header:authorization"] },
  { name: "webhook.site-like with X-Api-Key", headers: WEBHOOK_SITE, requestHeaders: ["content-type", "x-api-key"], ok: false, missing: ["x-api-key"], failing: ["header:x-api-key"] },
  { name: "webhook.site-like with content-type only", headers: WEBHOOK_SITE, requestHeaders: ["content-type"], ok: true, missing: [], failing: [] },
  { name: "webhook.site-like with PUT", headers: WEBHOOK_SITE, method: "PUT", requestHeaders: ["content-type"], ok: true, missing: [], failing: [] },
  { name: "ACAH * with Authorization", headers: WILDCARD, requestHeaders: ["authorization", "content-type", "x-api-key"], ok: false, missing: ["authorization"], failing: ["header:authorization"] },
  { name: "ACAH * without Authorization", headers: WILDCARD, method: "DELETE", requestHeaders: ["content-type", "x-api-key"], ok: true, missing: [], failing: [] },
  { name: "open reflection", headers: REFLECTING, requestHeaders: ["authorization", "content-type", "x-api-key"], ok: true, missing: [], failing: [] },
  { name: "no ACAO", headers: WEBHOOK_SITE.slice(1), requestHeaders: ["content-type"], ok: false, missing: [], failing: [`origin:${ORIGIN}`] },
  { name: "ACAO for another origin", headers: [["access-control-allow-origin", "https://other.example"], ...WEBHOOK_SITE.slice(1)], requestHeaders: ["content-type"], ok: false, missing: [], failing: [`origin:${ORIGIN}`] },
  { name: "two ACAO headers", headers: [["access-control-allow-origin", ORIGIN], ...WEBHOOK_SITE], requestHeaders: ["content-type"], ok: false, missing: [], failing: [`origin:${ORIGIN}`] },
  { name: "ACAO with a trailing slash", headers: [["access-control-allow-origin", `${ORIGIN}/`], ...WEBHOOK_SITE.slice(1)], requestHeaders: ["content-type"], ok: false, missing: [], failing: [`origin:${ORIGIN}`] },
  { name: "DELETE not listed", headers: WEBHOOK_SITE, method: "DELETE", requestHeaders: ["content-type"], ok: false, missing: [], failing: ["method:DELETE"] },
  { name: "method listed in lower case", headers: [["access-control-allow-origin", "*"], ["access-control-allow-methods", "patch"], ["access-control-allow-headers", "content-type"]], method: "PATCH", requestHeaders: ["content-type"], ok: false, missing: [], failing: ["method:PATCH"] },
  { name: "POST is safelisted even if unlisted", headers: [["access-control-allow-origin", "*"], ["access-control-allow-headers", "Content-Type"]], requestHeaders: ["content-type"], ok: true, missing: [], failing: [] },
  { name: "headers listed in mixed case with spaces", headers: [["Access-Control-Allow-Origin", "*"], ["Access-Control-Allow-Headers", " Content-Type , X-API-KEY "]], requestHeaders: ["content-type", "x-api-key"], ok: true, missing: [], failing: [] },
  { name: "no CORS headers at all", headers: [], requestHeaders: ["content-type", "x-api-key"], ok: false, missing: ["content-type", "x-api-key"], failing: [`origin:${ORIGIN}`, "header:content-type", "header:x-api-key"] },
  { name: "everything allowed but a 404 preflight", headers: WILDCARD, status: 404, requestHeaders: ["content-type"], ok: false, missing: [], failing: [] },
];

describe("evaluatePreflight", () => {
  test.each(CASES)("$name -> ok=$ok missing=$missing", ({ headers, status, method, requestHeaders, ok, missing, failing }) => {
    const result = evaluatePreflight(headers, status ?? 204, { origin: ORIGIN, method: method ?? "POST", requestHeaders });
    expect(result.ok).toBe(ok);
    expect(result.missingHeaders).toEqual(missing);
    expect(result.items.filter((item) => !item.allowed).map((item) => `${item.check}:${item.name}`)).toEqual(failing);
    expect(result.items).toHaveLength(2 + requestHeaders.length);
  });

  test("the wildcard explanation names authorization", () => {
    const result = evaluatePreflight(WILDCARD, 204, { origin: ORIGIN, method: "POST", requestHeaders: ["authorization"] });
    expect(result.items.find((item) => item.name === "authorization")?.detail).toContain("does not cover authorization");
  });
});

describe("preflightHeaderNames", () => {
  test.each<[(string | [string, string])[], string[]]>([
    [[], ["content-type"]],
    [["Content-Type"], ["content-type"]],
    [["Authorization", "X-Api-Key"], ["authorization", "content-type", "x-api-key"]],
    [["X-Api-Key", "x-api-key", "X-API-KEY"], ["content-type", "x-api-key"]],
    [["Accept", "X-Trace"], ["content-type", "x-trace"]],
    [[["Accept", "application/json"]], ["content-type"]],
    [[["Accept", "text/(weird)"]], ["accept", "content-type"]],
    [[["Accept-Language", "en-US"]], ["content-type"]],
    [[["Content-Language", "de<"]], ["content-language", "content-type"]],
    [["Accept-Language"], ["accept-language", "content-type"]],
    [["Host", "Content-Length", "Cookie", "Origin", "DNT", "Sec-Fetch-Mode", "Proxy-Authorization"], ["content-type"]],
    [["User-Agent", "Range"], ["content-type", "range", "user-agent"]],
    [["Z-Last", "A-First", " "], ["a-first", "content-type", "z-last"]],
  ])("%o -> %o", (headers, expected) => {
    expect(preflightHeaderNames(headers)).toEqual(expected);
  });
});

describe("checkCors over the network", () => {
  const servers: http.Server[] = [];
  const policy: OutboundPolicy = { ...outboundPolicyFromEnv({}), allowPrivate: true, allowLoopback: true };

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  async function startServer(answer: [string, string][], status = 204) {
    const seen: http.IncomingMessage[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req);
      res.writeHead(status, Object.fromEntries(answer));
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    return { seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` };
  }

  test("sends the browser's preflight and reports what the webhook.site-like answer is missing", async () => {
    const server = await startServer(WEBHOOK_SITE);
    const requestHeaders = preflightHeaderNames(["X-Api-Key", "Authorization"]);
    const report = await checkCors({ url: server.url, method: "POST", requestHeaders, origin: ORIGIN, policy });
    expect(report).toMatchObject({ reachable: true, status: 204, ok: false, missingHeaders: ["authorization", "x-api-key"] });
    const [preflight] = server.seen;
    expect(preflight.method).toBe("OPTIONS");
    expect(preflight.headers.origin).toBe(ORIGIN);
    expect(preflight.headers["access-control-request-method"]).toBe("POST");
    expect(preflight.headers["access-control-request-headers"]).toBe("authorization,content-type,x-api-key");
  });

  test("an open receiver passes", async () => {
    const server = await startServer(REFLECTING);
    const report = await checkCors({ url: server.url, method: "POST", requestHeaders: ["content-type", "x-api-key"], origin: ORIGIN, policy });
    expect(report).toMatchObject({ reachable: true, ok: true, missingHeaders: [] });
    expect(report.error).toBeUndefined();
  });

  test("a non-2xx preflight fails and carries the HTTP error", async () => {
    const server = await startServer(WILDCARD, 405);
    const report = await checkCors({ url: server.url, method: "POST", requestHeaders: ["content-type"], origin: ORIGIN, policy });
    expect(report).toMatchObject({ reachable: true, status: 405, ok: false, error: { cause: "http" } });
  });

  test("a blocked target is unreachable with the guard's reason", async () => {
    const report = await checkCors({
      url: "http://169.254.169.254/",
      method: "POST",
      requestHeaders: ["content-type"],
      origin: ORIGIN,
      policy,
    });
    expect(report).toMatchObject({ reachable: false, status: null, ok: false, items: [], error: { cause: "blocked" } });
  });
});
