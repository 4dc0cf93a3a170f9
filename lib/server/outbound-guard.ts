import "server-only";

import { promises as dns } from "node:dns";
import net from "node:net";
import os from "node:os";

export type AddressKind =
  | "public"
  | "private"
  | "loopback"
  | "link-local"
  | "unspecified"
  | "multicast"
  | "metadata"
  | "reserved";

/** What the server may connect to; build it with `outboundPolicyFromEnv`. */
export type OutboundPolicy = {
  allowPrivate: boolean;
  allowLoopback: boolean;
  /** The portal's own origins (PORTAL_URL): their `/api/hooks/` paths (the request inspector) are always allowed. */
  trustedOrigins: string[];
  /**
   * The port the portal listens on (PORT, default 3000). An `http:` URL on this port whose path starts with
   * `/api/hooks/` and whose host resolves only to this machine's own addresses is the portal's own inspector,
   * whatever name or address the browser used (a LAN IP, `[::1]`, the machine's name), and is allowed too.
   */
  portalPort: number;
  /** This machine's own addresses (its network interfaces), read at each check; loopback always counts. */
  ownAddresses: () => readonly string[];
};

/** Lists the network interfaces and their addresses; `os.networkInterfaces` unless a test injects another. */
export type InterfaceLister = () => NodeJS.Dict<readonly Pick<os.NetworkInterfaceInfo, "address">[]>;

export type ResolvedAddress = { address: string; family: number };

/** Resolves a hostname to every address it has; injectable so tests need no network. */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export type TargetCheck =
  | { ok: true; url: URL; address: string; family: 4 | 6 }
  | { ok: false; cause: "invalid-url" | "blocked" | "dns"; message: string };

/** The path prefix of the portal's built-in request inspector. */
export const INSPECTOR_PATH_PREFIX = "/api/hooks/";

/** Classifies an IPv4 or IPv6 address (canonical text, optional zone); anything unparseable is "reserved". */
export function classifyAddress(ip: string): AddressKind {
  const bare = stripBrackets(ip).split("%")[0];
  const family = net.isIP(bare);
  if (family === 4) return matchRange(ipv4ToBigInt(bare), 32, IPV4_RANGES) ?? "public";
  if (family !== 6) return "reserved";
  const value = ipv6ToBigInt(bare);
  const mapped = embeddedMappedIPv4(value);
  if (mapped !== null) return matchRange(mapped, 32, IPV4_RANGES) ?? "public";
  return matchRange(value, 128, IPV6_RANGES) ?? "reserved";
}

/**
 * Reads the outbound policy from OUTBOUND_ALLOW_PRIVATE, PORTAL_URL and PORT; the machine's own addresses come
 * from `interfaces` (loopback, `localhost` and `127.0.0.1` on PORT need no entry: they are the machine's own).
 */
export function outboundPolicyFromEnv(
  env: Record<string, string | undefined> = process.env,
  interfaces: InterfaceLister = os.networkInterfaces,
): OutboundPolicy {
  const allow = ["true", "1"].includes((env.OUTBOUND_ALLOW_PRIVATE ?? "").trim().toLowerCase());
  const portal = originOf(env.PORTAL_URL?.trim() ?? "");
  return {
    allowPrivate: allow,
    allowLoopback: allow,
    trustedOrigins: portal ? [portal] : [],
    portalPort: portFromEnv(env.PORT),
    ownAddresses: () => interfaceAddresses(interfaces),
  };
}

/** Parses the URL, resolves its host and checks every address against the policy. */
export async function checkTarget(
  url: string,
  policy: OutboundPolicy,
  resolver: Resolver = resolveAll,
): Promise<TargetCheck> {
  const parsed = parseTargetUrl(url);
  if (typeof parsed === "string") return { ok: false, cause: "invalid-url", message: parsed };
  const hostname = stripBrackets(parsed.hostname);
  const resolved = await resolveHost(hostname, resolver);
  if (typeof resolved === "string") return { ok: false, cause: "dns", message: resolved };
  // Worked out only when an address needs it: listing the interfaces is not free.
  let own: ((address: string) => boolean) | undefined;
  const isOwn = (address: string) => (own ??= ownAddressMatcher(policy))(address);
  let portal: boolean | undefined;
  let machine: boolean | undefined;
  const trust: Trust = {
    portalOrigin: () => (portal ??= isInspectorUrl(parsed, policy)),
    ownMachine: () => (machine ??= isOwnInspectorPath(parsed, policy) && resolved.every((a) => isOwn(a.address))),
  };
  const refused = resolved
    .map(({ address }) => ({ address, kind: classifyAddress(address) }))
    .filter(({ kind }) => !isAllowed(kind, policy, trust));
  if (refused.length > 0) {
    // Name the address that is the reason: one never allowed, else one that is not the machine's own.
    const { address, kind } =
      refused.find(({ kind }) => !OWN_MACHINE_KINDS.has(kind)) ??
      refused.find(({ address }) => !isOwn(address)) ??
      refused[0];
    return { ok: false, cause: "blocked", message: describeRefusal(hostname, address, kind) };
  }
  const first = connectableAddress(resolved[0].address);
  return { ok: true, url: parsed, address: first, family: net.isIPv6(first) ? 6 : 4 };
}

