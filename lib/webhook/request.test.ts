import { execFileSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { SECRET_MASK, buildRequestHeaders, deviceHeadersFor, shellQuote, toCurl, utf8ByteLength, type HeaderPair } from "@/lib/webhook/request";

const HEADERS = [
  { name: "Authorization", value: "Bearer abc", secret: true },
  { name: "X-Site", value: "seoul-1", secret: false },
  { name: "X-Token", value: null, secret: true },
];

describe("buildRequestHeaders", () => {
  test.each([
    [true, SECRET_MASK],
    [false, "Bearer abc"],
  ])("maskSecrets %s: fixed headers, then the user's in order, then extra", (maskSecrets, authorization) => {
    const headers = buildRequestHeaders({ headers: HEADERS }, { maskSecrets, extra: [["User-Agent", "BioStation3/1.1.0"]] });
    expect(headers).toEqual([
      ["Content-Type", "application/json"],
      ["Accept", "application/json"],
      ["Authorization", authorization],
      ["X-Site", "seoul-1"],
      ["X-Token", SECRET_MASK],
      ["User-Agent", "BioStation3/1.1.0"],
    ]);
  });

  test("a secret with an unknown (null) value is masked even unmasked", () => {
    const headers = buildRequestHeaders({ headers: [HEADERS[2]] }, { maskSecrets: false });
    expect(headers[2]).toEqual(["X-Token", "••••••••"]);
  });

  test("values are trimmed as fetch would send them", () => {
    const headers = buildRequestHeaders({ headers: [{ name: "X-A", value: "  v \t", secret: false }] }, { maskSecrets: true });
    expect(headers[2]).toEqual(["X-A", "v"]);
  });

  test("no user headers gives just the two fixed ones", () => {
    expect(buildRequestHeaders({ headers: [] }, { maskSecrets: true })).toHaveLength(2);
  });
});

describe("shellQuote", () => {
  test.each([
    ["plain", "'plain'"],
    ["it's", `'it'\\''s'`],
    ["", "''"],
    ["''", `''\\'''\\'''`],
  ])("%j is quoted as %s", (value, expected) => {
    expect(shellQuote(value)).toBe(expected);
  });

  test.each([["it's"], ['{"name":"O\'Brien"}'], ["$HOME `id` \\ \" ! *"], ["multi\nline"], ["'"]])(
    "a POSIX shell reads %j back unchanged",
    (value) => {
      expect(execFileSync("sh", ["-c", `printf '%s' ${shellQuote(value)}`], { encoding: "utf8" })).toBe(value);
    },
  );
});

describe("toCurl", () => {
  const request = {
    method: "POST",
    url: "https://hr.example.com/hooks?a=1&b=2",
    headers: [
      ["Content-Type", "application/json"],
      ["X-Note", "it's"],
    ] as HeaderPair[],
    body: '{"userName":"O\'Brien"}',
  };

  test("writes method, URL, headers and --data-raw, one per line", () => {
    expect(toCurl(request)).toBe(
      [
        "curl -X POST 'https://hr.example.com/hooks?a=1&b=2'",
        "  -H 'Content-Type: application/json'",
        `  -H 'X-Note: it'\\''s'`,
        `  --data-raw '{"userName":"O'\\''Brien"}'`,
      ].join(" \\\n"),
    );
  });

  test("the shell passes the exact body and headers to curl", () => {
    const echoArgs = toCurl(request).replace(/^curl/, "printf '%s\\n'");
    const args = execFileSync("sh", ["-c", echoArgs], { encoding: "utf8" }).trimEnd().split("\n");
    expect(args).toEqual([
      "-X",
      "POST",
      request.url,
      "-H",
      "Content-Type: application/json",
      "-H",
      "X-Note: it's",
      "--data-raw",
      request.body,
    ]);
  });
});

describe("utf8ByteLength", () => {
  test.each([[""], ["abc"], ["é"], ["김민지"], ["🎉"], ["a🎉b€"], ["\ud800"], ["x\udc00y"], ['{"k":"v"}']])(
    "%j matches Buffer.byteLength",
    (text) => {
      expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, "utf8"));
    },
  );
});

describe("toCurl with an empty header value", () => {
  test("uses curl's 'Name;' form, which sends the header empty", () => {
    const curl = toCurl({ method: "POST", url: "https://x.test/", headers: [["X-Empty", ""]], body: "{}" });
    expect(curl).toContain("-H 'X-Empty;'");
    expect(curl).not.toContain("X-Empty: ");
  });
});

describe("deviceHeadersFor", () => {
  test("adds User-Agent and X-Event-Ids unless the user set a header of that name", () => {
    expect(deviceHeadersFor({ headers: [] }, "1.1.0", [10231, 10232])).toEqual([["User-Agent", "BioStation3/1.1.0"], ["X-Event-Ids", "10231,10232"]]);
    expect(deviceHeadersFor({ headers: [{ name: "user-agent", value: "mine", secret: false }] }, "1.1.0", [1])).toEqual([["X-Event-Ids", "1"]]);
  });
});
