"use client";

import { CircleAlert, CircleCheck } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/form-controls";
import { UseBinButton } from "@/components/webhook/use-bin-button";
import type { TestCallResult } from "@/lib/webhook/test-call";

/** One test result: status and latency, readable response headers and body, or the explained failure. */
export function TestResultCard({ result, onSendFromServer, onCheckCors, disabled }: {
  result: TestCallResult; onSendFromServer: () => void; onCheckCors: () => void; disabled: boolean;
}) {
  const statusTone = result.status === null ? "red" : result.ok ? "green" : "amber";
  return (
    <article className="rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800" data-testid="test-result" aria-label={`Test result from the ${result.via}`}>
      <header className="flex flex-wrap items-center gap-2">
        {result.ok ? <CircleCheck aria-hidden className="size-4 text-emerald-600" /> : <CircleAlert aria-hidden className="size-4 text-red-600" />}
        <Badge tone={statusTone}>{result.status === null ? "No response" : `${result.status} ${result.statusText}`.trim()}</Badge>
        {result.latencyMs !== null && <span className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="test-latency">{result.latencyMs} ms</span>}
        <span className="text-xs text-zinc-500 dark:text-zinc-400">from the {result.via === "browser" ? "browser" : "portal server"} · {new Date(result.at).toLocaleTimeString()}</span>
      </header>
      <p className="mt-1 break-all font-mono text-xs text-zinc-600 dark:text-zinc-400">{result.method} {result.url}</p>
      {result.failure && (
        <div className="mt-2 rounded-md bg-red-50 p-2 text-xs text-red-900 dark:bg-red-950 dark:text-red-200" data-testid="test-failure">
          <p className="font-semibold">{result.failure.title}</p>
          <p className="mt-1">{result.failure.message}</p>
          {result.failure.preflightHeaders && (
            <p className="mt-1">Headers to allow: <code data-testid="headers-to-allow" className="font-mono">{result.failure.preflightHeaders.join(", ")}</code></p>
          )}
          {result.failure.kind === "cors-or-unreachable" && (
            <div className="mt-2 flex flex-wrap gap-2">
              <button type="button" className={buttonClass.secondary} onClick={onSendFromServer} disabled={disabled}>Send from the portal server</button>
              <button type="button" className={buttonClass.secondary} onClick={onCheckCors} disabled={disabled}>Check CORS</button>
              <UseBinButton field={result.kind === "online" ? "onlineUrl" : "offlineUrl"} label="Use the built-in inspector" />
            </div>
          )}
        </div>
      )}
      {result.skippedHeaders.length > 0 && <p className="mt-1 text-xs text-amber-800 dark:text-amber-300">Not sent: {result.skippedHeaders.join(", ")} (saved secret).</p>}
      {result.status !== null && (
        <details className="mt-2">
          <summary className="cursor-pointer text-xs font-medium">Response ({result.responseHeaders.length} readable headers, {result.body.length.toLocaleString("en-US")} characters{result.truncated ? ", first 64 KB" : ""})</summary>
          <ul className="mt-1 space-y-0.5 font-mono text-xs">
            {result.responseHeaders.map(([n, v], i) => <li key={i} className="break-all"><span className="text-zinc-500 dark:text-zinc-400">{n}:</span> {v}</li>)}
          </ul>
          <pre className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-950" data-testid="test-response-body">{prettyIfJson(result.body)}</pre>
        </details>
      )}
    </article>
  );
}

function prettyIfJson(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
