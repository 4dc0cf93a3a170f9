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
