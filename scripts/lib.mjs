// Shared steps of the run and test commands. Node built-ins only: these run before `npm ci`.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const BIN = path.join(ROOT, "node_modules", ".bin");

/** Runs a command in the project root, inheriting stdio; exits the process when it fails. */
export function run(cmd, args, env = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n✖ ${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  return Date.now() - started;
}

/** A locally installed CLI (prisma, next, vitest, playwright, tsx). */
export function bin(name) {
  return path.join(BIN, name);
}

/** Installs dependencies when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  const marker = path.join(ROOT, "node_modules", ".package-lock.json");
  const lock = path.join(ROOT, "package-lock.json");
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log("› installing dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

/** Applies committed migrations and the idempotent seed to the database at `url`. */
export function prepareDatabase(url) {
  const file = url.replace(/^file:/, "");
  fs.mkdirSync(path.dirname(path.resolve(ROOT, file)), { recursive: true });
  run(bin("prisma"), ["migrate", "deploy"], { DATABASE_URL: url });
  run(bin("tsx"), ["prisma/seed.ts"], { DATABASE_URL: url });
}

/** Builds the app unless the last build is newer than every source file. */
export function ensureBuild() {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (fs.existsSync(buildId) && newestSource() <= fs.statSync(buildId).mtimeMs) return;
  console.log("› building (next build)…");
  run(bin("next"), ["build"]);
}

/** Starts `next start` and forwards SIGINT/SIGTERM to it. */
export function startServer(port, env = {}) {
  const child = spawn(bin("next"), ["start", "-p", String(port)], { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
  return child;
}

function newestSource() {
  let newest = 0;
  const dirs = ["app", "components", "lib", "public", "prisma"].map((d) => path.join(ROOT, d));
  const files = ["next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"].map((f) => path.join(ROOT, f));
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p)) if (e !== "generated") visit(path.join(p, e));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  [...dirs, ...files].forEach(visit);
  return newest;
}
