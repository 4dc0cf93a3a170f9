import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  MAX_OFFLINE_BATCH,
  PayloadConfigError,
  buildPayload,
  compilePayload,
  prettyPrint,
  type PayloadConfig,
} from "@/lib/webhook/build-payload";
import { DEFAULT_WEBHOOK_CONFIG, webhookConfigSchema } from "@/lib/webhook/config-schema";
import { makeDeviceEvent, SAMPLE_DEVICE, sampleEvents, type DeviceEvent } from "@/lib/webhook/device-event";
import { EVENT_TYPES, getEvent } from "@/lib/webhook/events";
import { AUTO_FIELD_CATALOG, canBeNonString, type FieldType } from "@/lib/webhook/fields";

const CTX = SAMPLE_DEVICE;

const [FACE_EVENT] = sampleEvents(CTX, "DEV_FACE_AUTH_SUCCESS", 1, { isOffline: false });

function allFields(nonString: boolean): PayloadConfig {
  return {
    autoFields: AUTO_FIELD_CATALOG.map((f) => ({ field: f.field, key: f.field, nonString: nonString && canBeNonString(f.type) })),
    manualFields: [],
  };
}

const NON_STRING_CAPABLE = AUTO_FIELD_CATALOG.filter((f) => canBeNonString(f.type)).map((f) => f.field);

describe("buildPayload: exact bytes", () => {
  test("the default config, online", () => {
    expect(buildPayload(DEFAULT_WEBHOOK_CONFIG, [FACE_EVENT], "online")).toBe(
      '{"eventId":"10231","eventType":"DEV_FACE_AUTH_SUCCESS","eventAt":"1764758400000","deviceId":"543210987","userKey":"emp-0042","userName":"Kim Minji"}',
    );
  });

  test("the PRODUCT.md example: renamed keys, nonString id, then manual fields", () => {
    const config: PayloadConfig = {
      autoFields: [
        { field: "eventId", key: "id", nonString: true },
        { field: "eventType", key: "eventType", nonString: false },
        { field: "userKey", key: "employeeId", nonString: false },
      ],
      manualFields: [
        { key: "site", type: "STRING", value: "Seoul HQ" },
        { key: "priority", type: "NUMBER", value: "2" },
        { key: "production", type: "BOOLEAN", value: "true" },
        { key: "code", type: "STRING", value: "123" },
      ],
    };
    expect(buildPayload(config, [FACE_EVENT], "online")).toBe(
      '{"id":10231,"eventType":"DEV_FACE_AUTH_SUCCESS","employeeId":"emp-0042","site":"Seoul HQ","priority":2,"production":true,"code":"123"}',
    );
  });

  test.each([
    ["1.0e+10", "1.0e+10"],
    ["-0", "-0"],
    ["12345678901234567890", "12345678901234567890"],
  ])("a manual NUMBER %s is written as typed", (value, literal) => {
    const body = buildPayload({ autoFields: [], manualFields: [{ key: "n", type: "NUMBER", value }] }, [FACE_EVENT], "online");
    expect(body).toBe(`{"n":${literal}}`);
  });

  test.each([
    ["no fields at all", { autoFields: [], manualFields: [] }, "{}"],
    ["manual fields only", { autoFields: [], manualFields: [{ key: "a", type: "BOOLEAN" as FieldType, value: "false" }] }, '{"a":false}'],
  ])("%s", (_name, config, expected) => {
    expect(buildPayload(config, [FACE_EVENT], "online")).toBe(expected);
  });
});

