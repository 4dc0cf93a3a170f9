import { expect, test } from "@playwright/test";
import { binRequests, createBin, findDevice, putWebhook } from "./helpers";

test("[simulator] the Simulator and Deliveries tabs: online event, offline queue flushed as a list, failure then redelivery", async ({ page, request }) => {
  test.setTimeout(90_000);
  const device = await findDevice(request, "203", "Warehouse dock");
  const online = await createBin(request, { corsMode: "open" });
  const offline = await createBin(request, { corsMode: "open" });
  await putWebhook(request, device.id, {
    enabled: true, method: "POST", onlineUrl: online.url, offlineUrl: offline.url, headers: [], manualFields: [],
    triggerEvents: ["DEV_FACE_AUTH_SUCCESS", "DEV_DOOR_FORCE_OPEN"],
    autoFields: [{ field: "eventId", key: "eventId", nonString: true }, { field: "eventType", key: "eventType", nonString: false }, { field: "isOffline", key: "isOffline", nonString: true }],
  });
  const base = `/places/203/devices/${device.id}`;
  await page.goto(base);
  await page.getByRole("navigation", { name: "Device menu" }).getByRole("link", { name: "Simulator" }).click();
  await expect(page.getByRole("form", { name: "Trigger events" })).toBeVisible();

  await page.getByRole("button", { name: "Trigger event" }).click();
  const log = page.getByTestId("event-log");
  await expect(log.locator("tbody tr").first()).toContainText("delivered");
  await expect.poll(async () => (await binRequests(request, online.id)).length).toBe(1);

  await page.getByRole("switch").click();
  await expect(page.getByTestId("connection-state")).toHaveText("Offline: queuing events");
  await page.getByLabel("How many").fill("3");
  await page.getByRole("button", { name: "Trigger 3 events" }).click();
  await expect(log.locator("tbody tr").filter({ hasText: "queued" })).toHaveCount(3);

  await page.getByRole("switch").click();
  await expect(page.getByTestId("connection-state")).toHaveText("Online");
  await expect(log.locator("tbody tr").filter({ hasText: "queued" })).toHaveCount(0);
  await expect.poll(async () => (await binRequests(request, offline.id)).length).toBe(1);
  const batch = JSON.parse((await binRequests(request, offline.id))[0].body);
  expect(batch).toHaveLength(3);
  expect(batch.every((e: { isOffline: boolean }) => e.isOffline === true)).toBe(true);

  await request.patch(`/api/bins/${online.id}`, { data: { responseStatus: 500 } });
  await page.getByLabel("How many").fill("1");
  await page.getByRole("button", { name: "Trigger event" }).click();
  await expect(log.locator("tbody tr").first()).toContainText("failed", { timeout: 20_000 });

  await page.getByRole("navigation", { name: "Device menu" }).getByRole("link", { name: "Deliveries" }).click();
  const deliveries = page.getByTestId("deliveries");
  await expect(deliveries.locator('[data-result="failed"]').first()).toContainText("HTTP 500");
  await expect(deliveries.locator('[data-kind="offline"][data-result="success"]')).toContainText("Bulk · 3");

  await page.getByLabel("Filter by result").selectOption("failed");
  await expect(deliveries.locator('[data-result="success"]')).toHaveCount(0);
  await page.getByLabel("Filter by result").selectOption("");

  await request.patch(`/api/bins/${online.id}`, { data: { responseStatus: 200 } });
  await page.getByRole("button", { name: "Redeliver all failed" }).click();
  await expect(deliveries.locator('[data-kind="online"]').first()).toHaveAttribute("data-result", "success", { timeout: 15_000 });
  await page.getByRole("navigation", { name: "Device menu" }).getByRole("link", { name: "Simulator" }).click();
  await expect(log.locator("tbody tr").first()).toContainText("delivered");
});
