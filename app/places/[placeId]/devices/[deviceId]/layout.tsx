import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { DeviceTabs } from "@/components/devices/device-tabs";
import { OnlineBadge } from "@/components/devices/device-status";
import { findDeviceInPlace } from "@/lib/server/places-repo";
import { MODEL_LABELS, type DeviceModel } from "@/lib/webhook/support";

type Props = { children: React.ReactNode; params: Promise<{ placeId: string; deviceId: string }> };

export default async function DeviceLayout({ children, params }: Props) {
  const { placeId, deviceId } = await params;
  const device = await findDeviceInPlace(placeId, deviceId);
  if (!device) notFound();
  const base = `/places/${placeId}/devices/${deviceId}`;
  return (
    <>
      <Breadcrumbs items={[{ label: "Places", href: "/places" }, { label: device.placeName, href: `/places/${placeId}` }, { label: device.name }]} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{device.name}</h1>
        <OnlineBadge online={device.online} />
      </div>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {MODEL_LABELS[device.model as DeviceModel] ?? device.model} · <span className="font-mono">{device.model}</span> · serial <span className="font-mono">{device.serial}</span>
      </p>
      <DeviceTabs baseHref={base} hasWebhook={device.webhookSupport === "supported"} />
      <div className="pt-6">{children}</div>
    </>
  );
}
