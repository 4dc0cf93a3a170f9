import "server-only";
import { db } from "@/lib/server/db";
import { DEFAULT_WEBHOOK_CONFIG, type WebhookConfig } from "@/lib/webhook/config-schema";

/** A config as stored: secret header values are real strings here and must never leave the server. */
export type StoredWebhookConfig = WebhookConfig & { version: number };

/** The device's config, or the defaults (version 0) for a device never configured. */
export async function readWebhookConfig(deviceId: number): Promise<StoredWebhookConfig> {
  const row = await db.webhookConfig.findUnique({ where: { deviceId } });
  if (!row) return { version: 0, ...structuredClone(DEFAULT_WEBHOOK_CONFIG) };
  return {
    version: row.version,
    enabled: row.enabled,
    method: row.method as WebhookConfig["method"],
    onlineUrl: row.onlineUrl,
    offlineUrl: row.offlineUrl,
    headers: JSON.parse(row.headers),
    triggerEvents: JSON.parse(row.triggerEvents),
    autoFields: JSON.parse(row.autoFields),
    manualFields: JSON.parse(row.manualFields),
  };
}

/**
 * Writes the config only if the stored version is still `expectedVersion` (compare-and-set in one
 * statement, so two concurrent saves cannot both win). Returns the new version, or null on a conflict.
 */
export async function writeWebhookConfig(deviceId: number, expectedVersion: number, config: WebhookConfig): Promise<number | null> {
  const data = {
    enabled: config.enabled,
    method: config.method,
    onlineUrl: config.onlineUrl,
    offlineUrl: config.offlineUrl,
    headers: JSON.stringify(config.headers),
    triggerEvents: JSON.stringify(config.triggerEvents),
    autoFields: JSON.stringify(config.autoFields),
    manualFields: JSON.stringify(config.manualFields),
  };
  const version = expectedVersion + 1;
  if (expectedVersion === 0) {
    try {
      await db.webhookConfig.create({ data: { ...data, deviceId, version } });
      return version;
    } catch (err) {
      if ((err as { code?: string }).code === "P2002") return null; // another save created it first
      throw err;
    }
  }
  const { count } = await db.webhookConfig.updateMany({ where: { deviceId, version: expectedVersion }, data: { ...data, version } });
  return count === 1 ? version : null;
}
