import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** The id and Webhook tab URL of a seeded device, found by name through the public API. */
export async function findDevice(request: APIRequestContext, placeId: string, name: string) {
  const devices: Array<{ id: string; name: string }> = await (await request.get(`/api/places/${placeId}/devices`)).json();
  const device = devices.find((d) => d.name === name);
  expect(device, `seeded device ${name}`).toBeTruthy();
  return { id: device!.id, webhookUrl: `/places/${placeId}/devices/${device!.id}/webhook` };
}

/** Opens a device's Webhook tab with no draft left over from an earlier test. */
export async function openWebhookTab(page: Page, url: string) {
  await page.goto(url);
  await page.evaluate(() => localStorage.clear());
  await page.goto(url);
  await expect(page.getByRole("form", { name: "Webhook settings" })).toBeVisible();
}

/** The exact body the live preview shows. */
export function previewBody(page: Page) {
  return page.getByTestId("preview-body");
}

/** Replaces a device's saved webhook config through the API (whatever version it is at) and returns it. */
export async function putWebhook(request: APIRequestContext, deviceId: string, config: Record<string, unknown>) {
  const current = await (await request.get(`/api/devices/${deviceId}/webhook`)).json();
  const response = await request.put(`/api/devices/${deviceId}/webhook`, { data: { ...current, ...config, version: current.version } });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

/** Creates an inspector bin; `crossOrigin` rewrites its host so a page on 127.0.0.1 meets CORS. */
export async function createBin(request: APIRequestContext, settings: Record<string, unknown> = {}, crossOrigin = false) {
  const response = await request.post("/api/bins", { data: settings });
  expect(response.status()).toBe(201);
  const bin: { id: string; url: string } = await response.json();
  return { ...bin, url: crossOrigin ? bin.url.replace("127.0.0.1", "localhost") : bin.url };
}

/** What a bin received, newest first. */
export async function binRequests(request: APIRequestContext, binId: string) {
  const response = await request.get(`/api/bins/${binId}/requests`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Array<{ method: string; path: string; headers: [string, string][]; body: string; size: number }>;
}
