import type { PayloadConfig, PayloadKind } from "@/lib/webhook/build-payload";
import { MAX_OFFLINE_BATCH, assertPayloadConfig } from "@/lib/webhook/build-payload";
import { canBeNonString, getAutoField, type FieldType } from "@/lib/webhook/fields";

/** JSON Schema draft 2020-12 dialect URI. */
export const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

/** A JSON Schema node as plain JSON. */
export type JsonSchema = { [keyword: string]: unknown };

/** JSON Schema (draft 2020-12) of the body this config produces: one object online, an array of 1-100 offline. */
export function buildJsonSchema(config: PayloadConfig, kind: PayloadKind): JsonSchema {
  assertPayloadConfig(config);
  const object = objectSchema(config);
  if (kind === "online") return { $schema: JSON_SCHEMA_DIALECT, title: "Webhook event (online)", ...object };
  return {
    $schema: JSON_SCHEMA_DIALECT,
    title: "Webhook events recorded offline",
    type: "array",
    minItems: 1,
    maxItems: MAX_OFFLINE_BATCH,
    items: object,
  };
}

function objectSchema(config: PayloadConfig): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const f of config.autoFields) {
    const definition = getAutoField(f.field);
    const base = f.nonString && canBeNonString(definition.type) ? jsonType(definition.type) : "string";
    properties[f.key] = {
      type: definition.nullable ? [base, "null"] : base,
      description: `${definition.field}: ${definition.description}`,
    };
  }
  for (const f of config.manualFields) {
    properties[f.key] = { type: jsonType(f.type), const: f.type === "STRING" ? f.value : JSON.parse(f.value) };
  }
  return { type: "object", properties, required: Object.keys(properties), additionalProperties: false };
}

function jsonType(type: FieldType): "string" | "number" | "boolean" {
  if (type === "NUMBER") return "number";
  return type === "BOOLEAN" ? "boolean" : "string";
}
