import { expect, test } from "@playwright/test";

test("[nav] places list shows each place with its device count", async ({ page }) => {
  await page.goto("/places");
  await expect(page.getByRole("heading", { level: 1, name: "Places" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Seoul HQ" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Seoul HQ" })).toContainText("4 devices");
  await expect(page.getByRole("listitem").filter({ hasText: "Busan Factory" })).toContainText("5 devices");
});

test("[nav] a place lists its devices with model, serial, firmware and status", async ({ page }) => {
  await page.goto("/places");
  await page.getByRole("link", { name: "Seoul HQ" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Seoul HQ" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Lobby entrance" });
  await expect(row).toContainText("BS3-DB");
  await expect(row).toContainText("543210987");
  await expect(row).toContainText("1.1.0");
  await expect(row).toContainText("Online");
  await expect(page.getByRole("row").filter({ hasText: "Server room" })).toContainText("Offline");
  await expect(page.getByRole("row").filter({ hasText: "Parking gate" })).toContainText("Update firmware");
});

const WEBHOOK_TAB_CASES = [
  { place: "Seoul HQ", device: "Lobby entrance", expectForm: true },
  { place: "Seoul HQ", device: "R&D wing", expectForm: true },
  { place: "Busan Factory", device: "Warehouse dock", expectForm: true }, // firmware 1.10.0 > 1.9: compared as versions
  { place: "Busan Factory", device: "Visitor gate", expectForm: true },
  { place: "Seoul HQ", device: "Parking gate", text: "bs3-all_v1.1.0_20250626_00100CL.bin" },
  { place: "Seoul HQ", device: "Server room", text: "Support for the BioEntry W3 is planned" },
  { place: "Busan Factory", device: "Canteen", text: "Support for the BioLite N2 is planned" },
  { place: "Busan Factory", device: "Staff entrance", text: "Support for the X-Station 2 is planned" },
  { place: "Busan Factory", device: "Turnstile 1", text: "Support for the XPass 2 is planned" },
];

for (const c of WEBHOOK_TAB_CASES) {
  test(`[nav] webhook tab of ${c.device}`, async ({ page }) => {
    await page.goto("/places");
    await page.getByRole("link", { name: c.place }).click();
    await page.getByRole("link", { name: c.device }).click();
    await expect(page.getByRole("heading", { level: 1, name: c.device })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText(c.place);
    await page.getByRole("navigation", { name: "Device menu" }).getByRole("link", { name: "Webhook" }).click();
    if (c.expectForm) {
      await expect(page.getByRole("form", { name: "Webhook settings" })).toBeVisible();
      await expect(page.getByTestId("webhook-unavailable")).toHaveCount(0);
    } else {
      await expect(page.getByTestId("webhook-unavailable")).toContainText(c.text!);
      await expect(page.getByRole("form", { name: "Webhook settings" })).toHaveCount(0);
    }
  });
}

test("[nav] unknown ids are a 404 page, not a crash", async ({ page }) => {
  for (const url of ["/places/999999", "/places/178/devices/999999", "/places/178/devices/abc/webhook", "/places/203/devices/1"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
});

test("[api] listings answer JSON and 404 with the error envelope", async ({ request }) => {
  const places = await request.get("/api/places");
  expect(places.status()).toBe(200);
  const list = await places.json();
  expect(list).toContainEqual({ id: "178", name: "Seoul HQ", deviceCount: 4 });

  const devices = await (await request.get("/api/places/178/devices")).json();
  const lobby = devices.find((d: { name: string }) => d.name === "Lobby entrance");
  expect(lobby).toMatchObject({ placeId: "178", model: "BS3-DB", serial: "543210987", firmware: "1.1.0", online: true, webhookSupport: "supported", webhookEnabled: false });
  expect(typeof lobby.id).toBe("string");
  expect(devices.find((d: { name: string }) => d.name === "Parking gate").webhookSupport).toBe("firmware-update-required");

  const missing = await request.get("/api/places/424242/devices");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).errors[0]).toMatchObject({ code: "not_found" });
});
