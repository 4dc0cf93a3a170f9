import Link from "next/link";
import { CopyButton } from "@/components/inspector/copy-button";
import { DeleteBinButton } from "@/components/inspector/delete-bin-button";
import { binLabel } from "@/components/inspector/format";
import { LocalTime } from "@/components/inspector/local-time";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";
import type { BinSummary } from "@/lib/server/bins-repo";

/** The bins with their URL, request count and creation time. */
export function BinsTable({ bins }: { bins: (BinSummary & { url: string })[] }) {
  if (bins.length === 0) {
    return <Card className="p-6 text-center text-sm text-zinc-600 dark:text-zinc-400">No bins yet: create one above, then send requests to its URL.</Card>;
  }
  return (
    <Card className="relative overflow-x-auto">
      <table className="w-full min-w-[720px] text-left text-sm">
        <caption className="sr-only">Request bins</caption>
        <TableHead
          className="border-b border-zinc-200 uppercase tracking-wide dark:border-zinc-800"
          columns={["Name", "URL", "Answers", { label: "Requests", className: "text-right" }, "Created", { label: "Actions", hidden: true }]}
        />
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {bins.map((bin) => (
            <tr key={bin.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
              <th scope="row" className="px-4 py-2 font-medium">
                <Link href={`/inspector/${bin.id}`} className="text-blue-700 hover:underline dark:text-blue-400">{binLabel(bin)}</Link>
              </th>
              <td className="px-4 py-2">
                <div className="flex items-center gap-2">
                  <code className="max-w-[22rem] truncate font-mono text-xs text-zinc-700 dark:text-zinc-300" title={bin.url}>{bin.url}</code>
                  <CopyButton text={bin.url} label={`Copy URL of ${binLabel(bin)}`} />
                </div>
              </td>
              <td className="px-4 py-2">
                <span className="font-mono">{bin.responseStatus}</span>
                <Badge className="ml-2">CORS {bin.corsMode}</Badge>
                {bin.delayMs > 0 && <span className="ml-2 text-xs text-zinc-500 dark:text-zinc-400">+{bin.delayMs} ms</span>}
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{bin.requestCount}</td>
              <td className="px-4 py-2 text-zinc-600 dark:text-zinc-400"><LocalTime iso={bin.createdAt} withDate /></td>
              <td className="px-4 py-2 text-right">
                <DeleteBinButton binId={bin.id} binLabel={binLabel(bin)} requestCount={bin.requestCount} compact />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
