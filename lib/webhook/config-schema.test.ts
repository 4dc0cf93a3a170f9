import { describe, expect, test } from "vitest";
import {
  DEFAULT_WEBHOOK_CONFIG,
  fieldErrorsFromZod,
  normalizeConfig,
  resolveSecretHeaders,
  urlWarnings,
  webhookConfigPutSchema,
  webhookConfigSchema,
  type FieldError,
  type WebhookConfig,
} from "@/lib/webhook/config-schema";
import { DEFAULT_TRIGGER_EVENTS } from "@/lib/webhook/events";
import { AUTO_FIELD_CATALOG, DEFAULT_AUTO_FIELDS, type FieldType } from "@/lib/webhook/fields";

type Config = WebhookConfig;
type Mutation = (c: Config) => void;

function validConfig(): Config {
  return {
    enabled: true,
    method: "POST",
    onlineUrl: "https://hr.example.com/hooks/online",
    offlineUrl: "https://hr.example.com/hooks/offline",
    headers: [
      { name: "Authorization", value: "Bearer abc", secret: true },
      { name: "X-Site", value: "seoul-1", secret: false },
    ],
    triggerEvents: ["DEV_FACE_AUTH_SUCCESS", "DEV_SPOOF_FACE_DETECTED"],
    autoFields: [
      { field: "eventId", key: "id", nonString: true },
      { field: "eventType", key: "eventType", nonString: false },
      { field: "userKey", key: "employeeId", nonString: false },
    ],
    manualFields: [
      { key: "site", type: "STRING", value: "Seoul HQ" },
      { key: "priority", type: "NUMBER", value: "2" },
      { key: "production", type: "BOOLEAN", value: "true" },
    ],
  };
}

function errorsAfter(mutate: Mutation): FieldError[] {
  const config = validConfig();
  mutate(config);
  const result = webhookConfigSchema.safeParse(config);
  return result.success ? [] : fieldErrorsFromZod(result.error);
}

function headerRows(n: number): Config["headers"] {
  return Array.from({ length: n }, (_, i) => ({ name: `X-H${i}`, value: "v", secret: false }));
}

function manualRows(n: number, prefix = "m"): Config["manualFields"] {
  return Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}`, type: "STRING" as const, value: "x" }));
}

const ACCEPTED: [string, Mutation][] = [
  ["the PRODUCT.md example", () => {}],
  ["a disabled config without URL or triggers", (c) => Object.assign(c, { enabled: false, onlineUrl: null, triggerEvents: [] })],
  ["an empty offline URL", (c) => (c.offlineUrl = "")],
  ["a null offline URL", (c) => (c.offlineUrl = null)],
  ["URLs with spaces around them", (c) => (c.onlineUrl = "  https://hr.example.com/in  ")],
  ["an http URL", (c) => (c.onlineUrl = "http://hr.example.com/in")],
  ["a URL with port and query", (c) => (c.onlineUrl = "https://hr.example.com:8443/in?site=1&x=%20")],
  ["an IPv6 loopback URL", (c) => (c.onlineUrl = "http://[::1]:3000/api/hooks/abc")],
  ["a URL of exactly 512 characters", (c) => (c.onlineUrl = `https://a.example.com/${"p".repeat(490)}`)],
  ["PUT and PATCH", (c) => (c.method = "PATCH")],
  ["10 headers", (c) => (c.headers = headerRows(10))],
  ["a token header name with symbols", (c) => (c.headers = [{ name: "X-Api_Key.v2!#$%&'*+^`|~", value: "1", secret: false }])],
  ["a secret header with value null", (c) => (c.headers = [{ name: "Authorization", value: null, secret: true }])],
  ["an empty non-secret header value", (c) => (c.headers = [{ name: "X-Empty", value: "", secret: false }])],
  ["a header value of 1024 characters with a tab", (c) => (c.headers[1].value = `a\t${"b".repeat(1022)}`)],
  ["every trigger event is unique", (c) => (c.triggerEvents = [...DEFAULT_TRIGGER_EVENTS])],
  ["no auto fields and no manual fields", (c) => Object.assign(c, { autoFields: [], manualFields: [] })],
  ["nonString on a BOOLEAN auto field", (c) => c.autoFields.push({ field: "authResult", key: "ok", nonString: true })],
  ["a 64-character key", (c) => (c.manualFields[0].key = `k${"_".repeat(63)}`)],
  ["keys differing only in case", (c) => (c.manualFields[0].key = "ID")],
  ["a manual value with quotes, backslash and unicode", (c) => (c.manualFields[0].value = 'He said "안녕" \\ 🎉')],
  ["an empty manual STRING", (c) => (c.manualFields[0].value = "")],
  ["exactly 40 fields", (c) => (c.manualFields = manualRows(37))],
];

