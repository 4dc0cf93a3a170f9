import "server-only";
import type { ApiError } from "@/lib/server/api-response";
import { findDevice, parseId } from "@/lib/server/places-repo";
import { readWebhookConfig, writeWebhookConfig, type StoredWebhookConfig } from "@/lib/server/webhook-repo";
import { endpointOrigins, keptSecretErrors } from "@/lib/webhook/secret-origins";
import { fieldErrorsFromZod, normalizeConfig, resolveSecretHeaders, webhookConfigPutSchema } from "@/lib/webhook/config-schema";

/** A config as it may leave the server: secret header values are null. */
export type PublicWebhookConfig = StoredWebhookConfig;

export type SaveResult =
  | { ok: true; config: PublicWebhookConfig }
  | { ok: false; status: 404 | 409 | 422; errors: ApiError[] };

/** The device's config with secrets masked, or null for an unknown device. */
export async function getPublicWebhookConfig(deviceId: string): Promise<PublicWebhookConfig | null> {
  const id = parseId(deviceId);
  if (id === null || !(await findDevice(deviceId))) return null;
  return maskSecrets(await readWebhookConfig(id));
}

/**
 * Validates and saves a whole config (the REST PUT and the form's server action both call this).
 * Nothing is written unless every rule passes and `version` is current.
 */
export async function saveWebhookConfig(deviceId: string, input: unknown): Promise<SaveResult> {
  const device = await findDevice(deviceId);
  if (!device) return { ok: false, status: 404, errors: [{ code: "not_found", message: `Device ${deviceId} not found` }] };
  if (device.webhookSupport !== "supported") {
    const message = device.webhookSupport === "planned"
      ? `Webhooks are not supported on the ${device.model} yet.`
      : `Webhooks need firmware 1.1.0 or later; this device runs ${device.firmware}. Update the firmware first.`;
    return { ok: false, status: 409, errors: [{ code: "webhook_unsupported", message }] };
  }
  const parsed = webhookConfigPutSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 422, errors: fieldErrorsFromZod(parsed.error) };
  const { version, ...config } = parsed.data;
  const id = Number(device.id);
  const current = await readWebhookConfig(id);
  if (current.version !== version) return conflict(version, current.version);
  const moved = keptSecretErrors(config.headers, endpointOrigins(config), endpointOrigins(current));
  if (moved.length > 0) return { ok: false, status: 422, errors: moved };
  const stored = current.headers.flatMap((h) => (h.value === null ? [] : [{ name: h.name, value: h.value }]));
  const resolved = resolveSecretHeaders(config.headers, stored);
  if (!resolved.ok) return { ok: false, status: 422, errors: resolved.errors };
  const toStore = { ...normalizeConfig(config), headers: resolved.headers };
  const newVersion = await writeWebhookConfig(id, version, toStore);
  if (newVersion === null) return conflict(version, (await readWebhookConfig(id)).version);
  return { ok: true, config: maskSecrets({ version: newVersion, ...toStore }) };
}

/** Replaces every secret header value with null. */
export function maskSecrets(config: StoredWebhookConfig): PublicWebhookConfig {
  return { ...config, headers: config.headers.map((h) => (h.secret ? { ...h, value: null } : h)) };
}

function conflict(sent: number, current: number): SaveResult {
  return {
    ok: false,
    status: 409,
    errors: [{
      code: "version_conflict",
      path: "version",
      message: `This webhook was changed elsewhere (you edited version ${sent}, the saved one is now version ${current}). Reload the saved settings, or keep your changes and save again over them.`,
    }],
  };
}
