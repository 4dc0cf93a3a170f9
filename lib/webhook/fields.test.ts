import { describe, expect, test } from "vitest";
import {
  AUTO_FIELD_CATALOG,
  AUTO_FIELD_NAMES,
  DEFAULT_AUTO_FIELDS,
  FIELD_TYPES,
  MAX_FIELDS,
  canBeNonString,
  getAutoField,
  type AutoFieldName,
  type FieldType,
} from "@/lib/webhook/fields";

// DOMAIN.md §3: key, type, on by default, can be null for some event.
const DOMAIN_TABLE: [AutoFieldName, FieldType, boolean, boolean][] = [
  ["eventId", "NUMBER", true, false],
  ["eventType", "STRING", true, false],
  ["eventCode", "NUMBER", false, false],
  ["eventAt", "NUMBER", true, false],
  ["eventTime", "STRING", false, false],
  ["deviceId", "STRING", true, false],
  ["deviceName", "STRING", false, false],
  ["deviceModel", "STRING", false, false],
  ["placeId", "NUMBER", false, false],
  ["placeName", "STRING", false, false],
  ["doorId", "NUMBER", false, true],
  ["doorName", "STRING", false, true],
  ["userKey", "STRING", true, true],
  ["userName", "STRING", true, true],
  ["authMode", "STRING", false, true],
  ["authResult", "BOOLEAN", false, true],
  ["tnaKey", "STRING", false, true],
  ["isOffline", "BOOLEAN", false, false],
];

const JS_TYPE: Record<FieldType, string> = { STRING: "string", NUMBER: "number", BOOLEAN: "boolean" };

describe("AUTO_FIELD_CATALOG", () => {
  test("lists the 18 fields of DOMAIN.md in its order", () => {
    expect(AUTO_FIELD_NAMES).toEqual(DOMAIN_TABLE.map(([field]) => field));
  });

  test.each(DOMAIN_TABLE)("%s is %s, default on %s, nullable %s", (field, type, defaultOn, nullable) => {
    expect(getAutoField(field)).toMatchObject({ field, type, defaultOn, nullable });
  });

  test.each(AUTO_FIELD_CATALOG.map((f) => [f.field, f.type, f.sample] as const))(
    "%s has a %s sample of the matching JS type",
    (_field, type, sample) => {
      expect(typeof sample).toBe(JS_TYPE[type]);
    },
  );

  test("every field has a description", () => {
    expect(AUTO_FIELD_CATALOG.filter((f) => f.description.length < 5)).toEqual([]);
  });
});

describe("defaults and limits", () => {
  test("DEFAULT_AUTO_FIELDS are the default-on fields in catalog order, key = field, quoted", () => {
    expect(DEFAULT_AUTO_FIELDS).toEqual(
      ["eventId", "eventType", "eventAt", "deviceId", "userKey", "userName"].map((field) => ({
        field,
        key: field,
        nonString: false,
      })),
    );
  });

  test("a payload carries at most 40 fields and there are three field types", () => {
    expect(MAX_FIELDS).toBe(40);
    expect(FIELD_TYPES).toEqual(["STRING", "NUMBER", "BOOLEAN"]);
  });

  test.each([
    ["STRING", false],
    ["NUMBER", true],
    ["BOOLEAN", true],
  ] as const)("canBeNonString(%s) is %s", (type, expected) => {
    expect(canBeNonString(type)).toBe(expected);
  });

  test("getAutoField refuses a name outside the catalog", () => {
    expect(() => getAutoField("fingerprint" as AutoFieldName)).toThrow(/Unknown auto field/);
  });
});
