import { describe, expect, test } from "vitest";

import {
  checkTarget,
  classifyAddress,
  outboundPolicyFromEnv,
  type AddressKind,
  type InterfaceLister,
  type OutboundPolicy,
  type Resolver,
} from "@/lib/server/outbound-guard";

const DNS: Record<string, { address: string; family: number }[]> = {
  localhost: [{ address: "127.0.0.1", family: 4 }, { address: "::1", family: 6 }],
  "internal.test": [{ address: "10.1.2.3", family: 4 }],
  "mixed.test": [{ address: "93.184.215.14", family: 4 }, { address: "192.168.0.10", family: 4 }],
  "public.test": [{ address: "93.184.215.14", family: 4 }, { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 }],
  "mapped.test": [{ address: "::ffff:10.0.0.7", family: 6 }],
  "metadata.test": [{ address: "169.254.169.254", family: 4 }],
  "wireserver.test": [{ address: "168.63.129.16", family: 4 }],
  // names of this test machine (see MACHINE below) and of a neighbour on its LAN
  "portal.lan": [{ address: "192.168.1.20", family: 4 }, { address: "fd00:1::20", family: 6 }],
  "portal-v4.lan": [{ address: "192.168.1.20", family: 4 }],
  "half-mine.lan": [{ address: "192.168.1.20", family: 4 }, { address: "192.168.1.99", family: 4 }],
  "neighbour.lan": [{ address: "192.168.1.99", family: 4 }],
  "rebound.test": [{ address: "127.0.0.1", family: 4 }, { address: "169.254.169.254", family: 4 }],
};

const resolved: string[] = [];
const fakeResolver: Resolver = async (hostname) => {
  resolved.push(hostname);
  const answer = DNS[hostname];
  if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
  return answer;
};

// The network interfaces of the test machine: loopback, a LAN address (IPv4 and ULA IPv6), a link-local one.
const MACHINE: ReturnType<InterfaceLister> = {
  lo: [{ address: "127.0.0.1" }, { address: "::1" }],
  eth0: [{ address: "192.168.1.20" }, { address: "fd00:1::20" }, { address: "fe80::1234" }],
};
const machine: InterfaceLister = () => MACHINE;

const DEFAULT_POLICY = outboundPolicyFromEnv({ PORT: "3000" }, machine);
const PRIVATE_POLICY: OutboundPolicy = { ...DEFAULT_POLICY, allowPrivate: true, allowLoopback: true };

// host as typed in a URL, the kind of (the first refused or the only) address, allowed by default, allowed with OUTBOUND_ALLOW_PRIVATE
const HOSTS: [string, AddressKind, boolean, boolean][] = [
  ["127.0.0.1", "loopback", false, true],
  ["127.1", "loopback", false, true],
  ["2130706433", "loopback", false, true],
  ["0x7f000001", "loopback", false, true],
  ["017700000001", "loopback", false, true],
  ["localhost", "loopback", false, true],
  ["0.0.0.0", "unspecified", false, false],
  ["169.254.169.254", "metadata", false, false],
  ["168.63.129.16", "metadata", false, false],
  ["[::1]", "loopback", false, true],
  ["[::ffff:127.0.0.1]", "loopback", false, true],
  ["[::ffff:7f00:1]", "loopback", false, true],
  ["[fe80::1]", "link-local", false, false],
  ["[fc00::1]", "private", false, true],
  ["10.0.0.1", "private", false, true],
  ["172.16.5.4", "private", false, true],
  ["192.168.1.1", "private", false, true],
  ["100.64.0.1", "private", false, true],
  ["224.0.0.1", "multicast", false, false],
  ["[ff02::1]", "multicast", false, false],
  ["8.8.8.8", "public", true, true],
  ["internal.test", "private", false, true],
  ["mixed.test", "private", false, true],
  ["mapped.test", "private", false, true],
  ["metadata.test", "metadata", false, false],
  ["wireserver.test", "metadata", false, false],
  ["public.test", "public", true, true],
];

