import "server-only";
import { db } from "@/lib/server/db";
import type { DeviceContext } from "@/lib/webhook/device-event";
import { getWebhookSupport, type WebhookSupport } from "@/lib/webhook/support";

/** A place as the API and the pages show it. */
export type PlaceSummary = { id: string; name: string; deviceCount: number };

/** A device as the API and the pages show it. */
export type DeviceSummary = {
  id: string;
  placeId: string;
  name: string;
  model: string;
  serial: string;
  firmware: string;
  online: boolean;
  webhookSupport: WebhookSupport;
  webhookEnabled: boolean;
};

/** A device with the details the device menu needs. */
export type DeviceDetail = DeviceSummary & {
  placeName: string;
  doorId: number | null;
  doorName: string | null;
  utcOffsetMinutes: number;
};

/** Every place with its device count, by name. */
export async function listPlaces(): Promise<PlaceSummary[]> {
  const rows = await db.place.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { devices: true } } } });
  return rows.map((p) => ({ id: String(p.id), name: p.name, deviceCount: p._count.devices }));
}

/** One place, or null for an unknown id. */
export async function findPlace(placeId: string): Promise<{ id: string; name: string } | null> {
  const id = parseId(placeId);
  if (id === null) return null;
  const place = await db.place.findUnique({ where: { id } });
  return place ? { id: String(place.id), name: place.name } : null;
}

/** The devices of a place, by name; null when the place does not exist. */
export async function listDevices(placeId: string): Promise<DeviceSummary[] | null> {
  const id = parseId(placeId);
  if (id === null) return null;
  const place = await db.place.findUnique({
    where: { id },
    include: { devices: { orderBy: { name: "asc" }, include: { webhook: { select: { enabled: true } } } } },
  });
  return place ? place.devices.map(toSummary) : null;
}

/** One device with its place, or null for an unknown id. */
export async function findDevice(deviceId: string): Promise<DeviceDetail | null> {
  const id = parseId(deviceId);
  if (id === null) return null;
  const d = await db.device.findUnique({ where: { id }, include: { place: true, webhook: { select: { enabled: true } } } });
  if (!d) return null;
  return { ...toSummary(d), placeName: d.place.name, doorId: d.doorId, doorName: d.doorName, utcOffsetMinutes: d.utcOffsetMinutes };
}

/** Ids are positive integers in the database and strings everywhere else. */
export function parseId(raw: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(raw)) return null;
  const n = Number(raw);
  return n <= 2_147_483_647 ? n : null;
}

type DeviceRow = {
  id: number; placeId: number; name: string; model: string; serial: string; firmware: string; online: boolean;
  webhook: { enabled: boolean } | null;
};

function toSummary(d: DeviceRow): DeviceSummary {
  return {
    id: String(d.id),
    placeId: String(d.placeId),
    name: d.name,
    model: d.model,
    serial: d.serial,
    firmware: d.firmware,
    online: d.online,
    webhookSupport: getWebhookSupport(d.model, d.firmware),
    webhookEnabled: d.webhook?.enabled ?? false,
  };
}

/** A device reached through its place's URL; null when either is unknown or they do not match. */
export async function findDeviceInPlace(placeId: string, deviceId: string): Promise<DeviceDetail | null> {
  const device = await findDevice(deviceId);
  return device && device.placeId === placeId ? device : null;
}

/** The device fields every event of this device carries. */
export function toDeviceContext(device: DeviceDetail): DeviceContext {
  return {
    serial: device.serial,
    name: device.name,
    model: device.model,
    placeId: Number(device.placeId),
    placeName: device.placeName,
    doorId: device.doorId,
    doorName: device.doorName,
    utcOffsetMinutes: device.utcOffsetMinutes,
  };
}
