import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

/** Creates a bin through the REST API and answers its id and URL. */
async function createBinViaApi(request: APIRequestContext, data: Record<string, unknown> = {}) {
  const res = await request.post("/api/bins", { data });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; url: string };
}

/** Resolves with the browser's clock when the first request shows in the list. */
function whenFirstRequestShows(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => {
    const found = () => document.querySelector('[aria-label="Recorded requests"] button');
    if (found()) return resolve(Date.now());
    const observer = new MutationObserver(() => {
      if (found()) {
        observer.disconnect();
        resolve(Date.now());
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  }));
}

test("[inspector] a bin created in the UI shows a request live, with its headers and pretty body", async ({ page, request }) => {
  await page.goto("/inspector");
  const form = page.getByRole("form", { name: "New bin" });
  await form.getByLabel("Name").fill("E2E live bin");
  await form.getByLabel("CORS mode").selectOption("open");
  await form.getByRole("button", { name: "Create bin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "E2E live bin" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Waiting for the first request" })).toBeVisible();
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  const url = (await page.getByTestId("bin-url").textContent())!;
  expect(url).toMatch(/^http:\/\/[^/]+\/api\/hooks\/[A-Za-z0-9_-]{12,}$/);

  await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
  const shown = whenFirstRequestShows(page);
  const payload = { eventType: "DEV_FACE_AUTH_SUCCESS", user: { id: "1001", name: "Kim Min-su" }, ok: true };
  const sentAt = Date.now();
  const res = await request.post(`${url}/orders/42?source=e2e&n=1`, { data: payload, headers: { "X-Portal-Test": "hello-inspector" } });
  const latency = (await shown) - sentAt;
  console.log(`[inspector] request-to-display latency: ${latency} ms`);
  expect(latency).toBeLessThan(1000);
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ ok: true });
  expect(res.headers()["access-control-allow-origin"]).toBe("*");

  const list = page.getByRole("list", { name: "Recorded requests" });
  await expect(list.getByRole("button")).toHaveCount(1);
  await expect(list.getByRole("button").first()).toContainText("POST");
  await expect(list.getByRole("button").first()).toContainText("/orders/42?source=e2e&n=1");
  const details = page.getByRole("region", { name: "Request details" });
  await expect(details.getByRole("heading", { name: "POST /orders/42?source=e2e&n=1" })).toBeVisible();
  await expect(details.getByRole("row", { name: /x-portal-test/ })).toContainText("hello-inspector");
  await expect(details.getByRole("row", { name: /content-type/ })).toContainText("application/json");
  await expect(details.getByRole("tab", { name: "Pretty" })).toHaveAttribute("aria-selected", "true");
  await expect(details.getByLabel("Body, pretty")).toHaveText(JSON.stringify(payload, null, 2));
  await details.getByRole("tab", { name: "Raw" }).click();
  await expect(details.getByLabel("Body, raw")).toHaveText(JSON.stringify(payload));
  expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);

  // a second request goes on top, and the recorded shape is the API's
  await request.put(`${url}/second`, { data: "plain text", headers: { "Content-Type": "text/plain" } });
  await expect(list.getByRole("button")).toHaveCount(2);
  await expect(list.getByRole("button").first()).toContainText("PUT");
  const id = url.split("/").pop()!;
  const recorded = await (await request.get(`/api/bins/${id}/requests`)).json();
  expect(recorded.map((r: { method: string }) => r.method)).toEqual(["PUT", "POST"]);
  expect(Object.keys(recorded[1]).sort()).toEqual(["body", "headers", "id", "method", "path", "query", "receivedAt", "size"]);
  expect(recorded[1]).toMatchObject({ path: "/orders/42", query: "source=e2e&n=1", body: JSON.stringify(payload), size: JSON.stringify(payload).length });
  expect(recorded[1].headers).toContainEqual(["x-portal-test", "hello-inspector"]);
  expect(typeof recorded[1].id).toBe("string");
  expect(new Date(recorded[1].receivedAt).toISOString()).toBe(recorded[1].receivedAt);
});

/** Makes the page believe its tab was hidden or shown again (the stream lets go of its connection while hidden). */
async function setTabHidden(page: Page, hidden: boolean) {
  await page.evaluate((value) => {
    Object.defineProperty(document, "hidden", { configurable: true, get: () => value });
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (value ? "hidden" : "visible") });
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
}

