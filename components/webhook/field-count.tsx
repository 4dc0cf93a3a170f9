"use client";

import { useWatch } from "react-hook-form";
import type { WebhookConfig } from "@/lib/webhook/config-schema";
import { MAX_FIELDS } from "@/lib/webhook/fields";

/** How many fields (auto + manual) the payload has, of the 40 allowed. */
export function useFieldTotal(): number {
  const [auto, manual] = useWatch<WebhookConfig, ["autoFields", "manualFields"]>({ name: ["autoFields", "manualFields"] });
  return auto.length + manual.length;
}

/**
 * The "n / 40 fields" counter. It subscribes on its own so that typing in a field re-renders this
 * label only, not the field tables around it.
 */
export function FieldCount() {
  const total = useFieldTotal();
  return (
    <span className={total > MAX_FIELDS ? "text-xs font-medium text-red-700 dark:text-red-400" : "text-xs text-zinc-500 dark:text-zinc-400"}>
      {total} / {MAX_FIELDS} fields
    </span>
  );
}
