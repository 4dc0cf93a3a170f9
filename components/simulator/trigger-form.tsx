"use client";

import { Zap } from "lucide-react";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { Card } from "@/components/ui/card";
import { buttonClass, inputClass } from "@/components/ui/form-controls";
import { triggerAction } from "@/lib/actions/simulator";
import type { EventUser } from "@/lib/webhook/device-event";
import { EVENT_CATALOG, EVENT_GROUPS, getEvent, type EventType } from "@/lib/webhook/events";

const MAX_BURST = 10_000;

/** Records one event, or a burst of up to 10,000, on the simulated device. */
export function TriggerForm({ deviceId, roster, triggerEvents, onTriggered }: {
  deviceId: string; roster: readonly EventUser[]; triggerEvents: EventType[]; onTriggered: () => void;
}) {
  const id = useId();
  const [eventType, setEventType] = useState<EventType>(triggerEvents[0] ?? "DEV_FACE_AUTH_SUCCESS");
  const [userKey, setUserKey] = useState(roster[0]?.userKey ?? "");
  const [count, setCount] = useState("1");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();
  const hasUser = getEvent(eventType).hasUser;
  const isTrigger = triggerEvents.includes(eventType);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const result = await triggerAction(deviceId, { eventType, userKey: hasUser ? userKey : null, count: Number(count) });
      if (!result.ok) {
        setErrors(Object.fromEntries(result.errors.map((err) => [err.path ?? "form", err.message])));
        return;
      }
      setErrors({});
      onTriggered();
      const summary = Object.entries(result.states).map(([state, n]) => `${n} ${state}`).join(", ");
      toast.success(result.count === 1 ? `Event ${result.firstEventId} recorded: ${summary}` : `Events ${result.firstEventId}–${result.lastEventId} recorded: ${summary}`);
    });
  };

  return (
    <Card className="p-4">
      <form onSubmit={submit} aria-label="Trigger events" noValidate>
        <h2 className="font-medium">Trigger</h2>
        <label htmlFor={`${id}-type`} className="mt-3 block text-sm font-medium">Event</label>
        <select id={`${id}-type`} value={eventType} onChange={(e) => setEventType(e.target.value as EventType)} className={`${inputClass} mt-1 font-mono text-xs`}>
          {EVENT_GROUPS.map((g) => (
            <optgroup key={g.group} label={g.label}>
              {EVENT_CATALOG.filter((ev) => ev.group === g.group).map((ev) => (
                <option key={ev.type} value={ev.type}>{ev.type}{triggerEvents.includes(ev.type) ? "" : " (not a trigger)"}</option>
              ))}
            </optgroup>
          ))}
        </select>
        {!isTrigger && <p className="mt-1 text-xs text-amber-800 dark:text-amber-300">Not in the trigger events: it is recorded but not sent.</p>}
        <FormMessage message={errors.eventType} />
        <label htmlFor={`${id}-user`} className="mt-3 block text-sm font-medium">User</label>
        <select id={`${id}-user`} value={hasUser ? userKey : ""} disabled={!hasUser} onChange={(e) => setUserKey(e.target.value)} className={`${inputClass} mt-1`}>
          {hasUser ? roster.map((u) => <option key={u.userKey} value={u.userKey}>{u.userName} ({u.userKey})</option>) : <option value="">No user for this event</option>}
        </select>
        <FormMessage message={errors.userKey} />
        <label htmlFor={`${id}-count`} className="mt-3 block text-sm font-medium">How many</label>
        <input id={`${id}-count`} type="number" min={1} max={MAX_BURST} value={count} onChange={(e) => setCount(e.target.value)} className={`${inputClass} mt-1 w-32`} aria-describedby={`${id}-count-hint`} />
        <p id={`${id}-count-hint`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">1 to {MAX_BURST.toLocaleString("en-US")}; a burst gets consecutive event ids.</p>
        <FormMessage message={errors.count ?? errors.form} />
        <button type="submit" className={`${buttonClass.primary} mt-4`} disabled={pending}>
          <Zap aria-hidden className="size-4" />{pending ? "Recording…" : Number(count) > 1 ? `Trigger ${Number(count).toLocaleString("en-US")} events` : "Trigger event"}
        </button>
      </form>
    </Card>
  );
}

function FormMessage({ message }: { message?: string }) {
  return message ? <p className="mt-1 text-xs text-red-700 dark:text-red-400" role="alert">{message}</p> : null;
}
