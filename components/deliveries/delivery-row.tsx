import { RotateCcw } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/form-controls";
import { formatEventIds } from "@/lib/format";
import type { DeliveryEntry } from "@/lib/server/delivery-log";

const KIND_LABELS = { online: "Online", offline: "Offline batch", test: "Test" } as const;
const RESULT_LABELS = { success: "Send success", failed: "Send fail", pending: "Pending" } as const;
const RESULT_TONES = { success: "green", failed: "red", pending: "amber" } as const;

/** One attempt (or a waiting job): summary line, then request and response on demand. Everything is text. */
export function DeliveryRow({ entry, onRedeliver, disabled }: { entry: DeliveryEntry; onRedeliver: () => void; disabled: boolean }) {
  const outcome = entry.result === "pending"
    ? entry.sending ? "sending now" : entry.errorCause === "waiting" && entry.error ? entry.error : entry.nextAttemptAt ? `attempt ${entry.attempt} due ${new Date(entry.nextAttemptAt).toLocaleTimeString()}` : "waiting"
    : describeOutcome(entry);
  return (
    <details className="group px-4 py-2 text-sm" data-testid="delivery" data-result={entry.result} data-kind={entry.kind}>
      <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 marker:text-zinc-400">
        <span className="w-20 text-xs text-zinc-500 dark:text-zinc-400">{new Date(entry.createdAt).toLocaleTimeString()}</span>
        <Badge tone={entry.kind === "test" ? "blue" : "neutral"}>{entry.kind === "offline" && entry.eventIds.length > 0 ? `Bulk · ${entry.eventIds.length}` : KIND_LABELS[entry.kind]}</Badge>
        <Badge tone={RESULT_TONES[entry.result]}>{RESULT_LABELS[entry.result]}</Badge>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">attempt {entry.attempt}{entry.maxAttempts ? ` of ${entry.maxAttempts}` : ""}</span>
        <span className="font-mono text-xs">{formatEventIds(entry.eventIds)}</span>
        <span className="min-w-0 flex-1 truncate text-xs text-zinc-600 dark:text-zinc-400" data-testid="delivery-outcome">{outcome}</span>
        {entry.latencyMs !== null && <span className="text-xs text-zinc-500 dark:text-zinc-400">{entry.latencyMs} ms</span>}
      </summary>
      <div className="mt-2 space-y-2 pl-2 text-xs">
        <p className="break-all font-mono"><span className="font-semibold">{entry.method}</span> {entry.url}</p>
        {entry.errorCause && <p>Cause: <span className="font-mono">{entry.errorCause}</span>{entry.error ? ` — ${entry.error}` : ""}</p>}
        <Block title="Request headers" lines={entry.requestHeaders} />
        {entry.requestBody !== undefined && <Pre title={`Request body (${entry.requestBody.length.toLocaleString("en-US")} characters)`} text={entry.requestBody} />}
        {entry.responseHeaders.length > 0 && <Block title="Response headers" lines={entry.responseHeaders} />}
        {entry.responseExcerpt && <Pre title="Response excerpt" text={entry.responseExcerpt} />}
        {entry.result === "failed" && entry.kind !== "test" && (
          <button type="button" className={buttonClass.secondary} onClick={onRedeliver} disabled={disabled}>
            <RotateCcw aria-hidden className="size-4" />Redeliver
          </button>
        )}
      </div>
    </details>
  );
}

function describeOutcome(entry: DeliveryEntry): string {
  const status = entry.statusCode !== null ? `HTTP ${entry.statusCode}` : "";
  if (!entry.error || entry.result === "success") return status;
  // The sender's message for an HTTP failure already starts with the status ("HTTP 503 Service Unavailable").
  return !status || entry.error.startsWith(status) ? entry.error : `${status} · ${entry.error}`;
}

function Block({ title, lines }: { title: string; lines: readonly (readonly [string, string])[] }) {
  return (
    <div>
      <p className="font-semibold">{title}</p>
      <ul className="mt-0.5 space-y-0.5 font-mono">{lines.map(([n, v], i) => <li key={i} className="break-all"><span className="text-zinc-500 dark:text-zinc-400">{n}:</span> {v}</li>)}</ul>
    </div>
  );
}

function Pre({ title, text }: { title: string; text: string }) {
  return (
    <div>
      <p className="font-semibold">{title}</p>
      <pre className="mt-0.5 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-zinc-100 p-2 font-mono dark:bg-zinc-950">{text}</pre>
    </div>
  );
}
