"use client";

import { useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { WebhookConfig } from "@/lib/webhook/config-schema";

/** What is kept in localStorage: the typed values (secret values left out) and the version they were based on. */
export type Draft = { values: WebhookConfig; baseVersion: number; savedAt: number };

const SAVE_DELAY_MS = 300;

/**
 * Keeps the unsaved form in localStorage so a reload or a failed save loses no typing, and restores it
 * on load. Secret header values are never written to storage: a restored secret row asks for it again.
 */
export function useDraft(form: UseFormReturn<WebhookConfig>, storageKey: string, onRestore: (draft: Draft) => void) {
  const [restored, setRestored] = useState<Draft | null>(null);
  const baseVersion = useRef(0);
  const onRestoreRef = useRef(onRestore);

  useEffect(() => {
    const draft = readDraft(storageKey);
    if (draft) {
      form.reset(withSavedSecretsOnly(draft.values, form.formState.defaultValues?.headers ?? []), { keepDefaultValues: true });
      // localStorage is only readable after hydration, so the restore has to happen in an effect.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setRestored(draft);
      onRestoreRef.current(draft);
    }
  }, [form, storageKey]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscription = form.watch(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!form.formState.isDirty) {
          // Back to the saved settings: an old draft must not bring undone changes back on reload.
          localStorage.removeItem(storageKey);
          return;
        }
        const draft: Draft = { values: withoutSecrets(form.getValues()), baseVersion: baseVersion.current, savedAt: Date.now() };
        try {
          localStorage.setItem(storageKey, JSON.stringify(draft));
        } catch {
          // storage full or disabled: the form still works, only the safety net is gone
        }
      }, SAVE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      subscription.unsubscribe();
    };
  }, [form, storageKey]);

  return {
    restored,
    setBaseVersion: (v: number) => { baseVersion.current = v; },
    clear: () => {
      localStorage.removeItem(storageKey);
      setRestored(null);
    },
  };
}

function readDraft(key: string): Draft | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const draft = JSON.parse(raw) as Draft;
    return draft && typeof draft === "object" && draft.values ? draft : null;
  } catch {
    return null;
  }
}

/** A restored secret row can keep a saved value only if one is saved under its name; else it asks again. */
function withSavedSecretsOnly(values: WebhookConfig, saved: readonly ({ name?: string; value?: string | null } | undefined)[]): WebhookConfig {
  const savedNames = new Set(saved.flatMap((h) => (h?.name ? [h.name.toLowerCase()] : [])));
  return { ...values, headers: values.headers.map((h) => (h.value === null && !savedNames.has(h.name.toLowerCase()) ? { ...h, value: "" } : h)) };
}

function withoutSecrets(values: WebhookConfig): WebhookConfig {
  return { ...values, headers: values.headers.map((h) => (h.secret ? { ...h, value: null } : h)) };
}
