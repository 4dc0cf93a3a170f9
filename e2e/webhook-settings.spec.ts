import { expect, test } from "@playwright/test";
import { findDevice, openWebhookTab, previewBody } from "./helpers";

test("[webhook] configures every section, previews each keystroke, saves and reloads the same config", async ({ page, request }) => {
  const device = await findDevice(request, "178", "Lobby entrance");
  await openWebhookTab(page, device.webhookUrl);

  await page.getByLabel("HTTP method").selectOption("PUT");
  await page.getByLabel("Online event URL").fill("https://hr.example.com/hooks/online");
  await page.getByLabel("Offline event URL (optional)").fill("http://hr.example.com/hooks/offline");
  await expect(page.getByText("sent unencrypted")).toBeVisible();
  await expect(page.getByTestId("preview-request")).toContainText("PUT https://hr.example.com/hooks/online");

  await page.getByRole("button", { name: "Add header" }).click();
  await page.getByLabel("Header 1 name").fill("X-Site");
  await page.getByLabel("Header 1 value").fill("seoul-1");
  await page.getByRole("button", { name: "Add header" }).click();
  await page.getByLabel("Header 2 name").fill("Authorization");
  await page.getByTestId("header-row-1").getByRole("checkbox").check();
  await page.getByLabel("Header 2 value").fill("Bearer s3cr3t-token-value");
  await expect(page.getByTestId("preview-request")).toContainText("X-Site: seoul-1");
  await expect(page.getByTestId("preview-request")).toContainText("Authorization: ••••••••");
  await expect(page.getByTestId("preview-request")).not.toContainText("s3cr3t");

  await page.getByPlaceholder("Filter events…").fill("spoof");
  await page.getByLabel(/Spoof face detected/).check();
  await page.getByPlaceholder("Filter events…").fill("");
  await expect(page.getByText("11 of 26 selected")).toBeVisible();

  await page.getByLabel("Key for eventId").fill("id");
  await page.getByLabel("Write eventId without quotes (nonString)").check();
  await page.getByLabel("Include eventCode").check();
  await page.getByLabel("Write eventCode without quotes (nonString)").check();
  await page.getByRole("button", { name: "Move eventCode up" }).click();
  await expect(previewBody(page)).toContainText('"userKey":"emp-0042","eventCode":4867,"userName":"Kim Minji"}');

  await page.getByRole("button", { name: "Add manual field" }).click();
  await page.getByLabel("Manual field 1 key").fill("site");
  await page.getByLabel("Value of site").fill("Seoul HQ");
  await page.getByRole("button", { name: "Add manual field" }).click();
  await page.getByLabel("Manual field 2 key").fill("priority");
  await page.getByLabel("Type of priority").selectOption("NUMBER");
  const value = page.getByLabel("Value of priority");
  await value.click();
  for (const [typed, expected] of [["4", '"priority":4}'], ["2", '"priority":42}']]) {
    await value.press(typed);
    await expect(previewBody(page)).toContainText(expected);
  }

  await expect(previewBody(page)).toHaveText(
    '{"id":10231,"eventType":"DEV_FACE_AUTH_SUCCESS","eventAt":"1764758400000","deviceId":"543210987","userKey":"emp-0042","eventCode":4867,"userName":"Kim Minji","site":"Seoul HQ","priority":42}',
  );
  await page.getByRole("tab", { name: "Offline" }).click();
  await expect(previewBody(page)).toContainText('[{"id":10231,');
  await expect(page.getByTestId("preview-request")).toContainText("PUT http://hr.example.com/hooks/offline");

  await page.getByRole("switch").click();
  await page.getByRole("button", { name: /^Save/ }).click();
  await expect(page.getByTestId("save-state")).toHaveText("Saved · version 1");

  await page.reload();
  await expect(page.getByLabel("HTTP method")).toHaveValue("PUT");
  await expect(page.getByLabel("Online event URL")).toHaveValue("https://hr.example.com/hooks/online");
  await expect(page.getByLabel("Header 1 value")).toHaveValue("seoul-1");
  await expect(page.getByText("•••••••• saved")).toBeVisible();
  await expect(page.getByLabel("Key for eventId")).toHaveValue("id");
  await expect(page.getByLabel("Value of priority")).toHaveValue("42");
  await expect(page.getByRole("switch")).toBeChecked();
  await expect(page.getByTestId("save-state")).toHaveText("Saved · version 1");
  expect(await page.content()).not.toContain("s3cr3t-token-value");

  const api = await (await request.get(`/api/devices/${device.id}/webhook`)).json();
  expect(api).toMatchObject({
    version: 1, enabled: true, method: "PUT",
    headers: [{ name: "X-Site", value: "seoul-1", secret: false }, { name: "Authorization", value: null, secret: true }],
    manualFields: [{ key: "site", type: "STRING", value: "Seoul HQ" }, { key: "priority", type: "NUMBER", value: "42" }],
  });
  expect(api.triggerEvents).toContain("DEV_SPOOF_FACE_DETECTED");
  expect(JSON.stringify(api)).not.toContain("s3cr3t");
});

