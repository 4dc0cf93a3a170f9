import { performance } from "node:perf_hooks";
import { buildPayload, type PayloadConfig } from "@/lib/webhook/build-payload";
import { SAMPLE_DEVICE, sampleEvents, type DeviceEvent } from "@/lib/webhook/device-event";
import type { EventType } from "@/lib/webhook/events";
import { AUTO_FIELD_CATALOG, FIELD_TYPES, MAX_FIELDS, canBeNonString } from "@/lib/webhook/fields";
import { summarize, type Summary } from "./stats";

/** Timings of one offline batch: our builder (config compile included) vs JSON.stringify of the same objects. */
export type SerializeResult = { ours: Summary; json: Summary; events: number; fields: number; bytes: number; identical: boolean };

const WARMUP_ROUNDS = 500;
const ROUNDS = 4000;
const BATCH_SIZE = 100;

/** Times `buildPayload(config, events, "offline")` against `JSON.stringify` of its parsed output, interleaved round by round. */
export function benchSerialize(): SerializeResult {
  const config = fortyFieldConfig();
  const events = mixedBatch();
  const ours = buildPayload(config, events, "offline");
  const objects: unknown = JSON.parse(ours);
  let sink = 0;
  const runOurs = () => {
    const t0 = performance.now();
    // charCodeAt flattens V8's lazy cons-string, so the concatenation is paid inside the timed region.
    sink += buildPayload(config, events, "offline").charCodeAt(1);
    return performance.now() - t0;
  };
  const runJson = () => {
    const t0 = performance.now();
    sink += JSON.stringify(objects).charCodeAt(1);
    return performance.now() - t0;
  };
  for (let i = 0; i < WARMUP_ROUNDS; i++) {
    runOurs();
    runJson();
  }
  const oursTimes: number[] = [];
  const jsonTimes: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    // Alternate which goes first so neither always runs right after the other's garbage.
    if (i % 2 === 0) {
      oursTimes.push(runOurs());
      jsonTimes.push(runJson());
    } else {
      jsonTimes.push(runJson());
      oursTimes.push(runOurs());
    }
  }
  if (sink === 0) throw new Error("unreachable: keeps the results alive");
  return {
    ours: summarize(oursTimes),
    json: summarize(jsonTimes),
    events: events.length,
    fields: config.autoFields.length + config.manualFields.length,
    bytes: Buffer.byteLength(ours),
    identical: JSON.stringify(objects) === ours,
  };
}

const DEVICE = SAMPLE_DEVICE;

// With and without a user, success and failure, so null fields and both booleans appear.
const BATCH_EVENT_TYPES: readonly EventType[] = ["DEV_FACE_AUTH_SUCCESS", "DEV_CARD_AUTH_FAIL", "DEV_DOOR_FORCE_OPEN", "DEV_QR_AUTH_SUCCESS"];

const MANUAL_VALUES = {
  STRING: ["Seoul HQ", "building-7", 'quote " and backslash \\', "서울 본사", ""],
  NUMBER: ["42", "-1.5", "0", "1764758400000", "3.14159"],
  BOOLEAN: ["true", "false"],
} as const;

/** All 18 auto fields (nonString on every other NUMBER/BOOLEAN one) plus 22 manual fields cycling through the three types. */
function fortyFieldConfig(): PayloadConfig {
  let eligible = 0;
  const autoFields = AUTO_FIELD_CATALOG.map((f) => ({
    field: f.field,
    key: f.field.length % 3 === 0 ? `x_${f.field}` : f.field,
    nonString: canBeNonString(f.type) && eligible++ % 2 === 0,
  }));
  const manualFields = Array.from({ length: MAX_FIELDS - autoFields.length }, (_, i) => {
    const type = FIELD_TYPES[i % FIELD_TYPES.length];
    const values = MANUAL_VALUES[type];
    return { key: `manual_${type.toLowerCase()}_${i + 1}`, type, value: values[Math.floor(i / 3) % values.length] };
  });
  return { autoFields, manualFields };
}

function mixedBatch(): DeviceEvent[] {
  const perType = BATCH_SIZE / BATCH_EVENT_TYPES.length;
  return BATCH_EVENT_TYPES.flatMap((type) => sampleEvents(DEVICE, type, perType, { isOffline: true }));
}
