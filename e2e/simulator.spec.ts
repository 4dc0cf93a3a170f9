import { expect, test, type APIRequestContext } from "@playwright/test";
import { binRequests, createBin, findDevice, putWebhook } from "./helpers";

// R&D wing: later specs read its version before saving, so the configs saved here do not disturb them.
const PLACE = "178";
const DEVICE = "R&D wing";

const AUTO_FIELDS = [
  { field: "eventId", key: "id", nonString: true },
  { field: "eventType", key: "eventType", nonString: false },
  { field: "eventAt", key: "at", nonString: false },
  { field: "deviceId", key: "deviceId", nonString: false },
  { field: "userKey", key: "employeeId", nonString: false },
  { field: "userName", key: "userName", nonString: false },
  { field: "authResult", key: "ok", nonString: true },
  { field: "tnaKey", key: "tnaKey", nonString: false },
  { field: "isOffline", key: "isOffline", nonString: true },
];

const CONFIG = {
  enabled: true,
  method: "POST",
  headers: [
    { name: "Authorization", value: "Bearer sim-secret-42", secret: true },
    { name: "X-Site", value: "seoul-1", secret: false },
  ],
  triggerEvents: ["DEV_FACE_AUTH_SUCCESS", "DEV_CARD_AUTH_SUCCESS"],
  autoFields: AUTO_FIELDS,
  manualFields: [{ key: "site", type: "STRING", value: "Seoul HQ" }, { key: "priority", type: "NUMBER", value: "2" }],
};

type SimEvent = Record<string, unknown> & { eventId: number; state: string };
type Delivery = {
  id: string; jobId: string; kind: string; eventIds: number[]; url: string; attempt: number; result: string;
  statusCode: number | null; error: string | null; errorCause: string | null; latencyMs: number | null; createdAt: string;
  requestHeaders: [string, string][]; requestBody: string; blockedBy?: string;
};

test.describe.configure({ mode: "serial" });

test("[simulator] a triggered event reaches the online bin with the preview's exact bytes and the device's headers", async ({ request }) => {
  const device = await findDevice(request, PLACE, DEVICE);
  const bin = await createBin(request);
  await putWebhook(request, device.id, { ...CONFIG, onlineUrl: bin.url, offlineUrl: null });
  await setOnline(request, device.id, true);

  const [event] = await trigger(request, device.id, { eventType: "DEV_FACE_AUTH_SUCCESS", userKey: "emp-0107" });
  expect(event).toMatchObject({ eventType: "DEV_FACE_AUTH_SUCCESS", userKey: "emp-0107", userName: "Park Jihoon", isOffline: false, state: "sending" });

  const received = await waitForRequests(request, bin.id, 1);
  const delivery = await waitForDelivery(request, device.id, (d) => d.eventIds.includes(event.eventId) && d.result === "success");
  expect(received[0].body).toBe(delivery.requestBody);

  // Same builder as the preview: same keys in the same order, same quoting; values from the event itself.
  const preview = await (await request.post(`/api/devices/${device.id}/webhook/preview`, {
    data: { kind: "online", eventType: "DEV_FACE_AUTH_SUCCESS" },
  })).json();
  expect(shape(received[0].body)).toEqual(shape(preview.body));
  expect(JSON.stringify(JSON.parse(received[0].body))).toBe(received[0].body);
  expect(JSON.parse(received[0].body)).toEqual({
    id: event.eventId, eventType: "DEV_FACE_AUTH_SUCCESS", at: String(event.eventAt), deviceId: event.deviceId,
    employeeId: "emp-0107", userName: "Park Jihoon", ok: true, tnaKey: event.tnaKey, isOffline: false, site: "Seoul HQ", priority: 2,
  });

  const headers = new Map(received[0].headers.map(([n, v]) => [n.toLowerCase(), v]));
  expect(headers.get("authorization")).toBe("Bearer sim-secret-42");
  expect(headers.get("x-site")).toBe("seoul-1");
  expect(headers.get("user-agent")).toBe("BioStation3/1.2.4");
  expect(headers.get("x-event-ids")).toBe(String(event.eventId));
  expect(headers.get("content-type")).toBe("application/json");
  expect(delivery).toMatchObject({ kind: "online", url: bin.url, attempt: 1, statusCode: 200, error: null });
  expect(new Map(delivery.requestHeaders).get("Authorization")).toBe("••••••••");
  expect(JSON.stringify(await deliveries(request, device.id))).not.toContain("sim-secret-42");
  expect(await eventState(request, device.id, event.eventId)).toBe("delivered");
});

