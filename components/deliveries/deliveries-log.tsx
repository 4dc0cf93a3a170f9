"use client";

import { RotateCcw } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Card } from "@/components/ui/card";
import { buttonClass, inputClass } from "@/components/ui/form-controls";
import { usePolling } from "@/components/ui/use-polling";
import { DeliveryRow } from "@/components/deliveries/delivery-row";
import { redeliverAction, redeliverAllAction } from "@/lib/actions/simulator";
import type { DeliveryEntry } from "@/lib/server/delivery-log";

const FILTERS = [
  { value: "", label: "All results" },
  { value: "success", label: "Send success" },
  { value: "failed", label: "Send fail" },
  { value: "pending", label: "Pending" },
] as const;

/** Every delivery attempt of the device, newest first, refreshed every second; filter and redeliver. */
export function DeliveriesLog({ deviceId, initial }: { deviceId: string; initial: DeliveryEntry[] }) {
  const [filter, setFilter] = useState("");
  const url = `/api/devices/${deviceId}/deliveries?limit=200${filter ? `&result=${filter}` : ""}`;
  const { data, error, reload } = usePolling<DeliveryEntry[]>(url, 1000, filter ? [] : initial);
  const [pending, start] = useTransition();
  const failedCount = data.filter((d) => d.result === "failed").length;

  const redeliver = (jobId?: string) => start(async () => {
    const result = jobId ? await redeliverAction(deviceId, jobId) : await redeliverAllAction(deviceId);
    if (!result.ok) {
      toast.error(result.errors[0]?.message ?? "Could not redeliver");
      return;
    }
    toast.success(`Redelivering ${result.events} event${result.events === 1 ? "" : "s"} in ${result.jobs.length} request${result.jobs.length === 1 ? "" : "s"}`);
    reload();
  });

  return (
    <Card className="overflow-hidden">
      <div className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h2 className="font-medium">Deliveries</h2>
        <label className="ml-auto flex items-center gap-2 text-sm">
          <span className="text-zinc-600 dark:text-zinc-400">Show</span>
          <select value={filter} onChange={(e) => setFilter(e.target.value)} className={`${inputClass} w-40`} aria-label="Filter by result">
            {FILTERS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
          </select>
        </label>
        <button type="button" className={buttonClass.secondary} disabled={pending || failedCount === 0} onClick={() => redeliver()}>
          <RotateCcw aria-hidden className="size-4" />Redeliver all failed
        </button>
      </div>
      <p className="sr-only" aria-live="polite">{error ? `Refresh failed: ${error}` : ""}</p>
      {error && <p className="px-4 pt-2 text-xs text-amber-700 dark:text-amber-400">Refresh failed ({error}); retrying.</p>}
      <ol className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Delivery attempts, newest first" data-testid="deliveries">
        {data.map((entry) => (
          <li key={entry.id}><DeliveryRow entry={entry} onRedeliver={() => redeliver(entry.jobId)} disabled={pending} /></li>
        ))}
      </ol>
      {data.length === 0 && <p className="p-4 text-sm text-zinc-500 dark:text-zinc-400">No deliveries {filter ? "with this result" : "yet: trigger an event in the Simulator tab, or send a test call"}.</p>}
    </Card>
  );
}
