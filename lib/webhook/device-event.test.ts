import { describe, expect, test } from "vitest";
import {
  SAMPLE_EVENT_AT,
  SAMPLE_EVENT_ID,
  SAMPLE_TNA_KEY,
  SAMPLE_USER,
  formatEventTime,
  makeDeviceEvent,
  sampleEvents,
  SAMPLE_DEVICE,
  type DeviceContext,
} from "@/lib/webhook/device-event";
import { EVENT_TYPES, getEvent } from "@/lib/webhook/events";
import { AUTO_FIELD_NAMES } from "@/lib/webhook/fields";

const SEOUL: DeviceContext = SAMPLE_DEVICE;

describe("formatEventTime", () => {
  test.each([
    [SAMPLE_EVENT_AT, 540, "2025-12-03T19:40:00+09:00"],
    [SAMPLE_EVENT_AT, -330, "2025-12-03T05:10:00-05:30"],
    [SAMPLE_EVENT_AT, 0, "2025-12-03T10:40:00+00:00"],
    [SAMPLE_EVENT_AT, 345, "2025-12-03T16:25:00+05:45"],
    [SAMPLE_EVENT_AT, -600, "2025-12-03T00:40:00-10:00"],
    [SAMPLE_EVENT_AT + 14 * 3_600_000, 540, "2025-12-04T09:40:00+09:00"],
    [SAMPLE_EVENT_AT + 123, 540, "2025-12-03T19:40:00.123+09:00"],
    [0, 0, "1970-01-01T00:00:00+00:00"],
  ])("%i at offset %i is %s", (eventAt, offset, expected) => {
    expect(formatEventTime(eventAt, offset)).toBe(expected);
  });

  test.each([540, -330, 0, 345])("offset %i names the same instant as eventAt", (offset) => {
    expect(Date.parse(formatEventTime(SAMPLE_EVENT_AT, offset))).toBe(SAMPLE_EVENT_AT);
  });
});

describe("makeDeviceEvent", () => {
  test.each(EVENT_TYPES)("%s gets catalog, device and user fields per DOMAIN.md §3", (eventType) => {
    const definition = getEvent(eventType);
    const event = makeDeviceEvent(SEOUL, {
      eventId: 7,
      eventType,
      eventAt: SAMPLE_EVENT_AT,
      user: SAMPLE_USER,
      tnaKey: "CHECK_OUT",
      isOffline: true,
    });
    expect(Object.keys(event)).toEqual([...AUTO_FIELD_NAMES]);
    expect(event).toMatchObject({
      eventId: 7,
      eventType,
      eventCode: definition.code,
      eventAt: SAMPLE_EVENT_AT,
      eventTime: "2025-12-03T19:40:00+09:00",
      deviceId: "543210987",
      deviceName: "Lobby entrance",
      deviceModel: "BS3-DB",
      placeId: 178,
      placeName: "Seoul HQ",
      doorId: 3,
      doorName: "Main door",
      authMode: definition.authMode,
      authResult: definition.authResult,
      isOffline: true,
    });
    const user = definition.hasUser
      ? { userKey: "emp-0042", userName: "Kim Minji", tnaKey: "CHECK_OUT" }
      : { userKey: null, userName: null, tnaKey: null };
    expect(event).toMatchObject(user);
  });

  test("a device without a door gives null door fields", () => {
    const event = makeDeviceEvent(
      { ...SEOUL, doorId: null, doorName: null },
      { eventId: 1, eventType: "DEV_DOOR_RELAY_ON", eventAt: 0, isOffline: false },
    );
    expect([event.doorId, event.doorName]).toEqual([null, null]);
  });

  test.each([
    ["no user given", undefined],
    ["user null", null],
  ])("an authentication success with %s has null user fields", (_label, user) => {
    const event = makeDeviceEvent(SEOUL, {
      eventId: 1,
      eventType: "DEV_FACE_AUTH_SUCCESS",
      eventAt: 0,
      user,
      tnaKey: "CHECK_IN",
      isOffline: false,
    });
    expect([event.userKey, event.userName, event.tnaKey]).toEqual([null, null, null]);
  });
});

describe("sampleEvents", () => {
  test("ids and times advance by 1 and one minute from the samples", () => {
    const events = sampleEvents(SEOUL, "DEV_CARD_AUTH_SUCCESS", 3, { isOffline: true });
    expect(events.map((e) => [e.eventId, e.eventAt, e.isOffline])).toEqual([
      [SAMPLE_EVENT_ID, SAMPLE_EVENT_AT, true],
      [SAMPLE_EVENT_ID + 1, SAMPLE_EVENT_AT + 60_000, true],
      [SAMPLE_EVENT_ID + 2, SAMPLE_EVENT_AT + 120_000, true],
    ]);
  });

  test.each([
    ["DEV_PIN_AUTH_SUCCESS", SAMPLE_USER.userKey, SAMPLE_TNA_KEY],
    ["DEV_ACCESS_DENIED", SAMPLE_USER.userKey, SAMPLE_TNA_KEY],
    ["DEV_PIN_AUTH_FAIL", null, null],
    ["DEV_TAMPER_ON", null, null],
  ] as const)("%s has userKey %s and tnaKey %s", (eventType, userKey, tnaKey) => {
    const [event] = sampleEvents(SEOUL, eventType, 1, { isOffline: false });
    expect([event.userKey, event.tnaKey]).toEqual([userKey, tnaKey]);
  });

  test("is deterministic", () => {
    const a = sampleEvents(SEOUL, "DEV_QR_AUTH_SUCCESS", 5, { isOffline: false });
    expect(sampleEvents(SEOUL, "DEV_QR_AUTH_SUCCESS", 5, { isOffline: false })).toEqual(a);
  });
});
