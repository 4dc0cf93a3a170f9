import type { Metadata } from "next";
import { headers } from "next/headers";
import { BinsTable } from "@/components/inspector/bins-table";
import { CreateBinForm } from "@/components/inspector/create-bin-form";
import { listBins } from "@/lib/server/bins-repo";
import { CORS_MODE_OPTIONS } from "@/lib/server/inspector-schema";
import { binUrl, portalOrigin } from "@/lib/server/inspector-url";

export const metadata: Metadata = { title: "Request inspector" };
export const dynamic = "force-dynamic";

export default async function InspectorPage() {
  const [bins, origin] = await Promise.all([listBins(), headers().then(portalOrigin)]);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Request inspector</h1>
      <p className="mt-1 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
        Bins record every request sent to their URL, live, so you can test a webhook without the internet and rehearse failures and CORS problems.
      </p>
      <div className="mt-6 space-y-6">
        <CreateBinForm corsModes={CORS_MODE_OPTIONS} />
        <section aria-labelledby="bins-heading">
          <h2 id="bins-heading" className="mb-3 text-base font-semibold">Bins</h2>
          <BinsTable bins={bins.map((bin) => ({ ...bin, url: binUrl(origin, bin.id) }))} />
        </section>
      </div>
    </>
  );
}
