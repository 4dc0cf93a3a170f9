// Delivery benchmark (npm run bench:delivery, after `npx next build`): the engine against raw fetch, on one
// local receiver. Starts its own portal (port 3102, throwaway database) and prints a table with PASS/FAIL.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const PORT = 3102;
const BASE = `http://127.0.0.1:${PORT}`;
const ONLINE_EVENTS = 2000;
const BURST = 100;
const BACKLOG = 10_000;
const CONCURRENCY = 8; // the engine's default DELIVERY_CONCURRENCY
const WAIT_MS = 120_000;

const TARGETS = {
  ratio: 0.5, // issue 5: engine throughput at least half of raw fetch
  flushMs: 10_000, // our budget: 100 batches in order, each after the previous succeeded
  peakMiB: 512, // our budget for the portal process
};

type Received = { path: string; body: string; contentType: string };

const receiver = await startReceiver();
let portal: ChildProcess | null = null;
process.on("SIGINT", () => {
  stopPortal();
  process.exit(130);
});

try {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("no build found: run `npx next build` first");
  portal = await startPortal();
  const device = await configureDevice();

  await triggerOnline(device, 50); // warm-up: route compilation caches, first connections
  await waitFor(() => receiver.count("/online") >= 50, "the warm-up events");
  receiver.reset();

  const online = await measure(async () => {
    await triggerOnline(device, ONLINE_EVENTS);
    await waitFor(() => receiver.count("/online") >= ONLINE_EVENTS, `${ONLINE_EVENTS} online events`);
  });
  const onlineBodies = receiver.bodies("/online");
  const rawOnline = await measure(() => postAll(onlineBodies, "/raw-online", CONCURRENCY));

  await api("PUT", `/api/devices/${device}/simulator/connection`, { online: false });
  await api("POST", `/api/devices/${device}/simulator/events`, { eventType: "DEV_FACE_AUTH_SUCCESS", count: BACKLOG });
  const flush = await measure(async () => {
    await api("PUT", `/api/devices/${device}/simulator/connection`, { online: true });
    await waitFor(() => receiver.count("/offline") >= BACKLOG, `${BACKLOG} offline events`);
  });
  const offlineBodies = receiver.bodies("/offline");
  const rawFlush = await measure(() => postAll(offlineBodies, "/raw-offline", 1));

  const peakMiB = peakMemoryMiB(portal.pid!);
  report({ online, rawOnline, flush, rawFlush, peakMiB, batches: offlineBodies.length });
} finally {
  stopPortal();
  await receiver.close();
}

