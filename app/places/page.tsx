import Link from "next/link";
import type { Metadata } from "next";
import { Building2 } from "lucide-react";
import { Card } from "@/components/ui/card";
import { listPlaces } from "@/lib/server/places-repo";

export const metadata: Metadata = { title: "Places" };
export const dynamic = "force-dynamic";

export default async function PlacesPage() {
  const places = await listPlaces();
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Places</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Pick a place, then a device, to configure its webhook.</p>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {places.map((place) => (
          <li key={place.id}>
            <Card className="relative p-4 transition hover:border-blue-400 dark:hover:border-blue-500">
              <div className="flex items-center gap-3">
                <Building2 aria-hidden className="size-5 text-zinc-500 dark:text-zinc-400" />
                <Link href={`/places/${place.id}`} className="font-medium after:absolute after:inset-0">
                  {place.name}
                </Link>
              </div>
              <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
                {place.deviceCount} {place.deviceCount === 1 ? "device" : "devices"}
              </p>
            </Card>
          </li>
        ))}
      </ul>
      {places.length === 0 && <p className="mt-6 text-zinc-600">No places yet.</p>}
    </>
  );
}
