/** The request headers as name/value rows (names in lower case, as the server receives them). */
export function HeadersTable({ headers }: { headers: [string, string][] }) {
  if (headers.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">No headers.</p>;
  return (
    <div className="relative overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left font-mono text-xs">
        <caption className="sr-only">Request headers</caption>
        <thead className="bg-zinc-50 text-zinc-500 dark:text-zinc-400 dark:bg-zinc-950">
          <tr>
            <th scope="col" className="w-1/3 px-3 py-1.5 font-sans font-medium">Name</th>
            <th scope="col" className="px-3 py-1.5 font-sans font-medium">Value</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {headers.map(([name, value], i) => (
            <tr key={`${i}-${name}`}>
              <th scope="row" className="px-3 py-1.5 align-top font-medium text-zinc-700 dark:text-zinc-300">{name}</th>
              <td className="break-all px-3 py-1.5 text-zinc-900 dark:text-zinc-100">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
