"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

const TABS = [
  { segment: "", label: "Info", needsWebhook: false },
  { segment: "webhook", label: "Webhook", needsWebhook: false },
  { segment: "deliveries", label: "Deliveries", needsWebhook: true },
  { segment: "simulator", label: "Simulator", needsWebhook: true },
] as const;

/** The device menu's tabs, as links so each tab has its own URL. */
export function DeviceTabs({ baseHref, hasWebhook }: { baseHref: string; hasWebhook: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Device menu" className="mt-4 border-b border-zinc-200 dark:border-zinc-800">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {TABS.filter((tab) => hasWebhook || !tab.needsWebhook).map((tab) => {
          const href = tab.segment ? `${baseHref}/${tab.segment}` : baseHref;
          const isActive = pathname === href;
          return (
            <li key={tab.label}>
              <Link
                href={href}
                aria-current={isActive ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-4 py-2 text-sm font-medium",
                  isActive
                    ? "border-blue-600 text-blue-700 dark:border-blue-400 dark:text-blue-300"
                    : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
