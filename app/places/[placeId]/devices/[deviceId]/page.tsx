import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { WebhookBadge } from "@/components/devices/device-status";
import { findDeviceInPlace } from "@/lib/server/places-repo";
import { formatUtcOffset } from "@/lib/format";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ placeId: string; deviceId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { placeId, deviceId } = await params;
  return { title: (await findDeviceInPlace(placeId, deviceId))?.name ?? "Device not found" };
}

export default async function DeviceInfoPage({ params }: Props) {
  const { placeId, deviceId } = await params;
  const device = await findDeviceInPlace(placeId, deviceId);
  if (!device) notFound();
  const rows: Array<[string, React.ReactNode]> = [
    ["Name", device.name],
    ["Model", device.model],
    ["Serial (device ID)", <span key="s" className="font-mono">{device.serial}</span>],
    ["Firmware", <span key="f" className="font-mono">{device.firmware}</span>],
    ["Place", device.placeName],
    ["Door", device.doorName ? `${device.doorName} (#${device.doorId})` : "None"],
    ["Time zone", formatUtcOffset(device.utcOffsetMinutes)],
    ["Connection", device.online ? "Online" : "Offline"],
    ["Webhook", <WebhookBadge key="w" support={device.webhookSupport} enabled={device.webhookEnabled} />],
  ];
  return (
    <Card className="max-w-2xl">
      <h2 className="border-b border-zinc-200 px-4 py-3 font-medium dark:border-zinc-800">Device information</h2>
      <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {rows.map(([label, value]) => (
          <div key={label} className="grid grid-cols-3 gap-4 px-4 py-2 text-sm">
            <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
            <dd className="col-span-2">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
