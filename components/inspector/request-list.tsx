"use client";

import { useRef } from "react";
import { fullPath, formatBytes, methodTone } from "@/components/inspector/format";
import { LocalTime } from "@/components/inspector/local-time";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import type { BinRequestView } from "@/lib/server/bins-repo";

/** The requests, newest first, as buttons; Up/Down arrows move the selection. */
export function RequestList({ requests, selectedId, onSelect }: {
  requests: BinRequestView[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const listRef = useRef<HTMLUListElement>(null);

  function onKeyDown(event: React.KeyboardEvent<HTMLUListElement>) {
    if (!["ArrowDown", "ArrowUp", "Home", "End"].includes(event.key)) return;
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>("button[data-request-id]") ?? [])];
    const current = buttons.findIndex((b) => b === document.activeElement);
    const next = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: buttons.length - 1 }[event.key] ?? current;
    const target = buttons[Math.min(Math.max(next, 0), buttons.length - 1)];
    if (!target) return;
    event.preventDefault();
    target.focus();
    onSelect(target.dataset.requestId!);
  }

  return (
    <ul ref={listRef} aria-label="Recorded requests" onKeyDown={onKeyDown} className="max-h-[70vh] divide-y divide-zinc-100 overflow-y-auto dark:divide-zinc-800">
      {requests.map((r) => {
        const isSelected = r.id === selectedId;
        return (
          <li key={r.id}>
            <button
              type="button"
              data-request-id={r.id}
              aria-current={isSelected ? "true" : undefined}
              onClick={() => onSelect(r.id)}
              className={cn(
                "block w-full px-3 py-2 text-left transition focus-visible:-outline-offset-2",
                isSelected ? "bg-blue-50 dark:bg-blue-950/60" : "hover:bg-zinc-50 dark:hover:bg-zinc-800/60",
              )}
            >
              <span className="flex items-center gap-2">
                <Badge tone={methodTone(r.method)} className="font-mono">{r.method}</Badge>
                <span className="min-w-0 flex-1 truncate font-mono text-sm">{fullPath(r.path, r.query)}</span>
              </span>
              <span className="mt-1 flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
                <LocalTime iso={r.receivedAt} />
                <span aria-hidden>·</span>
                <span>{formatBytes(r.size)}</span>
                {r.tooLarge && <Badge tone="red">413 too large</Badge>}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
