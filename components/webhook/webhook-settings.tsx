"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import * as Switch from "@radix-ui/react-switch";
import { LoaderCircle, Save } from "lucide-react";
import { useCallback, useEffect, useState, useTransition } from "react";
import { Controller, FormProvider, useForm, type FieldPath } from "react-hook-form";
import { toast } from "sonner";
import { buttonClass } from "@/components/ui/form-controls";
import { Card } from "@/components/ui/card";
import { AutoFieldsSection } from "@/components/webhook/auto-fields-section";
import { EndpointsSection } from "@/components/webhook/endpoints-section";
import { HeadersSection } from "@/components/webhook/headers-section";
import { ManualFieldsSection } from "@/components/webhook/manual-fields-section";
import { TriggerEventsSection } from "@/components/webhook/trigger-events-section";
import { useDraft, type Draft } from "@/components/webhook/use-draft";
import { SaveBanners, type Conflict } from "@/components/webhook/save-banners";
import { loadWebhookAction, saveWebhookAction } from "@/lib/actions/webhook";
import { webhookConfigSchema, type WebhookConfig } from "@/lib/webhook/config-schema";

export type WebhookSettingsProps = {
  deviceId: string;
  initialConfig: WebhookConfig & { version: number };
  /** The preview and test panel, rendered beside the form inside the same form context. */
  aside?: React.ReactNode;
};

/** The Webhook tab: the settings form (CLUe's order) with save, conflict handling and a local draft. */
export function WebhookSettings({ deviceId, initialConfig, aside }: WebhookSettingsProps) {
  const { version: initialVersion, ...initialValues } = initialConfig;
  const form = useForm<WebhookConfig>({
    resolver: zodResolver(webhookConfigSchema),
    defaultValues: toFormValues(initialValues),
    // Validate on submit, then on every change: validating on blur shifts the layout under the pointer
    // while the user reaches for the next button.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const [version, setVersion] = useState(initialVersion);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [isSaving, startSaving] = useTransition();
  const draft = useDraft(form, `webhook-draft:${deviceId}`, useCallback((d: Draft) => setVersion(d.baseVersion), []));
  draft.setBaseVersion(version);
  const { isDirty } = form.formState;

  const save = form.handleSubmit(
    (values) => startSaving(async () => {
      // Compared with the form's own values (zod's parsed output orders keys by the schema, not the form).
      const submitted = JSON.stringify(form.getValues());
      const result = await reachServer(() => saveWebhookAction(deviceId, { ...values, version }));
      if (!result) return;
      if (result.ok) {
        const { version: saved, ...config } = result.config;
        setVersion(saved);
        setConflict(null);
        // Typing that happened while the save was in flight stays in the form, as unsaved changes.
        const typedMeanwhile = JSON.stringify(form.getValues()) !== submitted;
        form.reset(toFormValues(config), { keepValues: typedMeanwhile });
        if (!typedMeanwhile) draft.clear();
        toast.success(`Webhook settings saved (version ${saved})`);
        return;
      }
      const versionError = result.errors.find((e) => e.code === "version_conflict");
      if (versionError) {
        setConflict({ message: versionError.message });
        return;
      }
      for (const e of result.errors) {
        if (e.path) form.setError(e.path as FieldPath<WebhookConfig>, { type: "server", message: e.message }, { shouldFocus: true });
      }
      toast.error(result.errors.length === 1 ? result.errors[0].message : `${result.errors.length} problems: fix the highlighted fields`);
    }),
    (errors) => toast.error(`Not saved: ${Object.keys(errors).length === 1 ? "fix the highlighted field" : "fix the highlighted fields"}`),
  );

  useSaveShortcut(save);
  useLeaveWarning(isDirty);

  const reloadSaved = () => startSaving(async () => {
    const saved = await reachServer(() => loadWebhookAction(deviceId));
    if (!saved) return;
    const { version: v, ...config } = saved;
    setVersion(v);
    setConflict(null);
    form.reset(toFormValues(config));
    draft.clear();
    toast.info(`Loaded the saved settings (version ${v})`);
  });
  const keepMine = () => startSaving(async () => {
    const saved = await reachServer(() => loadWebhookAction(deviceId));
    if (!saved) return;
    setVersion(saved.version);
    setConflict(null);
    toast.info("Your changes are kept. Save again to replace the other version.");
  });

  return (
    <FormProvider {...form}>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,28rem)] xl:grid-cols-[minmax(0,1fr)_minmax(0,34rem)]">
        <form aria-label="Webhook settings" onSubmit={save} noValidate className="min-w-0">
          <SaveBanners conflict={conflict} restored={draft.restored} onReload={reloadSaved} onKeepMine={keepMine} onDiscardDraft={reloadSaved} />
          <Card>
            <EndpointsSection />
            <HeadersSection />
            <TriggerEventsSection />
            <AutoFieldsSection />
            <ManualFieldsSection />
          </Card>
          <SaveBar isDirty={isDirty} isSaving={isSaving} version={version} />
        </form>
        <div className="min-w-0 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">{aside}</div>
      </div>
    </FormProvider>
  );
}