describe("webhookConfigSchema accepts", () => {
  test.each(ACCEPTED)("%s", (_name, mutate) => {
    expect(errorsAfter(mutate)).toEqual([]);
  });

  test.each([
    ["0"],
    ["-0"],
    ["42"],
    ["-1.5"],
    ["1e3"],
    ["2E-7"],
    ["1.0e+10"],
    ["12345678901234567890"],
  ])("manual NUMBER %s", (value) => {
    expect(errorsAfter((c) => (c.manualFields[1].value = value))).toEqual([]);
  });

  test("the default config", () => {
    expect(webhookConfigSchema.safeParse(DEFAULT_WEBHOOK_CONFIG).success).toBe(true);
  });
});

// [rule, mutation, path of the error, code, words the message must contain]
const REFUSED: [string, Mutation, string, string, RegExp][] = [
  ["online URL missing while enabled", (c) => (c.onlineUrl = null), "onlineUrl", "required", /Online event URL is required/],
  ["online URL blank while enabled", (c) => (c.onlineUrl = "   "), "onlineUrl", "required", /Online event URL/],
  ["relative URL", (c) => (c.onlineUrl = "/hooks/in"), "onlineUrl", "invalid_url", /absolute URL/],
  ["ftp URL", (c) => (c.offlineUrl = "ftp://files.example.com/x"), "offlineUrl", "invalid_url", /Offline event URL.*https:\/\//],
  ["URL without //", (c) => (c.onlineUrl = "https:hr.example.com"), "onlineUrl", "invalid_url", /absolute URL/],
  ["URL with user and password", (c) => (c.onlineUrl = "https://bob:pw@hr.example.com/in"), "onlineUrl", "invalid_url", /user name or password/],
  ["URL with only a user", (c) => (c.offlineUrl = "https://bob@hr.example.com/in"), "offlineUrl", "invalid_url", /user name/],
  ["URL with a fragment", (c) => (c.onlineUrl = "https://hr.example.com/in#top"), "onlineUrl", "invalid_url", /fragment/],
  ["URL with an empty fragment", (c) => (c.onlineUrl = "https://hr.example.com/in#"), "onlineUrl", "invalid_url", /fragment/],
  ["URL with a space inside", (c) => (c.onlineUrl = "https://hr.example.com/a b"), "onlineUrl", "invalid_url", /spaces/],
  ["URL of 513 characters", (c) => (c.onlineUrl = `https://a.example.com/${"p".repeat(491)}`), "onlineUrl", "invalid_url", /at most 512/],
  ["URL with a bad host", (c) => (c.onlineUrl = "https://exa mple/"), "onlineUrl", "invalid_url", /spaces/],
  ["URL with an invalid port", (c) => (c.onlineUrl = "https://hr.example.com:99999/"), "onlineUrl", "invalid_url", /not a valid URL/],
  ["unknown method", (c) => ((c as { method: string }).method = "GET"), "method", "invalid_value", /POST, PUT or PATCH/],
  ["11 headers", (c) => (c.headers = headerRows(11)), "headers", "too_many_headers", /at most 10/],
  ["empty header name", (c) => (c.headers[1].name = ""), "headers.1.name", "required", /Header name: enter a name/],
  ["header name with a space", (c) => (c.headers[1].name = "X Site"), "headers.1.name", "invalid_header_name", /no spaces/],
  ["header name with a colon", (c) => (c.headers[1].name = "X-Site:"), "headers.1.name", "invalid_header_name", /Header name "X-Site:"/],
  ["header name starting with a digit", (c) => (c.headers[1].name = "1X"), "headers.1.name", "invalid_header_name", /start with a letter/],
  ["header name starting with a dash", (c) => (c.headers[1].name = "-X"), "headers.1.name", "invalid_header_name", /start with a letter/],
  ["header name with non-ASCII", (c) => (c.headers[1].name = "X-Sité"), "headers.1.name", "invalid_header_name", /letters, digits/],
  ["duplicate header name, other case", (c) => (c.headers[1].name = "AUTHORIZATION"), "headers.1.name", "duplicate_header", /already set/],
  ["header value with CR", (c) => (c.headers[1].value = "a\rb"), "headers.1.value", "invalid_header_value", /line breaks/],
  ["header value with LF", (c) => (c.headers[1].value = "a\nX-Evil: 1"), "headers.1.value", "invalid_header_value", /line breaks/],
  ["header value with NUL", (c) => (c.headers[1].value = "a\0b"), "headers.1.value", "invalid_header_value", /NUL/],
  ["header value of 1025 characters", (c) => (c.headers[1].value = "v".repeat(1025)), "headers.1.value", "invalid_header_value", /at most 1024/],
  ["non-secret header with value null", (c) => (c.headers[1].value = null), "headers.1.value", "invalid_header_value", /X-Site: enter a value/],
  ["secret header with an empty value", (c) => (c.headers[0].value = ""), "headers.0.value", "invalid_header_value", /secret value/],
  ["no trigger event while enabled", (c) => (c.triggerEvents = []), "triggerEvents", "required", /at least one/],
  ["duplicate trigger event", (c) => c.triggerEvents.push("DEV_FACE_AUTH_SUCCESS"), "triggerEvents.2", "duplicate_event", /twice/],
  ["unknown trigger event", (c) => ((c.triggerEvents as string[])[0] = "DEV_FINGER"), "triggerEvents.0", "invalid_value", /Unknown trigger event/],
  ["auto field included twice", (c) => c.autoFields.push({ field: "eventId", key: "id2", nonString: false }), "autoFields.3.field", "duplicate_field", /eventId is included twice/],
  ["unknown auto field", (c) => ((c.autoFields[0] as { field: string }).field = "finger"), "autoFields.0.field", "invalid_value", /Unknown auto field/],
  ["nonString on a STRING auto field", (c) => (c.autoFields[1].nonString = true), "autoFields.1.nonString", "nonstring_not_allowed", /eventType is a STRING/],
  ["empty auto key", (c) => (c.autoFields[2].key = ""), "autoFields.2.key", "invalid_key", /userKey: enter a key/],
  ["auto key with a dash", (c) => (c.autoFields[2].key = "employee-id"), "autoFields.2.key", "invalid_key", /letters, digits and _/],
  ["auto key starting with _", (c) => (c.autoFields[2].key = "_id"), "autoFields.2.key", "invalid_key", /start with a letter/],
  ["auto key of 65 characters", (c) => (c.autoFields[2].key = "k".repeat(65)), "autoFields.2.key", "invalid_key", /at most 64/],
  ["manual key with a space", (c) => (c.manualFields[0].key = "my site"), "manualFields.0.key", "invalid_key", /Manual field "my site"/],
  ["manual key starting with a digit", (c) => (c.manualFields[0].key = "1st"), "manualFields.0.key", "invalid_key", /start with a letter/],
  ["duplicate auto keys", (c) => (c.autoFields[2].key = "id"), "autoFields.2.key", "duplicate_key", /"id" is already used/],
  ["manual key equal to an auto key", (c) => (c.manualFields[1].key = "eventType"), "manualFields.1.key", "duplicate_key", /"eventType" is already used/],
  ["duplicate manual keys", (c) => (c.manualFields[2].key = "site"), "manualFields.2.key", "duplicate_key", /"site" is already used/],
  ["41 fields", (c) => (c.manualFields = manualRows(38)), "manualFields", "too_many_fields", /at most 40/],
  ["unknown manual type", (c) => ((c.manualFields[0] as { type: string }).type = "DATE"), "manualFields.0.type", "invalid_value", /STRING, NUMBER or BOOLEAN/],
  ["manual STRING of 1025 characters", (c) => (c.manualFields[0].value = "s".repeat(1025)), "manualFields.0.value", "invalid_value", /at most 1024/],
  ["manual STRING with NUL", (c) => (c.manualFields[0].value = "a\0"), "manualFields.0.value", "invalid_value", /NUL/],
];

describe("webhookConfigSchema refuses", () => {
  test.each(REFUSED)("%s", (_rule, mutate, path, code, message) => {
    const errors = errorsAfter(mutate);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path, code });
    expect(errors[0].message).toMatch(message);
  });

  test.each(["Content-Type", "content-type", "Accept", "Content-Length", "Host", "Transfer-Encoding", "CONNECTION"])(
    "reserved header %s, with the reason",
    (name) => {
      const errors = errorsAfter((c) => (c.headers[1].name = name));
      expect(errors).toEqual([expect.objectContaining({ path: "headers.1.name", code: "reserved_header" })]);
      expect(errors[0].message).toMatch(new RegExp(`Header ${name} cannot be set: .+ is .+\\. Remove this row\\.`));
    },
  );

  test("Content-Type's reason says it is always application/json", () => {
    const [error] = errorsAfter((c) => (c.headers[0].name = "Content-Type"));
    expect(error.message).toContain("Content-Type is always sent as application/json");
  });

  const badValues: [FieldType, string][] = [
    ["NUMBER", "007"],
    ["NUMBER", "1e999"],
    ["NUMBER", "-1e999"],
    ["NUMBER", "NaN"],
    ["NUMBER", "Infinity"],
    ["NUMBER", " 1"],
    ["NUMBER", "1 "],
    ["NUMBER", "+1"],
    ["NUMBER", "0x10"],
    ["NUMBER", "1."],
    ["NUMBER", ".5"],
    ["NUMBER", "1e"],
    ["NUMBER", "1_000"],
    ["NUMBER", ""],
    ["NUMBER", "--1"],
    ["BOOLEAN", "True"],
    ["BOOLEAN", "FALSE"],
    ["BOOLEAN", "1"],
    ["BOOLEAN", "yes"],
    ["BOOLEAN", " true"],
    ["BOOLEAN", ""],
  ];
  test.each(badValues)("manual %s value %j", (type, value) => {
    const errors = errorsAfter((c) => (c.manualFields[1] = { key: "priority", type, value }));
    expect(errors).toEqual([expect.objectContaining({ path: "manualFields.1.value", code: "invalid_value" })]);
    expect(errors[0].message).toMatch(new RegExp(`Manual field "priority" is a ${type}`));
  });

  test("several mistakes are all reported, each on its row", () => {
    const errors = errorsAfter((c) => {
      c.headers[1].name = "Host";
      c.autoFields[1].key = "bad key";
      c.manualFields[1].value = "007";
      c.triggerEvents = [];
    });
    expect(errors.map((e) => e.path).sort()).toEqual(
      ["autoFields.1.key", "headers.1.name", "manualFields.1.value", "triggerEvents"].sort(),
    );
  });

  test.each([
    ["a non-object config", 42, ""],
    ["a string for enabled", { ...validConfig(), enabled: "yes" }, "enabled"],
    ["a number URL", { ...validConfig(), onlineUrl: 5 }, "onlineUrl"],
    ["headers not a list", { ...validConfig(), headers: {} }, "headers"],
    ["a manual value as a number", { ...validConfig(), manualFields: [{ key: "a", type: "NUMBER", value: 2 }] }, "manualFields.0.value"],
  ])("wrong JSON types: %s", (_name, input, path) => {
    const result = webhookConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    const errors = fieldErrorsFromZod(result.error!);
    expect(errors[0]).toMatchObject({ path, code: "invalid_type" });
    expect(errors[0].message.length).toBeGreaterThan(10);
  });
});

