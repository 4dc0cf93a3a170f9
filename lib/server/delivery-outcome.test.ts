import { describe, expect, test } from "vitest";
import { decideOutcome, retryAfterMs, toCompletion } from "@/lib/server/delivery-outcome";
import { DEFAULT_RETRY_DELAYS_MS, MAX_RETRY_AFTER_MS } from "@/lib/server/delivery-policy";
import type { SendResult } from "@/lib/server/http-send";

const DELAYS = [...DEFAULT_RETRY_DELAYS_MS];
const NOW = Date.parse("2026-12-03T10:00:00Z");

function result(status: number | null, cause: string | null = status !== null && status >= 300 ? "http" : null, headers: [string, string][] = []) {
  return { ok: cause === null, status, errorCause: cause, responseHeaders: headers };
}

describe("decideOutcome", () => {
  test.each([
    ["2xx is delivered", result(204), 1, { state: "delivered" }],
    ["500 on attempt 1 waits the first delay", result(500), 1, { state: "pending", delayMs: 30_000 }],
    ["500 on attempt 4 waits the fourth delay", result(500), 4, { state: "pending", delayMs: 300_000 }],
    ["a timeout retries", result(null, "timeout"), 2, { state: "pending", delayMs: 90_000 }],
    ["a redirect counts as a failure and retries", result(302), 1, { state: "pending", delayMs: 30_000 }],
  ] as const)("%s", (_name, r, attempt, expected) => {
    expect(decideOutcome(r, attempt, DELAYS.length + 1, DELAYS, NOW)).toEqual(expected);
  });

  test.each([
    ["410 Gone stops at once", result(410), 1, /410 Gone/],
    ["the 5th failed attempt is the last", result(500), 5, /all 5 attempts failed/],
    ["a blocked URL is not retried", result(null, "blocked"), 1, /outbound guard/],
    ["an invalid URL is not retried", result(null, "invalid-url"), 1, /outbound guard/],
  ] as const)("%s", (_name, r, attempt, reason) => {
    const outcome = decideOutcome(r, attempt, DELAYS.length + 1, DELAYS, NOW);
    expect(outcome.state).toBe("failed");
    expect(outcome.state === "failed" && outcome.reason).toMatch(reason);
  });

  test("Retry-After on 429 and 503 lengthens the wait, never shortens it, and is capped", () => {
    const wait = (status: number, value: string) => decideOutcome(result(status, "http", [["retry-after", value]]), 1, 5, DELAYS, NOW);
    expect(wait(429, "120")).toEqual({ state: "pending", delayMs: 120_000 });
    expect(wait(503, "5")).toEqual({ state: "pending", delayMs: 30_000 });
    expect(wait(503, "86400")).toEqual({ state: "pending", delayMs: MAX_RETRY_AFTER_MS });
    expect(wait(500, "120")).toEqual({ state: "pending", delayMs: 30_000 });
  });

  test("one attempt only when the schedule is empty", () => {
    expect(decideOutcome(result(500), 1, 1, [], NOW).state).toBe("failed");
  });
});

describe("retryAfterMs", () => {
  test.each([
    [[["Retry-After", "7"]], 7_000],
    [[["retry-after", "Thu, 03 Dec 2026 10:01:00 GMT"]], 60_000],
    [[["retry-after", "Wed, 02 Dec 2026 10:00:00 GMT"]], 0],
    [[["retry-after", "soon"]], null],
    [[], null],
  ] as const)("%j -> %s", (headers, expected) => {
    expect(retryAfterMs(headers as unknown as [string, string][], NOW)).toBe(expected);
  });
});

describe("toCompletion", () => {
  const job = { id: 7, deviceId: 2, kind: "offline", eventIds: "[10231,10232]", url: "https://hr.example.com/off", method: "POST", body: "[{},{}]" };
  const headers: [string, string, true?][] = [["Content-Type", "application/json"], ["Authorization", "Bearer s3cret", true]];
  const sent = (over: Partial<SendResult>): SendResult => ({
    ok: false, status: 500, statusText: "Internal Server Error", latencyMs: 40, responseHeaders: [["content-type", "text/plain"]],
    body: "boom", truncated: false, error: { cause: "http", message: "HTTP 500 Internal Server Error" }, ...over,
  });

  test("a retry keeps the events sending, masks secrets and schedules the next attempt", () => {
    const c = toCompletion(job, 1, headers, sent({}), { state: "pending", delayMs: 300 }, NOW);
    expect(c.attempt).toMatchObject({ jobId: 7, attempt: 1, result: "failed", statusCode: 500, error: "HTTP 500 Internal Server Error", errorCause: "http", latencyMs: 40, responseExcerpt: "boom" });
    expect(JSON.parse(c.attempt.requestHeaders)).toEqual([["Content-Type", "application/json"], ["Authorization", "••••••••"]]);
    expect(c.attempt.createdAt.getTime()).toBe(NOW - 40);
    expect(c.job).toEqual({ id: 7, state: "pending", attempts: 1, nextAttemptAt: new Date(NOW + 300) });
    expect(c.events).toBeNull();
  });

  test("the last failure fails the job and its events, with the reason", () => {
    const c = toCompletion(job, 5, headers, sent({}), { state: "failed", reason: "all 5 attempts failed" }, NOW);
    expect(c.attempt.error).toBe("HTTP 500 Internal Server Error (all 5 attempts failed)");
    expect(c.job).toEqual({ id: 7, state: "failed", attempts: 5 });
    expect(c.events).toEqual({ deviceId: 2, eventIds: [10231, 10232], state: "failed" });
  });

  test("a success delivers the job and its events", () => {
    const c = toCompletion(job, 2, headers, sent({ ok: true, status: 200, error: null, body: "{}" }), { state: "delivered" }, NOW);
    expect(c.attempt).toMatchObject({ result: "success", statusCode: 200, error: null, errorCause: null });
    expect(c.events).toEqual({ deviceId: 2, eventIds: [10231, 10232], state: "delivered" });
  });
});
