/** "512 B", "1.4 KiB", "2.0 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The body indented, or null when it is not JSON. */
export function prettyJson(text: string): string | null {
  if (text.trim() === "") return null;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return null;
  }
}

/** A curl command that posts a small JSON body to the URL (single-quoted for POSIX shells). */
export function curlCommand(url: string): string {
  return `curl -X POST '${url.replace(/'/g, "'\\''")}' -H 'Content-Type: application/json' -H 'X-Test: 1' -d '{"hello":"inspector"}'`;
}

/** Path plus query, as the request line shows it. */
export function fullPath(path: string, query: string): string {
  return query ? `${path}?${query}` : path;
}

/** Badge tone of an HTTP method. */
export function methodTone(method: string): "green" | "blue" | "amber" | "red" | "neutral" {
  switch (method) {
    case "POST":
      return "green";
    case "GET":
    case "HEAD":
      return "blue";
    case "PUT":
    case "PATCH":
      return "amber";
    case "DELETE":
      return "red";
    default:
      return "neutral";
  }
}

/** What a bin is called in headings, links and dialogs. */
export function binLabel(bin: { id: string; name: string }): string {
  return bin.name || `Bin ${bin.id}`;
}
