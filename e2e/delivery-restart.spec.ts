import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";

// Its own portal on its own database: killed with SIGKILL mid-flush, then restarted on the same database.
const PORT = 3101;
const BASE = `http://127.0.0.1:${PORT}`;
const BACKLOG = 10_000;
const WAIT_MS = 90_000;
const RECEIVER_DELAY_MS = 15;

type Receiver = { url: string; ids: Set<number>; requests: number; events: number; close(): Promise<void> };

let portal: ChildProcess | null = null;
let receiver: Receiver | null = null;

test.afterAll(async () => {
  killPortal();
  await receiver?.close();
});

test("[delivery] SIGKILL in the middle of a 10,000-event offline flush: after a restart every event arrives", async () => {
  test.setTimeout(240_000);
  receiver = await startReceiver();
  portal = await startPortal(false);

  const device = await lobbyEntrance();
  await api("PUT", `/api/devices/${device}/webhook`, {
    ...(await api("GET", `/api/devices/${device}/webhook`)),
    enabled: true, method: "POST", onlineUrl: `${receiver.url}/online`, offlineUrl: `${receiver.url}/offline`, headers: [],
    triggerEvents: ["DEV_FACE_AUTH_SUCCESS"], manualFields: [],
    autoFields: [{ field: "eventId", key: "eventId", nonString: true }, { field: "isOffline", key: "isOffline", nonString: true }],
  });
  await api("PUT", `/api/devices/${device}/simulator/connection`, { online: false });
  const { events } = await api("POST", `/api/devices/${device}/simulator/events`, { eventType: "DEV_FACE_AUTH_SUCCESS", count: BACKLOG });
  const expected: number[] = events.map((e: { eventId: number }) => e.eventId);
  expect(new Set(expected).size).toBe(BACKLOG);
  expect(await api("PUT", `/api/devices/${device}/simulator/connection`, { online: true })).toMatchObject({ queued: BACKLOG, batches: 100 });

  await waitFor(() => receiver!.ids.size >= BACKLOG * 0.2, "the first batches to arrive");
  killPortal();
  const beforeKill = receiver.ids.size;
  console.log(`[delivery-restart] killed the portal after ${receiver.requests} requests, ${beforeKill} distinct event ids`);
  expect(beforeKill).toBeLessThan(BACKLOG);

  // No API call after the restart: the engine resumes on its own (instrumentation.ts).
  portal = await startPortal(true);
  await waitFor(() => receiver!.ids.size >= BACKLOG, "every event id after the restart");
  const missing = expected.filter((id) => !receiver!.ids.has(id));
  console.log(
    `[delivery-restart] after restart: ${receiver.requests} requests, ${receiver.events} events received, ` +
      `${receiver.ids.size} distinct, ${receiver.events - receiver.ids.size} duplicates, ${missing.length} missing`,
  );
  expect(missing).toEqual([]);
});

async function startPortal(keepDb: boolean): Promise<ChildProcess> {
  const child = spawn("node", ["scripts/serve-e2e.mjs"], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      E2E_PORT: String(PORT),
      DATABASE_URL: "file:./data/restart.db",
      PORTAL_URL: BASE,
      OUTBOUND_ALLOW_PRIVATE: "true",
      DELIVERY_RETRY_DELAYS_MS: "200,400,800,1600",
      ...(keepDb ? { E2E_KEEP_DB: "1" } : {}),
    },
  });
  await waitFor(async () => (await fetch(`${BASE}/api/places`).catch(() => null))?.ok === true, "the portal to start");
  return child;
}

function killPortal() {
  if (portal?.pid) {
    try {
      process.kill(-portal.pid, "SIGKILL"); // the whole group: serve-e2e, next start and next-server
    } catch {
      // already gone
    }
  }
  portal = null;
}

async function lobbyEntrance(): Promise<string> {
  const devices: Array<{ id: string; name: string }> = await api("GET", "/api/places/178/devices");
  return devices.find((d) => d.name === "Lobby entrance")!.id;
}

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.ok, `${method} ${path}: ${text.slice(0, 500)}`).toBe(true);
  return JSON.parse(text);
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + WAIT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A receiver on 127.0.0.1 that records every event id of every array it gets and answers 200 a little later. */
function startReceiver(): Promise<Receiver> {
  const state = { ids: new Set<number>(), requests: 0, events: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      state.requests++;
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
      for (const e of Array.isArray(body) ? body : [body]) {
        state.events++;
        state.ids.add((e as { eventId: number }).eventId);
      }
      setTimeout(() => res.writeHead(200, { "Content-Type": "application/json" }).end('{"ok":true}'), RECEIVER_DELAY_MS);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        get ids() { return state.ids; },
        get requests() { return state.requests; },
        get events() { return state.events; },
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