test("[webhook] bad input shows errors on the right rows and saves nothing", async ({ page, request }) => {
  const device = await findDevice(request, "203", "Warehouse dock");
  const before = await (await request.get(`/api/devices/${device.id}/webhook`)).json();
  const row = before.headers.length; // the new header row comes after any saved ones
  await openWebhookTab(page, device.webhookUrl);
  await page.getByLabel("Online event URL").fill("ftp://user:pw@example.com/#x");
  await page.getByRole("button", { name: "Add header" }).click();
  await page.getByLabel(`Header ${row + 1} name`).fill("Content-Type");
  await page.getByLabel(`Header ${row + 1} value`).fill("text/plain");
  await page.getByRole("button", { name: "Add manual field" }).click();
  await page.getByLabel("Manual field 1 key").fill("eventType");
  await page.getByLabel("Type of eventType").selectOption("NUMBER");
  await page.getByLabel("Value of eventType").fill("007");
  await page.getByRole("button", { name: /^Save/ }).click();

  await expect(page.getByTestId(`header-row-${row}`)).toContainText("Content-Type cannot be set");
  await expect(page.getByTestId("manual-row-0")).toContainText('Key "eventType" is already used');
  await expect(page.getByTestId("manual-row-0")).toContainText("is a NUMBER");
  await expect(page.locator('[data-field-error="onlineUrl"]')).toContainText("https://");
  await expect(page.getByTestId("preview-error")).toBeVisible();
  await expect(page.getByLabel("Value of eventType")).toHaveValue("007");

  const after = await (await request.get(`/api/devices/${device.id}/webhook`)).json();
  expect(after).toEqual(before);
});

test("[webhook] a save after another tab saved shows the conflict and keeps the typing", async ({ page, request }) => {
  const device = await findDevice(request, "178", "R&D wing");
  await openWebhookTab(page, device.webhookUrl);
  await page.getByLabel("Online event URL").fill("https://mine.example.com/hook");

  const other = await (await request.get(`/api/devices/${device.id}/webhook`)).json();
  const start = other.version;
  const put = await request.put(`/api/devices/${device.id}/webhook`, { data: { ...other, onlineUrl: "https://theirs.example.com/hook" } });
  expect(put.status()).toBe(200);

  await page.keyboard.press("Control+s");
  await expect(page.getByTestId("conflict-banner")).toContainText("someone else saved");
  await expect(page.getByLabel("Online event URL")).toHaveValue("https://mine.example.com/hook");

  await page.getByRole("button", { name: "Keep my changes" }).click();
  await expect(page.getByTestId("conflict-banner")).toBeHidden();
  await page.getByRole("button", { name: /^Save/ }).click();
  await expect(page.getByTestId("save-state")).toHaveText(`Saved · version ${start + 2}`);
  expect((await (await request.get(`/api/devices/${device.id}/webhook`)).json()).onlineUrl).toBe("https://mine.example.com/hook");
});

test("[webhook] a reload restores unsaved typing from the local draft", async ({ page, request }) => {
  const device = await findDevice(request, "203", "Warehouse dock");
  await openWebhookTab(page, device.webhookUrl);
  await page.getByLabel("Online event URL").fill("https://draft.example.com/in-progress");
  await expect(page.getByTestId("save-state")).toHaveText("Unsaved changes");
  await page.waitForTimeout(500); // the draft is written 300 ms after the last keystroke
  page.on("dialog", (d) => d.accept());
  await page.reload();
  await expect(page.getByLabel("Online event URL")).toHaveValue("https://draft.example.com/in-progress");
  await expect(page.getByTestId("draft-banner")).toBeVisible();
});

test("[webhook] leaving by a portal link with unsaved changes asks first", async ({ page, request }) => {
  const device = await findDevice(request, "203", "Warehouse dock");
  await openWebhookTab(page, device.webhookUrl);
  await page.getByLabel("Online event URL").fill("https://leave.example.com/hook");
  const tabs = page.getByRole("navigation", { name: "Device menu" });

  const dismissed = new Promise<string>((resolve) => page.once("dialog", (d) => { resolve(d.message()); void d.dismiss(); }));
  await tabs.getByRole("link", { name: "Deliveries" }).click();
  expect(await dismissed).toContain("unsaved changes");
  await expect(page).toHaveURL(device.webhookUrl);
  await expect(page.getByLabel("Online event URL")).toHaveValue("https://leave.example.com/hook");

  page.once("dialog", (d) => void d.accept());
  await tabs.getByRole("link", { name: "Deliveries" }).click();
  await expect(page).toHaveURL(/\/deliveries$/);
});
