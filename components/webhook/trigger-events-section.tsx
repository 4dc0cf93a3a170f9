"use client";

import { useId, useMemo, useState } from "react";
import { Controller, useFormContext } from "react-hook-form";
import { buttonClass, FieldError, FormSection, inputClass, useErrorProps } from "@/components/ui/form-controls";
import type { WebhookConfig } from "@/lib/webhook/config-schema";
import { DEFAULT_TRIGGER_EVENTS, EVENT_CATALOG, EVENT_GROUPS, type EventType } from "@/lib/webhook/events";

const CATALOG_ORDER = new Map<string, number>(EVENT_CATALOG.map((e, i) => [e.type, i]));

/** The events that trigger a delivery, grouped, with all / none / defaults and a filter. */
export function TriggerEventsSection() {
  const { control } = useFormContext<WebhookConfig>();
  const [filter, setFilter] = useState("");
  const filterId = useId();
  const { message } = useErrorProps("triggerEvents");
  const visible = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return q ? EVENT_CATALOG.filter((e) => `${e.type} ${e.label} ${e.code}`.toLowerCase().includes(q)) : EVENT_CATALOG;
  }, [filter]);
  return (
    <Controller
      control={control}
      name="triggerEvents"
      render={({ field }) => {
        const selected = new Set<string>(field.value);
        const set = (types: Iterable<EventType>) =>
          field.onChange([...new Set(types)].sort((a, b) => CATALOG_ORDER.get(a)! - CATALOG_ORDER.get(b)!));
        const toggle = (type: EventType, on: boolean) => set(on ? [...field.value, type] : field.value.filter((t) => t !== type));
        return (
          <FormSection
            id="trigger-events"
            title="Trigger events"
            description="The device sends a webhook when one of these happens."
            aside={<span className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">{field.value.length} of {EVENT_CATALOG.length} selected</span>}
          >
            <div className="flex flex-wrap items-center gap-2">
              <label htmlFor={filterId} className="sr-only">Filter events</label>
              <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Filter events…" className={`${inputClass} w-56`} />
              <button type="button" className={buttonClass.ghost} onClick={() => set([...field.value, ...visible.map((e) => e.type)])}>Select all</button>
              <button type="button" className={buttonClass.ghost} onClick={() => set(field.value.filter((t) => !visible.some((e) => e.type === t)))}>Select none</button>
              <button type="button" className={buttonClass.ghost} onClick={() => set(DEFAULT_TRIGGER_EVENTS)}>Restore defaults</button>
            </div>
            <div className="mt-3 grid gap-4 sm:grid-cols-2" ref={field.ref} tabIndex={-1}>
              {EVENT_GROUPS.map((group) => {
                const events = visible.filter((e) => e.group === group.group);
                if (events.length === 0) return null;
                return (
                  <fieldset key={group.group}>
                    <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{group.label}</legend>
                    <ul className="space-y-0.5">
                      {events.map((e) => (
                        <li key={e.type}>
                          <label className="flex items-start gap-2 rounded px-1 py-0.5 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800/60">
                            <input type="checkbox" className="mt-0.5 size-4 accent-blue-600" checked={selected.has(e.type)} onChange={(ev) => toggle(e.type, ev.target.checked)} />
                            <span>
                              {e.label}
                              <span className="ml-1.5 font-mono text-xs text-zinc-500 dark:text-zinc-400">{e.type}</span>
                              {e.defaultTrigger && <span className="sr-only"> (default)</span>}
                            </span>
                          </label>
                        </li>
                      ))}
                    </ul>
                  </fieldset>
                );
              })}
              {visible.length === 0 && <p className="text-sm text-zinc-500 dark:text-zinc-400">No event matches “{filter}”.</p>}
            </div>
            <FieldError name="triggerEvents" message={message} />
          </FormSection>
        );
      }}
    />
  );
}
