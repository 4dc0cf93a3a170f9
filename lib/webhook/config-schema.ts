import { z } from "zod";
import { DEFAULT_TRIGGER_EVENTS, EVENT_TYPES } from "@/lib/webhook/events";
import {
  AUTO_FIELD_NAMES,
  DEFAULT_AUTO_FIELDS,
  FIELD_TYPES,
  MAX_FIELDS,
  canBeNonString,
  getAutoField,
  type FieldType,
} from "@/lib/webhook/fields";

/** HTTP methods a webhook can use; POST is the default. */
export const HTTP_METHODS = ["POST", "PUT", "PATCH"] as const;

/** Most header rows a webhook may have. */
export const MAX_HEADERS = 10;

/** Longest endpoint URL accepted. */
export const MAX_URL_LENGTH = 512;

/** Longest header value and manual field value accepted. */
export const MAX_VALUE_LENGTH = 1024;

/** Longest header name accepted. */
export const MAX_HEADER_NAME_LENGTH = 256;

/** Most field errors one answer reports. */
export const MAX_REPORTED_ERRORS = 100;

/** Longest manual NUMBER literal: longer ones carry no more precision than a double holds. */
export const MAX_NUMBER_LENGTH = 32;

/** Longest JSON key accepted for auto and manual fields. */
export const MAX_KEY_LENGTH = 64;

/** Header names the user cannot set, with the reason shown to them (keys in lower case). */
export const RESERVED_HEADERS: Readonly<Record<string, string>> = {
  "content-type": "Content-Type is always sent as application/json",
  accept: "Accept is always sent as application/json",
  "content-length": "Content-Length is computed from the body",
  host: "Host is taken from the endpoint URL",
  "transfer-encoding": "Transfer-Encoding is chosen by the sender, which sends the body in one piece",
  connection: "Connection is managed by the sender",
};

/** Zod schema of a webhook config: the form (zodResolver), the server action and the REST API all parse with it. */
export const webhookConfigSchema = z.object(configShape(), { error: "The webhook config must be a JSON object" }).superRefine(checkConfig);

/** A webhook config as the form edits it and the API carries it (without `version`). */
export type WebhookConfig = z.infer<typeof webhookConfigSchema>;

/** Body of `PUT /api/devices/:id/webhook`: a config plus the `version` it was read at. */
export const webhookConfigPutSchema = z
  .object({ ...configShape(), version: versionSchema() }, { error: "The webhook config must be a JSON object" })
  .superRefine(checkConfig);

/** A field error as the API's `{ errors: [...] }` and the form show it; path like "headers.2.name". */
export type FieldError = { code: string; message: string; path: string };

/** Config of a device never configured (deeply frozen: copy before editing). */
export const DEFAULT_WEBHOOK_CONFIG: WebhookConfig = deepFreeze({
  enabled: false,
  method: "POST",
  onlineUrl: null,
  offlineUrl: null,
  headers: [],
  triggerEvents: [...DEFAULT_TRIGGER_EVENTS],
  autoFields: DEFAULT_AUTO_FIELDS.map((f) => ({ ...f })),
  manualFields: [],
});

/** Trims both URLs and turns an empty one into null; run on a parsed config before storing it. */
export function normalizeConfig<T extends WebhookConfig>(config: T): T {
  return { ...config, onlineUrl: normalizeUrl(config.onlineUrl), offlineUrl: normalizeUrl(config.offlineUrl) };
}

/** Flattens a ZodError into field errors, one per issue, with dotted paths such as "headers.2.name". */
export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  // A huge malformed body must not produce a huge answer: the first errors are enough to act on.
  return error.issues.slice(0, MAX_REPORTED_ERRORS).map((issue) => ({
    code: issue.code === "custom" ? String(issue.params?.code ?? "invalid") : issue.code,
    message: issue.message,
    path: issue.path.map(String).join("."),
  }));
}

