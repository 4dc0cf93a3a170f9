"use client";

import { History, TriangleAlert } from "lucide-react";
import { buttonClass } from "@/components/ui/form-controls";
import type { Draft } from "@/components/webhook/use-draft";

export type Conflict = { message: string };

/** The stale-version conflict and the restored-draft notices above the form. */
export function SaveBanners({ conflict, restored, onReload, onKeepMine, onDiscardDraft }: {
  conflict: Conflict | null; restored: Draft | null; onReload: () => void; onKeepMine: () => void; onDiscardDraft: () => void;
}) {
  return (
    <>
      {conflict && (
        <div role="alert" data-testid="conflict-banner" className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
          <p className="flex items-start gap-2 font-medium"><TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />Not saved: someone else saved this webhook meanwhile</p>
          <p className="mt-1">{conflict.message} Your typing is still in the form.</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="button" className={buttonClass.secondary} onClick={onReload}>Reload saved settings</button>
            <button type="button" className={buttonClass.secondary} onClick={onKeepMine}>Keep my changes</button>
          </div>
        </div>
      )}
      {restored && !conflict && (
        <div role="status" data-testid="draft-banner" className="mb-4 flex flex-wrap items-center gap-3 rounded-lg border border-blue-200 bg-blue-50 px-4 py-3 text-sm text-blue-900 dark:border-blue-900 dark:bg-blue-950 dark:text-blue-200">
          <History aria-hidden className="size-4" />
          <span className="flex-1">
            Restored your unsaved changes from {new Date(restored.savedAt).toLocaleTimeString()}. Secret values are never kept in drafts.
          </span>
          <button type="button" className={buttonClass.ghost} onClick={onDiscardDraft}>Discard draft</button>
        </div>
      )}
    </>
  );
}