describe("webhookConfigPutSchema", () => {
  test.each([
    [0, true],
    [3, true],
    [-1, false],
    [1.5, false],
    ["3", false],
    [undefined, false],
  ])("version %j accepted: %s", (version, ok) => {
    const result = webhookConfigPutSchema.safeParse({ ...validConfig(), version });
    expect(result.success).toBe(ok);
    if (!ok) expect(fieldErrorsFromZod(result.error!)[0].path).toBe("version");
  });

  test("applies the same cross-field rules", () => {
    const result = webhookConfigPutSchema.safeParse({ ...validConfig(), version: 1, triggerEvents: [] });
    expect(fieldErrorsFromZod(result.error!)).toEqual([expect.objectContaining({ path: "triggerEvents" })]);
  });
});

describe("DEFAULT_WEBHOOK_CONFIG", () => {
  test("is disabled, POST, without URLs, headers or manual fields", () => {
    expect(DEFAULT_WEBHOOK_CONFIG).toMatchObject({
      enabled: false,
      method: "POST",
      onlineUrl: null,
      offlineUrl: null,
      headers: [],
      manualFields: [],
    });
  });

  test("carries the default triggers and auto fields", () => {
    expect(DEFAULT_WEBHOOK_CONFIG.triggerEvents).toEqual(DEFAULT_TRIGGER_EVENTS);
    expect(DEFAULT_WEBHOOK_CONFIG.autoFields).toEqual(DEFAULT_AUTO_FIELDS);
  });

  test("cannot be mutated by accident", () => {
    expect(() => DEFAULT_WEBHOOK_CONFIG.autoFields.push({ field: "eventCode", key: "c", nonString: false })).toThrow();
  });

  test("parsing gives back the same shape (input type equals output type)", () => {
    expect(webhookConfigSchema.parse(validConfig())).toEqual(validConfig());
  });
});

