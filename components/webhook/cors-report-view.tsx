import { Check, X } from "lucide-react";
import type { CorsReport } from "@/lib/server/cors-check";

/** What a receiver's preflight answer allows, item by item. */
export function CorsReportView({ report, url }: { report: CorsReport; url: string }) {
  return (
    <section aria-label="CORS check" data-testid="cors-report" className="mt-3 rounded-md border border-zinc-200 p-3 text-xs dark:border-zinc-800">
      <p className="font-semibold">
        CORS check of {new URL(url).origin}:{" "}
        {!report.reachable ? `no answer (${report.error?.message ?? "unreachable"})` : report.ok ? "the browser call is allowed" : `the preflight fails${report.status !== null ? ` (HTTP ${report.status})` : ""}`}
      </p>
      {report.items.length > 0 && (
        <ul className="mt-2 space-y-1">
          {report.items.map((item, i) => (
            <li key={i} className="flex items-start gap-1.5">
              {item.allowed ? <Check aria-label="allowed" className="size-3.5 shrink-0 text-emerald-600" /> : <X aria-label="missing" className="size-3.5 shrink-0 text-red-600" />}
              <span><span className="font-mono">{item.check} {item.name}</span>: {item.detail}</span>
            </li>
          ))}
        </ul>
      )}
      {report.missingHeaders.length > 0 && (
        <p className="mt-2">Missing from Access-Control-Allow-Headers: <code data-testid="cors-missing" className="font-mono">{report.missingHeaders.join(", ")}</code></p>
      )}
    </section>
  );
}
