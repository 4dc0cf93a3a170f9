"use client";

import { Inbox, LoaderCircle } from "lucide-react";
import { useTransition } from "react";
import { useFormContext } from "react-hook-form";
import { toast } from "sonner";
import { buttonClass } from "@/components/ui/form-controls";
import { createBinAction } from "@/lib/actions/inspector";
import type { WebhookConfig } from "@/lib/webhook/config-schema";

/** Creates a built-in inspector bin and puts its URL into an endpoint field, so a test needs no internet. */
export function UseBinButton({ field, label = "Use an inspector bin" }: { field: "onlineUrl" | "offlineUrl"; label?: string }) {
  const { setValue } = useFormContext<WebhookConfig>();
  const [pending, start] = useTransition();
  const kind = field === "onlineUrl" ? "online" : "offline";
  const create = () => start(async () => {
    const result = await createBinAction({ name: `${kind} events`, corsMode: "open" });
    if (!result.ok) {
      toast.error(Object.values(result.fieldErrors)[0] ?? "Could not create a bin");
      return;
    }
    setValue(field, result.url, { shouldDirty: true, shouldValidate: true });
    toast.success(`The ${kind} event URL now points at a new inspector bin`, {
      action: { label: "Open", onClick: () => window.open(`/inspector/${result.id}`, "_blank", "noopener") },
    });
  });
  return (
    <button type="button" className={buttonClass.ghost} onClick={create} disabled={pending} aria-label={`${label} (${kind} endpoint)`}>
      {pending ? <LoaderCircle aria-hidden className="size-3.5 animate-spin" /> : <Inbox aria-hidden className="size-3.5" />}
      <span className="text-xs">{label}</span>
    </button>
  );
}