test("[simulator] offline, 250 events, online: the offline bin gets 3 arrays (100, 100, 50) in order, each event once", async ({ request }) => {
  const device = await findDevice(request, PLACE, DEVICE);
  const online = await createBin(request);
  const offline = await createBin(request);
  await putWebhook(request, device.id, { ...CONFIG, onlineUrl: online.url, offlineUrl: offline.url });

  await setOnline(request, device.id, false);
  const events = await trigger(request, device.id, { eventType: "DEV_CARD_AUTH_SUCCESS", count: 250 });
  expect(events).toHaveLength(250);
  expect(events.every((e) => e.state === "queued" && e.isOffline === true)).toBe(true);
  const ids = events.map((e) => e.eventId);
  expect(ids).toEqual([...ids].sort((a, b) => a - b));

  const answer = await setOnline(request, device.id, true);
  expect(answer).toEqual({ online: true, queued: 250, batches: 3 });
  const received = (await waitForRequests(request, offline.id, 3)).reverse();
  const batches = received.map((r) => JSON.parse(r.body) as Array<{ id: number; isOffline: boolean }>);
  expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
  expect(batches.flat().map((e) => e.id)).toEqual(ids);
  expect(batches.flat().every((e) => e.isOffline === true)).toBe(true);
  expect(received.map((r) => new Map(r.headers).get("x-event-ids"))).toEqual(batches.map((b) => b.map((e) => e.id).join(",")));
  expect(await binRequests(request, online.id)).toHaveLength(0);

  const log = await deliveries(request, device.id);
  const offlineAttempts = log.filter((d) => d.kind === "offline" && ids.includes(d.eventIds[0]));
  expect(offlineAttempts.map((d) => [d.result, d.eventIds.length])).toEqual([["success", 50], ["success", 100], ["success", 100]]);
  await expect.poll(() => eventState(request, device.id, ids[249])).toBe("delivered");
});

test("[simulator] an event outside the trigger set is kept as ignored and never sent; no offline URL means undeliverable", async ({ request }) => {
  const device = await findDevice(request, PLACE, DEVICE);
  const bin = await createBin(request);
  await putWebhook(request, device.id, { ...CONFIG, onlineUrl: bin.url, offlineUrl: null });
  await setOnline(request, device.id, true);

  const [ignored] = await trigger(request, device.id, { eventType: "DEV_DOOR_FORCE_OPEN" });
  expect(ignored).toMatchObject({ state: "ignored", userKey: null, doorName: "R&D door" });
  const [sent] = await trigger(request, device.id, { eventType: "DEV_FACE_AUTH_SUCCESS" });
  const received = await waitForRequests(request, bin.id, 1);
  expect(JSON.parse(received[0].body).id).toBe(sent.eventId);
  expect(received.map((r) => new Map(r.headers).get("x-event-ids"))).not.toContain(String(ignored.eventId));
  const log = await eventLog(request, device.id);
  expect(log.find((e) => e.eventId === ignored.eventId)).toMatchObject({ state: "ignored", reason: "not sent: the event type is not a trigger event" });

  await setOnline(request, device.id, false);
  const [stranded] = await trigger(request, device.id, { eventType: "DEV_FACE_AUTH_SUCCESS" });
  expect(await setOnline(request, device.id, true)).toMatchObject({ online: true, queued: 1, batches: 0, undeliverable: 1 });
  expect((await eventLog(request, device.id)).find((e) => e.eventId === stranded.eventId))
    .toMatchObject({ state: "undeliverable", reason: "not delivered: no offline endpoint" });
});

