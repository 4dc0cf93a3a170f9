"use client";

import { useMemo } from "react";
import { useWatch } from "react-hook-form";
import { PayloadConfigError, type PayloadKind } from "@/lib/webhook/build-payload";
import type { WebhookConfig } from "@/lib/webhook/config-schema";
import { isForbiddenHeader } from "@/lib/webhook/cors-rules";
import type { DeviceContext } from "@/lib/webhook/device-event";
import type { EventType } from "@/lib/webhook/events";
import { buildSampleRequest, type WebhookRequest } from "@/lib/webhook/webhook-request";

/** What the preview and the test call are looking at. */
export type SampleSelection = { kind: PayloadKind; eventType: EventType; count: number };

/** The simulated device: where its events come from, and the firmware its User-Agent names. */
export type SampleDevice = DeviceContext & { firmware: string };

/**
 * The sample request derived from the form's current values on every keystroke (no server round trip).
 * "preview" masks secret values; "browser" is what a page can really send: typed secrets in clear, and
 * saved secrets (whose values never reach the browser) left out. `error` explains why no body can be
 * built yet, e.g. a manual NUMBER that is not a number.
 */
export function useWebhookRequest(device: SampleDevice, selection: SampleSelection, mode: "preview" | "browser") {
  const values = useWatch<WebhookConfig>() as WebhookConfig;
  return useMemo((): { request: WebhookRequest | null; error: string | null } => {
    try {
      return { request: buildRequestFor(values, device, selection, mode), error: null };
    } catch (err) {
      if (err instanceof PayloadConfigError) return { request: null, error: err.message };
      throw err;
    }
  }, [values, device, selection, mode]);
}

/**
 * The request for these form values: as the device sends it (secrets masked, with the device's own
 * headers), or as a page can really send it (no saved secrets, no headers browsers refuse to set, none of
 * the device's headers).
 */
export function buildRequestFor(values: WebhookConfig, device: SampleDevice, selection: SampleSelection, mode: "preview" | "browser"): WebhookRequest {
  if (mode === "preview") return buildSampleRequest(values, device, { ...selection, maskSecrets: true, firmware: device.firmware });
  const sendable = values.headers.filter((h) => h.value !== null && !isForbiddenHeader(h.name.trim().toLowerCase()));
  return buildSampleRequest({ ...values, headers: sendable }, device, { ...selection, maskSecrets: false });
}

/** The user's headers a browser call leaves out, each with the reason. */
export function browserSkippedHeaders(values: Pick<WebhookConfig, "headers">): string[] {
  return values.headers.flatMap((h) => {
    if (h.value === null) return [`${h.name} (saved secret: its value never reaches the browser)`];
    return isForbiddenHeader(h.name.trim().toLowerCase()) ? [`${h.name} (browsers refuse to set it)`] : [];
  });
}
