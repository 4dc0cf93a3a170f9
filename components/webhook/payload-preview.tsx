"use client";

import * as Tabs from "@radix-ui/react-tabs";
import { Braces, ClipboardCopy, Download, Terminal, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { useFormContext } from "react-hook-form";
import { toast } from "sonner";
import { Card } from "@/components/ui/card";
import { buttonClass, inputClass } from "@/components/ui/form-controls";
import { useWebhookRequest, type SampleDevice, type SampleSelection } from "@/components/webhook/use-webhook-request";
import { cn } from "@/lib/cn";
import { prettyPrint, type PayloadKind } from "@/lib/webhook/build-payload";
import type { WebhookConfig } from "@/lib/webhook/config-schema";
import { getEvent, type EventType } from "@/lib/webhook/events";
import { buildJsonSchema } from "@/lib/webhook/json-schema";
import { toCurl, utf8ByteLength } from "@/lib/webhook/request";
import { MAX_PREVIEW_EVENTS } from "@/lib/webhook/webhook-request";

/** The live preview: request line, headers and the exact body, recomputed on every keystroke. */
export function PayloadPreview({ device, selection, pickable, onSelectionChange }: {
  device: SampleDevice; selection: SampleSelection; pickable: readonly EventType[]; onSelectionChange: (s: SampleSelection) => void;
}) {
  const [view, setView] = useState<"exact" | "pretty">("exact");
  const effective = selection;
  const eventType = selection.eventType;
  return (
    <Card aria-labelledby="preview-title">
      <Tabs.Root value={selection.kind} onValueChange={(kind) => onSelectionChange({ ...effective, kind: kind as PayloadKind })}>
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-4 pt-3 dark:border-zinc-800">
          <h2 id="preview-title" className="pb-2 font-medium">Preview</h2>
          <Tabs.List aria-label="Endpoint" className="flex gap-1">
            {(["online", "offline"] as const).map((k) => (
              <Tabs.Trigger key={k} value={k} className="border-b-2 border-transparent px-3 pb-2 text-sm font-medium text-zinc-600 data-[state=active]:border-blue-600 data-[state=active]:text-blue-700 dark:text-zinc-400 dark:data-[state=active]:text-blue-300">
                {k === "online" ? "Online" : "Offline"}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </div>
        <div className="flex flex-wrap items-end gap-3 px-4 pt-3">
          <label className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Sample event
            <select className={`${inputClass} mt-1 w-64 max-w-full font-mono text-xs`} value={eventType} onChange={(e) => onSelectionChange({ ...effective, eventType: e.target.value as EventType })}>
              {pickable.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </label>
          {selection.kind === "offline" && (
            <label className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
              Events
              <select className={`${inputClass} mt-1 w-20`} value={selection.count} onChange={(e) => onSelectionChange({ ...effective, count: Number(e.target.value) })}>
                {Array.from({ length: MAX_PREVIEW_EVENTS }, (_, i) => i + 1).map((n) => <option key={n} value={n}>{n}</option>)}
              </select>
            </label>
          )}
          <div role="group" aria-label="Body view" className="ml-auto flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
            {(["exact", "pretty"] as const).map((v) => (
              <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)} className={cn("rounded px-2 py-0.5 text-xs font-medium", view === v ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-600 dark:text-zinc-400")}>
                {v === "exact" ? "Exact" : "Pretty"}
              </button>
            ))}
          </div>
        </div>
        {(["online", "offline"] as const).map((k) => (
          <Tabs.Content key={k} value={k} className="focus-visible:outline-none">
            {k === selection.kind && <PreviewBody device={device} selection={effective} view={view} />}
          </Tabs.Content>
        ))}
      </Tabs.Root>
    </Card>
  );
}

function PreviewBody({ device, selection, view }: { device: SampleDevice; selection: SampleSelection; view: "exact" | "pretty" }) {
  const { request, error } = useWebhookRequest(device, selection, "preview");
  const { getValues } = useFormContext<WebhookConfig>();
  if (!request) {
    return (
      <p role="status" className="m-4 flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200" data-testid="preview-error">
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />Preview paused: {error}
      </p>
    );
  }
  const bytes = utf8ByteLength(request.body);
  const shown = view === "pretty" ? prettyPrint(request.body) : request.body;
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      toast.success(`${what} copied`);
    } catch {
      toast.error(`Could not copy: the browser refused clipboard access`);
    }
  };
  const downloadSchema = () => {
    const schema = JSON.stringify(buildJsonSchema(getValues(), selection.kind), null, 2);
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([schema], { type: "application/schema+json" }));
    a.download = `webhook-${selection.kind}.schema.json`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const url = request.url ?? `(no ${selection.kind} URL set)`;
  return (
    <div className="space-y-3 p-4">
      <div className="rounded-md bg-zinc-100 p-3 font-mono text-xs dark:bg-zinc-950" data-testid="preview-request">
        <p className="break-all"><span className="font-semibold text-blue-700 dark:text-blue-300">{request.method}</span> {url}</p>
        <ul className="mt-2 space-y-0.5 text-zinc-600 dark:text-zinc-400" aria-label="Request headers">
          {request.headers.map(([name, value], i) => <li key={i} className="break-all"><span className="text-zinc-900 dark:text-zinc-200">{name}:</span> {value}</li>)}
        </ul>
      </div>
      <div>
        <div className="mb-1 flex items-center justify-between text-xs text-zinc-500 dark:text-zinc-400">
          <span>{getEvent(selection.eventType).label}{selection.kind === "offline" ? ` · ${selection.count} event${selection.count > 1 ? "s" : ""}` : ""}</span>
          <span data-testid="preview-bytes">{bytes.toLocaleString("en-US")} bytes</span>
        </div>
        <pre data-testid="preview-body" aria-label="Payload body" tabIndex={0} className="max-h-[28rem] overflow-auto whitespace-pre-wrap break-all rounded-md border border-zinc-200 bg-white p-3 font-mono text-xs dark:border-zinc-800 dark:bg-zinc-950">{shown}</pre>
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass.secondary} onClick={() => copy(request.body, "Body")}><ClipboardCopy aria-hidden className="size-4" />Copy body</button>
        <button type="button" className={buttonClass.secondary} onClick={() => copy(toCurl({ ...request, url }), "curl command")}><Terminal aria-hidden className="size-4" />Copy as curl</button>
        <button type="button" className={buttonClass.secondary} onClick={downloadSchema}><Download aria-hidden className="size-4" />JSON Schema</button>
      </div>
      <p className="flex items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400"><Braces aria-hidden className="size-3.5" />Built by the same function the device simulator uses: these are the bytes the device sends, with the User-Agent and X-Event-Ids it adds.</p>
    </div>
  );
}
