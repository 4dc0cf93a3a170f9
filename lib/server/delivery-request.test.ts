import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { buildJobRequest, chunkBatches, maskStoredHeaders, rebuildJobRequest, rebuildRequests, toWireHeaders } from "@/lib/server/delivery-request";
import { DEFAULT_WEBHOOK_CONFIG, type WebhookConfig } from "@/lib/webhook/config-schema";
import { makeDeviceEvent, type DeviceContext } from "@/lib/webhook/device-event";
import { buildSampleRequest } from "@/lib/webhook/webhook-request";

const DEVICE: DeviceContext = {
  serial: "543210988", name: "R&D wing", model: "BS3-APWB", placeId: 178, placeName: "Seoul HQ", doorId: 7, doorName: "R&D door", utcOffsetMinutes: 540,
};

const CONFIG: WebhookConfig = {
  ...DEFAULT_WEBHOOK_CONFIG,
  enabled: true,
  onlineUrl: "https://hr.example.com/in",
  offlineUrl: "https://hr.example.com/off",
  headers: [{ name: "Authorization", value: "Bearer s3cret", secret: true }, { name: "X-Site", value: "seoul-1", secret: false }],
  autoFields: [{ field: "eventId", key: "id", nonString: true }, { field: "isOffline", key: "offline", nonString: true }, { field: "userKey", key: "user", nonString: false }],
  manualFields: [{ key: "site", type: "STRING", value: "Seoul HQ" }],
};

function event(eventId: number, isOffline = false) {
  return makeDeviceEvent(DEVICE, { eventId, eventType: "DEV_FACE_AUTH_SUCCESS", eventAt: 1764758400000, user: { userKey: "emp-0042", userName: "Kim Minji" }, tnaKey: "CHECK_IN", isOffline });
}

describe("buildJobRequest", () => {
  test("the online body is the preview's for the same event; device headers follow the user's", () => {
    const job = buildJobRequest(CONFIG, [event(10231)], "online", "1.2.4")!;
    expect(job.body).toBe(buildSampleRequest(CONFIG, DEVICE, { kind: "online", maskSecrets: false }).body);
    expect(job).toMatchObject({ method: "POST", url: "https://hr.example.com/in", eventIds: [10231] });
    expect(job.headers).toEqual([
      ["Content-Type", "application/json"],
      ["Accept", "application/json"],
      ["Authorization", "Bearer s3cret", true],
      ["X-Site", "seoul-1"],
      ["User-Agent", "BioStation3/1.2.4"],
      ["X-Event-Ids", "10231"],
    ]);
    expect(toWireHeaders(job.headers)[2]).toEqual(["Authorization", "Bearer s3cret"]);
    expect(maskStoredHeaders(job.headers)[2]).toEqual(["Authorization", "••••••••"]);
  });

  test("an offline batch is an array, oldest first, and names every event id", () => {
    const job = buildJobRequest(CONFIG, [event(5, true), event(6, true)], "offline", "1.1.0")!;
    expect(job.url).toBe("https://hr.example.com/off");
    expect(job.body).toBe('[{"id":5,"offline":true,"user":"emp-0042","site":"Seoul HQ"},{"id":6,"offline":true,"user":"emp-0042","site":"Seoul HQ"}]');
    expect(new Map(job.headers.map(([n, v]) => [n, v])).get("X-Event-Ids")).toBe("5,6");
  });

  test("a User-Agent set by the user wins over the device's", () => {
    const config = { ...CONFIG, headers: [{ name: "user-agent", value: "Custom/1", secret: false }] };
    const names = buildJobRequest(config, [event(1)], "online", "1.1.0")!.headers.map(([n]) => n.toLowerCase());
    expect(names.filter((n) => n === "user-agent")).toHaveLength(1);
    expect(names).toContain("x-event-ids");
  });

  test("no endpoint, no request", () => {
    expect(buildJobRequest({ ...CONFIG, offlineUrl: null }, [event(1, true)], "offline", "1.1.0")).toBeNull();
  });
});

describe("rebuildJobRequest (redelivery)", () => {
  test("method, URL and headers come from the config as it is now; the stored body and event ids are kept", () => {
    const old = buildJobRequest(CONFIG, [event(5, true), event(6, true)], "offline", "1.2.4")!;
    const fixed: WebhookConfig = {
      ...CONFIG,
      method: "PUT",
      offlineUrl: "https://hr.example.com/fixed",
      headers: [{ name: "Authorization", value: "Bearer n3w", secret: true }],
      manualFields: [], // a config change never rewrites the events already recorded
    };
    const again = rebuildJobRequest(fixed, "offline", "1.2.4", { body: old.body, eventIds: old.eventIds })!;
    expect(again).toEqual({
      method: "PUT",
      url: "https://hr.example.com/fixed",
      body: old.body,
      eventIds: [5, 6],
      headers: [
        ["Content-Type", "application/json"],
        ["Accept", "application/json"],
        ["Authorization", "Bearer n3w", true],
        ["User-Agent", "BioStation3/1.2.4"],
        ["X-Event-Ids", "5,6"],
      ],
    });
  });

  test("with an unchanged config it is exactly what buildJobRequest made", () => {
    for (const kind of ["online", "offline"] as const) {
      const first = buildJobRequest(CONFIG, [event(7, kind === "offline")], kind, "1.1.0")!;
      expect(rebuildJobRequest(CONFIG, kind, "1.1.0", { body: first.body, eventIds: first.eventIds })).toEqual(first);
    }
  });

  test("no endpoint for the kind any more: null, and rebuildRequests refuses the whole set naming the URL", () => {
    expect(rebuildJobRequest({ ...CONFIG, onlineUrl: null }, "online", "1.1.0", { body: "{}", eventIds: [1] })).toBeNull();
    const jobs = [{ id: 3, kind: "online", body: "{}", eventIds: "[1]" }, { id: 4, kind: "offline", body: "[]", eventIds: "[2]" }];
    const refused = rebuildRequests({ ...CONFIG, offlineUrl: null }, "1.1.0", jobs);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toContain("no offline URL");
    const ok = rebuildRequests(CONFIG, "1.1.0", jobs);
    expect(ok.ok && [...ok.requests.keys()]).toEqual([3, 4]);
    expect(ok.ok && ok.requests.get(4)!.url).toBe("https://hr.example.com/off");
  });
});

describe("chunkBatches", () => {
  test.each([[0, []], [1, [1]], [100, [100]], [101, [100, 1]], [250, [100, 100, 50]], [10_000, Array(100).fill(100)]])("%d events -> %j", (n, sizes) => {
    expect(chunkBatches(Array.from({ length: n }, (_, i) => i)).map((b) => b.length)).toEqual(sizes);
  });

  test("keeps every item once, in order, at most 100 a batch", () => {
    fc.assert(fc.property(fc.array(fc.integer(), { maxLength: 1000 }), (items) => {
      const batches = chunkBatches(items);
      expect(batches.flat()).toEqual(items);
      expect(batches.every((b) => b.length >= 1 && b.length <= 100)).toBe(true);
    }));
  });
});
