import { expect, test } from "vitest";
import type { Completion } from "@/lib/server/delivery-outcome";
import { groupEventUpdates, groupJobUpdates } from "@/lib/server/delivery-writer";

function completion(id: number, state: string, events: number[] | null, nextAttemptAt?: Date): Completion {
  return {
    attempt: {} as Completion["attempt"],
    job: { id, state, attempts: 1, ...(nextAttemptAt ? { nextAttemptAt } : {}) },
    events: events ? { deviceId: 2, eventIds: events, state } : null,
  };
}

test("completions that set the same values share one statement", () => {
  const later = new Date(5000);
  const batch = [completion(1, "delivered", [10]), completion(2, "pending", null, later), completion(3, "delivered", [11, 12]), completion(4, "failed", [13])];
  expect(groupJobUpdates(batch)).toEqual([
    { ids: [1, 3], job: { state: "delivered", attempts: 1 } },
    { ids: [2], job: { state: "pending", attempts: 1, nextAttemptAt: later } },
    { ids: [4], job: { state: "failed", attempts: 1 } },
  ]);
  expect(groupEventUpdates(batch)).toEqual([
    { deviceId: 2, state: "delivered", eventIds: [10, 11, 12] },
    { deviceId: 2, state: "failed", eventIds: [13] },
  ]);
});
