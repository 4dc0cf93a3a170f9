import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { DeliveryEntry } from "@/lib/server/delivery-log";
import { mergeNewestFirst, waitingReason, type WaitingContext } from "@/lib/server/delivery-log-rules";

describe("waitingReason", () => {
  const batches: WaitingContext["undeliveredOffline"] = [
    { id: 10, seq: 1, state: "failed" },
    { id: 11, seq: 2, state: "pending" },
    { id: 12, seq: 3, state: "pending" },
  ];
  const on: WaitingContext = { webhookEnabled: true, undeliveredOffline: batches };

  test("a later offline batch names the earliest undelivered one, which failed", () => {
    expect(waitingReason({ id: 12, kind: "offline", seq: 3, state: "pending" }, on)).toEqual({
      error: "waiting: an earlier offline batch (job 10) failed and has not been delivered; redeliver it to resume",
      errorCause: "waiting",
      blockedBy: "10",
    });
  });

  test("behind a batch still in progress it just waits for it", () => {
    const context = { webhookEnabled: true, undeliveredOffline: [{ id: 20, seq: 4, state: "sending" }, { id: 21, seq: 5, state: "pending" }] };
    expect(waitingReason({ id: 21, kind: "offline", seq: 5, state: "pending" }, context)).toMatchObject({
      error: "waiting: an earlier offline batch (job 20) has not been delivered yet",
      blockedBy: "20",
    });
  });

  test("the first batch, its redelivery (same seq), online jobs and jobs being sent are not held back", () => {
    const redelivered = { ...on, undeliveredOffline: [{ id: 30, seq: 1, state: "pending" }, ...batches.slice(1)] };
    expect(waitingReason({ id: 30, kind: "offline", seq: 1, state: "pending" }, redelivered)).toEqual({});
    expect(waitingReason({ id: 40, kind: "online", seq: 0, state: "pending" }, on)).toEqual({});
    expect(waitingReason({ id: 12, kind: "offline", seq: 3, state: "sending" }, on)).toEqual({});
  });

  test("an offline device holds back its online jobs only", () => {
    const offlineDevice = { ...on, deviceOnline: false };
    expect(waitingReason({ id: 40, kind: "online", seq: 0, state: "pending" }, offlineDevice)).toEqual({ error: "waiting: the device is offline", errorCause: "waiting" });
    expect(waitingReason({ id: 10, kind: "offline", seq: 1, state: "pending" }, offlineDevice)).toEqual({});
  });

  test("a disabled webhook holds back every pending job", () => {
    const off = { ...on, webhookEnabled: false };
    for (const job of [{ id: 40, kind: "online", seq: 0, state: "pending" }, { id: 10, kind: "offline", seq: 1, state: "pending" }]) {
      expect(waitingReason(job, off)).toEqual({ error: "waiting: the webhook is off", errorCause: "waiting" });
    }
  });
});

function entry(id: string, jobId: string, createdAt: number, result: DeliveryEntry["result"] = "failed"): DeliveryEntry {
  return {
    id, jobId, kind: "online", eventIds: [], url: "https://example.com", method: "POST", attempt: 1, result,
    statusCode: null, error: null, errorCause: null, latencyMs: null, createdAt: new Date(createdAt).toISOString(),
    requestHeaders: [], responseHeaders: [], responseExcerpt: "",
  };
}

describe("mergeNewestFirst", () => {
  test("an old pending job sorts below newer attempts; ties put the next attempt first, then the higher id", () => {
    const pending = [entry("job-1-next", "1", 1000, "pending"), entry("job-9-next", "9", 5000, "pending")];
    const attempts = [entry("8", "7", 6000), entry("7", "6", 5000), entry("6", "5", 5000), entry("5", "2", 2000)];
    expect(mergeNewestFirst(pending, attempts, 10).map((e) => e.id)).toEqual(["8", "job-9-next", "7", "6", "5", "job-1-next"]);
    expect(mergeNewestFirst(pending, attempts, 3).map((e) => e.id)).toEqual(["8", "job-9-next", "7"]);
  });

  test("always newest first and never more than the limit", () => {
    const entries = fc.array(fc.record({ at: fc.integer({ min: 0, max: 50 }), pending: fc.boolean() }), { maxLength: 40 });
    fc.assert(fc.property(entries, fc.integer({ min: 1, max: 50 }), (specs, limit) => {
      const all = specs.map((s, i) => s.pending ? entry(`job-${i}-next`, String(i), s.at, "pending") : entry(String(i), String(i), s.at));
      const merged = mergeNewestFirst(all.filter((e) => e.result === "pending"), all.filter((e) => e.result !== "pending"), limit);
      expect(merged.length).toBe(Math.min(limit, all.length));
      const times = merged.map((e) => Date.parse(e.createdAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }));
  });
});
