import "server-only";
import { db } from "@/lib/server/db";
import type { Tx } from "@/lib/server/delivery-jobs";
import type { Completion } from "@/lib/server/delivery-outcome";
import { insertAttempts, setEventStates, updateJobs } from "@/lib/server/delivery-sql";

/** Coalesces completions into one transaction per flush, so a busy engine writes in batches. */
export type ResultWriter = { write(completion: Completion): Promise<void> };

/** Wait before retrying a flush the database refused. */
const FLUSH_RETRY_MS = 500;

/** Completions arriving within this window share one commit (each commit costs an fsync). */
const FLUSH_WINDOW_MS = 3;

// The next offline batch of a device waits for this commit, so an offline completion is written at once.
const isUrgent = (c: Completion) => c.attempt.kind === "offline";

/**
 * Completions are committed together, a few milliseconds after the first of them arrives; each write
 * resolves once its rows are committed (an offline batch's successor may only go after that).
 */
export function createResultWriter(): ResultWriter {
  let queue: { completion: Completion; done: () => void }[] = [];
  let flushing = false;

  async function flushLoop(): Promise<void> {
    while (queue.length > 0) {
      if (!queue.some((q) => isUrgent(q.completion))) await new Promise((resolve) => setTimeout(resolve, FLUSH_WINDOW_MS));
      const batch = queue;
      queue = [];
      try {
        await db.$transaction((tx) => recordCompletions(tx, batch.map((b) => b.completion)));
        for (const b of batch) b.done();
      } catch (err) {
        console.error("[delivery] could not record attempts; retrying", err);
        queue = [...batch, ...queue];
        await new Promise((resolve) => setTimeout(resolve, FLUSH_RETRY_MS));
      }
    }
    flushing = false; // in the same turn as the empty-queue check, so no write can slip between them
  }

  return {
    write(completion) {
      return new Promise<void>((done) => {
        queue.push({ completion, done });
        if (flushing) return;
        flushing = true;
        void flushLoop();
      });
    },
  };
}

/** Records a set of completions in few statements, since each costs a round through Prisma. */
export async function recordCompletions(tx: Tx, completions: readonly Completion[], now: Date = new Date()): Promise<void> {
  await insertAttempts(tx, completions.map((c) => c.attempt));
  for (const { ids, job } of groupJobUpdates(completions)) {
    const finished = job.state === "delivered" || job.state === "failed";
    await updateJobs(tx, ids, { ...job, ...(finished ? { finishedAt: now } : {}) });
  }
  for (const group of groupEventUpdates(completions)) await setEventStates(tx, group.deviceId, group.eventIds, group.state);
}

/** Merges job updates that set the same values. */
export function groupJobUpdates(completions: readonly Completion[]): { ids: number[]; job: Omit<Completion["job"], "id"> }[] {
  const groups = new Map<string, { ids: number[]; job: Omit<Completion["job"], "id"> }>();
  for (const { job } of completions) {
    const { id, ...values } = job;
    const key = `${values.state}|${values.attempts}|${values.nextAttemptAt?.getTime() ?? ""}`;
    const group = groups.get(key) ?? { ids: [], job: values };
    group.ids.push(id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Merges the event updates of many completions into one per device and state. */
export function groupEventUpdates(completions: readonly Completion[]): { deviceId: number; state: string; eventIds: number[] }[] {
  const groups = new Map<string, { deviceId: number; state: string; eventIds: number[] }>();
  for (const { events } of completions) {
    if (!events || events.eventIds.length === 0) continue;
    const key = `${events.deviceId}:${events.state}`;
    const group = groups.get(key) ?? { deviceId: events.deviceId, state: events.state, eventIds: [] };
    group.eventIds.push(...events.eventIds);
    groups.set(key, group);
  }
  return [...groups.values()];
}
