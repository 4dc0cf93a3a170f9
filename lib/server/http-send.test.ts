import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, test } from "vitest";

import { classifyNodeError, sendRequest } from "@/lib/server/http-send";
import { outboundPolicyFromEnv, type OutboundPolicy, type Resolver } from "@/lib/server/outbound-guard";

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; rawHeaders: string[]; body: Buffer };

type TestServer = { port: number; seen: Seen[]; connections: number; url: (path?: string) => string };

const servers: http.Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => closeServer(server)));
});

const DEFAULT_POLICY = outboundPolicyFromEnv({});
const LOCAL_POLICY: OutboundPolicy = { ...DEFAULT_POLICY, allowPrivate: true, allowLoopback: true };

describe("sendRequest against local servers", () => {
  test("200 with JSON: exact bytes and headers reach the server, the answer comes back", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "X-Reply": "yes" });
      res.end('{"received":true}');
    });
    const body = '{"event":"door.opened","name":"Zoë 🚪","n":1}';
    const result = await sendRequest({
      method: "POST",
      url: server.url("/hook?x=1"),
      headers: [["Content-Type", "application/json"], ["X-Api-Key", "k-123"], ["User-Agent", "BioStation3/1.2.0"]],
      body,
      policy: LOCAL_POLICY,
    });
    expect(result).toMatchObject({ ok: true, status: 200, statusText: "OK", body: '{"received":true}', truncated: false, error: null });
    expect(result.responseHeaders).toContainEqual(["x-reply", "yes"]);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    const [seen] = server.seen;
    expect(seen.method).toBe("POST");
    expect(seen.url).toBe("/hook?x=1");
    expect(seen.body.equals(Buffer.from(body, "utf8"))).toBe(true);
    expect(seen.headers["content-length"]).toBe(String(Buffer.byteLength(body)));
    expect(seen.headers["x-api-key"]).toBe("k-123");
    expect(seen.headers["user-agent"]).toBe("BioStation3/1.2.0");
    expect(seen.rawHeaders).toContain("X-Api-Key"); // the caller's spelling is kept on the wire
  });

  test.each([
    [500, "Internal Server Error", "HTTP 500 Internal Server Error"],
    [404, "Not Found", "HTTP 404 Not Found"],
    [410, "Gone", "HTTP 410 Gone"],
  ])("%i -> cause http", async (status, statusText, message) => {
    const server = await startServer((_req, res) => {
      res.writeHead(status);
      res.end("nope");
    });
    const result = await sendRequest({ method: "POST", url: server.url(), headers: [], body: "{}", policy: LOCAL_POLICY });
    expect(result).toMatchObject({ ok: false, status, statusText, body: "nope", error: { cause: "http", message } });
  });

  test("302 -> cause redirect, and the redirect target sees nothing", async () => {
    const target = await startServer((_req, res) => res.end("should not be reached"));
    const redirector = await startServer((_req, res) => {
      res.writeHead(302, { Location: target.url("/elsewhere") });
      res.end();
    });
    const result = await sendRequest({ method: "POST", url: redirector.url(), headers: [], body: "{}", policy: LOCAL_POLICY });
    expect(result).toMatchObject({
      ok: false,
      status: 302,
      error: { cause: "redirect", message: `redirect to ${target.url("/elsewhere")} not followed` },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(target.connections).toBe(0);
    expect(redirector.seen).toHaveLength(1);
  });

  test("a server that never answers -> cause timeout", async () => {
    const server = await startServer(() => {}); // holds the request open
    const result = await sendRequest({ method: "POST", url: server.url(), headers: [], body: "{}", timeoutMs: 300, policy: LOCAL_POLICY });
    expect(result).toMatchObject({ ok: false, status: null, error: { cause: "timeout" } });
    expect(result.error?.message).toContain("300 ms");
    expect(result.latencyMs).toBeGreaterThanOrEqual(290);
    expect(result.latencyMs).toBeLessThan(3000);
  });

  test("a body that stalls after the headers -> timeout with the status kept", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.write("partial");
    });
    const result = await sendRequest({ method: "GET", url: server.url(), headers: [], timeoutMs: 300, policy: LOCAL_POLICY });
    expect(result).toMatchObject({ ok: false, status: 200, body: "partial", error: { cause: "timeout" } });
  });

  test("a closed port -> cause refused", async () => {
    const server = await startServer(() => {});
    const url = server.url();
    await closeServer(servers.pop()!);
    const result = await sendRequest({ method: "POST", url, headers: [], body: "{}", policy: LOCAL_POLICY });
    expect(result).toMatchObject({ ok: false, status: null, error: { cause: "refused" } });
  });

  test.each([
    [100, 10, true],
    [100, 100, false],
    [70_000, 65_536, true],
  ])("a %i-byte body with maxResponseBytes %i -> truncated=%s", async (size, maxResponseBytes, truncated) => {
    const server = await startServer((_req, res) => res.end("é".repeat(size / 2)));
    const result = await sendRequest({ method: "GET", url: server.url(), headers: [], maxResponseBytes, policy: LOCAL_POLICY });
    expect(result.ok).toBe(true);
    expect(result.truncated).toBe(truncated);
    expect(Buffer.byteLength(result.body.replace(/\uFFFD$/, ""))).toBeLessThanOrEqual(maxResponseBytes);
    expect(result.body.startsWith("éé")).toBe(true);
  });

  test("the default policy blocks loopback before any connection is made", async () => {
    const server = await startServer((_req, res) => res.end("ok"));
    const result = await sendRequest({ method: "POST", url: server.url(), headers: [], body: "{}", policy: DEFAULT_POLICY });
    expect(result).toMatchObject({ ok: false, status: null, error: { cause: "blocked" } });
    expect(result.error?.message).toBe("refused: 127.0.0.1 is a loopback address (set OUTBOUND_ALLOW_PRIVATE=true to allow it)");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.connections).toBe(0);
  });

  test.each([
    ["ftp://127.0.0.1/", "invalid-url"],
    ["http://no-such-host.test/", "dns"],
  ])("%s -> cause %s", async (url, cause) => {
    const resolver: Resolver = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    const result = await sendRequest({ method: "GET", url, headers: [], policy: LOCAL_POLICY, resolver });
    expect(result).toMatchObject({ ok: false, status: null, error: { cause } });
  });

  test("connects to the checked address while keeping the original Host header", async () => {
    const server = await startServer((_req, res) => res.end("pinned"));
    const asked: string[] = [];
    const resolver: Resolver = async (hostname) => {
      asked.push(hostname);
      // A rebinding resolver: the first answer passes the check, any later one would not.
      return asked.length === 1 ? [{ address: "127.0.0.1", family: 4 }] : [{ address: "10.9.9.9", family: 4 }];
    };
    const url = `http://hooks.test:${server.port}/in`;
    const result = await sendRequest({ method: "GET", url, headers: [["Host", "evil.test"]], policy: LOCAL_POLICY, resolver });
    expect(result).toMatchObject({ ok: true, status: 200, body: "pinned" });
    expect(asked).toEqual(["hooks.test"]);
    expect(server.seen[0].headers.host).toBe(`hooks.test:${server.port}`);
  });

  test("a resolver slower than the timeout -> cause timeout", async () => {
    const resolver: Resolver = () => new Promise((resolve) => setTimeout(() => resolve([{ address: "127.0.0.1", family: 4 }]), 1000));
    const result = await sendRequest({ method: "GET", url: "http://slow.test/", headers: [], timeoutMs: 100, policy: LOCAL_POLICY, resolver });
    expect(result.error?.cause).toBe("timeout");
  });

  test("an invalid header value is a classified failure, not a throw", async () => {
    const server = await startServer((_req, res) => res.end("ok"));
    const result = await sendRequest({ method: "GET", url: server.url(), headers: [["X-Bad", "a\r\nInjected: 1"]], policy: LOCAL_POLICY });
    expect(result.ok).toBe(false);
    expect(result.error).not.toBeNull();
    expect(server.seen).toHaveLength(0);
  });

  test("an aborted caller signal stops the request", async () => {
    const server = await startServer(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const result = await sendRequest({ method: "GET", url: server.url(), headers: [], policy: LOCAL_POLICY, signal: controller.signal });
    expect(result).toMatchObject({ ok: false, error: { cause: "network", message: "network error: request cancelled" } });
  });
});

