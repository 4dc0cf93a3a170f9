"use client";

import { Globe, LoaderCircle, Send, Server, ShieldQuestion } from "lucide-react";
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/form-controls";
import { CorsReportView } from "@/components/webhook/cors-report-view";
import { TestResultCard } from "@/components/webhook/test-result-card";
import { browserSkippedHeaders, buildRequestFor, type SampleDevice, type SampleSelection } from "@/components/webhook/use-webhook-request";
import { checkCorsAction, recordBrowserTestAction, sendFromServerAction } from "@/lib/actions/test-call";
import type { CorsReport } from "@/lib/server/cors-check";
import { PayloadConfigError } from "@/lib/webhook/build-payload";
import type { WebhookConfig } from "@/lib/webhook/config-schema";
import { preflightHeaderNames } from "@/lib/webhook/cors-rules";
import { maskHeaders } from "@/lib/webhook/request";
import { MAX_TEST_RESULTS, type TestCallResult } from "@/lib/webhook/test-call";
import type { WebhookRequest } from "@/lib/webhook/webhook-request";
import { sendFromBrowser } from "@/components/webhook/send-from-browser";

type Busy = null | "browser" | "server" | "cors";

/** Sends the previewed request to the chosen endpoint, from the browser (as CLUe does) or from the portal server. */
export function TestCallPanel({ device, deviceId, selection }: { device: SampleDevice; deviceId: string; selection: SampleSelection }) {
  const { getValues } = useFormContext<WebhookConfig>();
  // Only the endpoint is watched: the request itself is built when a button is pressed, so typing in
  // the form does not re-render this panel.
  const url = useWatch<WebhookConfig, "onlineUrl" | "offlineUrl">({ name: selection.kind === "online" ? "onlineUrl" : "offlineUrl" })?.trim() || null;
  const skipped = browserSkippedHeaders({ headers: useWatch<WebhookConfig, "headers">({ name: "headers" }) });
  const [results, setResults] = useState<TestCallResult[]>([]);
  const [busy, setBusy] = useState<Busy>(null);
  const [cors, setCors] = useState<{ report: CorsReport; url: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const add = (r: TestCallResult) => setResults((prev) => [r, ...prev].slice(0, MAX_TEST_RESULTS));

  const run = async (kind: Exclude<Busy, null>) => {
    let request: WebhookRequest;
    try {
      request = buildRequestFor(getValues(), device, selection, "browser");
    } catch (err) {
      setProblem(err instanceof PayloadConfigError ? err.message : String(err));
      return;
    }
    setProblem(null);
    setBusy(kind);
    try {
      if (kind === "browser") {
        const result = { ...(await sendFromBrowser(request, selection)), skippedHeaders: skipped };
        add(result);
        const secretNames = getValues("headers").filter((h) => h.secret).map((h) => h.name);
        if (request.url) void recordBrowserTestAction(deviceId, { ...request, url: request.url, headers: maskHeaders(request.headers, secretNames), count: selection.count, result });
      }
      if (kind === "server") add(await sendFromServerAction(deviceId, { config: getValues(), ...selection }));
      if (kind === "cors" && request.url) {
        const report = await checkCorsAction({ url: request.url, method: request.method, requestHeaders: preflightHeaderNames(request.headers), origin: window.location.origin });
        setCors({ report, url: request.url });
      }
    } finally {
      setBusy(null);
    }
  };

  const target = url ?? `(no ${selection.kind} URL)`;
  return (
    <Card aria-labelledby="test-call-title" className="p-4">
      <h2 id="test-call-title" className="font-medium">Test call</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Sends the {selection.kind} preview above to <span className="break-all font-mono text-xs">{target}</span>.
      </p>
      <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
        A browser call leaves out the User-Agent and X-Event-Ids the device adds{skipped.length > 0 ? `, and ${skipped.join(", ")}` : ""}. Send from the portal server to send everything, saved secrets included.
      </p>
      {problem && <p role="alert" className="mt-2 text-xs text-amber-800 dark:text-amber-300">Not sent. Fix the payload first: {problem}</p>}
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className={buttonClass.primary} disabled={busy !== null} onClick={() => run("browser")}>
          {busy === "browser" ? <LoaderCircle aria-hidden className="size-4 animate-spin" /> : <Globe aria-hidden className="size-4" />}Send from browser
        </button>
        <button type="button" className={buttonClass.secondary} disabled={busy !== null} onClick={() => run("server")}>
          {busy === "server" ? <LoaderCircle aria-hidden className="size-4 animate-spin" /> : <Server aria-hidden className="size-4" />}Send from portal server
        </button>
        <button type="button" className={buttonClass.secondary} disabled={!url || busy !== null} onClick={() => run("cors")}>
          {busy === "cors" ? <LoaderCircle aria-hidden className="size-4 animate-spin" /> : <ShieldQuestion aria-hidden className="size-4" />}Check CORS
        </button>
      </div>
      <p role="status" aria-live="polite" className="mt-2 text-xs text-zinc-500 dark:text-zinc-400" data-testid="test-call-status">
        {busy === "browser" || busy === "server" ? `Sending… (gives up after 10 s)` : busy === "cors" ? "Sending the preflight…" : ""}
      </p>
      {cors && <CorsReportView report={cors.report} url={cors.url} />}
      <ol className="mt-3 space-y-3" aria-label="Test results, newest first" data-testid="test-results">
        {results.map((r) => (
          <li key={r.id}>
            <TestResultCard result={r} onSendFromServer={() => run("server")} onCheckCors={() => run("cors")} disabled={busy !== null} />
          </li>
        ))}
      </ol>
      {results.length === 0 && <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400"><Send aria-hidden className="mr-1 inline size-3.5" />The last {MAX_TEST_RESULTS} results stay here.</p>}
    </Card>
  );
}