describe("buildPayload: the sample payload of every event type", () => {
  test.each(EVENT_TYPES)("%s", (eventType) => {
    const definition = getEvent(eventType);
    const events = sampleEvents(CTX, eventType, 1, { isOffline: false });
    const body = JSON.parse(buildPayload(allFields(true), events, "online"));
    expect(body).toMatchObject({
      eventId: 10231,
      eventType,
      eventCode: definition.code,
      deviceId: "543210987",
      authMode: definition.authMode,
      authResult: definition.authResult,
    });
    const user = definition.hasUser ? ["emp-0042", "Kim Minji", "CHECK_IN"] : [null, null, null];
    expect([body.userKey, body.userName, body.tnaKey]).toEqual(user);
    const quoted = JSON.parse(buildPayload(allFields(false), events, "online"));
    expect([quoted.eventCode, quoted.authResult]).toEqual([
      String(definition.code),
      definition.authResult === null ? null : String(definition.authResult),
    ]);
  });
});

describe("buildPayload: nonString", () => {
  const cases = NON_STRING_CAPABLE.flatMap((field) => [
    [field, true],
    [field, false],
  ]) as [(typeof NON_STRING_CAPABLE)[number], boolean][];

  test.each(cases)("%s with nonString %s", (field, nonString) => {
    const event: DeviceEvent = { ...FACE_EVENT, doorId: 3, isOffline: true };
    const value = event[field];
    const body = buildPayload({ autoFields: [{ field, key: "v", nonString }], manualFields: [] }, [event], "online");
    expect(body).toBe(nonString ? `{"v":${value}}` : `{"v":"${value}"}`);
  });

  test.each([true, false])("a null value stays null with nonString %s", (nonString) => {
    const [tamper] = sampleEvents(CTX, "DEV_TAMPER_ON", 1, { isOffline: false });
    const config: PayloadConfig = { autoFields: [{ field: "authResult", key: "ok", nonString }], manualFields: [] };
    expect(buildPayload(config, [tamper], "online")).toBe('{"ok":null}');
  });

  test("nonString on a STRING field is ignored rather than producing bare text", () => {
    const config: PayloadConfig = { autoFields: [{ field: "userName", key: "u", nonString: true }], manualFields: [] };
    expect(buildPayload(config, [FACE_EVENT], "online")).toBe('{"u":"Kim Minji"}');
  });
});

describe("buildPayload: strings that need escaping", () => {
  test.each([
    ["a double quote", 'Kim "MJ" Minji'],
    ["a backslash", "C:\\users"],
    ["a line break and tab", "a\nb\tc"],
    ["control characters", "\u0001\u001f"],
    ["Korean", "김민지"],
    ["an emoji", "🎉"],
    ["a lone surrogate", "x\ud800y"],
    ["line separators", "\u2028\u2029"],
  ])("a user name with %s round-trips", (_name, userName) => {
    const event = makeDeviceEvent(CTX, {
      eventId: 1,
      eventType: "DEV_FACE_AUTH_SUCCESS",
      eventAt: 0,
      user: { userKey: "k", userName },
      isOffline: false,
    });
    const body = buildPayload(DEFAULT_WEBHOOK_CONFIG, [event], "online");
    expect(JSON.parse(body).userName).toBe(userName);
    expect(body).toBe(JSON.stringify(JSON.parse(body)));
  });
});

describe("buildPayload: offline", () => {
  const events = sampleEvents(CTX, "DEV_CARD_AUTH_SUCCESS", 5, { isOffline: true });

  test("is a JSON array of the events, oldest first", () => {
    const body = buildPayload(DEFAULT_WEBHOOK_CONFIG, events, "offline");
    const parsed = JSON.parse(body);
    expect(parsed.map((e: { eventId: string }) => e.eventId)).toEqual(["10231", "10232", "10233", "10234", "10235"]);
    expect(body).toBe(`[${events.map(compilePayload(DEFAULT_WEBHOOK_CONFIG)).join(",")}]`);
  });

  test("online sends only the first event's object", () => {
    expect(buildPayload(DEFAULT_WEBHOOK_CONFIG, events, "online")).toBe(compilePayload(DEFAULT_WEBHOOK_CONFIG)(events[0]));
  });

  test.each([
    ["offline", MAX_OFFLINE_BATCH + 1, /at most 100/],
    ["online", 0, /needs one event/],
  ] as const)("%s with %i events is refused", (kind, count, message) => {
    const many = sampleEvents(CTX, "DEV_TAMPER_ON", count, { isOffline: true });
    expect(() => buildPayload(DEFAULT_WEBHOOK_CONFIG, many, kind)).toThrow(message);
  });

  test("100 events is allowed", () => {
    const many = sampleEvents(CTX, "DEV_TAMPER_ON", 100, { isOffline: true });
    expect(JSON.parse(buildPayload(DEFAULT_WEBHOOK_CONFIG, many, "offline"))).toHaveLength(100);
  });
});

