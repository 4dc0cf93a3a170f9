// `npm test`: every test. Unit tests (Vitest), then end-to-end tests (Playwright in Chromium)
// against a production build on a throwaway database.
import { bin, ensureBuild, ensureDependencies, run } from "./lib.mjs";
import { findChromium } from "./find-chromium.mjs";

const timings = {};
ensureDependencies();
timings.unit = run(bin("vitest"), ["run"]);

const chromium = findChromium();
if (!chromium) {
  console.error("\n✖ No Chromium found for the end-to-end tests. Install one with:\n    sudo apt-get install -y chromium\n  (or `npx playwright install chromium` where the internet is reachable), then run `npm test` again.");
  process.exit(1);
}
const buildStarted = Date.now();
ensureBuild();
timings.build = Date.now() - buildStarted;
timings.e2e = run(bin("playwright"), ["test"], { CHROMIUM_PATH: chromium });

console.log(`\n✔ all tests passed · unit ${s(timings.unit)} · build ${s(timings.build)} · e2e ${s(timings.e2e)}`);

function s(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}
