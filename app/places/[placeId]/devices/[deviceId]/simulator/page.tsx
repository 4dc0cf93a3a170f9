import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { EventLogRow } from "@/components/simulator/event-log";
import { SimulatorPanel } from "@/components/simulator/simulator-panel";
import { WebhookUnavailable } from "@/components/webhook/webhook-unavailable";
import { findDeviceInPlace } from "@/lib/server/places-repo";
import { ROSTER } from "@/lib/server/roster";
import { listSimEvents } from "@/lib/server/simulator";
import { readWebhookConfig } from "@/lib/server/webhook-repo";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Simulator" };

type Props = { params: Promise<{ placeId: string; deviceId: string }> };

export default async function SimulatorPage({ params }: Props) {
  const { placeId, deviceId } = await params;
  const device = await findDeviceInPlace(placeId, deviceId);
  if (!device) notFound();
  if (device.webhookSupport !== "supported") return <WebhookUnavailable device={device} />;
  const [config, events] = await Promise.all([readWebhookConfig(Number(device.id)), listSimEvents(deviceId, { limit: 200 })]);
  return (
    <SimulatorPanel
      deviceId={deviceId}
      webhookHref={`/places/${placeId}/devices/${deviceId}/webhook`}
      initialOnline={device.online}
      roster={ROSTER}
      webhook={{ enabled: config.enabled, triggerEvents: config.triggerEvents, hasOfflineUrl: config.offlineUrl !== null }}
      initialEvents={(events ?? []) as EventLogRow[]}
    />
  );
}
