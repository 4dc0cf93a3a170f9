import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { BinSettingsForm } from "@/components/inspector/bin-settings-form";
import { CopyButton } from "@/components/inspector/copy-button";
import { DeleteBinButton } from "@/components/inspector/delete-bin-button";
import { binLabel } from "@/components/inspector/format";
import { RequestsView } from "@/components/inspector/requests-view";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { findBin, listBinRequestViews } from "@/lib/server/bins-repo";
import { CORS_MODE_OPTIONS } from "@/lib/server/inspector-schema";
import { binUrl, portalOrigin } from "@/lib/server/inspector-url";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ binId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const bin = await findBin((await params).binId);
  return { title: bin ? binLabel(bin) : "Bin not found" };
}

export default async function BinPage({ params }: Props) {
  const { binId } = await params;
  const bin = await findBin(binId);
  if (!bin) notFound();
  const [requests, origin] = await Promise.all([listBinRequestViews(bin.id), headers().then(portalOrigin)]);
  const url = binUrl(origin, bin.id);
  const label = binLabel(bin);
  return (
    <>
      <Breadcrumbs items={[{ label: "Inspector", href: "/inspector" }, { label }]} />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">{label}</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Send requests to this URL; they appear below as they arrive.</p>
        </div>
        <DeleteBinButton binId={bin.id} binLabel={label} requestCount={bin.requestCount} redirectTo="/inspector" />
      </div>
      <div className="mt-4 flex items-center gap-2 rounded-lg border border-zinc-200 bg-white p-2 pl-3 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <span className="shrink-0 text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Bin URL</span>
        <code data-testid="bin-url" className="min-w-0 flex-1 truncate font-mono text-sm" title={url}>{url}</code>
        <CopyButton text={url} label="Copy bin URL" showLabel />
      </div>
      <BinSettingsForm binId={bin.id} settings={bin} corsModes={CORS_MODE_OPTIONS} />
      <RequestsView binId={bin.id} url={url} initialRequests={requests} />
    </>
  );
}
