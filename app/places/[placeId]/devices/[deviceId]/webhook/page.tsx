import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WebhookSettings } from "@/components/webhook/webhook-settings";
import { WebhookUnavailable } from "@/components/webhook/webhook-unavailable";
import { WebhookWorkbench } from "@/components/webhook/webhook-workbench";
import { findDeviceInPlace, toDeviceContext } from "@/lib/server/places-repo";
import { getPublicWebhookConfig } from "@/lib/server/webhook-service";
import { defaultSampleEvent } from "@/lib/webhook/webhook-request";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Webhook" };

type Props = { params: Promise<{ placeId: string; deviceId: string }> };

export default async function WebhookPage({ params }: Props) {
  const { placeId, deviceId } = await params;
  const device = await findDeviceInPlace(placeId, deviceId);
  if (!device) notFound();
  if (device.webhookSupport !== "supported") return <WebhookUnavailable device={device} />;
  const config = (await getPublicWebhookConfig(deviceId))!;
  return (
    <WebhookSettings
      deviceId={deviceId}
      initialConfig={config}
      aside={<WebhookWorkbench device={{ ...toDeviceContext(device), firmware: device.firmware }} deviceId={deviceId} initialEvent={defaultSampleEvent(config)} />}
    />
  );
}
