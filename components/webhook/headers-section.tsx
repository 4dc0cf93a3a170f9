"use client";

import { KeyRound, Plus, Trash2 } from "lucide-react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { buttonClass, FieldError, FormSection, inputClass, useErrorProps } from "@/components/ui/form-controls";
import { MAX_HEADERS, type WebhookConfig } from "@/lib/webhook/config-schema";

/** Request header rows: name, value and a secret toggle. */
export function HeadersSection() {
  const { control } = useFormContext<WebhookConfig>();
  const { fields, append, remove } = useFieldArray({ control, name: "headers" });
  const rootError = useErrorProps("headers");
  return (
    <FormSection
      id="headers"
      title="Headers"
      description="Sent with every request, e.g. an API key. Content-Type and Accept are always application/json."
      aside={<span className="text-xs text-zinc-500 dark:text-zinc-400">{fields.length} / {MAX_HEADERS}</span>}
    >
      {fields.length > 0 && (
        <div className="mb-2 hidden grid-cols-[1fr_1.4fr_auto_auto] gap-2 text-xs font-medium text-zinc-500 dark:text-zinc-400 sm:grid">
          <span>Name</span><span>Value</span><span>Secret</span><span className="sr-only">Remove</span>
        </div>
      )}
      <ul className="space-y-2">
        {fields.map((field, i) => (
          <HeaderRow key={field.id} index={i} onRemove={() => remove(i)} />
        ))}
      </ul>
      <FieldError name="headers" message={rootError.message} />
      <button
        type="button"
        className={`${buttonClass.secondary} mt-3`}
        disabled={fields.length >= MAX_HEADERS}
        onClick={() => append({ name: "", value: "", secret: false }, { shouldFocus: true })}
      >
        <Plus aria-hidden className="size-4" /> Add header
      </button>
      {fields.length >= MAX_HEADERS && <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">At most {MAX_HEADERS} headers.</p>}
    </FormSection>
  );
}

function HeaderRow({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { register, control, setValue, setFocus } = useFormContext<WebhookConfig>();
  const [secret, value, name] = useWatch({ control, name: [`headers.${index}.secret`, `headers.${index}.value`, `headers.${index}.name`] });
  const nameError = useErrorProps(`headers.${index}.name`);
  const valueError = useErrorProps(`headers.${index}.value`);
  const label = name || `header ${index + 1}`;
  const keepsSavedSecret = secret && value === null;
  return (
    <li className="grid grid-cols-1 gap-2 rounded-md sm:grid-cols-[1fr_1.4fr_auto_auto] sm:items-start" data-testid={`header-row-${index}`}>
      <div>
        <input
          aria-label={`Header ${index + 1} name`}
          placeholder="Authorization"
          autoComplete="off"
          spellCheck={false}
          {...register(`headers.${index}.name`)}
          {...nameError.props}
          className={`${inputClass} font-mono`}
        />
        <FieldError name={`headers.${index}.name`} message={nameError.message} />
      </div>
      <div>
        {keepsSavedSecret ? (
          <div className="flex items-center gap-2">
            <span className="flex flex-1 items-center gap-1.5 rounded-md border border-dashed border-zinc-300 px-2.5 py-1.5 text-sm text-zinc-500 dark:text-zinc-400 dark:border-zinc-700" aria-label={`Value of ${label}: saved secret, hidden`}>
              <KeyRound aria-hidden className="size-3.5" /> •••••••• saved
            </span>
            <button type="button" className={buttonClass.ghost} onClick={() => {
                setValue(`headers.${index}.value`, "", { shouldDirty: true });
                requestAnimationFrame(() => setFocus(`headers.${index}.value`));
              }}>
              Replace
            </button>
          </div>
        ) : (
          <input
            aria-label={`Header ${index + 1} value`}
            type={secret ? "password" : "text"}
            autoComplete="off"
            spellCheck={false}
            placeholder={secret ? "secret value" : "value"}
            {...register(`headers.${index}.value`)}
            {...valueError.props}
            className={`${inputClass} font-mono`}
          />
        )}
        <FieldError name={`headers.${index}.value`} message={valueError.message} />
      </div>
      <label className="flex items-center gap-1.5 py-1.5 text-sm">
        <input type="checkbox" {...register(`headers.${index}.secret`)} className="size-4 accent-blue-600" />
        <span className="sm:sr-only">Secret</span>
        <span className="sr-only"> value for {label}</span>
      </label>
      <button type="button" onClick={onRemove} className={buttonClass.ghost} aria-label={`Remove ${label}`}>
        <Trash2 aria-hidden className="size-4" />
      </button>
    </li>
  );
}
