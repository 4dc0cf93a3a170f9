"use client";

import { useMemo } from "react";
import { useWatch } from "react-hook-form";
import { PayloadConfigError, type PayloadKind } from "@/lib/webhook/build-payload";
import type { WebhookConfig } from "@/lib/webhook/config-schema";
import type { DeviceContext } from "@/lib/webhook/device-event";
import type { EventType } from "@/lib/webhook/events";
import { buildSampleRequest, type WebhookRequest } from "@/lib/webhook/webhook-request";

/** What the preview and the test call are looking at. */
export type SampleSelection = { kind: PayloadKind; eventType: EventType; count: number };

/**
 * The sample request derived from the form's current values on every keystroke (no server round trip).
 * "preview" masks secret values; "browser" is what a page can really send: typed secrets in clear, and
 * saved secrets (whose values never reach the browser) left out. `error` explains why no body can be
 * built yet, e.g. a manual NUMBER that is not a number.
 */
export function useWebhookRequest(device: DeviceContext, selection: SampleSelection, mode: "preview" | "browser") {
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

/** The request for these form values: masked for display, or as a page can really send it. */
export function buildRequestFor(values: WebhookConfig, device: DeviceContext, selection: SampleSelection, mode: "preview" | "browser"): WebhookRequest {
  const config = mode === "browser" ? { ...values, headers: values.headers.filter((h) => h.value !== null) } : values;
  return buildSampleRequest(config, device, { ...selection, maskSecrets: mode === "preview" });
}
