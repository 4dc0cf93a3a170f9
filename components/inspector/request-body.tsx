"use client";

import { useMemo } from "react";
import * as Tabs from "@radix-ui/react-tabs";
import { CopyButton } from "@/components/inspector/copy-button";
import { prettyJson } from "@/components/inspector/format";

const preClass = "max-h-[28rem] overflow-auto whitespace-pre-wrap break-all rounded-md bg-zinc-50 p-3 font-mono text-xs leading-relaxed dark:bg-zinc-950";
const triggerClass =
  "rounded px-2.5 py-1 text-xs font-medium text-zinc-600 data-[state=active]:bg-white data-[state=active]:text-zinc-900 data-[state=active]:shadow-sm " +
  "dark:text-zinc-400 dark:data-[state=active]:bg-zinc-700 dark:data-[state=active]:text-white";

/** The body as sent (Raw) and, when it is JSON, indented (Pretty); always rendered as text. */
export function RequestBody({ body }: { body: string }) {
  const pretty = useMemo(() => prettyJson(body), [body]);
  if (body === "") return <p className="text-sm text-zinc-500 dark:text-zinc-400">No body.</p>;
  return (
    <Tabs.Root defaultValue={pretty === null ? "raw" : "pretty"}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Tabs.List aria-label="Body view" className="inline-flex gap-1 rounded-md bg-zinc-100 p-0.5 dark:bg-zinc-800">
          {pretty !== null && <Tabs.Trigger value="pretty" className={triggerClass}>Pretty</Tabs.Trigger>}
          <Tabs.Trigger value="raw" className={triggerClass}>Raw</Tabs.Trigger>
        </Tabs.List>
        <div className="flex items-center gap-2">
          {pretty === null && <span className="text-xs text-zinc-500 dark:text-zinc-400">Not JSON: shown as sent.</span>}
          <CopyButton text={body} label="Copy body" showLabel />
        </div>
      </div>
      {pretty !== null && (
        <Tabs.Content value="pretty" className="mt-2 focus-visible:outline-offset-0">
          <pre className={preClass} aria-label="Body, pretty">{pretty}</pre>
        </Tabs.Content>
      )}
      <Tabs.Content value="raw" className="mt-2 focus-visible:outline-offset-0">
        <pre className={preClass} aria-label="Body, raw">{body}</pre>
      </Tabs.Content>
    </Tabs.Root>
  );
}
