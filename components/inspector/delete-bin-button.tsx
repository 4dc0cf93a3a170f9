"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import * as Dialog from "@radix-ui/react-dialog";
import { Trash2 } from "lucide-react";
import { toast } from "sonner";
import { buttonClass } from "@/components/inspector/controls";
import { deleteBinAction } from "@/lib/actions/inspector";

/** Deletes a bin after a confirmation dialog; `redirectTo` is where to go afterwards (else stay and refresh). */
export function DeleteBinButton({ binId, binLabel, requestCount, redirectTo, compact = false }: {
  binId: string;
  binLabel: string;
  requestCount: number;
  redirectTo?: string;
  compact?: boolean;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [isPending, startTransition] = useTransition();

  function onConfirm() {
    startTransition(async () => {
      const result = await deleteBinAction(binId);
      if (!result.ok) toast.error(result.fieldErrors.form ?? "The bin could not be deleted.");
      else toast.success(`Deleted ${binLabel}`);
      setOpen(false);
      if (redirectTo) router.push(redirectTo);
      else router.refresh();
    });
  }

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className={buttonClass(compact ? "ghost" : "secondary", "sm")} aria-label={compact ? `Delete ${binLabel}` : undefined} title={`Delete ${binLabel}`}>
        <Trash2 aria-hidden className="size-3.5 text-red-600 dark:text-red-400" />
        {!compact && <span>Delete bin</span>}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/50" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg border border-zinc-200 bg-white p-5 shadow-xl dark:border-zinc-800 dark:bg-zinc-900">
          <Dialog.Title className="text-base font-semibold">Delete {binLabel}?</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            Its URL stops answering (404) and its {requestCount} recorded {requestCount === 1 ? "request is" : "requests are"} deleted. This cannot be undone.
          </Dialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <Dialog.Close className={buttonClass("secondary")}>Cancel</Dialog.Close>
            <button type="button" onClick={onConfirm} disabled={isPending} className={buttonClass("danger")}>
              {isPending ? "Deleting…" : "Delete"}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