test("[simulator] a bin answering 500 then 200 shows a failed attempt followed by a success; 410 stops and redelivery resends", async ({ request }) => {
  const device = await findDevice(request, PLACE, DEVICE);
  const bin = await createBin(request, { responseStatus: 500 });
  await putWebhook(request, device.id, { ...CONFIG, onlineUrl: bin.url, offlineUrl: null });
  await setOnline(request, device.id, true);

  const [event] = await trigger(request, device.id, { eventType: "DEV_FACE_AUTH_SUCCESS" });
  const failed = await waitForDelivery(request, device.id, (d) => d.eventIds.includes(event.eventId) && d.result === "failed");
  expect(failed).toMatchObject({ kind: "online", statusCode: 500, errorCause: "http", attempt: 1 });
  expect(failed.error).toContain("HTTP 500");
  expect((await request.patch(`/api/bins/${bin.id}`, { data: { responseStatus: 200 } })).status()).toBe(200);

  const success = await waitForDelivery(request, device.id, (d) => d.eventIds.includes(event.eventId) && d.result === "success");
  const history = (await deliveries(request, device.id)).filter((d) => d.jobId === failed.jobId).reverse();
  expect(history.map((d) => d.result)).toEqual([...Array(history.length - 1).fill("failed"), "success"]);
  expect(success.attempt).toBe(history.length);
  expect(history.map((d) => d.attempt)).toEqual(history.map((_, i) => i + 1));
  expect((await binRequests(request, bin.id)).filter((r) => r.body === failed.requestBody)).toHaveLength(history.length);
  await expect.poll(() => eventState(request, device.id, event.eventId)).toBe("delivered");

  // 410 Gone is final at once; redelivery sends the same bytes again as a fresh job.
  await request.patch(`/api/bins/${bin.id}`, { data: { responseStatus: 410 } });
  const [gone] = await trigger(request, device.id, { eventType: "DEV_FACE_AUTH_SUCCESS" });
  const stopped = await waitForDelivery(request, device.id, (d) => d.eventIds.includes(gone.eventId) && d.result === "failed");
  expect(stopped.error).toContain("410");
  await expect.poll(() => eventState(request, device.id, gone.eventId)).toBe("failed");
  await request.patch(`/api/bins/${bin.id}`, { data: { responseStatus: 200 } });
  const again = await request.post(`/api/devices/${device.id}/deliveries/redeliver`, { data: { jobId: stopped.jobId } });
  expect(again.status()).toBe(202);
  const resent = await waitForDelivery(request, device.id, (d) => d.eventIds.includes(gone.eventId) && d.result === "success");
  expect(resent.jobId).not.toBe(stopped.jobId);
  expect(resent.requestBody).toBe(stopped.requestBody);
  await expect.poll(() => eventState(request, device.id, gone.eventId)).toBe("delivered");
});

test("[simulator] the API answers 404, 400 and 422 naming the field, never 500", async ({ request }) => {
  const device = await findDevice(request, PLACE, DEVICE);
  const events = `/api/devices/${device.id}/simulator/events`;
  expect((await request.post("/api/devices/987654/simulator/events", { data: { eventType: "DEV_FACE_AUTH_SUCCESS" } })).status()).toBe(404);
  expect((await request.get("/api/devices/nope/deliveries")).status()).toBe(404);
  const malformed = await request.post(events, { data: Buffer.from("{oops"), headers: { "Content-Type": "application/json" } });
  expect(malformed.status()).toBe(400);
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ eventType: "DEV_NOPE" }, "eventType"],
    [{ eventType: "DEV_FACE_AUTH_SUCCESS", count: 10_001 }, "count"],
    [{ eventType: "DEV_FACE_AUTH_SUCCESS", count: "3" }, "count"],
    [{ eventType: "DEV_FACE_AUTH_SUCCESS", userKey: "ghost" }, "userKey"],
  ];
  for (const [body, path] of cases) {
    const response = await request.post(events, { data: body });
    expect(response.status(), JSON.stringify(body)).toBe(422);
    expect((await response.json()).errors.map((e: { path: string }) => e.path)).toContain(path);
  }
  const connection = await request.put(`/api/devices/${device.id}/simulator/connection`, { data: { online: "yes" } });
  expect(connection.status()).toBe(422);
  expect((await connection.json()).errors[0].path).toBe("online");
  const filter = await request.get(`/api/devices/${device.id}/deliveries?result=maybe&limit=0`);
  expect(filter.status()).toBe(422);
  expect((await filter.json()).errors.map((e: { path: string }) => e.path)).toEqual(["result", "limit"]);
  expect((await request.post(`/api/devices/${device.id}/deliveries/redeliver`, { data: { jobId: "424242" } })).status()).toBe(404);
});

