import { getEvent, type EventType } from "@/lib/webhook/events";
import type { AutoFieldName } from "@/lib/webhook/fields";

/** Every auto field of one event, with its natural JSON value (null when the event lacks it). */
export type DeviceEvent = Record<AutoFieldName, string | number | boolean | null>;

/** The device an event belongs to: source of the device, place and door fields. */
export type DeviceContext = {
  serial: string;
  name: string;
  model: string;
  placeId: number;
  placeName: string;
  doorId: number | null;
  doorName: string | null;
  utcOffsetMinutes: number;
};

/** The user an authentication event names. */
export type EventUser = { userKey: string; userName: string };

/** What varies per event; the rest comes from the device and the catalog. */
export type DeviceEventInput = {
  eventId: number;
  eventType: EventType;
  eventAt: number;
  user?: EventUser | null;
  tnaKey?: string | null;
  isOffline: boolean;
};

/** The device of DOMAIN.md §3's sample column (a Lobby entrance BS3-DB at Seoul HQ, UTC+09:00). */
export const SAMPLE_DEVICE: DeviceContext = {
  serial: "543210987",
  name: "Lobby entrance",
  model: "BS3-DB",
  placeId: 178,
  placeName: "Seoul HQ",
  doorId: 3,
  doorName: "Main door",
  utcOffsetMinutes: 540,
};

/** Sample user of preview events (DOMAIN.md §3). */
export const SAMPLE_USER: EventUser = { userKey: "emp-0042", userName: "Kim Minji" };

/** Sample attendance key of preview events. */
export const SAMPLE_TNA_KEY = "CHECK_IN";

/** Event log index of the first preview event. */
export const SAMPLE_EVENT_ID = 10231;

/** Time of the first preview event: 2025-12-03T10:40:00Z. */
export const SAMPLE_EVENT_AT = 1764758400000;

/** Builds the full event: device fields from ctx, auth fields from the catalog, user fields only if the event has a user. */
export function makeDeviceEvent(ctx: DeviceContext, input: DeviceEventInput): DeviceEvent {
  const definition = getEvent(input.eventType);
  const user = definition.hasUser ? (input.user ?? null) : null;
  return {
    eventId: input.eventId,
    eventType: definition.type,
    eventCode: definition.code,
    eventAt: input.eventAt,
    eventTime: formatEventTime(input.eventAt, ctx.utcOffsetMinutes),
    deviceId: ctx.serial,
    deviceName: ctx.name,
    deviceModel: ctx.model,
    placeId: ctx.placeId,
    placeName: ctx.placeName,
    doorId: ctx.doorId,
    doorName: ctx.doorName,
    userKey: user?.userKey ?? null,
    userName: user?.userName ?? null,
    authMode: definition.authMode,
    authResult: definition.authResult,
    tnaKey: user ? (input.tnaKey ?? null) : null,
    isOffline: input.isOffline,
  };
}

/** Deterministic preview events: ids from SAMPLE_EVENT_ID, one minute apart from SAMPLE_EVENT_AT, the sample user where the event has one. */
export function sampleEvents(
  ctx: DeviceContext,
  eventType: EventType,
  count: number,
  options: { isOffline: boolean },
): DeviceEvent[] {
  return Array.from({ length: count }, (_, i) =>
    makeDeviceEvent(ctx, {
      eventId: SAMPLE_EVENT_ID + i,
      eventType,
      eventAt: SAMPLE_EVENT_AT + 60_000 * i,
      user: SAMPLE_USER,
      tnaKey: SAMPLE_TNA_KEY,
      isOffline: options.isOffline,
    }),
  );
}

/** ISO 8601 local time with the offset, e.g. "2025-12-03T19:40:00+09:00"; milliseconds only when non-zero; UTC as "+00:00". */
export function formatEventTime(eventAt: number, utcOffsetMinutes: number): string {
  const local = new Date(eventAt + utcOffsetMinutes * 60_000).toISOString();
  const withoutZone = eventAt % 1000 === 0 ? local.slice(0, 19) : local.slice(0, 23);
  const sign = utcOffsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(utcOffsetMinutes);
  return `${withoutZone}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
