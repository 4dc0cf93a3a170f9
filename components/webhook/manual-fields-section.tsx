"use client";

import { Plus, Trash2 } from "lucide-react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { FieldCount, useFieldTotal } from "@/components/webhook/field-count";
import { buttonClass, FieldError, FormSection, inputClass, useErrorProps } from "@/components/ui/form-controls";
import type { WebhookConfig } from "@/lib/webhook/config-schema";
import { FIELD_TYPES, MAX_FIELDS, type FieldType } from "@/lib/webhook/fields";

/** Fixed fields added to every payload: key, type and a value checked against the type. */
export function ManualFieldsSection() {
  const { control } = useFormContext<WebhookConfig>();
  const { fields, append, remove } = useFieldArray({ control, name: "manualFields" });
  const rootError = useErrorProps("manualFields");
  return (
    <FormSection id="manual-fields" title="Manual fields" description="Fixed values added after the auto fields, e.g. a site name." aside={<FieldCount />}>
      <ul className="space-y-2">
        {fields.map((field, i) => <ManualRow key={field.id} index={i} onRemove={() => remove(i)} />)}
      </ul>
      {fields.length === 0 && <p className="text-sm text-zinc-500 dark:text-zinc-400">No manual fields.</p>}
      <FieldError name="manualFields" message={rootError.message} />
      <AddManualFieldButton onAdd={() => append({ key: "", type: "STRING", value: "" }, { shouldFocus: true })} />
    </FormSection>
  );
}

function AddManualFieldButton({ onAdd }: { onAdd: () => void }) {
  const isFull = useFieldTotal() >= MAX_FIELDS;
  return (
    <button type="button" className={`${buttonClass.secondary} mt-3`} disabled={isFull} onClick={onAdd}>
      <Plus aria-hidden className="size-4" /> Add manual field
    </button>
  );
}

function ManualRow({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { register, control, setValue, getValues } = useFormContext<WebhookConfig>();
  const [type, key] = useWatch({ control, name: [`manualFields.${index}.type`, `manualFields.${index}.key`] });
  const keyError = useErrorProps(`manualFields.${index}.key`);
  const valueError = useErrorProps(`manualFields.${index}.value`);
  const label = key || `manual field ${index + 1}`;
  const typeField = register(`manualFields.${index}.type`, {
    onChange: (e: React.ChangeEvent<HTMLSelectElement>) => {
      const current = getValues(`manualFields.${index}.value`);
      if ((e.target.value as FieldType) === "BOOLEAN" && current !== "true" && current !== "false") {
        setValue(`manualFields.${index}.value`, "true", { shouldDirty: true, shouldValidate: true });
      }
    },
  });
  return (
    <li className="grid grid-cols-1 gap-2 sm:grid-cols-[1fr_8rem_1.2fr_auto] sm:items-start" data-testid={`manual-row-${index}`}>
      <div>
        <input aria-label={`Manual field ${index + 1} key`} placeholder="site" autoComplete="off" spellCheck={false} {...register(`manualFields.${index}.key`)} {...keyError.props} className={`${inputClass} font-mono`} />
        <FieldError name={`manualFields.${index}.key`} message={keyError.message} />
      </div>
      <select aria-label={`Type of ${label}`} {...typeField} className={inputClass}>
        {FIELD_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
      </select>
      <div>
        {type === "BOOLEAN" ? (
          <select aria-label={`Value of ${label}`} {...register(`manualFields.${index}.value`)} {...valueError.props} className={`${inputClass} font-mono`}>
            <option value="true">true</option>
            <option value="false">false</option>
          </select>
        ) : (
          <input
            aria-label={`Value of ${label}`}
            inputMode={type === "NUMBER" ? "decimal" : undefined}
            placeholder={type === "NUMBER" ? "42" : "Seoul HQ"}
            autoComplete="off"
            spellCheck={false}
            {...register(`manualFields.${index}.value`)}
            {...valueError.props}
            className={`${inputClass} font-mono`}
          />
        )}
        <FieldError name={`manualFields.${index}.value`} message={valueError.message} />
      </div>
      <button type="button" onClick={onRemove} className={buttonClass.ghost} aria-label={`Remove ${label}`}>
        <Trash2 aria-hidden className="size-4" />
      </button>
    </li>
  );
}
