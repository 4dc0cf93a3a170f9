"use client";

import { useMemo, useState } from "react";
import { useWatch } from "react-hook-form";
import { PayloadPreview } from "@/components/webhook/payload-preview";
import { TestCallPanel } from "@/components/webhook/test-call-panel";
import type { SampleDevice, SampleSelection } from "@/components/webhook/use-webhook-request";
import type { WebhookConfig } from "@/lib/webhook/config-schema";
import { EVENT_TYPES, type EventType } from "@/lib/webhook/events";

/** The sticky column beside the form: the live preview, then the test call panel, sharing one sample choice. */
export function WebhookWorkbench({ device, deviceId, initialEvent }: { device: SampleDevice; deviceId: string; initialEvent: EventType }) {
  const [chosen, setChosen] = useState<SampleSelection>({ kind: "online", eventType: initialEvent, count: 3 });
  const triggerEvents = useWatch<WebhookConfig, "triggerEvents">({ name: "triggerEvents" });
  const pickable = triggerEvents.length > 0 ? triggerEvents : EVENT_TYPES;
  // The sample must be one of the selected triggers; resolving it here keeps the preview and the test call on the same event.
  const eventType = pickable.includes(chosen.eventType) ? chosen.eventType : pickable[0];
  const selection = useMemo(() => ({ ...chosen, eventType }), [chosen, eventType]);
  return (
    <div className="space-y-4">
      <PayloadPreview device={device} selection={selection} pickable={pickable} onSelectionChange={setChosen} />
      <TestCallPanel device={device} deviceId={deviceId} selection={selection} />
    </div>
  );
}
