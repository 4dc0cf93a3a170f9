"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { toast } from "sonner";
import { BinSettingsFields, draftToInput, type CorsModeOption, type SettingsDraft } from "@/components/inspector/bin-settings-fields";
import { buttonClass } from "@/components/inspector/controls";
import { Card } from "@/components/ui/card";
import { createBinAction } from "@/lib/actions/inspector";

const INITIAL: SettingsDraft = { name: "", corsMode: "open", responseStatus: "200", responseBody: '{"ok":true}', delayMs: "0" };

/** Creates a bin, then opens it. */
export function CreateBinForm({ corsModes }: { corsModes: readonly CorsModeOption[] }) {
  const router = useRouter();
  const [values, setValues] = useState(INITIAL);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isPending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await createBinAction(draftToInput(values));
      if (!result.ok) {
        setErrors(result.fieldErrors);
        toast.error(result.fieldErrors.form ?? "Check the highlighted settings.");
        return;
      }
      setErrors({});
      toast.success("Bin created");
      router.push(`/inspector/${result.id}`);
    });
  }

  return (
    <Card className="p-4">
      <form aria-labelledby="create-bin-heading" noValidate onSubmit={onSubmit}>
        <h2 id="create-bin-heading" className="text-base font-semibold">New bin</h2>
        <p className="mb-4 mt-1 text-sm text-zinc-600 dark:text-zinc-400">A URL that records whatever is sent to it and answers the way you set here.</p>
        <BinSettingsFields idPrefix="new-bin" values={values} errors={errors} corsModes={corsModes} onChange={(patch) => setValues((v) => ({ ...v, ...patch }))} />
        <div className="mt-4 flex justify-end">
          <button type="submit" disabled={isPending} className={buttonClass("primary")}>
            <Plus aria-hidden className="size-4" />
            {isPending ? "Creating…" : "Create bin"}
          </button>
        </div>
      </form>
    </Card>
  );
}