test("[inspector] requests sent while the tab is hidden all show once it is visible again, newest first", async ({ page, request }) => {
  const bin = await createBinViaApi(request, { name: "E2E hidden tab" });
  await page.goto(`/inspector/${bin.id}`);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  await request.post(`${bin.url}/before`, { data: {} });
  const list = page.getByRole("list", { name: "Recorded requests" });
  await expect(list.getByRole("button")).toHaveCount(1);

  await setTabHidden(page, true);
  await expect(page.getByText("Paused while hidden")).toBeVisible();
  // 250 is more than two of the stream's pages of 100
  for (let i = 0; i < 250; i++) {
    expect((await request.post(`${bin.url}/n/${i}`, { data: { i } })).status()).toBe(200);
  }
  await setTabHidden(page, false);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Requests (251)" })).toBeVisible();
  await expect(list.getByRole("button")).toHaveCount(251);
  await expect(list.getByRole("button").first()).toContainText("/n/249");
  await expect(list.getByRole("button").nth(150)).toContainText("/n/99");
  await expect(list.getByRole("button").last()).toContainText("/before");
});

test("[inspector] an HTML body is shown as text, never rendered", async ({ page, request }) => {
  const bin = await createBinViaApi(request, { name: "E2E xss" });
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await page.goto(`/inspector/${bin.id}`);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  const html = "<img src=x onerror=alert(1)>";
  await request.post(bin.url, { data: html, headers: { "Content-Type": "text/html", "X-Html": "<b>bold</b>" } });
  const details = page.getByRole("region", { name: "Request details" });
  await expect(details.getByLabel("Body, raw")).toHaveText(html);
  await expect(details.getByText(html)).toBeVisible();
  await expect(details.getByText("<b>bold</b>")).toBeVisible();
  await expect(details.getByRole("tab", { name: "Pretty" })).toHaveCount(0);
  await expect(details.locator("img")).toHaveCount(0);
  await expect(details.locator("b")).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(dialogs).toBe(0);
});