test("[simulator] a failed offline batch holds the next one back; redelivered, it goes first and the next follows", async ({ request }) => {
  const device = await findDevice(request, PLACE, DEVICE);
  const online = await createBin(request);
  const offline = await createBin(request, { responseStatus: 500 });
  await putWebhook(request, device.id, { ...CONFIG, onlineUrl: online.url, offlineUrl: offline.url });

  await setOnline(request, device.id, false);
  const ids = (await trigger(request, device.id, { eventType: "DEV_CARD_AUTH_SUCCESS", count: 150 })).map((e) => e.eventId);
  expect(await setOnline(request, device.id, true)).toEqual({ online: true, queued: 150, batches: 2 });

  // Batch 1 uses up its 5 attempts (300, 600, 900, 1200 ms apart) and fails for good; batch 2 never goes.
  const exhausted = await waitForDelivery(request, device.id, (d) => d.kind === "offline" && d.eventIds[0] === ids[0] && d.attempt === 5 && d.result === "failed");
  await expect.poll(() => eventState(request, device.id, ids[0])).toBe("failed");
  await sleep(1500);
  const tried = await binRequests(request, offline.id);
  expect(tried.map((r) => (JSON.parse(r.body) as Array<{ id: number }>)[0].id)).toEqual(Array(5).fill(ids[0]));
  const waiting = (await deliveries(request, device.id)).find((d) => d.result === "pending" && d.eventIds[0] === ids[100]);
  expect(waiting).toMatchObject({ kind: "offline", attempt: 1, blockedBy: exhausted.jobId, errorCause: "waiting" });
  expect(waiting!.error).toContain("waiting: an earlier offline batch");
  expect(await eventState(request, device.id, ids[100])).toBe("sending");

  // The receiver is fixed; "redeliver all" resends batch 1, which keeps its place, so batch 2 follows it.
  expect((await request.patch(`/api/bins/${offline.id}`, { data: { responseStatus: 200 } })).status()).toBe(200);
  const again = await request.post(`/api/devices/${device.id}/deliveries/redeliver`, { data: {} });
  expect(again.status(), await again.text()).toBe(202);
  expect(await again.json()).toEqual({ jobs: [expect.any(String)], events: 100 });
  const received = (await waitForRequests(request, offline.id, 7)).reverse();
  expect(received).toHaveLength(7);
  expect(received.slice(5).map((r) => (JSON.parse(r.body) as Array<{ id: number }>).map((e) => e.id))).toEqual([ids.slice(0, 100), ids.slice(100)]);
  await expect.poll(() => eventState(request, device.id, ids[149])).toBe("delivered");
  expect(await eventState(request, device.id, ids[0])).toBe("delivered");
  expect(await binRequests(request, online.id)).toHaveLength(0);
});

test("[simulator] a job whose webhook is switched off waits, pending, and goes once the webhook is on again", async ({ request }) => {
  const device = await findDevice(request, PLACE, DEVICE);
  const bin = await createBin(request, { responseStatus: 500 });
  await putWebhook(request, device.id, { ...CONFIG, onlineUrl: bin.url, offlineUrl: null });
  await setOnline(request, device.id, true);

  const [event] = await trigger(request, device.id, { eventType: "DEV_FACE_AUTH_SUCCESS" });
  const failed = await waitForDelivery(request, device.id, (d) => d.eventIds.includes(event.eventId) && d.result === "failed");
  await putWebhook(request, device.id, { enabled: false });
  await sleep(1000); // an attempt already under way may still finish
  const before = (await binRequests(request, bin.id)).length;
  // With the webhook on, the remaining retries would all have gone (and failed) within these 3.5 s.
  await sleep(3500);
  expect(await binRequests(request, bin.id)).toHaveLength(before);
  const waiting = (await deliveries(request, device.id)).find((d) => d.jobId === failed.jobId && d.result === "pending");
  expect(waiting).toMatchObject({ error: "waiting: the webhook is off" });
  expect(await eventState(request, device.id, event.eventId)).toBe("sending");

  await request.patch(`/api/bins/${bin.id}`, { data: { responseStatus: 200 } });
  await putWebhook(request, device.id, { enabled: true });
  const success = await waitForDelivery(request, device.id, (d) => d.jobId === failed.jobId && d.result === "success");
  expect(success.attempt).toBe(before + 1);
  await expect.poll(() => eventState(request, device.id, event.eventId)).toBe("delivered");
});

