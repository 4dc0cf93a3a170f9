// npm run bench:preview - payload build+serialize vs JSON.stringify, and keystroke-to-preview latency in Chromium.
import os from "node:os";
import { startAppServer, ensureBuild, type AppServer } from "./app-server";
import { benchKeystrokes } from "./keystroke";
import { benchSerialize } from "./serialize";
import type { Summary } from "./stats";

const SERIALIZE_TARGET = 2;
const KEYSTROKE_TARGET = 1.5;

await main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`\n✖ could not measure: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);

async function main(): Promise<void> {
  console.log(`preview benchmark (node ${process.version}, ${os.availableParallelism()} cores, ${os.cpus()[0]?.model.trim() ?? "unknown CPU"})`);
  const serialize = benchSerialize();
  printRow(
    `A  serialize ${serialize.events} events x ${serialize.fields} fields`,
    ["ours", serialize.ours],
    ["JSON.stringify", serialize.json],
    SERIALIZE_TARGET,
  );
  console.log(`   ${serialize.ours.count} rounds, ${serialize.bytes.toLocaleString("en-US")} bytes per batch, output ${serialize.identical ? "byte-identical to" : "DIFFERS from"} JSON.stringify`);

  const built = ensureBuild();
  const server = await startAppServer();
  stopOnSignal(server);
  try {
    const keys = await benchKeystrokes(server.baseUrl);
    printRow("B  keystroke -> visible", ["preview", keys.preview], ["filter box", keys.filter], KEYSTROKE_TARGET);
    console.log(`   ${keys.browser}, ${keys.preview.count} + ${keys.filter.count} keystrokes${keys.missed ? `, ${keys.missed} without a visible change` : ""}${built ? ", after a fresh next build" : ""}`);
  } finally {
    await server.stop();
  }
}

function printRow(title: string, [nameA, a]: [string, Summary], [nameB, b]: [string, Summary], target: number): void {
  const ratio = a.median / b.median;
  const verdict = ratio <= target ? "PASS" : "FAIL";
  console.log(
    `${title.padEnd(38)} ${nameA} median ${ms(a.median)} p95 ${ms(a.p95)} | ${nameB} median ${ms(b.median)} p95 ${ms(b.p95)} | ratio ${ratio.toFixed(2)} (target <= ${target})  ${verdict}`,
  );
}

function ms(value: number): string {
  return `${value < 1 ? value.toFixed(3) : value.toFixed(1)} ms`;
}

function stopOnSignal(server: AppServer): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void server.stop().finally(() => process.exit(1));
    });
  }
}