describe("normalizeConfig", () => {
  test.each([
    ["  https://a.example/x ", "https://a.example/x"],
    ["", null],
    ["   ", null],
    [null, null],
  ])("URL %j becomes %j", (url, expected) => {
    const normalized = normalizeConfig({ ...validConfig(), onlineUrl: url, offlineUrl: url });
    expect([normalized.onlineUrl, normalized.offlineUrl]).toEqual([expected, expected]);
  });

  test("keeps extra properties such as version", () => {
    expect(normalizeConfig({ ...validConfig(), version: 4 }).version).toBe(4);
  });
});

describe("urlWarnings", () => {
  test.each([
    ["http://hr.example.com/in", 1],
    ["http://10.0.0.5:8080/in", 1],
    ["https://hr.example.com/in", 0],
    ["http://localhost:3000/api/hooks/x", 0],
    ["http://127.0.0.1/in", 0],
    ["http://[::1]/in", 0],
    ["http://app.localhost/in", 0],
    ["", 0],
    [null, 0],
    ["not a url", 0],
  ])("%j gives %i warning(s)", (url, count) => {
    const warnings = urlWarnings(url);
    expect(warnings).toHaveLength(count);
    if (count) expect(warnings[0]).toMatch(/sent unencrypted/);
  });
});

describe("resolveSecretHeaders", () => {
  const stored = [{ name: "authorization", value: "Bearer old" }];

  test("keeps the stored value for value null, matching the name case-insensitively", () => {
    const result = resolveSecretHeaders([{ name: "Authorization", value: null, secret: true }], stored);
    expect(result).toEqual({ ok: true, headers: [{ name: "Authorization", value: "Bearer old", secret: true }] });
  });

  test.each([
    ["a new value replaces the stored one", { name: "Authorization", value: "Bearer new", secret: true }, true],
    ["value null without a stored header is refused", { name: "X-Token", value: null, secret: true }, false],
  ])("%s", (_name, header, ok) => {
    const result = resolveSecretHeaders([header], stored);
    expect(result.ok).toBe(ok);
    if (result.ok) expect(result.headers[0].value).toBe("Bearer new");
    else expect(result.errors).toEqual([expect.objectContaining({ path: "headers.0.value", code: "required" })]);
  });
});