/** Replaces `value: null` of secret headers by the stored value of the same name (case-insensitive). */
export function resolveSecretHeaders(
  headers: WebhookConfig["headers"],
  stored: readonly { name: string; value: string }[],
): { ok: true; headers: { name: string; value: string; secret: boolean }[] } | { ok: false; errors: FieldError[] } {
  const storedByName = new Map(stored.map((h) => [h.name.toLowerCase(), h.value]));
  const errors: FieldError[] = [];
  const resolved = headers.map((header, i) => {
    const value = header.value ?? storedByName.get(header.name.toLowerCase());
    if (value === undefined) {
      const message = `Value of header ${header.name}: no value is stored for it yet; enter the secret value.`;
      errors.push({ code: "required", message, path: `headers.${i}.value` });
    }
    return { ...header, value: value ?? "" };
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, headers: resolved };
}

/** Non-blocking warnings for one endpoint URL (plain http to a host that is not loopback). */
export function urlWarnings(url: string | null): string[] {
  const trimmed = url?.trim() ?? "";
  if (trimmed === "" || urlProblem("URL", trimmed) !== null) return [];
  const parsed = new URL(trimmed);
  if (parsed.protocol === "http:" && !isLoopbackHost(parsed.hostname)) {
    return [`${parsed.host} is called over http:, so the payload and headers are sent unencrypted. Use https:// if the receiver supports it.`];
  }
  return [];
}

/** Why an endpoint URL is not allowed (label names the field), or null; expects a trimmed, non-empty string. */
export function urlProblem(label: string, url: string): string | null {
  if (url.length > MAX_URL_LENGTH) {
    return `${label} is ${url.length} characters long; shorten it to at most ${MAX_URL_LENGTH}.`;
  }
  if (/\s/.test(url)) return `${label} must not contain spaces or line breaks; percent-encode them (%20).`;
  const authority = /^https?:\/\/([^/?#]*)/i.exec(url);
  if (!authority) return `${label} must be an absolute URL starting with https:// or http://.`;
  if (authority[1].includes("@")) {
    return `${label} must not contain a user name or password; send credentials in a header instead.`;
  }
  if (url.includes("#")) return `${label} must not contain a #fragment; remove "#" and what follows it.`;
  if (!hasHost(url)) return `${label} is not a valid URL; check the host name.`;
  return null;
}

/** Why a JSON key is not allowed (label names the field), or null when it is valid. */
export function keyProblem(label: string, key: string): string | null {
  if (key === "") return `${label}: enter a key.`;
  if (key.length > MAX_KEY_LENGTH) {
    return `${label}: the key is ${key.length} characters long; shorten it to at most ${MAX_KEY_LENGTH}.`;
  }
  if (!KEY_PATTERN.test(key)) {
    return `${label}: key "${key}" must start with a letter and contain only letters, digits and _.`;
  }
  return null;
}

/** Why a manual field value does not fit its type, or null when it is valid. */
export function manualValueProblem(key: string, type: FieldType, value: string): string | null {
  const name = `Manual field "${key}"`;
  if (type === "NUMBER") {
    if (!JSON_NUMBER.test(value)) {
      return `${name} is a NUMBER: enter a plain number such as 42 or -1.5 (no spaces, leading zeros, + sign, hex or NaN).`;
    }
    if (value.length > MAX_NUMBER_LENGTH) {
      return `${name} is a NUMBER of ${value.length} characters; shorten it to at most ${MAX_NUMBER_LENGTH} (receivers read numbers as doubles).`;
    }
    return Number.isFinite(Number(value)) ? null : `${name} is a NUMBER: ${value} is too large; enter a finite number.`;
  }
  if (type === "BOOLEAN") {
    return value === "true" || value === "false" ? null : `${name} is a BOOLEAN: enter true or false, in lower case.`;
  }
  if (value.length > MAX_VALUE_LENGTH) {
    return `${name} is ${value.length} characters long; shorten it to at most ${MAX_VALUE_LENGTH}.`;
  }
  return value.includes("\0") ? `${name} must not contain NUL characters; remove them.` : null;
}

const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const HEADER_NAME = /^[A-Za-z][!#$%&'*+\-.^_`|~0-9A-Za-z]*$/;
const FORBIDDEN_HEADER_VALUE_CHARS = /[\r\n\0]/;
// What both Node's HTTP client and fetch accept in a header value: tab, visible ASCII and Latin-1.
const SENDABLE_HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

type AddIssue = (path: (string | number)[], code: string, message: string) => void;

type ConfigInput = {
  enabled: boolean;
  onlineUrl: string | null;
  headers: { name: string }[];
  triggerEvents: string[];
  autoFields: { field: string; key: string }[];
  manualFields: { key: string }[];
};

function configShape() {
  return {
    enabled: z.boolean({ error: "enabled must be true or false" }),
    method: z.enum(HTTP_METHODS, { error: "Method must be POST, PUT or PATCH." }),
    onlineUrl: urlSchema("Online event URL"),
    offlineUrl: urlSchema("Offline event URL"),
    headers: z.array(headerSchema(), { error: "headers must be a list" }),
    triggerEvents: z.array(z.enum(EVENT_TYPES, { error: "Unknown trigger event: pick one from the event list." }), {
      error: "triggerEvents must be a list",
    }),
    autoFields: z.array(autoFieldSchema(), { error: "autoFields must be a list" }),
    manualFields: z.array(manualFieldSchema(), { error: "manualFields must be a list" }),
  };
}

function versionSchema() {
  const error = "version must be the integer version the config was read at (0 or more)";
  return z.number({ error }).int({ error }).min(0, { error });
}

function urlSchema(label: string) {
  return z
    .string({ error: `${label} must be a string or null` })
    .nullable()
    .superRefine((value, ctx) => {
      const trimmed = value?.trim() ?? "";
      const problem = trimmed === "" ? null : urlProblem(label, trimmed);
      if (problem) ctx.addIssue({ code: "custom", message: problem, params: { code: "invalid_url" } });
    });
}

function headerSchema() {
  return z
    .object(
      {
        name: z.string({ error: "Header name must be a string" }),
        value: z.string({ error: "Header value must be a string, or null to keep a stored secret" }).nullable(),
        secret: z.boolean({ error: "Header secret flag must be true or false" }),
      },
      { error: "Each header must be an object with name, value and secret" },
    )
    .superRefine((header, ctx) => {
      const nameProblem = headerNameProblem(header.name);
      if (nameProblem) ctx.addIssue({ code: "custom", path: ["name"], message: nameProblem.message, params: nameProblem });
      const message = headerValueProblem(header);
      if (message) ctx.addIssue({ code: "custom", path: ["value"], message, params: { code: "invalid_header_value" } });
    });
}

function autoFieldSchema() {
  return z
    .object(
      {
        field: z.enum(AUTO_FIELD_NAMES, { error: "Unknown auto field: pick one from the auto field list." }),
        key: z.string({ error: "Auto field key must be a string" }),
        nonString: z.boolean({ error: "Auto field nonString must be true or false" }),
      },
      { error: "Each auto field must be an object with field, key and nonString" },
    )
    .superRefine((row, ctx) => {
      const problem = keyProblem(`Auto field ${row.field}`, row.key);
      if (problem) ctx.addIssue({ code: "custom", path: ["key"], message: problem, params: { code: "invalid_key" } });
      const { type } = getAutoField(row.field);
      if (row.nonString && !canBeNonString(type)) {
        const message = `Auto field ${row.field} is a ${type}: only NUMBER and BOOLEAN fields can be nonString; turn it off.`;
        ctx.addIssue({ code: "custom", path: ["nonString"], message, params: { code: "nonstring_not_allowed" } });
      }
    });
}

function manualFieldSchema() {
  return z
    .object(
      {
        key: z.string({ error: "Manual field key must be a string" }),
        type: z.enum(FIELD_TYPES, { error: "Manual field type must be STRING, NUMBER or BOOLEAN." }),
        value: z.string({ error: "Manual field value must be a string (numbers and booleans are written as text)" }),
      },
      { error: "Each manual field must be an object with key, type and value" },
    )
    .superRefine((row, ctx) => {
      const problem = keyProblem(`Manual field "${row.key}"`, row.key);
      if (problem) ctx.addIssue({ code: "custom", path: ["key"], message: problem, params: { code: "invalid_key" } });
      const message = manualValueProblem(row.key, row.type, row.value);
      if (message) ctx.addIssue({ code: "custom", path: ["value"], message, params: { code: "invalid_value" } });
    });
}

function headerNameProblem(name: string): { code: string; message: string } | null {
  if (name === "") return { code: "required", message: "Header name: enter a name, or remove the row." };
  if (name.length > MAX_HEADER_NAME_LENGTH) {
    const message = `Header name is too long: use at most ${MAX_HEADER_NAME_LENGTH} characters.`;
    return { code: "invalid_header_name", message };
  }
  if (!HEADER_NAME.test(name)) {
    const message = `Header name "${name}" must start with a letter and use only letters, digits and ! # $ % & ' * + - . ^ _ \` | ~ (no spaces or colons).`;
    return { code: "invalid_header_name", message };
  }
  const reserved = RESERVED_HEADERS[name.toLowerCase()];
  if (reserved) return { code: "reserved_header", message: `Header ${name} cannot be set: ${reserved}. Remove this row.` };
  return null;
}

function headerValueProblem(header: { name: string; value: string | null; secret: boolean }): string | null {
  const label = `Value of header ${header.name || "(unnamed)"}`;
  if (header.value === null) {
    return header.secret ? null : `${label}: enter a value (only a secret header can keep its stored value).`;
  }
  if (header.value === "" && header.secret) return `${label}: enter the secret value.`;
  if (FORBIDDEN_HEADER_VALUE_CHARS.test(header.value)) {
    return `${label} must not contain line breaks (CR, LF) or NUL characters; remove them.`;
  }
  if (!SENDABLE_HEADER_VALUE.test(header.value)) {
    const bad = [...header.value].find((ch) => !SENDABLE_HEADER_VALUE.test(ch)) ?? "";
    const shown = /[\x00-\x1f\x7f]/.test(bad) ? `U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` : `“${bad}”`;
    return `${label} contains ${shown}, which HTTP headers cannot carry; use plain ASCII (percent- or base64-encode other text).`;
  }
  if (header.value.length > MAX_VALUE_LENGTH) {
    return `${label} is ${header.value.length} characters long; shorten it to at most ${MAX_VALUE_LENGTH}.`;
  }
  return null;
}

function checkConfig(config: ConfigInput, ctx: z.RefinementCtx): void {
  const add: AddIssue = (path, code, message) => ctx.addIssue({ code: "custom", path, message, params: { code } });
  if (config.enabled && (config.onlineUrl?.trim() ?? "") === "") {
    add(["onlineUrl"], "required", "Online event URL is required while the webhook is enabled: enter a URL or turn the webhook off.");
  }
  checkHeaders(config.headers, add);
  checkTriggerEvents(config, add);
  checkAutoFieldsUnique(config.autoFields, add);
  checkKeysUnique(config, add);
  const total = config.autoFields.length + config.manualFields.length;
  if (total > MAX_FIELDS) {
    const list = config.manualFields.length > 0 ? "manualFields" : "autoFields";
    const message = `Too many fields (${total}): a payload carries at most ${MAX_FIELDS}; remove ${total - MAX_FIELDS}.`;
    add([list], "too_many_fields", message);
  }
}

function checkHeaders(headers: { name: string }[], add: AddIssue): void {
  if (headers.length > MAX_HEADERS) {
    add(["headers"], "too_many_headers", `Too many headers (${headers.length}): remove rows until at most ${MAX_HEADERS} are left.`);
  }
  const seen = new Set<string>();
  headers.forEach((header, i) => {
    const lower = header.name.toLowerCase();
    if (lower !== "" && seen.has(lower)) {
      const message = `Header ${header.name} is already set in an earlier row (names ignore case): remove one of them.`;
      add(["headers", i, "name"], "duplicate_header", message);
    }
    seen.add(lower);
  });
}

function checkTriggerEvents(config: ConfigInput, add: AddIssue): void {
  const seen = new Set<string>();
  config.triggerEvents.forEach((type, i) => {
    if (seen.has(type)) add(["triggerEvents", i], "duplicate_event", `Trigger event ${type} is selected twice: remove one.`);
    seen.add(type);
  });
  if (config.enabled && config.triggerEvents.length === 0) {
    add(["triggerEvents"], "required", "Trigger events: select at least one event while the webhook is enabled.");
  }
}

function checkAutoFieldsUnique(autoFields: { field: string }[], add: AddIssue): void {
  const seen = new Set<string>();
  autoFields.forEach((row, i) => {
    if (seen.has(row.field)) {
      add(["autoFields", i, "field"], "duplicate_field", `Auto field ${row.field} is included twice: remove one of them.`);
    }
    seen.add(row.field);
  });
}

function checkKeysUnique(config: ConfigInput, add: AddIssue): void {
  const rows = [
    ...config.autoFields.map((row, i) => ({ list: "autoFields", i, key: row.key })),
    ...config.manualFields.map((row, i) => ({ list: "manualFields", i, key: row.key })),
  ];
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.key !== "" && seen.has(row.key)) {
      add([row.list, row.i, "key"], "duplicate_key", `Key "${row.key}" is already used by an earlier field: choose another key.`);
    }
    seen.add(row.key);
  }
}

function hasHost(url: string): boolean {
  try {
    return new URL(url).hostname !== "";
  } catch {
    return false;
  }
}

function normalizeUrl(url: string | null): string | null {
  const trimmed = url?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
