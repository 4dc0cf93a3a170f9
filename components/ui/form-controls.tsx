"use client";

import { get, useFormState, useFormContext } from "react-hook-form";
import { cn } from "@/lib/cn";

export const inputClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm shadow-xs placeholder:text-zinc-400 focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-500/30 disabled:opacity-60 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-950 dark:placeholder:text-zinc-500 dark:text-zinc-400";

export const buttonClass = {
  primary:
    "inline-flex items-center justify-center gap-1.5 rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white shadow-xs hover:bg-blue-700 disabled:cursor-not-allowed disabled:opacity-50",
  secondary:
    "inline-flex items-center justify-center gap-1.5 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium text-zinc-800 shadow-xs hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800",
  ghost:
    "inline-flex items-center justify-center gap-1 rounded-md px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 disabled:cursor-not-allowed disabled:opacity-40 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white",
} as const;

/** The error message react-hook-form holds for a field path (also array-level errors). */
export function useFieldError(name: string): string | undefined {
  const { control } = useFormContext();
  const { errors } = useFormState({ control, name });
  const error = get(errors, name) as { message?: string; root?: { message?: string } } | undefined;
  return error?.message ?? error?.root?.message;
}

/** The id of a field's error message, for aria-describedby. */
export function errorId(name: string): string {
  return `${name.replace(/\./g, "-")}-error`;
}

/** Props that tie an input to its error: aria-invalid and aria-describedby. */
export function useErrorProps(name: string) {
  const message = useFieldError(name);
  return { message, props: { "aria-invalid": message ? true : undefined, "aria-describedby": message ? errorId(name) : undefined } };
}

/** A field's error, announced to screen readers where it appears. */
export function FieldError({ name, message, className }: { name: string; message?: string; className?: string }) {
  if (!message) return null;
  return (
    <p id={errorId(name)} className={cn("mt-1 text-xs text-red-700 dark:text-red-400", className)} data-field-error={name}>
      {message}
    </p>
  );
}

/** A titled block of the settings form. */
export function FormSection({ id, title, description, children, aside }: {
  id: string; title: string; description?: React.ReactNode; children: React.ReactNode; aside?: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="border-b border-zinc-200 px-5 py-5 last:border-b-0 dark:border-zinc-800">
      <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={`${id}-title`} className="font-medium">{title}</h2>
          {description && <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>}
        </div>
        {aside}
      </div>
      {children}
    </section>
  );
}
