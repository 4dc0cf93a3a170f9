import { chromium, type Locator, type Page } from "@playwright/test";
import { findChromium } from "@/scripts/find-chromium.mjs";
import { summarize, type Summary } from "./stats";

/** Keystroke-to-visible timings of the manual field value (drives the preview) and the event filter (does not). */
export type KeystrokeResult = { preview: Summary; filter: Summary; browser: string; missed: number };

const KEYSTROKES = 60;
const WARMUP_KEYSTROKES = 6;
const BLOCK = 20;
const SAMPLE_TIMEOUT_MS = 3_000;
const PREVIEW_SELECTOR = '[data-testid="preview-body"]';
const EVENT_LIST_SELECTOR = 'section[aria-labelledby="trigger-events-title"] div:has(> fieldset)';
// Every one of these keys changes the visible events (26 -> 11 -> 8 -> 5 -> 8 -> 11 -> 26, then via "car"):
// "door" would not, since "d" matches every DEV_ event.
const FILTER_CYCLE = ["f", "a", "c", "Backspace", "Backspace", "Backspace", "c", "a", "r", "Backspace", "Backspace", "Backspace"];
const VALUE_CYCLE = ["a", "b"];

/** Opens the Webhook tab of "Lobby entrance", adds a manual field and times keystrokes in both inputs, alternating blocks. */
export async function benchKeystrokes(baseUrl: string): Promise<KeystrokeResult> {
  const executablePath = findChromium({ install: false });
  if (!executablePath) throw new Error("no Chromium found (run `npx playwright install chromium` or set CHROMIUM_PATH)");
  const browser = await chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage({ baseURL: baseUrl, viewport: { width: 1440, height: 900 } });
    const { value, filter } = await openForm(page, baseUrl);
    await page.evaluate(HARNESS);
    const inputs = [
      { locator: value, selector: PREVIEW_SELECTOR, keys: cycle(VALUE_CYCLE), samples: [] as number[] },
      { locator: filter, selector: EVENT_LIST_SELECTOR, keys: cycle(FILTER_CYCLE), samples: [] as number[] },
    ];
    let missed = 0;
    for (const input of inputs) missed += (await typeKeys(page, input.locator, input.selector, input.keys, WARMUP_KEYSTROKES)).missed;
    for (let done = 0; done < KEYSTROKES; done += BLOCK) {
      for (const input of inputs) {
        const block = await typeKeys(page, input.locator, input.selector, input.keys, Math.min(BLOCK, KEYSTROKES - done));
        input.samples.push(...block.samples);
        missed += block.missed;
      }
    }
    const [preview, other] = inputs.map((i) => i.samples);
    if (missed > KEYSTROKES / 10) throw new Error(`${missed} keystrokes changed nothing visible within ${SAMPLE_TIMEOUT_MS} ms`);
    return { preview: summarize(preview), filter: summarize(other), browser: `Chromium ${browser.version()}`, missed };
  } finally {
    await browser.close();
  }
}

async function openForm(page: Page, baseUrl: string): Promise<{ value: Locator; filter: Locator }> {
  const devices = (await (await fetch(`${baseUrl}/api/places/178/devices`)).json()) as Array<{ id: string; name: string }>;
  const device = devices.find((d) => d.name === "Lobby entrance");
  if (!device) throw new Error('seeded device "Lobby entrance" not found in place 178');
  const url = `/places/178/devices/${device.id}/webhook`;
  await page.goto(url);
  await page.evaluate(() => localStorage.clear());
  await page.goto(url);
  await page.getByRole("form", { name: "Webhook settings" }).waitFor();
  await page.getByRole("button", { name: "Add manual field" }).click();
  await page.getByLabel("Manual field 1 key").fill("note");
  const value = page.getByLabel("Value of note");
  await value.waitFor();
  await page.locator(PREVIEW_SELECTOR).filter({ hasText: '"note":""' }).waitFor();
  return { value, filter: page.getByPlaceholder("Filter events…") };
}

/** Presses `count` keys from `keys` in `locator`, one at a time, each waiting for `selector`'s text to change and paint. */
async function typeKeys(page: Page, locator: Locator, selector: string, keys: Iterator<string>, count: number) {
  await locator.focus();
  await page.keyboard.press("End");
  const samples: number[] = [];
  let missed = 0;
  for (let i = 0; i < count; i++) {
    await page.evaluate(`window.__bench.arm(${JSON.stringify(selector)}, ${SAMPLE_TIMEOUT_MS})`);
    await page.keyboard.press(keys.next().value as string);
    const ms = (await page.evaluate("window.__bench.result")) as number | null;
    if (ms === null) missed++;
    else samples.push(ms);
  }
  return { samples, missed };
}

function* cycle(keys: readonly string[]): Iterator<string> {
  for (;;) yield* keys;
}

// Plain JavaScript evaluated in the page (a string, so tsx's name-keeping helpers are not shipped along).
// keydown (capturing) starts the clock; the first mutation that changes the target's text, plus the
// requestAnimationFrame of the frame that paints it, stops it. result resolves to null on timeout.
const HARNESS = `(() => {
  const state = { start: null, done: null, target: null, observer: null, text: "" };
  document.addEventListener("keydown", () => {
    if (state.done && state.start === null) state.start = performance.now();
  }, true);
  const onMutation = () => {
    if (!state.done || state.start === null) return;
    const text = state.target.textContent;
    if (text === state.text) return;
    const start = state.start;
    const done = state.done;
    state.done = null;
    state.start = null;
    requestAnimationFrame(() => done(performance.now() - start));
  };
  window.__bench = {
    result: null,
    arm(selector, timeoutMs) {
      const target = document.querySelector(selector);
      if (!target) throw new Error("nothing matches " + selector);
      if (target !== state.target) {
        if (state.observer) state.observer.disconnect();
        state.observer = new MutationObserver(onMutation);
        state.observer.observe(target, { characterData: true, childList: true, subtree: true });
        state.target = target;
      }
      state.text = target.textContent;
      state.start = null;
      this.result = new Promise((resolve) => {
        state.done = resolve;
        setTimeout(() => {
          if (state.done !== resolve) return;
          state.done = null;
          state.start = null;
          resolve(null);
        }, timeoutMs);
      });
    },
  };
})()`;
