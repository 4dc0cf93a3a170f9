import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { burstTimes, routeEvent, stateReason, triggerInputSchema } from "@/lib/server/simulator-plan";

const CONFIG = { enabled: true, triggerEvents: ["DEV_FACE_AUTH_SUCCESS" as const], onlineUrl: "https://hr.example.com/in" };

describe("routeEvent", () => {
  test.each([
    ["supported", CONFIG, "DEV_FACE_AUTH_SUCCESS", true, "online"],
    ["supported", CONFIG, "DEV_FACE_AUTH_SUCCESS", false, "queued"],
    ["supported", CONFIG, "DEV_DOOR_FORCE_OPEN", true, "ignored"],
    ["supported", CONFIG, "DEV_DOOR_FORCE_OPEN", false, "ignored"],
    ["supported", { ...CONFIG, enabled: false }, "DEV_FACE_AUTH_SUCCESS", true, "not-sent"],
    ["planned", CONFIG, "DEV_FACE_AUTH_SUCCESS", true, "not-sent"],
    ["firmware-update-required", CONFIG, "DEV_FACE_AUTH_SUCCESS", false, "not-sent"],
  ] as const)("%s device, %j, %s, online=%s -> %s", (support, config, type, online, expected) => {
    expect(routeEvent(support, config, type, online)).toBe(expected);
  });
});

test("reasons are shown for events that are not delivered", () => {
  expect(stateReason("undeliverable", "supported")).toBe("not delivered: no offline endpoint");
  expect(stateReason("not-sent", "supported")).toMatch(/disabled/);
  expect(stateReason("not-sent", "planned")).toMatch(/does not support/);
  expect(stateReason("delivered", "supported")).toBeNull();
});

describe("burstTimes", () => {
  test("1 ms apart from now, never before the device's last event", () => {
    expect(burstTimes(3, 1000, null)).toEqual([1000, 1001, 1002]);
    expect(burstTimes(2, 1000, 1500)).toEqual([1501, 1502]);
    expect(burstTimes(1, 1000, 400)).toEqual([1000]);
  });

  test("always strictly rising after the last event", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(), fc.option(fc.nat()), (count, now, last) => {
      const times = burstTimes(count, now, last);
      expect(times).toHaveLength(count);
      if (last !== null) expect(times[0]).toBeGreaterThan(last);
      times.slice(1).forEach((t, i) => expect(t).toBe(times[i] + 1));
    }));
  });
});

describe("triggerInputSchema", () => {
  test.each([
    [{ eventType: "DEV_NOPE" }, "eventType"],
    [{ eventType: "DEV_FACE_AUTH_SUCCESS", count: 0 }, "count"],
    [{ eventType: "DEV_FACE_AUTH_SUCCESS", count: 10_001 }, "count"],
    [{ eventType: "DEV_FACE_AUTH_SUCCESS", count: 1.5 }, "count"],
    [{ eventType: "DEV_FACE_AUTH_SUCCESS", count: "2" }, "count"],
    [{ eventType: "DEV_FACE_AUTH_SUCCESS", userKey: "has space" }, "userKey"],
    [{ eventType: "DEV_FACE_AUTH_SUCCESS", userKey: 42 }, "userKey"],
  ])("%j is refused at %s", (input, path) => {
    const parsed = triggerInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain(path);
  });

  test("accepts a burst with a user, or none", () => {
    expect(triggerInputSchema.parse({ eventType: "DEV_CARD_AUTH_SUCCESS", userKey: "c.tanaka@contractor.io", count: 10_000 }).count).toBe(10_000);
    expect(triggerInputSchema.parse({ eventType: "DEV_TAMPER_ON", userKey: null }).userKey).toBeNull();
  });
});