test("every auto field can be included under its own name", () => {
  const errors = errorsAfter((c) => {
    c.autoFields = AUTO_FIELD_CATALOG.map((f) => ({ field: f.field, key: f.field, nonString: f.type !== "STRING" }));
    c.manualFields = [];
  });
  expect(errors).toEqual([]);
});

describe("values a request can really carry", () => {
  test.each([["€uro"], ["tab\tok but bell \u0007"], ["del \u007f"], ["emoji 😀"]])("header value %j is refused with the character named", (value) => {
    const config = { ...validConfig(), headers: [{ name: "X-Note", value, secret: false }] };
    const result = webhookConfigSchema.safeParse(config);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(["headers", 0, "value"]);
    expect(result.error!.issues[0].message).toContain("HTTP headers cannot carry");
  });

  test.each([["tab\tand spaces"], ["Latin-1 é ü"], ["Bearer abc.def-123_~+/="]])("header value %j is accepted", (value) => {
    expect(webhookConfigSchema.safeParse({ ...validConfig(), headers: [{ name: "X-Note", value, secret: false }] }).success).toBe(true);
  });

  test("a manual NUMBER longer than a double's precision is refused", () => {
    const long = "1." + "0".repeat(40);
    const result = webhookConfigSchema.safeParse({ ...validConfig(), manualFields: [{ key: "n", type: "NUMBER", value: long }] });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].message).toContain("at most 32");
  });

  test("a malformed body reports at most 100 errors", () => {
    const result = webhookConfigSchema.safeParse({ ...validConfig(), manualFields: Array.from({ length: 500 }, () => ({})) });
    expect(fieldErrorsFromZod(result.error!)).toHaveLength(100);
  });
});
