/** Event groups of the trigger picker, in display order. */
export const EVENT_GROUPS = [
  { group: "authentication", label: "Authentication" },
  { group: "security", label: "Security" },
  { group: "door", label: "Door" },
  { group: "device", label: "Device" },
] as const;

/** Group id of an event. */
export type EventGroup = (typeof EVENT_GROUPS)[number]["group"];

/** How a user authenticated; null for events that are not authentications. */
export type AuthMode = "FACE" | "CARD" | "CARD_FACE" | "PIN" | "QR" | "MOBILE_CARD";

/** Device events a webhook can be triggered by (DOMAIN.md §2, field presence per §3). */
export const EVENT_CATALOG = [
  authSuccess("DEV_FACE_AUTH_SUCCESS", 4867, "FACE", "Face authentication success"),
  authSuccess("DEV_CARD_AUTH_SUCCESS", 4102, "CARD", "Card authentication success"),
  authSuccess("DEV_CARD_THEN_FACE_AUTH_SUCCESS", 4106, "CARD_FACE", "Card then face authentication success"),
  authSuccess("DEV_PIN_AUTH_SUCCESS", 4097, "PIN", "PIN authentication success"),
  authSuccess("DEV_QR_AUTH_SUCCESS", 4133, "QR", "QR authentication success"),
  authSuccess("DEV_MOBILE_CARD_AUTH_SUCCESS", 4118, "MOBILE_CARD", "Mobile card authentication success"),
  authFail("DEV_FACE_AUTH_FAIL", 5125, "FACE", "Face authentication failure"),
  authFail("DEV_CARD_AUTH_FAIL", 4354, "CARD", "Card authentication failure"),
  authFail("DEV_PIN_AUTH_FAIL", 4355, "PIN", "PIN authentication failure"),
  authFail("DEV_QR_AUTH_FAIL", 4364, "QR", "QR authentication failure"),
  {
    type: "DEV_ACCESS_DENIED",
    code: 6401,
    group: "authentication",
    label: "Access denied (no access group)",
    defaultTrigger: false,
    authMode: "FACE",
    authResult: false,
    hasUser: true,
  },
  plain("DEV_SPOOF_FACE_DETECTED", 6410, "security", "Spoof face detected"),
  plain("DEV_DUPLICATED_FACE_DETECTED", 10240, "security", "Duplicate face detected"),
  plain("DEV_TAMPER_ON", 16384, "security", "Tamper on"),
  plain("DEV_TAMPER_OFF", 16640, "security", "Tamper off"),
  plain("DEV_DOOR_RELAY_ON", 20480, "door", "Door unlocked (relay on)"),
  plain("DEV_DOOR_RELAY_OFF", 20736, "door", "Door locked (relay off)"),
  plain("DEV_DOOR_SENSOR_OPEN", 20992, "door", "Door opened (sensor)"),
  plain("DEV_DOOR_SENSOR_CLOSE", 21248, "door", "Door closed (sensor)"),
  plain("DEV_DOOR_FORCE_OPEN", 21504, "door", "Door forced open"),
  plain("DEV_DOOR_HELD_OPEN", 21760, "door", "Door held open"),
  plain("DEV_DOOR_EXIT_BUTTON", 18944, "door", "Exit button pressed"),
  plain("DEV_DEVICE_START", 12544, "device", "Device started"),
  plain("DEV_NETWORK_DISCONNECT", 13312, "device", "Network disconnected"),
  plain("DEV_NETWORK_CONNECT", 15104, "device", "Network connected"),
  plain("DEV_ADMIN_MENU_ON", 13824, "device", "Admin menu opened"),
] as const;

/** One catalog entry. */
export type EventDefinition = (typeof EVENT_CATALOG)[number];

/** Catalog names as a non-empty tuple, usable in z.enum. */
export const EVENT_TYPES = EVENT_CATALOG.map((e) => e.type) as unknown as readonly [
  EventDefinition["type"],
  ...EventDefinition["type"][],
];

/** A catalog event name such as "DEV_FACE_AUTH_SUCCESS". */
export type EventType = EventDefinition["type"];

/** Events selected for a new webhook, in catalog order. */
export const DEFAULT_TRIGGER_EVENTS: readonly EventType[] = EVENT_CATALOG.filter((e) => e.defaultTrigger).map(
  (e) => e.type,
);

/** Catalog entry of an event type; throws for a name outside the catalog. */
export function getEvent(type: EventType): EventDefinition {
  const event = EVENT_BY_TYPE.get(type);
  if (!event) throw new Error(`Unknown event type "${type}"`);
  return event;
}

/** True when the name is a catalog event type. */
export function isEventType(value: unknown): value is EventType {
  return typeof value === "string" && EVENT_BY_TYPE.has(value as EventType);
}

const EVENT_BY_TYPE = new Map<EventType, EventDefinition>(EVENT_CATALOG.map((e) => [e.type, e]));

function authSuccess<T extends string, M extends AuthMode>(type: T, code: number, authMode: M, label: string) {
  return {
    type,
    code,
    group: "authentication",
    label,
    defaultTrigger: true,
    authMode,
    authResult: true,
    hasUser: true,
  } as const;
}

function authFail<T extends string, M extends AuthMode>(type: T, code: number, authMode: M, label: string) {
  return {
    type,
    code,
    group: "authentication",
    label,
    defaultTrigger: true,
    authMode,
    authResult: false,
    hasUser: false,
  } as const;
}

function plain<T extends string, G extends EventGroup>(type: T, code: number, group: G, label: string) {
  return { type, code, group, label, defaultTrigger: false, authMode: null, authResult: null, hasUser: false } as const;
}
