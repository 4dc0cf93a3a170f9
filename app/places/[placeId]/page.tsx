import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";
import { OnlineBadge, WebhookBadge } from "@/components/devices/device-status";
import { findPlace, listDevices } from "@/lib/server/places-repo";
import { MODEL_LABELS, type DeviceModel } from "@/lib/webhook/support";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ placeId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const place = await findPlace((await params).placeId);
  return { title: place?.name ?? "Place not found" };
}

export default async function PlacePage({ params }: Props) {
  const { placeId } = await params;
  const [place, devices] = await Promise.all([findPlace(placeId), listDevices(placeId)]);
  if (!place || !devices) notFound();
  return (
    <>
      <Breadcrumbs items={[{ label: "Places", href: "/places" }, { label: place.name }]} />
      <h1 className="text-2xl font-semibold tracking-tight">{place.name}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Devices</p>
      <Card className="relative mt-4 overflow-x-auto">
        <table className="w-full min-w-[640px] text-left text-sm">
          <caption className="sr-only">Devices of {place.name}</caption>
          <TableHead className="border-b border-zinc-200 uppercase tracking-wide dark:border-zinc-800" columns={["Name", "Model", "Serial", "Firmware", "Status", "Webhook"]} />
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {devices.map((d) => (
              <tr key={d.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                <th scope="row" className="px-4 py-2 font-medium">
                  <Link href={`/places/${place.id}/devices/${d.id}`} className="text-blue-700 hover:underline dark:text-blue-400">{d.name}</Link>
                </th>
                <td className="px-4 py-2">
                  <span className="font-mono">{d.model}</span>
                  <span className="ml-2 text-zinc-500 dark:text-zinc-400">{MODEL_LABELS[d.model as DeviceModel] ?? ""}</span>
                </td>
                <td className="px-4 py-2 font-mono">{d.serial}</td>
                <td className="px-4 py-2 font-mono">{d.firmware}</td>
                <td className="px-4 py-2"><OnlineBadge online={d.online} /></td>
                <td className="px-4 py-2"><WebhookBadge support={d.webhookSupport} enabled={d.webhookEnabled} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        {devices.length === 0 && <p className="p-4 text-zinc-600">This place has no devices.</p>}
      </Card>
    </>
  );
}
