import { describe, expect, test } from "vitest";
import { DEFAULT_CONCURRENCY, DEFAULT_RETRY_DELAYS_MS, deliverySettingsFromEnv, parseConcurrency, parseRetryDelays } from "@/lib/server/delivery-policy";

describe("parseRetryDelays", () => {
  test.each([
    [undefined, DEFAULT_RETRY_DELAYS_MS],
    ["", DEFAULT_RETRY_DELAYS_MS],
    ["300,600,900,1200", [300, 600, 900, 1200]],
    [" 0 , 5 ", [0, 5]],
    ["1000", [1000]],
    ["10,-5", DEFAULT_RETRY_DELAYS_MS],
    ["1.5,2", DEFAULT_RETRY_DELAYS_MS],
    ["abc", DEFAULT_RETRY_DELAYS_MS],
  ])("%j -> %j", (raw, expected) => {
    expect(parseRetryDelays(raw)).toEqual(expected);
  });

  test("the default is 5 attempts over about 10 minutes", () => {
    const total = DEFAULT_RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(DEFAULT_RETRY_DELAYS_MS.length + 1).toBe(5);
    expect(total).toBeGreaterThanOrEqual(9 * 60_000);
    expect(total).toBeLessThanOrEqual(11 * 60_000);
    expect([...DEFAULT_RETRY_DELAYS_MS]).toEqual([...DEFAULT_RETRY_DELAYS_MS].sort((a, b) => a - b));
  });
});

describe("parseConcurrency", () => {
  test.each([[undefined, DEFAULT_CONCURRENCY], ["1", 1], ["64", 64], ["0", DEFAULT_CONCURRENCY], ["65", DEFAULT_CONCURRENCY], ["2.5", DEFAULT_CONCURRENCY], ["x", DEFAULT_CONCURRENCY]])(
    "%j -> %d",
    (raw, expected) => expect(parseConcurrency(raw)).toBe(expected),
  );
});

test("settings: attempts follow the schedule", () => {
  expect(deliverySettingsFromEnv({ DELIVERY_RETRY_DELAYS_MS: "300,600", DELIVERY_CONCURRENCY: "3" })).toEqual({ retryDelaysMs: [300, 600], maxAttempts: 3, concurrency: 3 });
});
