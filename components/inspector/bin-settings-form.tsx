"use client";

import { useState, useTransition } from "react";
import { Settings2 } from "lucide-react";
import { toast } from "sonner";
import { BinSettingsFields, draftToInput, type CorsModeOption, type SettingsDraft } from "@/components/inspector/bin-settings-fields";
import { buttonClass } from "@/components/inspector/controls";
import { Card } from "@/components/ui/card";
import { updateBinAction } from "@/lib/actions/inspector";
import type { BinSettings } from "@/lib/server/inspector-schema";

/** The bin's settings behind a disclosure; saving applies them to the next request. */
export function BinSettingsForm({ binId, settings, corsModes }: { binId: string; settings: BinSettings; corsModes: readonly CorsModeOption[] }) {
  const [saved, setSaved] = useState<SettingsDraft>(() => toDraft(settings));
  const [values, setValues] = useState(saved);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isPending, startTransition] = useTransition();
  const isDirty = (Object.keys(values) as (keyof SettingsDraft)[]).some((k) => values[k] !== saved[k]);
  const summary = `${saved.responseStatus} · CORS ${saved.corsMode}${saved.delayMs !== "0" ? ` · ${saved.delayMs} ms delay` : ""}`;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await updateBinAction(binId, draftToInput(values));
      if (!result.ok) {
        setErrors(result.fieldErrors);
        toast.error(result.fieldErrors.form ?? "Check the highlighted settings.");
        return;
      }
      setErrors({});
      setSaved({ ...values, name: values.name.trim() });
      toast.success("Settings saved: the next request gets the new answer");
    });
  }

  return (
    <Card className="mt-4">
      <details className="group">
        <summary className="flex cursor-pointer list-none items-center gap-2 px-4 py-3 text-sm [&::-webkit-details-marker]:hidden">
          <Settings2 aria-hidden className="size-4 text-zinc-500 dark:text-zinc-400" />
          <span className="font-semibold">Response settings</span>
          <span className="text-zinc-500 dark:text-zinc-400">{summary}</span>
          <span aria-hidden className="ml-auto text-xs text-blue-700 group-open:hidden dark:text-blue-400">Edit</span>
        </summary>
        <form aria-label="Bin settings" noValidate onSubmit={onSubmit} className="border-t border-zinc-200 p-4 dark:border-zinc-800">
          <BinSettingsFields idPrefix="bin" values={values} errors={errors} corsModes={corsModes} onChange={(patch) => setValues((v) => ({ ...v, ...patch }))} />
          <div className="mt-4 flex items-center justify-end gap-3">
            {isDirty && <span className="text-xs text-amber-700 dark:text-amber-300">Unsaved changes</span>}
            <button type="button" disabled={!isDirty || isPending} onClick={() => { setValues(saved); setErrors({}); }} className={buttonClass("secondary")}>
              Reset
            </button>
            <button type="submit" disabled={!isDirty || isPending} className={buttonClass("primary")}>
              {isPending ? "Saving…" : "Save settings"}
            </button>
          </div>
        </form>
      </details>
    </Card>
  );
}

function toDraft(s: BinSettings): SettingsDraft {
  return { name: s.name, corsMode: s.corsMode, responseStatus: String(s.responseStatus), responseBody: s.responseBody, delayMs: String(s.delayMs) };
}
