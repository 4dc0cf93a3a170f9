import { describe, expect, test } from "vitest";
import {
  DEFAULT_TRIGGER_EVENTS,
  EVENT_CATALOG,
  EVENT_GROUPS,
  EVENT_TYPES,
  getEvent,
  isEventType,
  type EventType,
} from "@/lib/webhook/events";

// DOMAIN.md §2, copied by hand so a catalog edit that drifts from the spec fails here.
const DOMAIN_TABLE: [EventType, number, string, boolean][] = [
  ["DEV_FACE_AUTH_SUCCESS", 0x1303, "authentication", true],
  ["DEV_CARD_AUTH_SUCCESS", 0x1006, "authentication", true],
  ["DEV_CARD_THEN_FACE_AUTH_SUCCESS", 0x100a, "authentication", true],
  ["DEV_PIN_AUTH_SUCCESS", 0x1001, "authentication", true],
  ["DEV_QR_AUTH_SUCCESS", 0x1025, "authentication", true],
  ["DEV_MOBILE_CARD_AUTH_SUCCESS", 0x1016, "authentication", true],
  ["DEV_FACE_AUTH_FAIL", 0x1405, "authentication", true],
  ["DEV_CARD_AUTH_FAIL", 0x1102, "authentication", true],
  ["DEV_PIN_AUTH_FAIL", 0x1103, "authentication", true],
  ["DEV_QR_AUTH_FAIL", 0x110c, "authentication", true],
  ["DEV_ACCESS_DENIED", 0x1901, "authentication", false],
  ["DEV_SPOOF_FACE_DETECTED", 0x190a, "security", false],
  ["DEV_DUPLICATED_FACE_DETECTED", 0x2800, "security", false],
  ["DEV_TAMPER_ON", 0x4000, "security", false],
  ["DEV_TAMPER_OFF", 0x4100, "security", false],
  ["DEV_DOOR_RELAY_ON", 0x5000, "door", false],
  ["DEV_DOOR_RELAY_OFF", 0x5100, "door", false],
  ["DEV_DOOR_SENSOR_OPEN", 0x5200, "door", false],
  ["DEV_DOOR_SENSOR_CLOSE", 0x5300, "door", false],
  ["DEV_DOOR_FORCE_OPEN", 0x5400, "door", false],
  ["DEV_DOOR_HELD_OPEN", 0x5500, "door", false],
  ["DEV_DOOR_EXIT_BUTTON", 0x4a00, "door", false],
  ["DEV_DEVICE_START", 0x3100, "device", false],
  ["DEV_NETWORK_DISCONNECT", 0x3400, "device", false],
  ["DEV_NETWORK_CONNECT", 0x3b00, "device", false],
  ["DEV_ADMIN_MENU_ON", 0x3600, "device", false],
];

const AUTH_MODES: Partial<Record<EventType, string>> = {
  DEV_FACE_AUTH_SUCCESS: "FACE",
  DEV_CARD_AUTH_SUCCESS: "CARD",
  DEV_CARD_THEN_FACE_AUTH_SUCCESS: "CARD_FACE",
  DEV_PIN_AUTH_SUCCESS: "PIN",
  DEV_QR_AUTH_SUCCESS: "QR",
  DEV_MOBILE_CARD_AUTH_SUCCESS: "MOBILE_CARD",
  DEV_FACE_AUTH_FAIL: "FACE",
  DEV_CARD_AUTH_FAIL: "CARD",
  DEV_PIN_AUTH_FAIL: "PIN",
  DEV_QR_AUTH_FAIL: "QR",
  DEV_ACCESS_DENIED: "FACE",
};

describe("EVENT_CATALOG", () => {
  test("lists the 26 events of DOMAIN.md in its order", () => {
    expect(EVENT_TYPES).toEqual(DOMAIN_TABLE.map(([type]) => type));
  });

  test.each(DOMAIN_TABLE)("%s has code %i, group %s, default trigger %s", (type, code, group, defaultTrigger) => {
    expect(getEvent(type)).toMatchObject({ type, code, group, defaultTrigger });
  });

  test.each(EVENT_TYPES)("%s follows the field presence rules of DOMAIN.md §3", (type) => {
    const event = getEvent(type);
    const expected = type.endsWith("_AUTH_SUCCESS")
      ? { hasUser: true, authResult: true }
      : type.endsWith("_AUTH_FAIL")
        ? { hasUser: false, authResult: false }
        : type === "DEV_ACCESS_DENIED"
          ? { hasUser: true, authResult: false }
          : { hasUser: false, authResult: null };
    expect(event).toMatchObject({ ...expected, authMode: AUTH_MODES[type] ?? null });
  });

  test("codes and labels are unique", () => {
    expect(new Set(EVENT_CATALOG.map((e) => e.code)).size).toBe(EVENT_CATALOG.length);
    expect(new Set(EVENT_CATALOG.map((e) => e.label)).size).toBe(EVENT_CATALOG.length);
  });
});

describe("groups and defaults", () => {
  test("groups come in picker order with labels", () => {
    expect(EVENT_GROUPS.map((g) => [g.group, g.label])).toEqual([
      ["authentication", "Authentication"],
      ["security", "Security"],
      ["door", "Door"],
      ["device", "Device"],
    ]);
  });

  test.each(EVENT_GROUPS.map((g) => g.group))("group %s has events", (group) => {
    expect(EVENT_CATALOG.filter((e) => e.group === group).length).toBeGreaterThan(0);
  });

  test("default triggers are the ten authentication success and failure events", () => {
    expect(DEFAULT_TRIGGER_EVENTS).toEqual(DOMAIN_TABLE.filter((row) => row[3]).map(([type]) => type));
    expect(DEFAULT_TRIGGER_EVENTS).toHaveLength(10);
  });
});

describe("lookups", () => {
  test.each([
    ["DEV_TAMPER_ON", true],
    ["DEV_FINGER_AUTH_SUCCESS", false],
    ["", false],
    [42, false],
  ])("isEventType(%j) is %s", (value, expected) => {
    expect(isEventType(value)).toBe(expected);
  });

  test("getEvent refuses a name outside the catalog", () => {
    expect(() => getEvent("DEV_FINGER_AUTH_SUCCESS" as EventType)).toThrow(/Unknown event type/);
  });
});
