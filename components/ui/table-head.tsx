import { cn } from "@/lib/cn";

/** A column of a table head: its label, or a visually hidden one (for action and order columns). */
export type Column = string | { label: string; hidden?: boolean; className?: string };

/** The `<thead>` of the portal's listing tables: small, muted column labels. */
export function TableHead({ columns, className, cellClassName = "px-4 py-2" }: { columns: Column[]; className?: string; cellClassName?: string }) {
  return (
    <thead className={cn("text-left text-xs text-zinc-500 dark:text-zinc-400", className)}>
      <tr>
        {columns.map((column) => {
          const c = typeof column === "string" ? { label: column } : column;
          return (
            <th key={c.label} scope="col" className={cn(cellClassName, "font-medium", c.className)}>
              {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
