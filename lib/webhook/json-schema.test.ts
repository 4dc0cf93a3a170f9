import { describe, expect, test } from "vitest";
import { PayloadConfigError, buildPayload, type PayloadConfig } from "@/lib/webhook/build-payload";
import { sampleEvents, type DeviceContext } from "@/lib/webhook/device-event";
import { EVENT_TYPES } from "@/lib/webhook/events";
import { AUTO_FIELD_CATALOG, canBeNonString } from "@/lib/webhook/fields";
import { JSON_SCHEMA_DIALECT, buildJsonSchema, type JsonSchema } from "@/lib/webhook/json-schema";

const CTX: DeviceContext = {
  serial: "543210987",
  name: "Lobby entrance",
  model: "BS3-APWB",
  placeId: 178,
  placeName: "Seoul HQ",
  doorId: null,
  doorName: null,
  utcOffsetMinutes: -300,
};

function config(nonString: boolean): PayloadConfig {
  return {
    autoFields: AUTO_FIELD_CATALOG.map((f) => ({ field: f.field, key: `x_${f.field}`, nonString: nonString && canBeNonString(f.type) })),
    manualFields: [
      { key: "site", type: "STRING", value: "Seoul HQ" },
      { key: "priority", type: "NUMBER", value: "2.50" },
      { key: "production", type: "BOOLEAN", value: "false" },
    ],
  };
}

describe("buildJsonSchema", () => {
  test("online: a closed object with every key required, in payload order", () => {
    const schema = buildJsonSchema(config(true), "online");
    expect(schema).toMatchObject({ $schema: JSON_SCHEMA_DIALECT, type: "object", additionalProperties: false });
    expect(schema.required).toEqual([...AUTO_FIELD_CATALOG.map((f) => `x_${f.field}`), "site", "priority", "production"]);
  });

  test.each([
    ["x_eventId", true, "number"],
    ["x_eventId", false, "string"],
    ["x_authResult", true, ["boolean", "null"]],
    ["x_authResult", false, ["string", "null"]],
    ["x_doorId", true, ["number", "null"]],
    ["x_userKey", true, ["string", "null"]],
    ["x_tnaKey", false, ["string", "null"]],
    ["x_isOffline", true, "boolean"],
    ["x_deviceId", true, "string"],
    ["x_eventTime", true, "string"],
  ])("%s with nonString %s has type %j", (key, nonString, type) => {
    const properties = buildJsonSchema(config(nonString), "online").properties as Record<string, JsonSchema>;
    expect(properties[key].type).toEqual(type);
  });

  test.each([
    ["site", "string", "Seoul HQ"],
    ["priority", "number", 2.5],
    ["production", "boolean", false],
  ])("manual field %s is a %s const", (key, type, value) => {
    const properties = buildJsonSchema(config(false), "online").properties as Record<string, JsonSchema>;
    expect(properties[key]).toEqual({ type, const: value });
  });

  test("offline: an array of 1 to 100 of the online objects", () => {
    const online = buildJsonSchema(config(true), "online");
    const items = { type: "object", properties: online.properties, required: online.required, additionalProperties: false };
    expect(buildJsonSchema(config(true), "offline")).toEqual({
      $schema: JSON_SCHEMA_DIALECT,
      title: expect.any(String),
      type: "array",
      minItems: 1,
      maxItems: 100,
      items,
    });
  });

  test("refuses a config that cannot produce JSON", () => {
    const bad: PayloadConfig = { autoFields: [], manualFields: [{ key: "n", type: "NUMBER", value: "007" }] };
    expect(() => buildJsonSchema(bad, "online")).toThrow(PayloadConfigError);
  });
});

describe("the generated payloads validate against the schema", () => {
  const cases = EVENT_TYPES.flatMap((type) => [
    [type, true],
    [type, false],
  ]) as [(typeof EVENT_TYPES)[number], boolean][];

  test.each(cases)("%s with nonString %s, online and offline", (eventType, nonString) => {
    const events = sampleEvents(CTX, eventType, 3, { isOffline: true });
    for (const kind of ["online", "offline"] as const) {
      const body = JSON.parse(buildPayload(config(nonString), events, kind));
      expect(violations(body, buildJsonSchema(config(nonString), kind))).toEqual([]);
    }
  });

  test.each([
    ["a wrong type", (o: Record<string, unknown>) => (o.x_eventId = "10231"), "x_eventId: type"],
    ["a missing key", (o: Record<string, unknown>) => delete o.site, "site: required"],
    ["an extra key", (o: Record<string, unknown>) => (o.extra = 1), "extra: additional"],
    ["a changed manual value", (o: Record<string, unknown>) => (o.priority = 3), "priority: const"],
    ["null where it never is", (o: Record<string, unknown>) => (o.x_eventType = null), "x_eventType: type"],
  ])("the hand-written checker catches %s", (_name, tamper, expected) => {
    const body = JSON.parse(buildPayload(config(true), sampleEvents(CTX, "DEV_TAMPER_ON", 1, { isOffline: false }), "online"));
    tamper(body);
    expect(violations(body, buildJsonSchema(config(true), "online"))).toContain(expected);
  });
});

// The subset of JSON Schema buildJsonSchema emits: type (string or list), const, required, additionalProperties, items, min/maxItems.
function violations(value: unknown, schema: JsonSchema, at = ""): string[] {
  const problems: string[] = [];
  const types = ([] as string[]).concat(schema.type as string | string[]);
  if (!types.some((t) => jsonTypeOf(value) === t)) return [`${at}: type`];
  if ("const" in schema && value !== schema.const) problems.push(`${at}: const`);
  if (Array.isArray(value)) {
    if (value.length < (schema.minItems as number) || value.length > (schema.maxItems as number)) problems.push(`${at}: length`);
    value.forEach((item, i) => problems.push(...violations(item, schema.items as JsonSchema, `${at}[${i}]`)));
  } else if (jsonTypeOf(value) === "object") {
    const object = value as Record<string, unknown>;
    const properties = schema.properties as Record<string, JsonSchema>;
    for (const key of schema.required as string[]) if (!(key in object)) problems.push(`${key}: required`);
    for (const key of Object.keys(object)) {
      if (!(key in properties)) problems.push(`${key}: additional`);
      else problems.push(...violations(object[key], properties[key], key));
    }
  }
  return problems;
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}
