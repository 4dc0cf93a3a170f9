import { describe, expect, test } from "vitest";
import { buildHookAnswer, buildPreflightAnswer, clientAddress, isJson, pathSuffix, readBodyLimited } from "@/lib/server/inspector-hook";
import { resumeAfter } from "@/lib/server/inspector-stream";
import { portalOrigin } from "@/lib/server/inspector-url";

function streamOf(...chunks: Uint8Array[]): ReadableStream<Uint8Array> & { pulled: () => number } {
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]);
      else controller.close();
    },
  });
  return Object.assign(stream, { pulled: () => i });
}

describe("readBodyLimited", () => {
  test("no body is an empty text", async () => {
    expect(await readBodyLimited(null)).toEqual({ text: "", size: 0, tooLarge: false });
  });

  test("decodes UTF-8 split across chunks and counts bytes", async () => {
    const bytes = new TextEncoder().encode('{"name":"김민수"}');
    const result = await readBodyLimited(streamOf(bytes.slice(0, 11), bytes.slice(11)));
    expect(result).toEqual({ text: '{"name":"김민수"}', size: bytes.byteLength, tooLarge: false });
  });

  test("a body of exactly the limit is kept", async () => {
    expect(await readBodyLimited(streamOf(new Uint8Array(10)), { limit: 10 })).toMatchObject({ size: 10, tooLarge: false });
  });

  test("over the limit: empty text, real size, too large", async () => {
    const result = await readBodyLimited(streamOf(new Uint8Array(6), new Uint8Array(6), new Uint8Array(6)), { limit: 10 });
    expect(result).toEqual({ text: "", size: 18, tooLarge: true });
  });

  test("stops reading past the drain limit and takes the declared length", async () => {
    const stream = streamOf(...Array.from({ length: 100 }, () => new Uint8Array(10)));
    const result = await readBodyLimited(stream, { limit: 10, drainLimit: 30, declaredLength: 1000 });
    expect(result).toEqual({ text: "", size: 1000, tooLarge: true });
    expect(stream.pulled()).toBeLessThan(10);
  });

  test("invalid UTF-8 becomes replacement characters, never a throw", async () => {
    const result = await readBodyLimited(streamOf(new Uint8Array([0x61, 0xff, 0x62])));
    expect(result).toEqual({ text: "a\uFFFDb", size: 3, tooLarge: false });
  });
});

describe("buildHookAnswer", () => {
  const bin = { corsMode: "open" as const, responseStatus: 200, responseBody: '{"ok":true}' };

  test("the bin's status and body, JSON typed, with CORS in open mode", () => {
    expect(buildHookAnswer(bin, { method: "POST", origin: "http://a.test", tooLarge: false })).toEqual({
      status: 200,
      headers: {
        "Access-Control-Allow-Origin": "http://a.test",
        "Access-Control-Expose-Headers": "*",
        Vary: "Origin",
        "Cache-Control": "no-store",
        "Content-Type": "application/json",
      },
      body: '{"ok":true}',
    });
  });

  test.each([
    ["not json", "text/plain; charset=utf-8"],
    ["", "text/plain; charset=utf-8"],
    ["[1,2]", "application/json"],
    ["42", "application/json"],
  ])("body %j is sent as %s", (responseBody, type) => {
    expect(buildHookAnswer({ ...bin, responseBody }, { method: "PUT", origin: null, tooLarge: false }).headers["Content-Type"]).toBe(type);
  });

  test.each([204, 205, 304])("status %i carries no body", (responseStatus) => {
    const answer = buildHookAnswer({ ...bin, responseStatus }, { method: "POST", origin: null, tooLarge: false });
    expect(answer).toMatchObject({ status: responseStatus, body: null });
    expect(() => new Response(answer.body, { status: answer.status, headers: answer.headers })).not.toThrow();
  });

  test("HEAD carries no body", () => {
    expect(buildHookAnswer(bin, { method: "HEAD", origin: null, tooLarge: false }).body).toBeNull();
  });

  test("a body too large is answered 413 whatever the bin's status", () => {
    const answer = buildHookAnswer({ ...bin, responseStatus: 201 }, { method: "POST", origin: null, tooLarge: true });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body!).errors[0].code).toBe("payload_too_large");
  });

  test("off mode adds no CORS header", () => {
    const headers = buildHookAnswer({ ...bin, corsMode: "off" }, { method: "POST", origin: "http://a.test", tooLarge: false }).headers;
    expect(Object.keys(headers).filter((h) => h.startsWith("Access-Control"))).toEqual([]);
  });
});

test("buildPreflightAnswer is 204 with the mode's headers", () => {
  const answer = buildPreflightAnswer("webhook.site", { origin: "http://a.test", requestMethod: "POST", requestHeaders: "authorization" });
  expect(answer.status).toBe(204);
  expect(answer.body).toBeNull();
  expect(answer.headers["Access-Control-Allow-Headers"]).toBe("DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range");
});

test.each([
  ["/api/hooks/abc", "/"],
  ["/api/hooks/abc/", "/"],
  ["/api/hooks/abc/a/b", "/a/b"],
  ["/api/hooks/abc/a%20b/c", "/a%20b/c"],
])("pathSuffix(%s) = %s", (pathname, expected) => {
  expect(pathSuffix(pathname)).toBe(expected);
});

test.each([
  [null, ""],
  ["203.0.113.7", "203.0.113.7"],
  [" 203.0.113.7 , 10.0.0.1", "203.0.113.7"],
  ["::1", "::1"],
])("clientAddress(%j) = %j", (header, expected) => {
  expect(clientAddress(header)).toBe(expected);
});

test.each([["{}", true], ["null", true], ["", false], ["{", false], ["<img>", false]])("isJson(%j) = %s", (text, expected) => {
  expect(isJson(text)).toBe(expected);
});

test.each([
  [null, null, 0],
  ["12", null, 12],
  ["12", "40", 40],
  ["abc", "7", 7],
  ["-1", "1e9", 0],
])("resumeAfter(%j, %j) = %i", (after, lastEventId, expected) => {
  expect(resumeAfter(after, lastEventId)).toBe(expected);
});

describe("portalOrigin", () => {
  test("PORTAL_URL wins", () => {
    expect(portalOrigin(new Headers({ host: "x.test" }), { PORTAL_URL: "https://portal.example.com/base/" } as unknown as NodeJS.ProcessEnv)).toBe("https://portal.example.com");
  });
  test("else the request's host and forwarded scheme", () => {
    expect(portalOrigin(new Headers({ host: "127.0.0.1:3000", "x-forwarded-proto": "https" }), {} as NodeJS.ProcessEnv)).toBe("https://127.0.0.1:3000");
    expect(portalOrigin(new Headers({ host: "127.0.0.1:3000" }), {} as NodeJS.ProcessEnv)).toBe("http://127.0.0.1:3000");
  });
  test("a hostile Host falls back to localhost", () => {
    expect(portalOrigin(new Headers({ host: "evil.test/<x>" }), {} as NodeJS.ProcessEnv)).toBe("http://localhost");
  });
});