type Range = { base: bigint; bits: number; kind: AddressKind };

// First match wins, so specific entries (metadata) come before the blocks that contain them.
const IPV4_RANGES: Range[] = ranges(4, [
  ["169.254.169.254/32", "metadata"], // AWS, GCP, Azure, OCI instance metadata
  ["168.63.129.16/32", "metadata"], // Azure WireServer (platform agent and DNS endpoint of every VM)
  ["100.100.100.200/32", "metadata"], // Alibaba Cloud instance metadata
  ["0.0.0.0/8", "unspecified"],
  ["10.0.0.0/8", "private"],
  ["100.64.0.0/10", "private"], // carrier-grade NAT
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local"],
  ["172.16.0.0/12", "private"],
  ["192.0.0.0/24", "reserved"],
  ["192.0.2.0/24", "reserved"],
  ["192.88.99.0/24", "reserved"],
  ["192.168.0.0/16", "private"],
  ["198.18.0.0/15", "reserved"],
  ["198.51.100.0/24", "reserved"],
  ["203.0.113.0/24", "reserved"],
  ["224.0.0.0/4", "multicast"],
  ["240.0.0.0/4", "reserved"], // includes the broadcast address
]);

// Only global unicast (2000::/3) minus special blocks is public; everything else falls through to "reserved".
const IPV6_RANGES: Range[] = ranges(6, [
  ["::/128", "unspecified"],
  ["::1/128", "loopback"],
  ["fd00:ec2::254/128", "metadata"], // AWS instance metadata over IPv6
  ["fc00::/7", "private"],
  ["fe80::/10", "link-local"],
  ["ff00::/8", "multicast"],
  ["2001::/23", "reserved"], // protocol assignments, Teredo tunnels
  ["2001:db8::/32", "reserved"],
  ["2002::/16", "reserved"], // 6to4 would reach an arbitrary IPv4 address
  ["3fff::/20", "reserved"],
  ["2000::/3", "public"],
]);

const KIND_LABELS: Record<AddressKind, string> = {
  public: "a public address",
  private: "a private address",
  loopback: "a loopback address",
  "link-local": "a link-local address",
  unspecified: "an unspecified address",
  multicast: "a multicast address",
  metadata: "a cloud metadata address",
  reserved: "a reserved or special-purpose address",
};

function ranges(family: 4 | 6, entries: [string, AddressKind][]): Range[] {
  return entries.map(([cidr, kind]) => {
    const [ip, bits] = cidr.split("/");
    return { base: family === 4 ? ipv4ToBigInt(ip) : ipv6ToBigInt(ip), bits: Number(bits), kind };
  });
}

function matchRange(value: bigint, width: number, table: Range[]): AddressKind | null {
  for (const range of table) {
    const shift = BigInt(width - range.bits);
    if (value >> shift === range.base >> shift) return range.kind;
  }
  return null;
}

