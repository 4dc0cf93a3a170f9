import { cn } from "@/lib/cn";

/** Text inputs, selects and textareas of the inspector's forms. */
export const inputClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm shadow-sm placeholder:text-zinc-400 " +
  "focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-500/30 aria-invalid:border-red-500 " +
  "dark:border-zinc-700 dark:bg-zinc-950 dark:placeholder:text-zinc-500 dark:text-zinc-400 dark:aria-invalid:border-red-400";

const BUTTON_VARIANTS = {
  primary: "bg-blue-600 text-white hover:bg-blue-700 disabled:bg-blue-400 dark:disabled:bg-blue-900 dark:disabled:text-blue-300",
  secondary:
    "border border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800",
  danger: "bg-red-600 text-white hover:bg-red-700 disabled:bg-red-400",
  ghost: "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
} as const;

/** Class names of a button. */
export function buttonClass(variant: keyof typeof BUTTON_VARIANTS = "secondary", size: "sm" | "md" = "md"): string {
  return cn(
    "inline-flex shrink-0 items-center justify-center gap-1.5 rounded-md font-medium transition disabled:cursor-not-allowed",
    size === "sm" ? "px-2 py-1 text-xs" : "px-3 py-1.5 text-sm",
    BUTTON_VARIANTS[variant],
  );
}

/** A labelled control with an optional hint and error; the control gets `id` and the describedby ids. */
export function Field({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  className?: string;
  children: (props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <div className="mt-1">{children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}</div>
      {hint && <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{hint}</p>}
      {error && <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">{error}</p>}
    </div>
  );
}
