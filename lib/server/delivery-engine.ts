import "server-only";
import { db } from "@/lib/server/db";
import { decideOutcome, toCompletion } from "@/lib/server/delivery-outcome";
import { DELIVERY_TIMEOUT_MS, RESPONSE_EXCERPT_BYTES, deliverySettingsFromEnv } from "@/lib/server/delivery-policy";
import { parseStoredHeaders, toWireHeaders } from "@/lib/server/delivery-request";
import { claimDueJobs, releaseUnsendable } from "@/lib/server/delivery-sql";
import { createResultWriter, type ResultWriter } from "@/lib/server/delivery-writer";
import { sendRequest } from "@/lib/server/http-send";
import { outboundPolicyFromEnv, type OutboundPolicy } from "@/lib/server/outbound-guard";
import type { DeliveryJob } from "@/lib/generated/prisma/client";

/** How often due retries are looked for when nothing wakes the engine. */
export const POLL_INTERVAL_MS = 250;

// Jobs are claimed a few rounds ahead so claiming (a write) is not paid per job; a crash requeues them.
const CLAIM_AHEAD_FACTOR = 4;

// A claimed job still waiting for a slot after this long is checked again before it goes: the webhook may
// have been switched off, or the device taken offline, since the claim.
const CLAIM_RECHECK_MS = 500;

/** Starts the engine of this process (idempotent): requeues jobs a crash left "sending", then works. */
export function startDeliveryEngine(): void {
  void getEngine();
}

/** Wakes the engine now: called after new jobs are committed. Starts it when needed. */
export function notifyDeliveryWork(): void {
  getEngine().wake();
}

type Engine = {
  settings: ReturnType<typeof deliverySettingsFromEnv>;
  policy: OutboundPolicy;
  writer: ResultWriter;
  /** Claimed ("sending" in the database), not started yet; checkedAt: when it was last seen sendable. */
  claimed: { job: DeliveryJob; checkedAt: number }[];
  inFlight: number;
  ticking: boolean;
  again: boolean;
  wakeQueued: boolean;
  ready: Promise<void>;
  wake(): void;
};

// One engine per process, whichever module graph (instrumentation or route handlers) starts it first.
const ENGINE_KEY = Symbol.for("webhook-portal.delivery-engine");

function getEngine(): Engine {
  const holder = globalThis as unknown as Record<symbol, Engine | undefined>;
  const existing = holder[ENGINE_KEY];
  if (existing) return existing;
  const engine = createEngine();
  holder[ENGINE_KEY] = engine;
  return engine;
}

function createEngine(): Engine {
  const engine: Engine = {
    settings: deliverySettingsFromEnv(),
    policy: outboundPolicyFromEnv(),
    writer: createResultWriter(),
    claimed: [],
    inFlight: 0,
    ticking: false,
    again: false,
    wakeQueued: false,
    ready: Promise.resolve(),
    wake() {
      if (engine.wakeQueued) return;
      engine.wakeQueued = true;
      setImmediate(() => {
        engine.wakeQueued = false;
        void tick(engine);
      });
    },
  };
  engine.ready = requeueInterrupted().catch((err) => console.error("[delivery] could not requeue interrupted jobs", err));
  void engine.ready.then(() => {
    setInterval(() => void tick(engine), POLL_INTERVAL_MS).unref();
    engine.wake();
  });
  return engine;
}

/** At-least-once: a job that was being sent when the process died is sent again. */
async function requeueInterrupted(): Promise<void> {
  const { count } = await db.deliveryJob.updateMany({ where: { state: "sending" }, data: { state: "pending" } });
  if (count > 0) console.log(`[delivery] requeued ${count} interrupted deliveries`);
}

async function tick(engine: Engine): Promise<void> {
  if (engine.ticking) {
    engine.again = true;
    return;
  }
  engine.ticking = true;
  try {
    await engine.ready;
    do {
      engine.again = false;
      await releaseUnsendableClaims(engine);
      startClaimed(engine);
      const { concurrency } = engine.settings;
      const room = concurrency * CLAIM_AHEAD_FACTOR - engine.inFlight - engine.claimed.length;
      if (engine.claimed.length < concurrency && room > 0) {
        const checkedAt = Date.now();
        engine.claimed.push(...(await claimDueJobs(db, room)).map((job) => ({ job, checkedAt })));
        startClaimed(engine);
      }
    } while (engine.again);
  } catch (err) {
    console.error("[delivery] could not claim jobs", err);
  } finally {
    engine.ticking = false;
  }
}

function startClaimed(engine: Engine): void {
  while (engine.inFlight < engine.settings.concurrency && engine.claimed.length > 0) launch(engine, engine.claimed.shift()!.job);
}

/** Puts claimed jobs that waited a while back to "pending" when they may no longer go (same rule as the claim). */
async function releaseUnsendableClaims(engine: Engine): Promise<void> {
  const now = Date.now();
  const stale = engine.claimed.filter((c) => now - c.checkedAt >= CLAIM_RECHECK_MS);
  if (stale.length === 0) return;
  const released = new Set(await releaseUnsendable(db, stale.map((c) => c.job.id)));
  for (const c of stale) c.checkedAt = now;
  engine.claimed = engine.claimed.filter((c) => !released.has(c.job.id));
}

function launch(engine: Engine, job: DeliveryJob): void {
  engine.inFlight++;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    engine.inFlight--;
    engine.wake();
  };
  attemptJob(engine, job, release)
    // Once the outcome is committed the next offline batch of the device may be claimed.
    .then(() => engine.wake())
    .catch((err) => {
      console.error(`[delivery] job ${job.id} failed unexpectedly; retrying it later`, err);
      return db.deliveryJob.update({ where: { id: job.id }, data: { state: "pending", nextAttemptAt: new Date(Date.now() + 5_000) } });
    })
    .catch((err) => console.error(`[delivery] job ${job.id} stays "sending" until the next start`, err))
    .finally(release);
}

async function attemptJob(engine: Engine, job: DeliveryJob, onSent: () => void): Promise<void> {
  const attempt = job.attempts + 1;
  const headers = parseStoredHeaders(job.headers);
  const result = await sendRequest({
    method: job.method,
    url: job.url,
    headers: toWireHeaders(headers),
    body: job.body,
    timeoutMs: DELIVERY_TIMEOUT_MS,
    maxResponseBytes: RESPONSE_EXCERPT_BYTES,
    policy: engine.policy,
  });
  onSent();
  const outcome = decideOutcome(
    { ok: result.ok, status: result.status, errorCause: result.error?.cause ?? null, responseHeaders: result.responseHeaders },
    attempt,
    job.maxAttempts,
    engine.settings.retryDelaysMs,
  );
  await engine.writer.write(toCompletion(job, attempt, headers, result, outcome));
}
