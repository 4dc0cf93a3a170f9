import type { WebhookConfig } from "@/lib/webhook/config-schema";

/** One request header as a [name, value] pair, in send order. */
export type HeaderPair = [name: string, value: string];

/** Shown instead of a secret header's value. */
export const SECRET_MASK = "••••••••";

/** The headers every webhook request starts with. */
export const FIXED_HEADERS: readonly HeaderPair[] = [
  ["Content-Type", "application/json"],
  ["Accept", "application/json"],
];

/** The request headers in send order: fixed ones, the user's (secrets masked when asked or unknown), then extra. */
export function buildRequestHeaders(
  config: Pick<WebhookConfig, "headers">,
  options: { maskSecrets: boolean; extra?: readonly HeaderPair[] },
): HeaderPair[] {
  const user = config.headers.map(({ name, value, secret }): HeaderPair => {
    if (secret && (options.maskSecrets || value === null)) return [name, SECRET_MASK];
    // fetch strips leading and trailing whitespace from values; trim here so the preview shows what is sent.
    return [name, (value ?? "").trim()];
  });
  return [...FIXED_HEADERS.map(([n, v]): HeaderPair => [n, v]), ...user, ...(options.extra ?? [])];
}

/** The headers the device adds to every request: its firmware, and the event ids so receivers can drop duplicates. */
export function deviceHeaders(firmware: string, eventIds: readonly number[]): HeaderPair[] {
  return [
    ["User-Agent", `BioStation3/${firmware}`],
    ["X-Event-Ids", eventIds.join(",")],
  ];
}

/** The device's headers for this config: a header of the same name set by the user wins. */
export function deviceHeadersFor(config: Pick<WebhookConfig, "headers">, firmware: string, eventIds: readonly number[]): HeaderPair[] {
  const taken = new Set(config.headers.map((h) => h.name.toLowerCase()));
  return deviceHeaders(firmware, eventIds).filter(([name]) => !taken.has(name.toLowerCase()));
}

/** The headers with the values of the named (secret) headers replaced by the mask; names match case-insensitively. */
export function maskHeaders(headers: readonly HeaderPair[], secretNames: readonly string[]): HeaderPair[] {
  const secrets = new Set(secretNames.map((n) => n.toLowerCase()));
  return headers.map(([name, value]): HeaderPair => [name, secrets.has(name.toLowerCase()) ? SECRET_MASK : value]);
}

/** A copy-pasteable POSIX shell curl command sending exactly this request. */
export function toCurl(request: { method: string; url: string; headers: readonly HeaderPair[]; body: string }): string {
  const lines = [
    `curl -X ${request.method} ${shellQuote(request.url)}`,
    // curl drops a header given as "Name: " with nothing after it; "Name;" sends it empty.
    ...request.headers.map(([name, value]) => `  -H ${shellQuote(value === "" ? `${name};` : `${name}: ${value}`)}`),
    `  --data-raw ${shellQuote(request.body)}`,
  ];
  return lines.join(" \\\n");
}

/** Size of a string in bytes once encoded as UTF-8 (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Wraps a value in single quotes for a POSIX shell, escaping embedded single quotes as '\''. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