/** The form holds an unset URL as "" (what its input shows), so a saved null never counts as a change. */
function toFormValues(config: WebhookConfig): WebhookConfig {
  return { ...config, onlineUrl: config.onlineUrl ?? "", offlineUrl: config.offlineUrl ?? "" };
}

/** Runs a server action; when the server cannot be reached, says so and keeps the form as it is. */
async function reachServer<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch {
    toast.error("Not saved: the portal server could not be reached. Your changes are still here (and in the local draft); try again.");
    return null;
  }
}

function SaveBar({ isDirty, isSaving, version }: { isDirty: boolean; isSaving: boolean; version: number }) {
  return (
    <div className="sticky bottom-0 z-10 mt-4 flex flex-wrap items-center gap-4 rounded-lg border border-zinc-200 bg-white/95 px-4 py-3 shadow-sm backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/95">
      <Controller<WebhookConfig, "enabled">
        name="enabled"
        render={({ field }) => (
          <label className="flex items-center gap-2 text-sm font-medium">
            <Switch.Root
              checked={field.value}
              onCheckedChange={field.onChange}
              ref={field.ref}
              className="relative h-6 w-11 shrink-0 rounded-full bg-zinc-300 transition data-[state=checked]:bg-blue-600 dark:bg-zinc-700"
            >
              <Switch.Thumb className="block size-5 translate-x-0.5 rounded-full bg-white shadow transition data-[state=checked]:translate-x-[22px]" />
            </Switch.Root>
            Webhook enabled
          </label>
        )}
      />
      <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite" data-testid="save-state">
        {isDirty ? "Unsaved changes" : version === 0 ? "Not saved yet" : `Saved · version ${version}`}
      </p>
      <button type="submit" className={`${buttonClass.primary} ml-auto`} disabled={isSaving} aria-keyshortcuts="Control+S Meta+S">
        {isSaving ? <LoaderCircle aria-hidden className="size-4 animate-spin" /> : <Save aria-hidden className="size-4" />}
        {isSaving ? "Saving…" : "Save"}
        <kbd className="ml-1 hidden rounded border border-white/40 px-1 text-[10px] font-normal sm:inline">Ctrl S</kbd>
      </button>
    </div>
  );
}

function useSaveShortcut(save: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        save();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save]);
}

const LEAVE_MESSAGE = "Leave the webhook settings? Your unsaved changes stay in this browser's draft and come back when you return.";

/** Warns before leaving with unsaved changes: on reload or close, and on links inside the portal. */
function useLeaveWarning(isDirty: boolean) {
  useEffect(() => {
    if (!isDirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    // Client-side navigation never fires beforeunload; a capturing listener runs before next/link's
    // handler, which skips navigating when the click was prevented.
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      if (link.origin !== window.location.origin || link.pathname === window.location.pathname) return;
      if (!window.confirm(LEAVE_MESSAGE)) e.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [isDirty]);
}
