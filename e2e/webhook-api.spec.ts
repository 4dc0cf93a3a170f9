import { expect, test } from "@playwright/test";
import { findDevice } from "./helpers";

test("[api] webhook config: defaults, 422 per field, 409 stale and unsupported, 400 malformed, 404 unknown, secrets kept", async ({ request }) => {
  // The one seeded device no other spec configures, so it still answers the defaults.
  const device = await findDevice(request, "203", "Visitor gate");
  const url = `/api/devices/${device.id}/webhook`;
  const defaults = await (await request.get(url)).json();
  expect(defaults).toMatchObject({ version: 0, enabled: false, method: "POST", onlineUrl: null, offlineUrl: null, headers: [], manualFields: [] });
  expect(defaults.autoFields.map((f: { field: string }) => f.field)).toEqual(["eventId", "eventType", "eventAt", "deviceId", "userKey", "userName"]);

  const bad = await request.put(url, {
    data: { ...defaults, enabled: true, headers: [{ name: "Bad Name", value: "a\r\nb", secret: false }], manualFields: [{ key: "n", type: "NUMBER", value: "NaN" }] },
  });
  expect(bad.status()).toBe(422);
  const paths = (await bad.json()).errors.map((e: { path: string }) => e.path);
  expect(paths).toEqual(expect.arrayContaining(["onlineUrl", "headers.0.name", "headers.0.value", "manualFields.0.value"]));
  expect((await (await request.get(url)).json()).version).toBe(0);

  const wrongType = await request.put(url, { data: { ...defaults, enabled: "yes" } });
  expect(wrongType.status()).toBe(422);
  const malformed = await request.put(url, { data: Buffer.from("{not json"), headers: { "Content-Type": "application/json" } });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).errors[0].code).toBe("malformed_json");
  expect((await request.get("/api/devices/987654/webhook")).status()).toBe(404);
  expect((await request.put("/api/devices/nope/webhook", { data: defaults })).status()).toBe(404);

  const config = { ...defaults, enabled: true, onlineUrl: "https://hr.example.com/in", headers: [{ name: "Authorization", value: "Bearer top-secret", secret: true }] };
  const first = await request.put(url, { data: config });
  expect(first.status()).toBe(200);
  const saved = await first.json();
  expect(saved.version).toBe(1);
  expect(saved.headers[0]).toEqual({ name: "Authorization", value: null, secret: true });

  const stale = await request.put(url, { data: config });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).errors[0].code).toBe("version_conflict");

  const kept = await request.put(url, { data: { ...saved, headers: [{ name: "authorization", value: null, secret: true }] } });
  expect(kept.status()).toBe(200);
  const keptConfig = await kept.json();
  expect(JSON.stringify(keptConfig)).not.toContain("top-secret");

  // A kept secret does not follow the endpoint to a new host: that would let anyone read it back.
  const moved = await request.put(url, { data: { ...keptConfig, onlineUrl: "https://collector.example.net/steal" } });
  expect(moved.status()).toBe(422);
  expect((await moved.json()).errors[0]).toMatchObject({ code: "secret_needs_reentry", path: "headers.0.value" });

  const huge = await request.put(url, { data: { ...keptConfig, manualFields: Array.from({ length: 100_000 }, () => ({})) } });
  expect(huge.status()).toBe(413);

  const planned = await findDevice(request, "203", "Canteen");
  const unsupported = await request.put(`/api/devices/${planned.id}/webhook`, { data: defaults });
  expect(unsupported.status()).toBe(409);
  expect((await unsupported.json()).errors[0].code).toBe("webhook_unsupported");
});

test("[api] preview answers the exact body and masked headers, deterministic per event", async ({ request }) => {
  const device = await findDevice(request, "178", "Lobby entrance");
  const url = `/api/devices/${device.id}/webhook/preview`;
  const config = {
    enabled: true, method: "POST", onlineUrl: "https://hr.example.com/in", offlineUrl: "https://hr.example.com/off",
    headers: [{ name: "X-Api-Key", value: "k-123", secret: true }],
    triggerEvents: ["DEV_DOOR_FORCE_OPEN"],
    autoFields: [{ field: "eventId", key: "id", nonString: true }, { field: "eventAt", key: "at", nonString: false }, { field: "userKey", key: "user", nonString: false }, { field: "doorName", key: "door", nonString: false }],
    manualFields: [{ key: "production", type: "BOOLEAN", value: "true" }],
  };
  const offline = await request.post(url, { data: { config, kind: "offline", count: 2, eventType: "DEV_DOOR_FORCE_OPEN" } });
  expect(offline.status()).toBe(200);
  expect(await offline.json()).toEqual({
    method: "POST",
    url: "https://hr.example.com/off",
    headers: [["Content-Type", "application/json"], ["Accept", "application/json"], ["X-Api-Key", "••••••••"], ["User-Agent", "BioStation3/1.1.0"], ["X-Event-Ids", "10231,10232"]],
    body: '[{"id":10231,"at":"1764758400000","user":null,"door":"Main door","production":true},{"id":10232,"at":"1764758460000","user":null,"door":"Main door","production":true}]',
  });
  const bad = await request.post(url, { data: { kind: "sideways", count: 9 } });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(["kind", "count"]));
});
