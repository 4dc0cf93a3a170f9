"use server";

import { revalidatePath } from "next/cache";
import type { ApiError } from "@/lib/server/api-response";
import { getPublicWebhookConfig, saveWebhookConfig, type PublicWebhookConfig } from "@/lib/server/webhook-service";

export type SaveWebhookResult =
  | { ok: true; config: PublicWebhookConfig }
  | { ok: false; status: number; errors: ApiError[] };

/** Saves the form's config; the server validates it again with the same schema. */
export async function saveWebhookAction(deviceId: string, input: unknown): Promise<SaveWebhookResult> {
  const result = await saveWebhookConfig(deviceId, input);
  if (result.ok) revalidatePath("/places", "layout");
  return result;
}

/** The saved config (secrets masked), for "reload saved settings" after a conflict. */
export async function loadWebhookAction(deviceId: string): Promise<PublicWebhookConfig | null> {
  return getPublicWebhookConfig(deviceId);
}
