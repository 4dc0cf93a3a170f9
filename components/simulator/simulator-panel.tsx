"use client";

import * as Switch from "@radix-ui/react-switch";
import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Card } from "@/components/ui/card";
import { usePolling } from "@/components/ui/use-polling";
import { EventLog, type EventLogRow } from "@/components/simulator/event-log";
import { TriggerForm } from "@/components/simulator/trigger-form";
import { setConnectionAction } from "@/lib/actions/simulator";
import type { EventUser } from "@/lib/webhook/device-event";
import type { EventType } from "@/lib/webhook/events";

export type SimulatorPanelProps = {
  deviceId: string;
  webhookHref: string;
  initialOnline: boolean;
  roster: readonly EventUser[];
  webhook: { enabled: boolean; triggerEvents: EventType[]; hasOfflineUrl: boolean };
  initialEvents: EventLogRow[];
};

/** The simulated BioStation 3: its connection, a trigger form and its event log with delivery states. */
export function SimulatorPanel({ deviceId, webhookHref, initialOnline, roster, webhook, initialEvents }: SimulatorPanelProps) {
  const [online, setOnline] = useState(initialOnline);
  const [pending, start] = useTransition();
  const log = usePolling<EventLogRow[]>(`/api/devices/${deviceId}/simulator/events?limit=200`, 1000, initialEvents);

  const toggle = (next: boolean) => start(async () => {
    const result = await setConnectionAction(deviceId, next);
    if (!result.ok) {
      toast.error(result.errors[0]?.message ?? "Could not change the connection");
      return;
    }
    setOnline(result.online);
    log.reload();
    if (!next) toast.info("The device is offline: events are queued and sent as lists when it reconnects");
    else if (result.batches) toast.success(`Back online: ${result.queued} queued events go to the offline endpoint in ${result.batches} batch${result.batches > 1 ? "es" : ""}`);
    else if (result.undeliverable) toast.warning(`Back online: ${result.undeliverable} events not delivered: no offline endpoint`);
    else toast.success("Back online");
  });

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <div className="space-y-4">
        <Card className="p-4">
          <h2 className="font-medium">Connection</h2>
          <label className="mt-3 flex items-center gap-3 text-sm">
            <Switch.Root
              checked={online}
              disabled={pending}
              onCheckedChange={toggle}
              className="relative h-6 w-11 shrink-0 rounded-full bg-zinc-300 transition disabled:opacity-60 data-[state=checked]:bg-emerald-600 dark:bg-zinc-700"
            >
              <Switch.Thumb className="block size-5 translate-x-0.5 rounded-full bg-white shadow transition data-[state=checked]:translate-x-[22px]" />
            </Switch.Root>
            <span>Device online</span>
            <span className="ml-auto text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite" data-testid="connection-state">{online ? "Online" : "Offline: queuing events"}</span>
          </label>
          <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
            Offline, events are kept with <code>isOffline: true</code>. Back online, they go to the offline endpoint as lists of at most 100, oldest first.
          </p>
        </Card>
        <WebhookNotice webhook={webhook} href={webhookHref} />
        <TriggerForm deviceId={deviceId} roster={roster} triggerEvents={webhook.triggerEvents} onTriggered={log.reload} />
      </div>
      <EventLog rows={log.data} error={log.error} />
    </div>
  );
}

function WebhookNotice({ webhook, href }: { webhook: SimulatorPanelProps["webhook"]; href: string }) {
  const problems = [
    !webhook.enabled && "The webhook is off: events are recorded but not sent.",
    webhook.enabled && !webhook.hasOfflineUrl && "No offline URL: events recorded while offline will not be delivered.",
  ].filter(Boolean);
  if (problems.length === 0) return null;
  return (
    <div role="note" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
      {problems.map((p) => <p key={String(p)} className="flex items-start gap-2"><TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />{p}</p>)}
      <Link href={href} className="mt-1 inline-block font-medium underline">Open the webhook settings</Link>
    </div>
  );
}
