import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WebhookUnavailable } from "@/components/webhook/webhook-unavailable";
import { findDeviceInPlace } from "@/lib/server/places-repo";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Webhook" };

type Props = { params: Promise<{ placeId: string; deviceId: string }> };

export default async function WebhookPage({ params }: Props) {
  const { placeId, deviceId } = await params;
  const device = await findDeviceInPlace(placeId, deviceId);
  if (!device) notFound();
  if (device.webhookSupport !== "supported") return <WebhookUnavailable device={device} />;
  return <section aria-label="Webhook settings" role="form"><p>Webhook settings for {device.name}</p></section>;
}
