"use client";

import { useState } from "react";
import { PayloadPreview } from "@/components/webhook/payload-preview";
import { TestCallPanel } from "@/components/webhook/test-call-panel";
import type { SampleSelection } from "@/components/webhook/use-webhook-request";
import type { DeviceContext } from "@/lib/webhook/device-event";
import type { EventType } from "@/lib/webhook/events";

/** The sticky column beside the form: the live preview, then the test call panel, sharing one sample choice. */
export function WebhookWorkbench({ device, deviceId, initialEvent }: { device: DeviceContext; deviceId: string; initialEvent: EventType }) {
  const [selection, setSelection] = useState<SampleSelection>({ kind: "online", eventType: initialEvent, count: 3 });
  return (
    <div className="space-y-4">
      <PayloadPreview device={device} selection={selection} onSelectionChange={setSelection} />
      <TestCallPanel device={device} deviceId={deviceId} selection={selection} />
    </div>
  );
}
