"use client";

import { useEffect, useState } from "react";
import { TriangleAlert } from "lucide-react";
import { fullPath, formatBytes, methodTone } from "@/components/inspector/format";
import { HeadersTable } from "@/components/inspector/headers-table";
import { LocalTime } from "@/components/inspector/local-time";
import { RequestBody } from "@/components/inspector/request-body";
import { Badge } from "@/components/ui/badge";
import type { BinRequestView } from "@/lib/server/bins-repo";

/** Everything recorded of one request. Its content is untrusted: it is only ever rendered as text. */
export function RequestDetail({ binId, request }: { binId: string; request: BinRequestView }) {
  return (
    <div className="space-y-5 p-4">
      <h3 className="flex flex-wrap items-center gap-2">
        <Badge tone={methodTone(request.method)} className="font-mono">{request.method}</Badge>
        <span className="break-all font-mono text-sm font-medium">{fullPath(request.path, request.query)}</span>
      </h3>
      {request.tooLarge && (
        <p role="note" className="flex items-start gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300">
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          The body ({request.size.toLocaleString("en-US")} bytes) is larger than 1 MiB (1,048,576 bytes): the sender got 413 and the body was not kept.
        </p>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt className="text-zinc-500 dark:text-zinc-400">Received</dt>
        <dd><LocalTime iso={request.receivedAt} withDate /></dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Client</dt>
        <dd className="break-all font-mono">{request.clientAddress || "unknown"}</dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Size</dt>
        <dd>{formatBytes(request.size)} <span className="text-zinc-500 dark:text-zinc-400">({request.size.toLocaleString("en-US")} bytes)</span></dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Request id</dt>
        <dd className="font-mono">{request.id}</dd>
      </dl>
      <section aria-labelledby="detail-headers">
        <h4 id="detail-headers" className="mb-2 text-sm font-semibold">Headers ({request.headers.length})</h4>
        <HeadersTable headers={request.headers} />
      </section>
      <section aria-labelledby="detail-body">
        <h4 id="detail-body" className="mb-2 text-sm font-semibold">Body</h4>
        {request.tooLarge ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">Not kept (over 1 MiB).</p>
        ) : request.bodyOmitted ? (
          <FullBody binId={binId} requestId={request.id} />
        ) : (
          <RequestBody key={request.id} body={request.body} />
        )}
      </section>
    </div>
  );
}

/** A body too big for the live listing, fetched when its request is opened. */
function FullBody({ binId, requestId }: { binId: string; requestId: string }) {
  const [state, setState] = useState<{ id: string; body?: string; error?: string } | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetch(`/api/bins/${encodeURIComponent(binId)}/requests/${encodeURIComponent(requestId)}`, { cache: "no-store" })
      .then(async (res) => {
        if (!res.ok) throw new Error(res.status === 404 ? "This request is gone (the bin keeps only its newest 500)." : `The body could not be loaded (HTTP ${res.status}).`);
        const data = (await res.json()) as { body: string };
        if (!cancelled) setState({ id: requestId, body: data.body });
      })
      .catch((e: unknown) => {
        if (!cancelled) setState({ id: requestId, error: e instanceof Error ? e.message : "The body could not be loaded." });
      });
    return () => {
      cancelled = true;
    };
  }, [binId, requestId]);
  if (state?.id !== requestId) return <p role="status" className="text-sm text-zinc-500 dark:text-zinc-400">Loading the body…</p>;
  if (state.error !== undefined) return <p className="text-sm text-red-700 dark:text-red-400">{state.error}</p>;
  return <RequestBody key={requestId} body={state.body ?? ""} />;
}