describe("PayloadConfigError", () => {
  const manual = (type: FieldType, value: string, key = "m"): PayloadConfig => ({
    autoFields: [{ field: "eventId", key: "id", nonString: true }],
    manualFields: [{ key, type, value }],
  });

  test.each<[string, PayloadConfig, RegExp]>([
    ["NUMBER 007", manual("NUMBER", "007"), /Manual field "m" is a NUMBER/],
    ["NUMBER 1e999", manual("NUMBER", "1e999"), /finite/],
    ["NUMBER NaN", manual("NUMBER", "NaN"), /NUMBER/],
    ["NUMBER empty", manual("NUMBER", ""), /NUMBER/],
    ["BOOLEAN True", manual("BOOLEAN", "True"), /BOOLEAN/],
    ["unknown type", manual("DATE" as FieldType, "x"), /STRING, NUMBER or BOOLEAN/],
    ["manual key equal to an auto key", manual("STRING", "x", "id"), /"id" is already used/],
    ["invalid key", manual("STRING", "x", "bad key"), /must start with a letter/],
    [
      "duplicate auto keys",
      { autoFields: [{ field: "eventId", key: "a", nonString: false }, { field: "eventAt", key: "a", nonString: false }], manualFields: [] },
      /Auto field eventAt: key "a" is already used/,
    ],
    [
      "unknown auto field",
      { autoFields: [{ field: "finger", key: "a", nonString: false }], manualFields: [] } as unknown as PayloadConfig,
      /not in the catalog/,
    ],
  ])("%s", (_name, config, message) => {
    expect(() => compilePayload(config)).toThrow(PayloadConfigError);
    expect(() => buildPayload(config, [FACE_EVENT], "online")).toThrow(message);
  });
});

test("prettyPrint indents with two spaces", () => {
  expect(prettyPrint('{"a":1,"b":[true,"x"]}')).toBe('{\n  "a": 1,\n  "b": [\n    true,\n    "x"\n  ]\n}');
});

