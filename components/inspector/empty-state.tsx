import { Radio } from "lucide-react";
import { CopyButton } from "@/components/inspector/copy-button";
import { curlCommand } from "@/components/inspector/format";

/** Shown until the first request arrives: a command to send one. */
export function EmptyState({ url }: { url: string }) {
  const curl = curlCommand(url);
  return (
    <div className="px-6 py-10 text-center">
      <Radio aria-hidden className="mx-auto size-8 text-blue-600 dark:text-blue-400" />
      <h3 className="mt-3 text-base font-semibold">Waiting for the first request</h3>
      <p className="mx-auto mt-1 max-w-xl text-sm text-zinc-600 dark:text-zinc-400">
        Send anything to the bin URL: any method, any path after it, any body up to 1 MiB. It shows up here within a second, no reload needed. For example:
      </p>
      <div className="mx-auto mt-4 flex max-w-3xl items-start gap-2 text-left">
        <pre aria-label="curl command" className="min-w-0 flex-1 whitespace-pre-wrap break-all rounded-md bg-zinc-900 p-3 font-mono text-xs text-zinc-100 dark:bg-zinc-950 dark:ring-1 dark:ring-zinc-800">{curl}</pre>
        <CopyButton text={curl} label="Copy curl command" />
      </div>
    </div>
  );
}
