/** JSON value types of auto and manual fields. */
export const FIELD_TYPES = ["STRING", "NUMBER", "BOOLEAN"] as const;

/** A field's value type. */
export type FieldType = (typeof FIELD_TYPES)[number];

/** Most fields (auto plus manual) one payload may carry. */
export const MAX_FIELDS = 40;

/** Auto fields the device can send, in the default payload order (DOMAIN.md §3). */
export const AUTO_FIELD_CATALOG = [
  {
    field: "eventId",
    type: "NUMBER",
    defaultOn: true,
    nullable: false,
    description: "The device's event log index, rising by 1 per event",
    sample: 10231,
  },
  {
    field: "eventType",
    type: "STRING",
    defaultOn: true,
    nullable: false,
    description: "Event catalog name",
    sample: "DEV_FACE_AUTH_SUCCESS",
  },
  { field: "eventCode", type: "NUMBER", defaultOn: false, nullable: false, description: "BioStar event code", sample: 4867 },
  {
    field: "eventAt",
    type: "NUMBER",
    defaultOn: true,
    nullable: false,
    description: "When it happened, Unix epoch milliseconds (UTC)",
    sample: 1764758400000,
  },
  {
    field: "eventTime",
    type: "STRING",
    defaultOn: false,
    nullable: false,
    description: "The same instant, ISO 8601 with the device's UTC offset",
    sample: "2025-12-03T19:40:00+09:00",
  },
  {
    field: "deviceId",
    type: "STRING",
    defaultOn: true,
    nullable: false,
    description: "Device serial (9-12 digits)",
    sample: "543210987",
  },
  {
    field: "deviceName",
    type: "STRING",
    defaultOn: false,
    nullable: false,
    description: "Device name in the portal",
    sample: "Lobby entrance",
  },
  { field: "deviceModel", type: "STRING", defaultOn: false, nullable: false, description: "Model code", sample: "BS3-DB" },
  { field: "placeId", type: "NUMBER", defaultOn: false, nullable: false, description: "Place id", sample: 178 },
  { field: "placeName", type: "STRING", defaultOn: false, nullable: false, description: "Place name", sample: "Seoul HQ" },
  { field: "doorId", type: "NUMBER", defaultOn: false, nullable: true, description: "Door the device controls", sample: 3 },
  { field: "doorName", type: "STRING", defaultOn: false, nullable: true, description: "Door name", sample: "Main door" },
  { field: "userKey", type: "STRING", defaultOn: true, nullable: true, description: "CLUe user key", sample: "emp-0042" },
  {
    field: "userName",
    type: "STRING",
    defaultOn: true,
    nullable: true,
    description: "User's display name",
    sample: "Kim Minji",
  },
  {
    field: "authMode",
    type: "STRING",
    defaultOn: false,
    nullable: true,
    description: "FACE, CARD, CARD_FACE, PIN, QR or MOBILE_CARD",
    sample: "FACE",
  },
  {
    field: "authResult",
    type: "BOOLEAN",
    defaultOn: false,
    nullable: true,
    description: "True for success events, false for failures",
    sample: true,
  },
  {
    field: "tnaKey",
    type: "STRING",
    defaultOn: false,
    nullable: true,
    description: "Attendance key: CHECK_IN, CHECK_OUT, BREAK_START, BREAK_END, MEAL_START or MEAL_END",
    sample: "CHECK_IN",
  },
  {
    field: "isOffline",
    type: "BOOLEAN",
    defaultOn: false,
    nullable: false,
    description: "True when the event was recorded while the device was offline",
    sample: false,
  },
] as const;

/** One auto field catalog entry. */
export type AutoFieldDefinition = (typeof AUTO_FIELD_CATALOG)[number];

/** Auto field names as a non-empty tuple, usable in z.enum. */
export const AUTO_FIELD_NAMES = AUTO_FIELD_CATALOG.map((f) => f.field) as unknown as readonly [
  AutoFieldDefinition["field"],
  ...AutoFieldDefinition["field"][],
];

/** An auto field name such as "eventId". */
export type AutoFieldName = AutoFieldDefinition["field"];

/** An included auto field as the config stores it. */
export type AutoFieldSetting = { field: AutoFieldName; key: string; nonString: boolean };

/** The auto fields of a new webhook: the default-on ones, in catalog order, key = field name. */
export const DEFAULT_AUTO_FIELDS: readonly AutoFieldSetting[] = AUTO_FIELD_CATALOG.filter((f) => f.defaultOn).map(
  (f) => ({ field: f.field, key: f.field, nonString: false }),
);

/** True for the types that may be written as a bare JSON value (NUMBER and BOOLEAN). */
export function canBeNonString(type: FieldType): boolean {
  return type === "NUMBER" || type === "BOOLEAN";
}

/** Catalog entry of an auto field; throws for a name outside the catalog. */
export function getAutoField(field: AutoFieldName): AutoFieldDefinition {
  const definition = AUTO_FIELD_BY_NAME.get(field);
  if (!definition) throw new Error(`Unknown auto field "${field}"`);
  return definition;
}

const AUTO_FIELD_BY_NAME = new Map<AutoFieldName, AutoFieldDefinition>(AUTO_FIELD_CATALOG.map((f) => [f.field, f]));