describe("property: any valid config and any event", () => {
  const keyArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,15}$/);
  const numberLiteralArb = fc.oneof(
    fc.integer().map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
    fc.stringMatching(/^-?(0|[1-9]\d{0,5})(\.\d{1,4})?([eE][+-]?\d{1,2})?$/),
  );
  const manualArb = fc.oneof(
    fc.record({ type: fc.constant("STRING" as const), value: fc.string({ unit: "binary", maxLength: 20 }).filter((s) => !s.includes("\0")) }),
    fc.record({ type: fc.constant("NUMBER" as const), value: numberLiteralArb }),
    fc.record({ type: fc.constant("BOOLEAN" as const), value: fc.constantFrom("true", "false") }),
  );
  const configArb = fc
    .record({ auto: fc.shuffledSubarray([...AUTO_FIELD_CATALOG]), manual: fc.array(manualArb, { maxLength: 22 }) })
    .chain(({ auto, manual }) => {
      const total = auto.length + manual.length;
      return fc.record({
        auto: fc.constant(auto),
        manual: fc.constant(manual),
        keys: fc.uniqueArray(keyArb, { minLength: total, maxLength: total }),
        flags: fc.array(fc.boolean(), { minLength: auto.length, maxLength: auto.length }),
      });
    })
    .map(({ auto, manual, keys, flags }): PayloadConfig => ({
      autoFields: auto.map((f, i) => ({ field: f.field, key: keys[i], nonString: canBeNonString(f.type) && flags[i] })),
      manualFields: manual.map((m, j) => ({ ...m, key: keys[auto.length + j] })),
    }));
  const valueArb: Record<FieldType, fc.Arbitrary<string | number | boolean>> = {
    STRING: fc.string({ unit: "binary", maxLength: 20 }),
    NUMBER: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.maxSafeNat()),
    BOOLEAN: fc.boolean(),
  };
  const eventArb = fc.record(
    Object.fromEntries(AUTO_FIELD_CATALOG.map((f) => [f.field, fc.option(valueArb[f.type], { freq: 4 })])),
  ) as fc.Arbitrary<DeviceEvent>;

  test("the generated configs pass the schema", () => {
    fc.assert(
      fc.property(configArb, (config) => {
        const full = { ...DEFAULT_WEBHOOK_CONFIG, ...config };
        expect(webhookConfigSchema.safeParse(full).error?.issues ?? []).toEqual([]);
      }),
    );
  });

  test("the body parses, keys come in configured order and types follow nonString", () => {
    fc.assert(
      fc.property(configArb, eventArb, (config, event) => {
        const parsed = JSON.parse(buildPayload(config, [event], "online"));
        const keys = [...config.autoFields.map((f) => f.key), ...config.manualFields.map((f) => f.key)];
        expect(Object.keys(parsed)).toEqual(keys);
        for (const f of config.autoFields) {
          const value = event[f.field];
          const expected = value === null ? null : f.nonString || typeof value === "string" ? value : String(value);
          expect(parsed[f.key]).toBe(expected === -0 ? 0 : expected);
        }
        for (const f of config.manualFields) {
          const expected = f.type === "STRING" ? f.value : f.type === "BOOLEAN" ? f.value === "true" : Number(f.value);
          expect(parsed[f.key]).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("offline is the array of the online bodies", () => {
    fc.assert(
      fc.property(configArb, fc.array(eventArb, { minLength: 1, maxLength: 5 }), (config, events) => {
        const online = events.map((e) => buildPayload(config, [e], "online"));
        expect(buildPayload(config, events, "offline")).toBe(`[${online.join(",")}]`);
      }),
    );
  });

  test("property: for any payload, the same JSON, and the exact bytes once its added spacing is removed", () => {
    fc.assert(
      fc.property(configArb, fc.array(eventArb, { minLength: 1, maxLength: 3 }), (config, events) => {
        const body = buildPayload(config, events, "offline");
        const pretty = prettyPrint(body);
        expect(JSON.parse(pretty)).toEqual(JSON.parse(body));
        expect(stripLayout(pretty)).toBe(body);
      }),
      { numRuns: 100 },
    );
  });
});

describe("prettyPrint", () => {
  test.each([
    ['{"a":1,"b":[1,2],"c":{}}'],
    ['[{"id":10231,"s":"x, y: {z}","e":"q\\"uote\\\\"},{"id":10232,"n":null,"t":true,"arr":[]}]'],
  ])("matches JSON.stringify(…, null, 2) for %s", (body) => {
    expect(prettyPrint(body)).toBe(JSON.stringify(JSON.parse(body), null, 2));
  });

  test("keeps every digit and escape exactly as sent", () => {
    expect(prettyPrint('{"big":12345678901234567890,"f":1.50,"u":"\\u2028"}')).toBe('{\n  "big": 12345678901234567890,\n  "f": 1.50,\n  "u": "\\u2028"\n}');
  });

});

/** Removes the newlines, indentation and the space after ":" that prettyPrint adds, outside strings. */
function stripLayout(pretty: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < pretty.length; i++) {
    const ch = pretty[i];
    if (inString) {
      out += ch;
      if (ch === "\\") out += pretty[++i];
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch !== "\n" && ch !== " ") out += ch;
  }
  return out;
}
