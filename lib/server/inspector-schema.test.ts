import { describe, expect, test } from "vitest";
import { BIN_DEFAULTS, MAX_RESPONSE_BODY_BYTES, parseBinCreate, parseBinPatch, toFieldErrors } from "@/lib/server/inspector-schema";

describe("parseBinCreate", () => {
  test.each([undefined, null, {}])("%j takes every default", (input) => {
    expect(parseBinCreate(input)).toEqual({ ok: true, value: BIN_DEFAULTS });
  });

  test("keeps valid settings and trims the name", () => {
    const input = { name: "  Lobby test ", corsMode: "webhook.site", responseStatus: 503, responseBody: "down", delayMs: 10_000 };
    expect(parseBinCreate(input)).toEqual({ ok: true, value: { ...input, name: "Lobby test" } });
  });

  test.each([
    [{ corsMode: "nope" }, "corsMode"],
    [{ corsMode: 1 }, "corsMode"],
    [{ responseStatus: 199 }, "responseStatus"],
    [{ responseStatus: 600 }, "responseStatus"],
    [{ responseStatus: 200.5 }, "responseStatus"],
    [{ responseStatus: "200" }, "responseStatus"],
    [{ delayMs: -1 }, "delayMs"],
    [{ delayMs: 10_001 }, "delayMs"],
    [{ delayMs: 1.5 }, "delayMs"],
    [{ responseBody: 42 }, "responseBody"],
    [{ responseBody: "x".repeat(MAX_RESPONSE_BODY_BYTES + 1) }, "responseBody"],
    [{ responseBody: "é".repeat(MAX_RESPONSE_BODY_BYTES / 2 + 1) }, "responseBody"],
    [{ name: "n".repeat(101) }, "name"],
    [{ name: 7 }, "name"],
  ])("%j is refused naming %s", (input, path) => {
    const result = parseBinCreate(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ path });
    expect(result.errors[0].message.length).toBeGreaterThan(10);
    expect(typeof result.errors[0].code).toBe("string");
  });

  test("a body of exactly 64 KiB is accepted", () => {
    expect(parseBinCreate({ responseBody: "x".repeat(MAX_RESPONSE_BODY_BYTES) }).ok).toBe(true);
  });

  test.each([[[]], ["text"], [42]])("%j (not an object) is refused", (input) => {
    expect(parseBinCreate(input).ok).toBe(false);
  });

  test("reports every bad field at once", () => {
    const result = parseBinCreate({ corsMode: "x", delayMs: 99_999 });
    expect(result.ok ? [] : result.errors.map((e) => e.path).sort()).toEqual(["corsMode", "delayMs"]);
  });
});

describe("parseBinPatch", () => {
  test("only the settings sent, no defaults", () => {
    expect(parseBinPatch({ delayMs: 250 })).toEqual({ ok: true, value: { delayMs: 250 } });
    expect(parseBinPatch(undefined)).toEqual({ ok: true, value: {} });
  });

  test("same rules as create", () => {
    const result = parseBinPatch({ corsMode: "nope" });
    expect(result.ok ? null : result.errors[0].path).toBe("corsMode");
  });
});

test("toFieldErrors keys messages by field, the first one wins, pathless ones under form", () => {
  expect(toFieldErrors([
    { code: "a", message: "first", path: "delayMs" },
    { code: "b", message: "second", path: "delayMs" },
    { code: "c", message: "whole", path: "" },
  ])).toEqual({ delayMs: "first", form: "whole" });
});
