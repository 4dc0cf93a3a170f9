import type { WebhookConfig } from "@/lib/webhook/config-schema";
import { keyProblem, manualValueProblem } from "@/lib/webhook/config-schema";
import type { DeviceEvent } from "@/lib/webhook/device-event";
import { AUTO_FIELD_NAMES, FIELD_TYPES, canBeNonString, getAutoField } from "@/lib/webhook/fields";

/** The part of a config that shapes the body. */
export type PayloadConfig = Pick<WebhookConfig, "autoFields" | "manualFields">;

/** Which endpoint a body is for: one object online, an array of objects offline. */
export type PayloadKind = "online" | "offline";

/** Most events one offline request carries. */
export const MAX_OFFLINE_BATCH = 100;

/** Thrown when a config cannot produce valid JSON; the message names the field to fix. */
export class PayloadConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PayloadConfigError";
  }
}

/** Compiles a config into a fast serializer of one event to its compact JSON object. */
export function compilePayload(config: PayloadConfig): (event: DeviceEvent) => string {
  assertPayloadConfig(config);
  const manual = config.manualFields.map(
    (f) => `${JSON.stringify(f.key)}:${f.type === "STRING" ? JSON.stringify(f.value) : f.value}`,
  );
  if (config.autoFields.length === 0) {
    const constant = `{${manual.join(",")}}`;
    return () => constant;
  }
  const fields = config.autoFields.map((f, i) => ({
    field: f.field,
    prefix: `${i === 0 ? "{" : ","}${JSON.stringify(f.key)}:`,
    nonString: f.nonString && canBeNonString(getAutoField(f.field).type),
  }));
  const suffix = `${manual.map((part) => `,${part}`).join("")}}`;
  return (event) => {
    let body = "";
    for (const f of fields) body += f.prefix + encodeValue(event[f.field], f.nonString);
    return body + suffix;
  };
}

/** Builds the exact body sent: the first event's object (online) or a JSON array of all events, oldest first (offline). */
export function buildPayload(config: PayloadConfig, events: readonly DeviceEvent[], kind: PayloadKind): string {
  const serialize = compilePayload(config);
  if (kind === "online") {
    if (events.length === 0) throw new RangeError("An online payload needs one event");
    return serialize(events[0]);
  }
  if (events.length > MAX_OFFLINE_BATCH) {
    throw new RangeError(`An offline payload carries at most ${MAX_OFFLINE_BATCH} events; got ${events.length}`);
  }
  let body = "[";
  for (let i = 0; i < events.length; i++) body += (i === 0 ? "" : ",") + serialize(events[i]);
  return body + "]";
}

/**
 * The body re-indented with two spaces, for the Pretty view. It re-spaces the exact text instead of
 * parsing it, so a number keeps every digit it is sent with (JSON.parse would round 12345678901234567890).
 */
export function prettyPrint(body: string): string {
  let out = "";
  let depth = 0;
  let inString = false;
  const newline = () => "\n" + "  ".repeat(depth);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (inString) {
      out += ch;
      if (ch === "\\") out += body[++i];
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === "{" || ch === "[") {
      const close = ch === "{" ? "}" : "]";
      if (body[i + 1] === close) { out += ch + close; i++; continue; }
      depth++;
      out += ch + newline();
    } else if (ch === "}" || ch === "]") {
      depth--;
      out += newline() + ch;
    } else if (ch === ",") out += "," + newline();
    else if (ch === ":") out += ": ";
    else if (!/\s/.test(ch)) out += ch;
  }
  return out;
}

/** Throws a PayloadConfigError naming the field when the config cannot produce valid JSON. */
export function assertPayloadConfig(config: PayloadConfig): void {
  const keys = new Set<string>();
  const claim = (label: string, key: string) => {
    const problem = keyProblem(label, key);
    if (problem) throw new PayloadConfigError(problem);
    if (keys.has(key)) throw new PayloadConfigError(`${label}: key "${key}" is already used by an earlier field.`);
    keys.add(key);
  };
  for (const f of config.autoFields) {
    if (!KNOWN_AUTO_FIELDS.has(f.field)) throw new PayloadConfigError(`Auto field "${f.field}" is not in the catalog.`);
    claim(`Auto field ${f.field}`, f.key);
  }
  for (const f of config.manualFields) {
    claim(`Manual field "${f.key}"`, f.key);
    if (!FIELD_TYPES.includes(f.type)) throw new PayloadConfigError(`Manual field "${f.key}": choose STRING, NUMBER or BOOLEAN.`);
    const problem = manualValueProblem(f.key, f.type, f.value);
    if (problem) throw new PayloadConfigError(problem);
  }
}

const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const KNOWN_AUTO_FIELDS = new Set<string>(AUTO_FIELD_NAMES);

function encodeValue(value: string | number | boolean | null | undefined, nonString: boolean): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return quote(value);
  if (nonString) return typeof value === "number" && !Number.isFinite(value) ? "null" : String(value);
  return `"${String(value)}"`;
}

function quote(value: string): string {
  // A plain string needs no escaping; the regex test is far cheaper than JSON.stringify per value.
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}