describe("classifyAddress", () => {
  test.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:8.8.8.8", "public"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["::", "unspecified"],
    ["10.255.0.1", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.1", "public"],
    ["192.168.0.1", "private"],
    ["100.64.0.1", "private"],
    ["100.127.255.255", "private"],
    ["100.128.0.1", "public"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["febf::1", "link-local"],
    ["169.254.1.1", "link-local"],
    ["169.254.169.254", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["168.63.129.16", "metadata"],
    ["::ffff:168.63.129.16", "metadata"],
    ["168.63.129.15", "public"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["ff02::1", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["192.0.2.1", "reserved"],
    ["198.51.100.7", "reserved"],
    ["203.0.113.9", "reserved"],
    ["198.18.0.1", "reserved"],
    ["2001:db8::1", "reserved"],
    ["64:ff9b::7f00:1", "reserved"],
    ["2002:7f00:1::1", "reserved"],
    ["::127.0.0.1", "reserved"],
    ["fec0::1", "reserved"],
    ["8.8.8.8", "public"],
    ["1.1.1.1", "public"],
    ["2606:4700:4700::1111", "public"],
    ["2a00:1450:4001:80b::200e", "public"],
    ["not-an-ip", "reserved"],
    ["127.1", "reserved"],
  ])("%s is %s", (ip, kind) => {
    expect(classifyAddress(ip)).toBe(kind);
  });

  test.each(HOSTS)("URL host %s normalises and resolves to a %s address", async (host, kind) => {
    const hostname = new URL(`http://${host}/`).hostname.replace(/^\[(.*)\]$/, "$1");
    const addresses = hostname in DNS ? DNS[hostname].map((a) => a.address) : [hostname];
    const kinds = addresses.map(classifyAddress);
    expect(kinds.find((k) => k !== "public") ?? "public").toBe(kind);
  });
});

describe("checkTarget", () => {
  test.each(HOSTS)("http://%s/ (%s): default policy allows=%s", async (host, kind, allowedByDefault) => {
    const result = await checkTarget(`http://${host}/x`, DEFAULT_POLICY, fakeResolver);
    expect(result.ok).toBe(allowedByDefault);
    if (!result.ok) {
      expect(result.cause).toBe("blocked");
      expect(result.message).toMatch(/^refused: /);
      expect(result.message).toContain(kind === "metadata" ? "cloud metadata address" : `${kind} address`);
    }
  });

  test.each(HOSTS)("http://%s/ (%s): OUTBOUND_ALLOW_PRIVATE allows=%s", async (host, _kind, _byDefault, allowed) => {
    const result = await checkTarget(`http://${host}/x`, PRIVATE_POLICY, fakeResolver);
    expect(result.ok).toBe(allowed);
  });

  test("a literal IP is never sent to the resolver", async () => {
    resolved.length = 0;
    await checkTarget("http://2130706433/", DEFAULT_POLICY, fakeResolver);
    await checkTarget("http://[::ffff:7f00:1]/", DEFAULT_POLICY, fakeResolver);
    expect(resolved).toEqual([]);
  });

  test("the message names the address and the remedy", async () => {
    const result = await checkTarget("http://10.0.0.5/hook", DEFAULT_POLICY, fakeResolver);
    expect(result).toEqual({
      ok: false,
      cause: "blocked",
      message: "refused: 10.0.0.5 is a private address (set OUTBOUND_ALLOW_PRIVATE=true to allow it)",
    });
  });

  test("a name with one public and one private address is refused, naming the private one", async () => {
    const result = await checkTarget("https://mixed.test/hook", DEFAULT_POLICY, fakeResolver);
    expect(result).toMatchObject({ ok: false, cause: "blocked" });
    expect(!result.ok && result.message).toBe(
      "refused: mixed.test resolves to 192.168.0.10, a private address (set OUTBOUND_ALLOW_PRIVATE=true to allow it)",
    );
  });

  test("metadata stays refused even when private addresses are allowed", async () => {
    const result = await checkTarget("http://169.254.169.254/latest/meta-data/", PRIVATE_POLICY, fakeResolver);
    expect(!result.ok && result.message).toBe("refused: 169.254.169.254 is a cloud metadata address, which is never allowed");
    const wire = await checkTarget("http://168.63.129.16/machine?comp=goalstate", PRIVATE_POLICY, fakeResolver);
    expect(!wire.ok && wire.message).toBe("refused: 168.63.129.16 is a cloud metadata address, which is never allowed");
  });

  test("an allowed target returns the first address and its family", async () => {
    expect(await checkTarget("https://public.test/hook", DEFAULT_POLICY, fakeResolver)).toMatchObject({
      ok: true,
      address: "93.184.215.14",
      family: 4,
    });
  });

  test("an IPv4-mapped literal connects as plain IPv4", async () => {
    expect(await checkTarget("http://[::ffff:7f00:1]:8080/", PRIVATE_POLICY, fakeResolver)).toMatchObject({
      ok: true,
      address: "127.0.0.1",
      family: 4,
    });
  });

  test.each([
    ["http://localhost:3000/api/hooks/bin1", true],
    ["http://127.0.0.1:3000/api/hooks/bin1/any/suffix?x=1", true],
    ["http://[::1]:3000/api/hooks/bin1", true],
    ["http://localhost:3000/api/hooks/../admin", false],
    ["http://localhost:3000/api/hooks/%2e%2e/admin", false],
    ["http://localhost:3000/api/hooks", false],
    ["http://localhost:3000/api/devices", false],
    ["http://localhost:3001/api/hooks/bin1", false],
    ["https://localhost:3000/api/hooks/bin1", false],
  ])("inspector exception: %s allowed=%s by default", async (url, allowed) => {
    expect((await checkTarget(url, DEFAULT_POLICY, fakeResolver)).ok).toBe(allowed);
  });

  test("a loopback URL outside /api/hooks/ is allowed once OUTBOUND_ALLOW_PRIVATE is set", async () => {
    const policy = outboundPolicyFromEnv({ PORT: "3000", OUTBOUND_ALLOW_PRIVATE: "true" });
    expect((await checkTarget("http://localhost:3000/api/devices", policy, fakeResolver)).ok).toBe(true);
  });

  test("the inspector exception never opens metadata or link-local addresses", async () => {
    const policy: OutboundPolicy = { ...DEFAULT_POLICY, trustedOrigins: ["http://169.254.169.254"] };
    expect((await checkTarget("http://169.254.169.254/api/hooks/x", policy, fakeResolver)).ok).toBe(false);
    // even when the machine itself holds such an address
    const odd: OutboundPolicy = { ...DEFAULT_POLICY, ownAddresses: () => ["169.254.169.254", "fe80::1234", "224.0.0.1", "0.0.0.0", "168.63.129.16"] };
    for (const host of ["169.254.169.254", "[fe80::1234]", "224.0.0.1", "0.0.0.0", "168.63.129.16"]) {
      expect((await checkTarget(`http://${host}:3000/api/hooks/x`, odd, fakeResolver)).ok).toBe(false);
    }
    expect((await checkTarget("http://rebound.test:3000/api/hooks/x", DEFAULT_POLICY, fakeResolver)).ok).toBe(false);
  });

  // The bin URL carries the Host the browser used, so the portal opened at its LAN address or [::1] makes such URLs.
  test.each([
    ["http://192.168.1.20:3000/api/hooks/bin1", true, "the machine's LAN address on the portal's port"],
    ["http://192.168.1.20:3000/api/hooks/bin1/any/suffix?x=1", true, "with a path suffix and a query"],
    ["http://[fd00:1::20]:3000/api/hooks/bin1", true, "the machine's IPv6 LAN address"],
    ["http://[::ffff:192.168.1.20]:3000/api/hooks/bin1", true, "the LAN address written IPv4-mapped"],
    ["http://[::1]:3000/api/hooks/bin1", true, "IPv6 loopback"],
    ["http://127.0.0.2:3000/api/hooks/bin1", true, "anywhere in 127.0.0.0/8"],
    ["http://portal.lan:3000/api/hooks/bin1", true, "a name whose every address is the machine's"],
    ["http://portal-v4.lan:3000/api/hooks/bin1", true, "a name resolving to the machine's LAN address"],
    ["http://192.168.1.20:3001/api/hooks/bin1", false, "the machine on another port"],
    ["http://192.168.1.20/api/hooks/bin1", false, "the machine on port 80"],
    ["http://192.168.1.20:3000/api/devices", false, "the machine outside /api/hooks/"],
    ["http://192.168.1.20:3000/api/hooks/../devices", false, "a dot segment out of /api/hooks/"],
    ["https://192.168.1.20:3000/api/hooks/bin1", false, "https (the portal's port serves http)"],
    ["http://192.168.1.99:3000/api/hooks/bin1", false, "a foreign private address on the portal's port"],
    ["http://neighbour.lan:3000/api/hooks/bin1", false, "a name resolving to a foreign private address"],
    ["http://half-mine.lan:3000/api/hooks/bin1", false, "a name with one own and one foreign address"],
    ["http://[fd00:1::21]:3000/api/hooks/bin1", false, "a foreign ULA address"],
  ])("own inspector: %s allowed=%s (%s)", async (url, allowed) => {
    expect((await checkTarget(url, DEFAULT_POLICY, fakeResolver)).ok).toBe(allowed);
  });

  test("the machine on another port is allowed only with OUTBOUND_ALLOW_PRIVATE", async () => {
    const url = "http://192.168.1.20:3001/api/hooks/bin1";
    const refused = await checkTarget(url, DEFAULT_POLICY, fakeResolver);
    expect(!refused.ok && refused.message).toBe("refused: 192.168.1.20 is a private address (set OUTBOUND_ALLOW_PRIVATE=true to allow it)");
    const allowPrivate = outboundPolicyFromEnv({ PORT: "3000", OUTBOUND_ALLOW_PRIVATE: "true" }, machine);
    expect(await checkTarget(url, allowPrivate, fakeResolver)).toMatchObject({ ok: true, address: "192.168.1.20" });
  });

  test("a foreign private address names itself in the refusal, even when the name also has the machine's", async () => {
    const result = await checkTarget("http://half-mine.lan:3000/api/hooks/bin1", DEFAULT_POLICY, fakeResolver);
    expect(!result.ok && result.message).toBe(
      "refused: half-mine.lan resolves to 192.168.1.99, a private address (set OUTBOUND_ALLOW_PRIVATE=true to allow it)",
    );
  });

  test("the portal's port comes from PORT, and the machine's addresses are read at each check", async () => {
    let addresses: ReturnType<InterfaceLister> = { lo: [{ address: "127.0.0.1" }] };
    const policy = outboundPolicyFromEnv({ PORT: "4100" }, () => addresses);
    expect(policy.portalPort).toBe(4100);
    expect((await checkTarget("http://192.168.1.20:4100/api/hooks/b", policy, fakeResolver)).ok).toBe(false);
    addresses = MACHINE; // e.g. the laptop joined a network after the policy was built
    expect((await checkTarget("http://192.168.1.20:4100/api/hooks/b", policy, fakeResolver)).ok).toBe(true);
    expect((await checkTarget("http://192.168.1.20:3000/api/hooks/b", policy, fakeResolver)).ok).toBe(false);
  });

  test("an own address in a reserved block (a test network on the interface) is the portal too, and nothing else", async () => {
    const policy = outboundPolicyFromEnv({ PORT: "3100" }, () => ({ eth0: [{ address: "192.0.2.2" }] }));
    expect((await checkTarget("http://192.0.2.2:3100/api/hooks/b", policy, fakeResolver)).ok).toBe(true);
    expect((await checkTarget("http://192.0.2.2:3101/api/hooks/b", policy, fakeResolver)).ok).toBe(false);
    expect((await checkTarget("http://192.0.2.3:3100/api/hooks/b", policy, fakeResolver)).ok).toBe(false);
    const allowPrivate = { ...policy, allowPrivate: true, allowLoopback: true };
    expect((await checkTarget("http://192.0.2.2:3101/api/hooks/b", allowPrivate, fakeResolver)).ok).toBe(false);
    const viaPortalUrl = outboundPolicyFromEnv({ PORT: "3000", PORTAL_URL: "http://192.0.2.2:3100" }, () => ({}));
    expect((await checkTarget("http://192.0.2.2:3100/api/hooks/b", viaPortalUrl, fakeResolver)).ok).toBe(false);
  });

  test("an allowed own address is the one connected to", async () => {
    expect(await checkTarget("http://portal.lan:3000/api/hooks/b", DEFAULT_POLICY, fakeResolver)).toMatchObject({
      ok: true,
      address: "192.168.1.20",
      family: 4,
    });
  });

  test.each([
    ["ftp://example.com/file", "invalid-url"],
    ["file:///etc/passwd", "invalid-url"],
    ["javascript:alert(1)", "invalid-url"],
    ["http://user:pass@8.8.8.8/", "invalid-url"],
    ["http://user@8.8.8.8/", "invalid-url"],
    ["not a url", "invalid-url"],
    ["http://1.2.3.4.5/", "invalid-url"],
    ["http://unknown.test/", "dns"],
  ])("%s fails with %s", async (url, cause) => {
    expect(await checkTarget(url, PRIVATE_POLICY, fakeResolver)).toMatchObject({ ok: false, cause });
  });
});

describe("outboundPolicyFromEnv", () => {
  test.each([
    [{}, false],
    [{ OUTBOUND_ALLOW_PRIVATE: "true" }, true],
    [{ OUTBOUND_ALLOW_PRIVATE: "1" }, true],
    [{ OUTBOUND_ALLOW_PRIVATE: "TRUE " }, true],
    [{ OUTBOUND_ALLOW_PRIVATE: "false" }, false],
    [{ OUTBOUND_ALLOW_PRIVATE: "yes" }, false],
  ])("%o allows private=%s", (env, allowed) => {
    const policy = outboundPolicyFromEnv(env);
    expect(policy.allowPrivate).toBe(allowed);
    expect(policy.allowLoopback).toBe(allowed);
  });

  test.each([
    [{}, [], 3000],
    [{ PORT: "4000" }, [], 4000],
    [{ PORTAL_URL: "https://portal.example.com/some/path", PORT: "8080" }, ["https://portal.example.com"], 8080],
    [{ PORTAL_URL: "not a url", PORT: "nope" }, [], 3000],
    [{ PORT: "70000" }, [], 3000],
  ])("%o trusts the origins %o and the portal port %s", (env, origins, port) => {
    const policy = outboundPolicyFromEnv(env, machine);
    expect(policy.trustedOrigins).toEqual(origins);
    expect(policy.portalPort).toBe(port);
  });

  test("PORTAL_URL stays trusted on its own origin, whatever it resolves to", async () => {
    const policy = outboundPolicyFromEnv({ PORTAL_URL: "http://neighbour.lan:8443", PORT: "3000" }, machine);
    expect((await checkTarget("http://neighbour.lan:8443/api/hooks/b", policy, fakeResolver)).ok).toBe(true);
    expect((await checkTarget("http://neighbour.lan:8443/api/devices", policy, fakeResolver)).ok).toBe(false);
    expect((await checkTarget("http://neighbour.lan:3000/api/hooks/b", policy, fakeResolver)).ok).toBe(false);
  });

  test("the machine's own addresses come from os.networkInterfaces by default", () => {
    const addresses = outboundPolicyFromEnv({}).ownAddresses();
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.every((a) => typeof a === "string")).toBe(true);
  });
});
