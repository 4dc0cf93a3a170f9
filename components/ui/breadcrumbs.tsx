import Link from "next/link";
import { ChevronRight } from "lucide-react";

export type Crumb = { label: string; href?: string };

/** Place > Device trail; the last crumb is the current page. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
      <ol className="flex flex-wrap items-center gap-1">
        {items.map((item, i) => (
          <li key={i} className="flex items-center gap-1">
            {i > 0 && <ChevronRight aria-hidden className="size-4 text-zinc-400" />}
            {item.href && i < items.length - 1 ? (
              <Link href={item.href} className="hover:text-zinc-900 hover:underline dark:hover:text-white">{item.label}</Link>
            ) : (
              <span aria-current={i === items.length - 1 ? "page" : undefined} className="font-medium text-zinc-900 dark:text-zinc-100">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
