import "server-only";
import { z } from "zod";
import { USER_KEY_PATTERN } from "@/lib/server/roster";
import type { WebhookConfig } from "@/lib/webhook/config-schema";
import { EVENT_TYPES, type EventType } from "@/lib/webhook/events";
import type { WebhookSupport } from "@/lib/webhook/support";

/** Most events one trigger creates. */
export const MAX_BURST = 10_000;

/** Delivery state of a simulated event, from recording to its end. */
export const EVENT_STATES = ["not-sent", "ignored", "queued", "sending", "delivered", "failed", "undeliverable"] as const;

export type EventState = (typeof EVENT_STATES)[number];

/** Where a new event goes: nowhere (not-sent, ignored), an online job now, or the offline queue. */
export type EventRoute = "not-sent" | "ignored" | "online" | "queued";

/** Shown beside events that were not (or cannot be) delivered. */
export const STATE_REASONS: Partial<Record<EventState, string>> = {
  ignored: "not sent: the event type is not a trigger event",
  undeliverable: "not delivered: no offline endpoint",
};

/** Body of POST …/simulator/events. */
export const triggerInputSchema = z.object(
  {
    eventType: z.enum(EVENT_TYPES, { error: "eventType must be an event type of the catalog, e.g. DEV_FACE_AUTH_SUCCESS" }),
    userKey: z
      .string({ error: "userKey must be a string" })
      .regex(USER_KEY_PATTERN, "userKey must be 1-64 letters, digits or - _ @ .")
      .nullable()
      .optional(),
    count: z
      .number({ error: "count must be a number" })
      .int("count must be a whole number")
      .min(1, "count must be at least 1")
      .max(MAX_BURST, `count must be at most ${MAX_BURST}`)
      .optional(),
  },
  { error: "The body must be a JSON object" },
);

export type TriggerInput = z.infer<typeof triggerInputSchema>;

/** Body of PUT …/simulator/connection. */
export const connectionInputSchema = z.object(
  { online: z.boolean({ error: "online must be true or false" }) },
  { error: "The body must be a JSON object" },
);

/** Decides where a new event goes, from the device's support, its current config and its connection. */
export function routeEvent(
  support: WebhookSupport,
  config: Pick<WebhookConfig, "enabled" | "triggerEvents" | "onlineUrl">,
  eventType: EventType,
  online: boolean,
): EventRoute {
  if (support !== "supported" || !config.enabled) return "not-sent";
  if (!config.triggerEvents.includes(eventType)) return "ignored";
  if (!online) return "queued";
  return config.onlineUrl ? "online" : "not-sent";
}

/** Why an event is in its state, for the event log. */
export function stateReason(state: string, support: WebhookSupport): string | null {
  if (state === "not-sent") {
    return support === "supported" ? "not sent: the webhook is disabled" : "not sent: this device does not support webhooks";
  }
  return STATE_REASONS[state as EventState] ?? null;
}

/** The event times of a burst: from now (never before the device's last event), 1 ms apart so order is stable. */
export function burstTimes(count: number, now: number, lastEventAt: number | null): number[] {
  const start = lastEventAt === null ? now : Math.max(now, lastEventAt + 1);
  return Array.from({ length: count }, (_, i) => start + i);
}
