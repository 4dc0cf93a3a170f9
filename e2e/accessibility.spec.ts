import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { findDevice } from "./helpers";

// Every page, in light and dark mode: no serious or critical WCAG 2.1 A/AA violation (contrast included).
const SCHEMES = ["light", "dark"] as const;

for (const colorScheme of SCHEMES) {
  test(`[a11y] every page passes axe in ${colorScheme} mode`, async ({ browser, request }) => {
    const lobby = await findDevice(request, "178", "Lobby entrance");
    const parking = await findDevice(request, "178", "Parking gate");
    const bin = await (await request.post("/api/bins", { data: { name: "a11y" } })).json();
    await request.post(`/api/hooks/${bin.id}/x?y=1`, { data: { hello: "world" } });
    const pages = [
      "/places",
      "/places/178",
      `/places/178/devices/${lobby.id}`,
      lobby.webhookUrl,
      `/places/178/devices/${lobby.id}/simulator`,
      `/places/178/devices/${lobby.id}/deliveries`,
      parking.webhookUrl,
      "/inspector",
      `/inspector/${bin.id}`,
    ];
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    for (const url of pages) {
      await page.goto(url);
      await page.waitForLoadState("networkidle").catch(() => {}); // pages with live streams never go idle
      const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const serious = violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")})`);
      expect(serious, `${url} in ${colorScheme} mode`).toEqual([]);
    }
    await context.close();
  });
}

test("[a11y] the webhook form works from the keyboard alone", async ({ page, request }) => {
  const device = await findDevice(request, "203", "Warehouse dock");
  await page.goto(device.webhookUrl);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel("HTTP method").focus();
  await page.keyboard.press("ArrowDown"); // POST -> PUT
  await page.keyboard.press("Tab"); // the inspector-bin button of the online URL
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Online event URL")).toBeFocused();
  await page.keyboard.type("https://kb.example.com/hook");
  await expect(page.getByTestId("preview-request")).toContainText("https://kb.example.com/hook");

  const spoof = page.getByLabel(/Spoof face detected/);
  await spoof.focus();
  await page.keyboard.press("Space");
  await expect(spoof).toBeChecked();

  const include = page.getByLabel("Include eventCode");
  await include.focus();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Move eventCode up" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("preview-body")).toContainText('"eventCode":"4867","userName"');
  await page.keyboard.press("Control+s");
  await expect(page.getByTestId("save-state")).toHaveText(/^Saved · version \d+$/);
});

test("[a11y] pages reflow on a 390 px phone screen without sideways scrolling", async ({ browser, request }) => {
  const lobby = await findDevice(request, "178", "Lobby entrance");
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  for (const url of ["/places", "/places/178", lobby.webhookUrl, `/places/178/devices/${lobby.id}/simulator`, `/places/178/devices/${lobby.id}/deliveries`, "/inspector"]) {
    await page.goto(url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, url).toBeLessThanOrEqual(0);
  }
  await context.close();
});
