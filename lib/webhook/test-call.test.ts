import { describe, expect, test } from "vitest";
import { classifyFetchFailure, precheckTestCall, TEST_CALL_TIMEOUT_MS } from "./test-call";

const JSON_HEADERS: [string, string][] = [["Content-Type", "application/json"], ["Accept", "application/json"]];

describe("precheckTestCall", () => {
  test.each([
    [null, "http://portal.test/", "no-url"],
    ["not a url", "http://portal.test/", "invalid-url"],
    ["ftp://files.example.com/x", "http://portal.test/", "invalid-url"],
    ["http://hr.example.com/hook", "https://portal.test/", "mixed-content"],
  ])("%s from %s -> %s", (url, page, kind) => {
    expect(precheckTestCall(url, page, "online")?.kind).toBe(kind);
  });

  test.each([
    ["https://hr.example.com/hook", "https://portal.test/"],
    ["http://hr.example.com/hook", "http://portal.test/"],
    ["http://localhost:8080/hook", "https://portal.test/"],
    ["http://127.0.0.1:8080/hook", "https://portal.test/"],
  ])("%s from %s can be sent", (url, page) => {
    expect(precheckTestCall(url, page, "online")).toBeNull();
  });

  test("names the endpoint that is missing", () => {
    expect(precheckTestCall(null, "http://portal.test/", "offline")?.title).toBe("No offline event URL");
  });
});

describe("classifyFetchFailure", () => {
  const request = { url: "https://hr.example.com/hook", method: "PUT", headers: [...JSON_HEADERS, ["Authorization", "Bearer x"], ["X-Site", "a"]] as [string, string][] };

  test("a timeout says how long it waited", () => {
    const failure = classifyFetchFailure(true, request, "http://portal.test");
    expect(failure.kind).toBe("timeout");
    expect(failure.message).toContain(`${TEST_CALL_TIMEOUT_MS / 1000} s`);
  });

  test("a TypeError is CORS or unreachable and names every header the preflight must allow", () => {
    const failure = classifyFetchFailure(false, request, "http://portal.test");
    expect(failure.kind).toBe("cors-or-unreachable");
    expect(failure.preflightHeaders).toEqual(["authorization", "content-type", "x-site"]);
    expect(failure.message).toContain("Access-Control-Allow-Origin: http://portal.test");
    expect(failure.message).toContain("Access-Control-Allow-Methods: PUT");
    expect(failure.message).toContain("does not cover authorization");
    expect(failure.message).toContain("The device itself sends no preflight");
  });

  test("without custom headers only content-type needs allowing", () => {
    const failure = classifyFetchFailure(false, { ...request, headers: JSON_HEADERS }, "http://portal.test");
    expect(failure.preflightHeaders).toEqual(["content-type"]);
    expect(failure.message).not.toContain("authorization");
  });
});
