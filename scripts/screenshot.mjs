// Screenshots of portal pages in light and dark mode, for looking at what was built:
//   node scripts/screenshot.mjs http://localhost:3000 /places /places/178 …  -> screenshots/tmp/*.png
import fs from "node:fs";
import { chromium } from "@playwright/test";
import { findChromium } from "./find-chromium.mjs";

const [base, ...paths] = process.argv.slice(2);
fs.mkdirSync("screenshots/tmp", { recursive: true });
const browser = await chromium.launch({ executablePath: findChromium({ install: false }) ?? undefined, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
for (const scheme of ["light", "dark"]) {
  const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1440, height: 1000 } });
  page.on("console", (m) => m.type() === "error" && console.error("console:", m.text().slice(0, 300)));
  page.on("pageerror", (e) => console.error("pageerror:", e.message.slice(0, 300)));
  for (const p of paths) {
    await page.goto(base + p, { waitUntil: "load" });
    await page.waitForTimeout(800);
    const file = `screenshots/tmp/${p.replace(/\W+/g, "_").replace(/^_|_$/g, "") || "root"}-${scheme}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await page.close();
}
await browser.close();
