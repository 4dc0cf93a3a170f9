// Finds a Chromium for Playwright: its own download if installed, else Debian's, else installs Debian's
// (as root with apt), else explains the one command to run. Prints the executable path.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The Chromium to drive, installing Debian's package when that is possible. */
export function findChromium({ install = true } = {}) {
  if (process.env.CHROMIUM_PATH && fs.existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  const own = playwrightChromium();
  if (own) return own;
  const system = SYSTEM_PATHS.find((p) => fs.existsSync(p));
  if (system) return system;
  if (install && process.getuid?.() === 0 && hasApt()) {
    console.log("› installing Debian's chromium (apt-get)…");
    for (const args of [["update"], ["install", "-y", "--no-install-recommends", "chromium"]]) {
      const r = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
      if (r.status !== 0) break;
    }
    const installed = SYSTEM_PATHS.find((p) => fs.existsSync(p));
    if (installed) return installed;
  }
  return null;
}

function playwrightChromium() {
  try {
    const { chromium } = require("playwright-core");
    const p = chromium.executablePath();
    return p && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function hasApt() {
  return spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
}
