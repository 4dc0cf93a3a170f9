import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeliveriesLog } from "@/components/deliveries/deliveries-log";
import { listDeliveries } from "@/lib/server/delivery-log";
import { findDeviceInPlace } from "@/lib/server/places-repo";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Deliveries" };

type Props = { params: Promise<{ placeId: string; deviceId: string }> };

export default async function DeliveriesPage({ params }: Props) {
  const { placeId, deviceId } = await params;
  const device = await findDeviceInPlace(placeId, deviceId);
  if (!device) notFound();
  return <DeliveriesLog deviceId={deviceId} initial={(await listDeliveries(deviceId, { limit: 200 })) ?? []} />;
}