test("[inspector] a preflight to a webhook.site-like bin gets the fixed allow list and is recorded", async ({ page, request }) => {
  const bin = await createBinViaApi(request, { name: "E2E webhook.site", corsMode: "webhook.site" });
  await page.goto(`/inspector/${bin.id}`);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  const res = await request.fetch(`${bin.url}/events`, {
    method: "OPTIONS",
    headers: { Origin: "http://localhost:3000", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type" },
  });
  expect(res.status()).toBe(204);
  expect(res.headers()).toMatchObject({
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "GET, PUT, PATCH, POST, OPTIONS",
    "access-control-allow-headers": "DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range",
  });
  const list = page.getByRole("list", { name: "Recorded requests" });
  await expect(list.getByRole("button").first()).toContainText("OPTIONS");
  await expect(list.getByRole("button").first()).toContainText("/events");
  const details = page.getByRole("region", { name: "Request details" });
  await expect(details.getByRole("row", { name: /access-control-request-headers/ })).toContainText("authorization,content-type");

  const post = await request.post(bin.url, { data: { a: 1 }, headers: { Origin: "http://localhost:3000" } });
  expect(post.headers()["access-control-allow-origin"]).toBe("*");
  expect(post.headers()["access-control-expose-headers"]).toBe("*");
});

test("[inspector] open and off bins answer preflights as their mode says", async ({ request }) => {
  const open = await createBinViaApi(request, { corsMode: "open" });
  const asked = { Origin: "http://localhost:3000", "Access-Control-Request-Method": "PUT", "Access-Control-Request-Headers": "authorization,x-api-key" };
  const openRes = await request.fetch(open.url, { method: "OPTIONS", headers: asked });
  expect(openRes.status()).toBe(204);
  expect(openRes.headers()).toMatchObject({
    "access-control-allow-origin": "http://localhost:3000",
    "access-control-allow-methods": "PUT, GET, POST, PATCH, DELETE, OPTIONS",
    "access-control-allow-headers": "authorization,x-api-key",
    "access-control-max-age": "600",
  });
  expect(openRes.headers()["vary"]).toContain("Origin");
  const openPost = await request.post(open.url, { data: {}, headers: { Origin: "http://localhost:3000" } });
  expect(openPost.headers()["access-control-allow-origin"]).toBe("http://localhost:3000");

  const off = await createBinViaApi(request, { corsMode: "off" });
  const offRes = await request.fetch(off.url, { method: "OPTIONS", headers: asked });
  expect([200, 204]).toContain(offRes.status());
  const offPost = await request.post(off.url, { data: {}, headers: { Origin: "http://localhost:3000" } });
  for (const res of [offRes, offPost]) {
    expect(Object.keys(res.headers()).filter((h) => h.startsWith("access-control-"))).toEqual([]);
  }
  const recorded = await (await request.get(`/api/bins/${off.id}/requests`)).json();
  expect(recorded.map((r: { method: string }) => r.method)).toEqual(["POST", "OPTIONS"]);
});

test("[inspector] a body over 1 MiB gets 413 and is listed as too large", async ({ page, request }) => {
  const bin = await createBinViaApi(request, { name: "E2E big" });
  await page.goto(`/inspector/${bin.id}`);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  const size = 1024 * 1024 + 100;
  const res = await request.post(bin.url, { data: "x".repeat(size), headers: { "Content-Type": "text/plain" } });
  expect(res.status()).toBe(413);
  const list = page.getByRole("list", { name: "Recorded requests" });
  await expect(list.getByRole("button").first()).toContainText("413 too large");
  await expect(page.getByRole("region", { name: "Request details" })).toContainText("larger than 1 MiB");
  const [recorded] = await (await request.get(`/api/bins/${bin.id}/requests`)).json();
  expect(recorded).toMatchObject({ method: "POST", body: "", size });

  // exactly 1 MiB is still accepted
  const ok = await request.post(bin.url, { data: "y".repeat(1024 * 1024), headers: { "Content-Type": "text/plain" } });
  expect(ok.status()).toBe(200);

  // a body too big for the live list (over 16 KiB) is fetched when its request is shown
  const big = { items: Array.from({ length: 2000 }, (_, i) => ({ i, label: `item ${i}` })) };
  await request.post(`${bin.url}/big-json`, { data: big });
  await expect(list.getByRole("button").first()).toContainText("/big-json");
  await list.getByRole("button").first().click();
  await expect(page.getByRole("region", { name: "Request details" }).getByLabel("Body, pretty")).toHaveText(JSON.stringify(big, null, 2));
});

test("[inspector] settings saved in the page change the next answer", async ({ page, request }) => {
  const bin = await createBinViaApi(request, { name: "E2E settings" });
  await page.goto(`/inspector/${bin.id}`);
  await page.getByText("Response settings").click();
  const form = page.getByRole("form", { name: "Bin settings" });
  await form.getByLabel("Response status").fill("700");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByText("Use a response status from 200 to 599.")).toBeVisible();
  await expect(form.getByLabel("Response status")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("Response status").fill("503");
  await form.getByLabel("Response body").fill("maintenance");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  const res = await request.post(bin.url, { data: {} });
  expect(res.status()).toBe(503);
  expect(await res.text()).toBe("maintenance");
  expect(res.headers()["content-type"]).toContain("text/plain");
});

test("[inspector] deleting a bin asks first, then its URL answers 404", async ({ page, request }) => {
  const bin = await createBinViaApi(request, { name: "E2E delete me" });
  await page.goto("/inspector");
  const row = page.getByRole("row").filter({ hasText: "E2E delete me" });
  await row.getByRole("button", { name: "Delete E2E delete me" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete E2E delete me?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Delete E2E delete me" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByRole("row").filter({ hasText: "E2E delete me" })).toHaveCount(0);
  expect((await request.post(bin.url, { data: {} })).status()).toBe(404);
});

test("[inspector] API: validation errors name the field, unknown bins are 404", async ({ request }) => {
  const bad = await request.post("/api/bins", { data: { corsMode: "nope" } });
  expect(bad.status()).toBe(422);
  const { errors } = await bad.json();
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({ path: "corsMode" });
  expect(errors[0].message).toContain("open");

  const malformed = await request.post("/api/bins", { data: Buffer.from("{not json"), headers: { "Content-Type": "application/json" } });
  expect(malformed.status()).toBe(400);

  const missing = await request.get("/api/bins/unknown/requests");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).errors[0]).toMatchObject({ code: "not_found" });
  expect((await request.post("/api/hooks/unknown", { data: {} })).status()).toBe(404);
  expect((await request.get("/api/bins/unknown/requests")).status()).toBe(404);

  const created = await createBinViaApi(request);
  expect(created.id).toMatch(/^[A-Za-z0-9_-]{12,}$/);
  expect(created.url).toMatch(new RegExp(`/api/hooks/${created.id}$`));
  const patched = await request.patch(`/api/bins/${created.id}`, { data: { delayMs: 20_000 } });
  expect(patched.status()).toBe(422);
  expect((await patched.json()).errors[0].path).toBe("delayMs");
});

test("[inspector] an unknown bin page is a 404 page", async ({ page }) => {
  const response = await page.goto("/inspector/no-such-bin");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