function ipv4ToBigInt(ip: string): bigint {
  return ip.split(".").reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function ipv6ToBigInt(ip: string): bigint {
  return expandIPv6(ip).reduce((acc, group) => (acc << 16n) | BigInt(group), 0n);
}

/** Expands a valid IPv6 text (with `::` and an optional dotted IPv4 tail) into eight 16-bit groups. */
function expandIPv6(ip: string): number[] {
  let text = ip;
  const tailStart = text.lastIndexOf(":") + 1;
  if (text.slice(tailStart).includes(".")) {
    const v4 = Number(ipv4ToBigInt(text.slice(tailStart)));
    text = `${text.slice(0, tailStart)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const parse = (part: string | undefined) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const fill = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...fill, ...right];
}

/** Returns the IPv4 address inside ::ffff:a.b.c.d, which the kernel connects to as plain IPv4. */
function embeddedMappedIPv4(value: bigint): bigint | null {
  return value >> 32n === 0xffffn ? value & 0xffffffffn : null;
}

function connectableAddress(address: string): string {
  const bare = address.split("%")[0];
  if (!net.isIPv6(bare)) return address;
  const mapped = embeddedMappedIPv4(ipv6ToBigInt(bare));
  if (mapped === null) return address;
  return [24n, 16n, 8n, 0n].map((shift) => Number((mapped >> shift) & 0xffn)).join(".");
}

function parseTargetUrl(url: string): URL | string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return `invalid URL: ${url}`;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return `invalid URL: only http and https are allowed, not ${parsed.protocol.replace(/:$/, "")}`;
  }
  if (parsed.username || parsed.password) return "invalid URL: user names and passwords in URLs are not allowed";
  return parsed;
}

async function resolveHost(hostname: string, resolver: Resolver): Promise<readonly ResolvedAddress[] | string> {
  const family = net.isIP(hostname);
  if (family !== 0) return [{ address: hostname, family }];
  try {
    const addresses = await resolver(hostname);
    return addresses.length > 0 ? addresses : `DNS lookup of ${hostname} returned no address`;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    return `DNS lookup of ${hostname} failed${typeof code === "string" ? ` (${code})` : ""}`;
  }
}

async function resolveAll(hostname: string): Promise<readonly ResolvedAddress[]> {
  return dns.lookup(hostname, { all: true, verbatim: true });
}

function isInspectorUrl(url: URL, policy: OutboundPolicy): boolean {
  // WHATWG URL has already removed dot segments, so /api/hooks/../x cannot sneak past this prefix.
  if (!url.pathname.startsWith(INSPECTOR_PATH_PREFIX)) return false;
  return policy.trustedOrigins.some((origin) => originOf(origin) === url.origin);
}

/**
 * True for `http://<host>:<portal port>/api/hooks/...`: when every address the host resolved to is one of this
 * machine's own, it is the portal's own inspector, however the browser that created the bin named the machine.
 */
function isOwnInspectorPath(url: URL, policy: OutboundPolicy): boolean {
  // WHATWG URL has already removed dot segments, so /api/hooks/../x cannot sneak past this prefix.
  return url.protocol === "http:" && url.pathname.startsWith(INSPECTOR_PATH_PREFIX) && effectivePort(url) === policy.portalPort;
}

/** Tells whether an address is this machine's own: on one of its interfaces, or loopback (127.0.0.0/8, ::1). */
function ownAddressMatcher(policy: OutboundPolicy): (address: string) => boolean {
  const own = new Set<string>();
  for (const address of policy.ownAddresses()) {
    const key = addressKey(address);
    if (key !== null) own.add(key);
  }
  return (address) => {
    const key = addressKey(address);
    return key !== null && (own.has(key) || classifyAddress(address) === "loopback");
  };
}

/** A canonical form to compare addresses by: family and value (zone dropped, IPv4-mapped IPv6 as the IPv4). */
function addressKey(address: string): string | null {
  const bare = stripBrackets(address.trim()).split("%")[0];
  const family = net.isIP(bare);
  if (family === 4) return `4:${ipv4ToBigInt(bare)}`;
  if (family !== 6) return null;
  const value = ipv6ToBigInt(bare);
  const mapped = embeddedMappedIPv4(value);
  return mapped === null ? `6:${value}` : `4:${mapped}`;
}

function interfaceAddresses(interfaces: InterfaceLister): string[] {
  try {
    return Object.values(interfaces()).flatMap((list) => (list ?? []).map((info) => info.address));
  } catch {
    return []; // without the list only loopback counts as the machine's own
  }
}

function portFromEnv(value: string | undefined): number {
  const text = value?.trim() ?? "";
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  return port >= 1 && port <= 65535 ? port : 3000;
}

function effectivePort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === "https:" ? 443 : 80;
}

/** Why a private, loopback (or, for the machine itself, reserved) address may be allowed; worked out on first use. */
type Trust = {
  /** An `/api/hooks/` URL on PORTAL_URL's origin. */
  portalOrigin: () => boolean;
  /** An `/api/hooks/` URL on the portal's port whose every address is this machine's own. */
  ownMachine: () => boolean;
};

/** The kinds the portal's own inspector may have; link-local, multicast, unspecified and metadata never pass. */
const OWN_MACHINE_KINDS: ReadonlySet<AddressKind> = new Set(["private", "loopback", "reserved"]);

function isAllowed(kind: AddressKind, policy: OutboundPolicy, trust: Trust): boolean {
  if (kind === "public") return true;
  if (kind === "private") return policy.allowPrivate || trust.portalOrigin() || trust.ownMachine();
  if (kind === "loopback") return policy.allowLoopback || trust.portalOrigin() || trust.ownMachine();
  // e.g. a machine whose interface holds a documentation or benchmarking address (192.0.2.0/24, 198.18.0.0/15)
  if (kind === "reserved") return trust.ownMachine();
  return false;
}

function describeRefusal(hostname: string, address: string, kind: AddressKind): string {
  const subject = hostname === address ? `${address} is` : `${hostname} resolves to ${address},`;
  const remedy =
    kind === "private" || kind === "loopback"
      ? " (set OUTBOUND_ALLOW_PRIVATE=true to allow it)"
      : ", which is never allowed";
  return `refused: ${subject} ${KIND_LABELS[kind]}${remedy}`;
}

function originOf(value: string): string | null {
  if (!value) return null;
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

function stripBrackets(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}
