import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";

/** One row of the device's event log as GET …/simulator/events answers it. */
export type EventLogRow = {
  eventId: number;
  eventType: string;
  eventAt: number;
  userName: string | null;
  userKey: string | null;
  isOffline: boolean;
  state: string;
  reason: string | null;
};

const STATE_TONES: Record<string, "neutral" | "green" | "amber" | "red" | "blue"> = {
  delivered: "green", sending: "blue", queued: "amber", failed: "red", undeliverable: "red", ignored: "neutral", "not-sent": "neutral",
};

/** The simulated device's events, newest first, with what happened to each. */
export function EventLog({ rows, error }: { rows: EventLogRow[]; error: string | null }) {
  return (
    <Card className="min-w-0 overflow-hidden">
      <div className="flex items-center justify-between border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h2 className="font-medium">Event log</h2>
        <span className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">{error ? `Refresh failed (${error}); retrying` : `${rows.length} newest`}</span>
      </div>
      <div className="relative max-h-[36rem] overflow-auto">
        <table className="w-full min-w-[560px] text-left text-sm" data-testid="event-log">
          <caption className="sr-only">Events recorded by the simulated device, newest first</caption>
          <TableHead className="sticky top-0 bg-white dark:bg-zinc-900" columns={["ID", "Time", "Event", "User", "Delivery"]} />
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {rows.map((row) => (
              <tr key={row.eventId}>
                <td className="px-4 py-1.5 font-mono text-xs">{row.eventId}</td>
                <td className="whitespace-nowrap px-4 py-1.5 text-xs">{new Date(row.eventAt).toLocaleTimeString()}{row.isOffline && <span className="ml-1 text-amber-700 dark:text-amber-400">offline</span>}</td>
                <td className="px-4 py-1.5 font-mono text-xs">{row.eventType}</td>
                <td className="px-4 py-1.5 text-xs">{row.userName ?? "—"}</td>
                <td className="px-4 py-1.5 text-xs">
                  <Badge tone={STATE_TONES[row.state] ?? "neutral"}>{row.state}</Badge>
                  {row.reason && <span className="ml-2 text-zinc-500 dark:text-zinc-400">{row.reason}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="p-4 text-sm text-zinc-500 dark:text-zinc-400">No events yet. Trigger one on the left.</p>}
      </div>
    </Card>
  );
}
