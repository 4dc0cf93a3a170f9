"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { FieldCount } from "@/components/webhook/field-count";
import { TableHead } from "@/components/ui/table-head";
import { buttonClass, FieldError, FormSection, inputClass, useErrorProps } from "@/components/ui/form-controls";
import type { WebhookConfig } from "@/lib/webhook/config-schema";
import { AUTO_FIELD_CATALOG, canBeNonString, getAutoField, type AutoFieldName } from "@/lib/webhook/fields";

/** Auto fields: included rows in payload order (rename, nonString, reorder), then the ones left out. */
export function AutoFieldsSection() {
  const { control } = useFormContext<WebhookConfig>();
  const { fields, append, remove, move } = useFieldArray({ control, name: "autoFields" });
  const included = new Set(fields.map((f) => f.field));
  const available = AUTO_FIELD_CATALOG.filter((f) => !included.has(f.field));
  const rootError = useErrorProps("autoFields");
  return (
    <FormSection
      id="auto-fields"
      title="Auto fields"
      description="Data the device fills in for each event. nonString writes a number or boolean without quotes."
      aside={<FieldCount />}
    >
      <div className="relative overflow-x-auto">
        <table className="w-full min-w-[560px] text-sm">
          <caption className="sr-only">Included auto fields, in payload order</caption>
          <TableHead cellClassName="py-1 pr-3" columns={[{ label: "Include", className: "w-16" }, "Field", "Key", "Type", "nonString", "Sample", { label: "Order", hidden: true }]} />
          <tbody>
            {fields.map((row, i) => (
              <IncludedRow
                key={row.id}
                index={i}
                field={row.field}
                count={fields.length}
                onRemove={() => {
                  remove(i);
                  refocusInclude(row.field);
                }}
                onMove={(to) => move(i, to)}
              />
            ))}
            {available.map((def) => (
              <tr key={def.field} className="text-zinc-500 dark:text-zinc-400">
                <td className="py-1">
                  <input
                    type="checkbox"
                    className="size-4 accent-blue-600"
                    checked={false}
                    aria-label={`Include ${def.field}`}
                    onChange={() => {
                      append({ field: def.field, key: def.field, nonString: false }, { shouldFocus: false });
                      refocusInclude(def.field);
                    }}
                  />
                </td>
                <td className="py-1 font-mono">{def.field}</td>
                <td className="py-1 font-mono">{def.field}</td>
                <td className="py-1 text-xs">{def.type}</td>
                <td className="py-1" />
                <td className="py-1 font-mono text-xs">{String(def.sample)}</td>
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FieldError name="autoFields" message={rootError.message} />
    </FormSection>
  );
}

/** The row of a field moves between the included and available lists: keep keyboard focus on its checkbox. */
function refocusInclude(field: string) {
  requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`input[aria-label="Include ${field}"]`)?.focus());
}

function IncludedRow({ index, field, count, onRemove, onMove }: {
  index: number; field: AutoFieldName; count: number; onRemove: () => void; onMove: (to: number) => void;
}) {
  const { register } = useFormContext<WebhookConfig>();
  const def = getAutoField(field);
  const keyError = useErrorProps(`autoFields.${index}.key`);
  const nonStringError = useErrorProps(`autoFields.${index}.nonString`);
  return (
    <tr className="border-t border-zinc-100 align-top dark:border-zinc-800" data-testid={`auto-field-${field}`}>
      <td className="py-1.5">
        <input type="checkbox" className="size-4 accent-blue-600" checked onChange={onRemove} aria-label={`Include ${field}`} />
      </td>
      <td className="py-1.5 font-mono" title={def.description}>{field}</td>
      <td className="py-1 pr-2">
        <input aria-label={`Key for ${field}`} autoComplete="off" spellCheck={false} {...register(`autoFields.${index}.key`)} {...keyError.props} className={`${inputClass} py-1 font-mono`} />
        <FieldError name={`autoFields.${index}.key`} message={keyError.message} />
      </td>
      <td className="py-1.5 text-xs">{def.type}</td>
      <td className="py-1.5">
        {canBeNonString(def.type) ? (
          <input type="checkbox" className="size-4 accent-blue-600" aria-label={`Write ${field} without quotes (nonString)`} {...register(`autoFields.${index}.nonString`)} {...nonStringError.props} />
        ) : (
          <span className="text-xs text-zinc-400" title="Only NUMBER and BOOLEAN fields can be nonString">—</span>
        )}
        <FieldError name={`autoFields.${index}.nonString`} message={nonStringError.message} />
      </td>
      <td className="py-1.5 font-mono text-xs text-zinc-600 dark:text-zinc-400">{String(def.sample)}</td>
      <td className="whitespace-nowrap py-1">
        <button type="button" className={buttonClass.ghost} disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={`Move ${field} up`}>
          <ArrowUp aria-hidden className="size-4" />
        </button>
        <button type="button" className={buttonClass.ghost} disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={`Move ${field} down`}>
          <ArrowDown aria-hidden className="size-4" />
        </button>
      </td>
    </tr>
  );
}