function report(r: { online: number; rawOnline: number; flush: number; rawFlush: number; peakMiB: number | null; batches: number }) {
  const engineRate = ONLINE_EVENTS / (r.online / 1000);
  const rawRate = ONLINE_EVENTS / (r.rawOnline / 1000);
  const ratio = engineRate / rawRate;
  const rows: [string, string, string, string][] = [
    ["online events/s (engine, API bursts of 100)", engineRate.toFixed(0), "", ""],
    [`online events/s (raw fetch, concurrency ${CONCURRENCY})`, rawRate.toFixed(0), "", ""],
    ["engine / raw", ratio.toFixed(2), `>= ${TARGETS.ratio}`, verdict(ratio >= TARGETS.ratio)],
    [`offline flush of ${BACKLOG} events (${r.batches} batches), ms`, r.flush.toFixed(0), `<= ${TARGETS.flushMs}`, verdict(r.flush <= TARGETS.flushMs)],
    [`raw POST of the same ${r.batches} arrays in order, ms`, r.rawFlush.toFixed(0), "", ""],
    ["portal peak memory (VmHWM), MiB", r.peakMiB === null ? "n/a" : r.peakMiB.toFixed(0), `<= ${TARGETS.peakMiB}`, r.peakMiB === null ? "n/a" : verdict(r.peakMiB <= TARGETS.peakMiB)],
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length), ["measure", "value", "target", "result"][i].length));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(`\n${line(["measure", "value", "target", "result"])}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const row of rows) console.log(line(row));
  const failed = rows.some((row) => row[3] === "FAIL");
  console.log(`\n${failed ? "FAIL" : "PASS"} (the engine opens a new connection per request and records every attempt; raw fetch keeps connections alive)`);
  process.exitCode = failed ? 1 : 0;
}

function verdict(ok: boolean): string {
  return ok ? "PASS" : "FAIL";
}

async function startPortal(): Promise<ChildProcess> {
  const child = spawn("node", ["scripts/serve-e2e.mjs"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, E2E_PORT: String(PORT), DATABASE_URL: "file:./data/bench.db", PORTAL_URL: BASE, OUTBOUND_ALLOW_PRIVATE: "true" },
  });
  await waitFor(async () => (await fetch(`${BASE}/api/places`).catch(() => null))?.ok === true, "the portal to start");
  return child;
}

function stopPortal() {
  if (portal?.pid) {
    try {
      process.kill(-portal.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  portal = null;
}

async function configureDevice(): Promise<string> {
  const devices: Array<{ id: string; name: string }> = await api("GET", "/api/places/178/devices");
  const device = devices.find((d) => d.name === "Lobby entrance")!.id;
  const current = await api("GET", `/api/devices/${device}/webhook`);
  await api("PUT", `/api/devices/${device}/webhook`, {
    ...current,
    enabled: true,
    onlineUrl: `${receiver.url}/online`,
    offlineUrl: `${receiver.url}/offline`,
    headers: [{ name: "Authorization", value: "Bearer bench", secret: true }],
    triggerEvents: ["DEV_FACE_AUTH_SUCCESS"],
    autoFields: [...current.autoFields, { field: "isOffline", key: "isOffline", nonString: true }],
  });
  return device;
}

async function triggerOnline(device: string, total: number) {
  for (let sent = 0; sent < total; sent += BURST) {
    await api("POST", `/api/devices/${device}/simulator/events`, { eventType: "DEV_FACE_AUTH_SUCCESS", count: Math.min(BURST, total - sent) });
  }
}

/** Posts every body to the receiver with `concurrency` workers, as raw fetch calls. */
async function postAll(bodies: readonly Received[], target: string, concurrency: number) {
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const { body, contentType } = bodies[next++];
      const response = await fetch(`${receiver.url}${target}`, { method: "POST", headers: { "Content-Type": contentType, Accept: "application/json" }, body });
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function api(method: string, urlPath: string, body?: unknown) {
  const response = await fetch(`${BASE}${urlPath}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${urlPath} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

async function measure(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + WAIT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Peak resident memory of the next-server process under the spawned group (VmHWM). */
function peakMemoryMiB(rootPid: number): number | null {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process exited meanwhile
    }
  }
  const queue = [rootPid];
  let peak: number | null = null;
  while (queue.length > 0) {
    const pid = queue.shift()!;
    queue.push(...(children.get(pid) ?? []));
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      if (!/^Name:\s*next-server/m.test(status)) continue;
      const kb = Number(/^VmHWM:\s*(\d+)/m.exec(status)?.[1] ?? NaN);
      if (!Number.isNaN(kb)) peak = Math.max(peak ?? 0, kb / 1024);
    } catch {
      // the process exited meanwhile
    }
  }
  return peak;
}

/** A local receiver that answers 200 at once and keeps what it got, per path. */
function startReceiver() {
  let received: Received[] = [];
  const counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const urlPath = req.url ?? "/";
      const events = body.startsWith("[") ? (JSON.parse(body) as unknown[]).length : 1;
      counts.set(urlPath, (counts.get(urlPath) ?? 0) + events);
      received.push({ path: urlPath, body, contentType: req.headers["content-type"] ?? "application/json" });
      res.writeHead(200, { "Content-Type": "application/json" }).end('{"ok":true}');
    });
  });
  server.keepAliveTimeout = 5_000;
  return new Promise<{
    url: string;
    count(path: string): number;
    bodies(path: string): Received[];
    reset(): void;
    close(): Promise<void>;
  }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        count: (p) => counts.get(p) ?? 0,
        bodies: (p) => received.filter((r) => r.path === p),
        reset() {
          received = [];
          counts.clear();
        },
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}