describe("classifyNodeError", () => {
  test.each([
    ["ENOTFOUND", "getaddrinfo ENOTFOUND x.test", "dns"],
    ["EAI_AGAIN", "getaddrinfo EAI_AGAIN x.test", "dns"],
    ["ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:1", "refused"],
    ["ECONNRESET", "socket hang up", "reset"],
    ["EPIPE", "write EPIPE", "reset"],
    ["CERT_HAS_EXPIRED", "certificate has expired", "tls"],
    ["DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate", "tls"],
    ["SELF_SIGNED_CERT_IN_CHAIN", "self-signed certificate in certificate chain", "tls"],
    ["UNABLE_TO_VERIFY_LEAF_SIGNATURE", "unable to verify the first certificate", "tls"],
    ["ERR_TLS_CERT_ALTNAME_INVALID", "Hostname/IP does not match certificate's altnames", "tls"],
    ["ERR_SSL_WRONG_VERSION_NUMBER", "wrong version number", "tls"],
    ["ETIMEDOUT", "connect ETIMEDOUT", "timeout"],
    ["EHOSTUNREACH", "connect EHOSTUNREACH", "network"],
    [undefined, "something odd", "network"],
  ])("%s -> %s", (code, message, cause) => {
    const error = Object.assign(new Error(message), code ? { code } : {});
    expect(classifyNodeError(error)).toEqual({ cause, message: expect.stringContaining(message) });
  });

  test("an AggregateError takes the cause of its first error", () => {
    const inner = Object.assign(new Error("connect ECONNREFUSED ::1:80"), { code: "ECONNREFUSED" });
    expect(classifyNodeError(new AggregateError([inner], "")).cause).toBe("refused");
  });

  test("a non-error value is a network failure", () => {
    expect(classifyNodeError("boom")).toEqual({ cause: "network", message: "network error: boom" });
  });
});

async function startServer(handler: http.RequestListener): Promise<TestServer> {
  const state = { seen: [] as Seen[], connections: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      state.seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, rawHeaders: req.rawHeaders, body: Buffer.concat(chunks) });
      handler(req, res);
    });
  });
  server.on("connection", () => (state.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return {
    port,
    get seen() { return state.seen; },
    get connections() { return state.connections; },
    url: (path = "/") => `http://127.0.0.1:${port}${path}`,
  };
}

function closeServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
