"use client";

import { Field, inputClass } from "@/components/inspector/controls";
import type { CorsMode } from "@/lib/server/inspector-schema";

/** A CORS mode as the forms offer it (the page passes the catalog from the server). */
export type CorsModeOption = { value: CorsMode; label: string; hint: string };

/** The settings as the form edits them: numbers stay text until submitted. */
export type SettingsDraft = { name: string; corsMode: CorsMode; responseStatus: string; responseBody: string; delayMs: string };

/** The draft as the server actions take it; an empty number becomes null so the server names the field. */
export function draftToInput(draft: SettingsDraft) {
  const toNumber = (s: string) => (s.trim() === "" ? null : Number(s));
  return { ...draft, responseStatus: toNumber(draft.responseStatus), delayMs: toNumber(draft.delayMs) };
}

/** Name, CORS mode, response status, delay and response body of a bin. */
export function BinSettingsFields({
  idPrefix,
  values,
  errors,
  corsModes,
  onChange,
}: {
  idPrefix: string;
  values: SettingsDraft;
  errors: Record<string, string>;
  corsModes: readonly CorsModeOption[];
  onChange: (patch: Partial<SettingsDraft>) => void;
}) {
  const modeHint = corsModes.find((m) => m.value === values.corsMode)?.hint;
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <Field id={`${idPrefix}-name`} label="Name" hint="Optional, to tell bins apart." error={errors.name}>
        {(p) => <input {...p} type="text" autoComplete="off" maxLength={100} value={values.name} onChange={(e) => onChange({ name: e.target.value })} placeholder="Lobby test" className={inputClass} />}
      </Field>
      <Field id={`${idPrefix}-cors`} label="CORS mode" hint={modeHint} error={errors.corsMode}>
        {(p) => (
          <select {...p} value={values.corsMode} onChange={(e) => onChange({ corsMode: e.target.value as CorsMode })} className={inputClass}>
            {corsModes.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
          </select>
        )}
      </Field>
      <Field id={`${idPrefix}-status`} label="Response status" hint="200-599; try 500 or 429 to rehearse failures." error={errors.responseStatus}>
        {(p) => <input {...p} type="number" inputMode="numeric" min={200} max={599} step={1} value={values.responseStatus} onChange={(e) => onChange({ responseStatus: e.target.value })} className={inputClass} />}
      </Field>
      <Field id={`${idPrefix}-delay`} label="Delay (ms)" hint="0-10000, before answering; rehearses timeouts." error={errors.delayMs}>
        {(p) => <input {...p} type="number" inputMode="numeric" min={0} max={10000} step={100} value={values.delayMs} onChange={(e) => onChange({ delayMs: e.target.value })} className={inputClass} />}
      </Field>
      <Field
        id={`${idPrefix}-body`}
        label="Response body"
        hint="Sent as application/json when it parses as JSON, else as text/plain. At most 64 KiB."
        error={errors.responseBody}
        className="sm:col-span-2 lg:col-span-4"
      >
        {(p) => <textarea {...p} rows={3} spellCheck={false} value={values.responseBody} onChange={(e) => onChange({ responseBody: e.target.value })} className={`${inputClass} font-mono`} />}
      </Field>
    </div>
  );
}
