import { Info, TriangleAlert } from "lucide-react";
import { Card } from "@/components/ui/card";
import { MIN_WEBHOOK_FIRMWARE, MODEL_LABELS, WEBHOOK_FIRMWARE_FILE, type DeviceModel } from "@/lib/webhook/support";
import type { DeviceSummary } from "@/lib/server/places-repo";

/** Why a device has no webhook settings, and what to do about it. */
export function WebhookUnavailable({ device }: { device: Pick<DeviceSummary, "model" | "firmware" | "webhookSupport"> }) {
  const modelName = MODEL_LABELS[device.model as DeviceModel] ?? device.model;
  if (device.webhookSupport === "firmware-update-required") {
    return (
      <Card className="max-w-2xl border-amber-300 p-5 dark:border-amber-800" data-testid="webhook-unavailable">
        <h2 className="flex items-center gap-2 font-medium"><TriangleAlert aria-hidden className="size-5 text-amber-600" />Firmware update required</h2>
        <p className="mt-2 text-sm">
          Webhooks need firmware <strong>{MIN_WEBHOOK_FIRMWARE}</strong> or later. This {modelName} runs{" "}
          <span className="font-mono">{device.firmware}</span>.
        </p>
        <p className="mt-2 text-sm">
          Update the device with <span className="font-mono break-all">{WEBHOOK_FIRMWARE_FILE}</span>, then reopen this tab.
        </p>
      </Card>
    );
  }
  return (
    <Card className="max-w-2xl p-5" data-testid="webhook-unavailable">
      <h2 className="flex items-center gap-2 font-medium"><Info aria-hidden className="size-5 text-blue-600" />Webhook support is planned</h2>
      <p className="mt-2 text-sm">
        Webhooks are available on BioStation 3 (BS3-DB, BS3-APWB). Support for the {modelName} is planned.
      </p>
    </Card>
  );
}