test("[simulator] redelivery uses the URL and headers saved now with the body recorded then; no URL now is a 409", async ({ request }) => {
  const device = await findDevice(request, PLACE, DEVICE);
  const gone = await createBin(request, { responseStatus: 410 });
  const fixed = await createBin(request);
  await putWebhook(request, device.id, { ...CONFIG, onlineUrl: gone.url, offlineUrl: null });
  await setOnline(request, device.id, true);

  const [event] = await trigger(request, device.id, { eventType: "DEV_FACE_AUTH_SUCCESS" });
  const failed = await waitForDelivery(request, device.id, (d) => d.eventIds.includes(event.eventId) && d.result === "failed");
  expect(failed.url).toBe(gone.url);
  await putWebhook(request, device.id, {
    onlineUrl: fixed.url,
    headers: [{ name: "Authorization", value: "Bearer rotated-7", secret: true }, { name: "X-Site", value: "busan-2", secret: false }],
    manualFields: [],
  });
  const again = await request.post(`/api/devices/${device.id}/deliveries/redeliver`, { data: { jobId: failed.jobId } });
  expect(again.status(), await again.text()).toBe(202);

  const [received] = await waitForRequests(request, fixed.id, 1);
  expect(received.body).toBe(failed.requestBody); // the event is what it was, whatever the fields are now
  const headers = new Map(received.headers.map(([n, v]) => [n.toLowerCase(), v]));
  expect(headers.get("authorization")).toBe("Bearer rotated-7");
  expect(headers.get("x-site")).toBe("busan-2");
  expect(headers.get("user-agent")).toBe("BioStation3/1.2.4");
  expect(headers.get("x-event-ids")).toBe(String(event.eventId));
  const resent = await waitForDelivery(request, device.id, (d) => d.eventIds.includes(event.eventId) && d.result === "success");
  expect(resent).toMatchObject({ url: fixed.url, attempt: 1 });
  expect(new Map(resent.requestHeaders).get("Authorization")).toBe("••••••••");
  expect(await binRequests(request, gone.id)).toHaveLength(1);

  // Once the online URL is gone there is nowhere to send a failed job: 409, and the job stays failed.
  await request.patch(`/api/bins/${fixed.id}`, { data: { responseStatus: 410 } });
  const [stranded] = await trigger(request, device.id, { eventType: "DEV_FACE_AUTH_SUCCESS" });
  const lost = await waitForDelivery(request, device.id, (d) => d.eventIds.includes(stranded.eventId) && d.result === "failed");
  await putWebhook(request, device.id, { enabled: false, onlineUrl: null });
  const refused = await request.post(`/api/devices/${device.id}/deliveries/redeliver`, { data: { jobId: lost.jobId } });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).errors[0].message).toContain("no online URL");
  expect(await eventState(request, device.id, stranded.eventId)).toBe("failed");
});

async function trigger(request: APIRequestContext, deviceId: string, body: Record<string, unknown>): Promise<SimEvent[]> {
  const response = await request.post(`/api/devices/${deviceId}/simulator/events`, { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).events;
}

async function setOnline(request: APIRequestContext, deviceId: string, online: boolean) {
  const response = await request.put(`/api/devices/${deviceId}/simulator/connection`, { data: { online } });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

async function deliveries(request: APIRequestContext, deviceId: string): Promise<Delivery[]> {
  const response = await request.get(`/api/devices/${deviceId}/deliveries?limit=1000`);
  expect(response.status()).toBe(200);
  return response.json();
}

async function eventLog(request: APIRequestContext, deviceId: string): Promise<Array<SimEvent & { reason: string | null }>> {
  return (await request.get(`/api/devices/${deviceId}/simulator/events?limit=1000`)).json();
}

async function eventState(request: APIRequestContext, deviceId: string, eventId: number): Promise<string | undefined> {
  return (await eventLog(request, deviceId)).find((e) => e.eventId === eventId)?.state;
}

async function waitForDelivery(request: APIRequestContext, deviceId: string, match: (d: Delivery) => boolean): Promise<Delivery> {
  let found: Delivery | undefined;
  await expect.poll(async () => (found = (await deliveries(request, deviceId)).find(match)) !== undefined, { timeout: 15_000 }).toBe(true);
  return found!;
}

async function waitForRequests(request: APIRequestContext, binId: string, count: number) {
  await expect.poll(async () => (await binRequests(request, binId)).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
  return binRequests(request, binId);
}

/** Keys in order with the JSON type of each value: the preview and the delivery must agree on it. */
function shape(body: string): Array<[string, string]> {
  return Object.entries(JSON.parse(body) as Record<string, unknown>).map(([k, v]) => [k, v === null ? "null" : typeof v]);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
