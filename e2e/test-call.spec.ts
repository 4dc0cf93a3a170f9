import { expect, test } from "@playwright/test";
import { binRequests, createBin, findDevice, openWebhookTab, previewBody, putWebhook } from "./helpers";

const BASE = {
  enabled: false, method: "POST", offlineUrl: null, headers: [], manualFields: [], triggerEvents: ["DEV_FACE_AUTH_SUCCESS"],
  autoFields: [{ field: "eventId", key: "eventId", nonString: true }, { field: "eventType", key: "eventType", nonString: false }, { field: "userKey", key: "userKey", nonString: false }],
};

test("[test-call] a browser call to an open-CORS bin succeeds; the bin got exactly the preview's bytes and headers", async ({ page, request }) => {
  const device = await findDevice(request, "178", "R&D wing");
  const bin = await createBin(request, { corsMode: "open" }, true);
  await putWebhook(request, device.id, { ...BASE, onlineUrl: bin.url, headers: [{ name: "X-Site", value: "seoul-1", secret: false }] });
  await openWebhookTab(page, device.webhookUrl);
  const body = await previewBody(page).textContent();

  await page.getByRole("button", { name: "Send from browser" }).click();
  const result = page.getByTestId("test-result").first();
  await expect(result).toContainText("200");
  await expect(result).toContainText("from the browser");
  await expect(result.getByTestId("test-latency")).toHaveText(/^\d+ ms$/);

  const received = (await binRequests(request, bin.id)).filter((r) => r.method === "POST");
  expect(received).toHaveLength(1);
  expect(received[0].body).toBe(body);
  const headers = new Map(received[0].headers.map(([n, v]) => [n.toLowerCase(), v]));
  expect(headers.get("content-type")).toBe("application/json");
  expect(headers.get("accept")).toBe("application/json");
  expect(headers.get("x-site")).toBe("seoul-1");
});

test("[test-call] an Authorization header to a webhook.site-like bin is blocked; the page names it; Check CORS agrees; the server send works", async ({ page, request }) => {
  const device = await findDevice(request, "178", "R&D wing");
  const bin = await createBin(request, { corsMode: "webhook.site" }, true);
  await putWebhook(request, device.id, { ...BASE, onlineUrl: bin.url, headers: [] });
  await openWebhookTab(page, device.webhookUrl);
  await page.getByRole("button", { name: "Add header" }).click();
  await page.getByLabel("Header 1 name").fill("Authorization");
  await page.getByLabel("Header 1 value").fill("Bearer test-token");

  await page.getByRole("button", { name: "Send from browser" }).click();
  const failure = page.getByTestId("test-failure").first();
  await expect(failure).toContainText("Blocked by CORS, or the receiver is unreachable");
  await expect(failure.getByTestId("headers-to-allow")).toContainText("authorization");
  await expect(failure).toContainText("The device itself sends no preflight");

  await failure.getByRole("button", { name: "Check CORS" }).click();
  await expect(page.getByTestId("cors-missing")).toHaveText("authorization");

  await failure.getByRole("button", { name: "Send from the portal server" }).click();
  const serverResult = page.getByTestId("test-result").first();
  await expect(serverResult).toContainText("from the portal server");
  await expect(serverResult).toContainText("200");

  const received = await binRequests(request, bin.id);
  const post = received.find((r) => r.method === "POST");
  expect(post, "the server-side send reached the bin").toBeTruthy();
  expect(new Map(post!.headers).get("authorization")).toBe("Bearer test-token");
  expect(received.some((r) => r.method === "OPTIONS"), "the preflights were recorded too").toBe(true);
});

test("[test-call] a bin answering 500 after a delay shows the status and the latency", async ({ page, request }) => {
  const device = await findDevice(request, "178", "R&D wing");
  const bin = await createBin(request, { corsMode: "open", responseStatus: 500, responseBody: '{"error":"boom"}', delayMs: 700 }, true);
  await putWebhook(request, device.id, { ...BASE, onlineUrl: bin.url });
  await openWebhookTab(page, device.webhookUrl);
  await page.getByRole("button", { name: "Send from browser" }).click();
  await expect(page.getByTestId("test-call-status")).toContainText("Sending");
  const result = page.getByTestId("test-result").first();
  await expect(result).toContainText("500");
  const latency = Number((await result.getByTestId("test-latency").textContent())!.replace(" ms", ""));
  expect(latency).toBeGreaterThanOrEqual(700);
  await result.getByText(/^Response/).click();
  await expect(result.getByTestId("test-response-body")).toContainText('"error": "boom"');
});

test("[test-call] a missing URL is explained before anything is sent", async ({ page, request }) => {
  const device = await findDevice(request, "178", "R&D wing");
  await putWebhook(request, device.id, { ...BASE, onlineUrl: null });
  await openWebhookTab(page, device.webhookUrl);
  await page.getByRole("button", { name: "Send from browser" }).click();
  await expect(page.getByTestId("test-failure").first()).toContainText("No online event URL");
});
