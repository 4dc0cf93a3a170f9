"use client";

import { useState, useTransition } from "react";
import Link from "next/link";
import { ArrowUpToLine, Eraser } from "lucide-react";
import { toast } from "sonner";
import { buttonClass } from "@/components/inspector/controls";
import { EmptyState } from "@/components/inspector/empty-state";
import { fullPath } from "@/components/inspector/format";
import { RequestDetail } from "@/components/inspector/request-detail";
import { RequestList } from "@/components/inspector/request-list";
import { useBinStream, type StreamStatus } from "@/components/inspector/use-bin-stream";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import { clearBinRequestsAction } from "@/lib/actions/inspector";
import type { BinRequestView } from "@/lib/server/bins-repo";

// Matches the server, which keeps the newest 500 per bin.
const MAX_SHOWN = 500;

/** The bin's requests, live: the list on the left, the selected one's details on the right. */
export function RequestsView({ binId, url, initialRequests }: { binId: string; url: string; initialRequests: BinRequestView[] }) {
  const [requests, setRequests] = useState(initialRequests);
  // null follows the newest request; a click pins one
  const [pickedId, setPickedId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [isClearing, startClearing] = useTransition();
  const status = useBinStream(binId, initialRequests.reduce((max, r) => Math.max(max, Number(r.id)), 0), {
    onRequest: (request) => {
      setRequests((list) => (list.some((r) => r.id === request.id) ? list : [request, ...list].sort(byNewest).slice(0, MAX_SHOWN)));
      setAnnouncement(`New request: ${request.method} ${fullPath(request.path, request.query)}`);
    },
    onCleared: () => {
      setRequests([]);
      setPickedId(null);
    },
    onGone: () => setAnnouncement("This bin was deleted."),
  });
  const selected = requests.find((r) => r.id === pickedId) ?? requests[0] ?? null;
  const newest = requests[0];

  function onClear() {
    startClearing(async () => {
      const result = await clearBinRequestsAction(binId);
      if (!result.ok) return void toast.error(result.fieldErrors.form ?? "The requests could not be cleared.");
      setRequests([]);
      setPickedId(null);
      toast.success("Requests cleared");
    });
  }

  return (
    <section aria-labelledby="requests-heading" className="mt-6">
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <h2 id="requests-heading" className="text-base font-semibold">
          Requests <span className="font-normal text-zinc-500 dark:text-zinc-400">({requests.length})</span>
        </h2>
        <LiveIndicator status={status} />
        <div className="ml-auto flex gap-2">
          {newest && selected && selected.id !== newest.id && (
            <button type="button" onClick={() => setPickedId(null)} className={buttonClass("secondary", "sm")}>
              <ArrowUpToLine aria-hidden className="size-3.5" /> Newest
            </button>
          )}
          {requests.length > 0 && (
            <button type="button" onClick={onClear} disabled={isClearing} className={buttonClass("secondary", "sm")}>
              <Eraser aria-hidden className="size-3.5" /> {isClearing ? "Clearing…" : "Clear requests"}
            </button>
          )}
        </div>
      </div>
      <p aria-live="polite" className="sr-only">{announcement}</p>
      {status === "gone" && (
        <p role="alert" className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
          This bin was deleted: its URL answers 404 now. <Link href="/inspector" className="font-medium underline">Back to the bins</Link>
        </p>
      )}
      {requests.length === 0 ? (
        <Card><EmptyState url={url} /></Card>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
          <Card className="self-start overflow-hidden">
            <RequestList requests={requests} selectedId={selected?.id ?? null} onSelect={setPickedId} />
          </Card>
          <Card className="min-w-0 self-start">
            <section aria-label="Request details">
              {selected && <RequestDetail binId={binId} request={selected} />}
            </section>
          </Card>
        </div>
      )}
    </section>
  );
}

function LiveIndicator({ status }: { status: StreamStatus }) {
  const label = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…", paused: "Paused while hidden", gone: "Stopped" }[status];
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400" title="New requests appear here without a reload">
      <span aria-hidden className={cn("size-2 rounded-full", status === "live" ? "animate-pulse bg-emerald-500" : status === "gone" ? "bg-zinc-400" : "bg-amber-500")} />
      {label}
    </span>
  );
}

function byNewest(a: BinRequestView, b: BinRequestView): number {
  return Number(b.id) - Number(a.id);
}
