import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** A `next start` behind scripts/serve-e2e.mjs on a fresh, seeded database; `stop` ends its whole process group. */
export type AppServer = { baseUrl: string; stop: () => Promise<void> };

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = 3105;
const DATABASE_URL = "file:./data/bench.db";
const START_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 5_000;

/** Runs `next build` when .next/BUILD_ID is missing or older than a source file; returns whether it built. */
export function ensureBuild(): boolean {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (fs.existsSync(buildId) && newestSourceMtime() <= fs.statSync(buildId).mtimeMs) return false;
  console.error("› .next is missing or older than the sources: running next build…");
  // The build log goes to stderr so stdout carries only the figures.
  const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], { cwd: ROOT, stdio: ["ignore", process.stderr, process.stderr] });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status ?? r.signal})`);
  return true;
}

/** Starts the app detached (its own process group) and resolves once it answers. */
export async function startAppServer(): Promise<AppServer> {
  const baseUrl = `http://127.0.0.1:${PORT}`;
  if (await answers(baseUrl)) throw new Error(`port ${PORT} is already in use; stop whatever listens there first`);
  const child = spawn(process.execPath, ["scripts/serve-e2e.mjs"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, E2E_PORT: String(PORT), DATABASE_URL, PORTAL_URL: baseUrl },
  });
  const log: string[] = [];
  child.stdout?.on("data", (d: Buffer) => log.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => log.push(d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = () => stopGroup(child, exited);
  const onExit = () => killGroup(child, "SIGKILL");
  process.once("exit", onExit);
  try {
    await waitUntilUp(`${baseUrl}/api/places`, exited);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- server output ---\n${log.join("").slice(-4000)}`);
  }
  return {
    baseUrl,
    stop: async () => {
      await stop();
      process.off("exit", onExit);
    },
  };
}

async function waitUntilUp(url: string, exited: Promise<void>): Promise<void> {
  let hasExited = false;
  void exited.then(() => { hasExited = true; });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error("the app server exited before answering");
    if (await answers(url)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app server did not answer ${url} within ${START_TIMEOUT_MS / 1000} s`);
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return res.ok;
  } catch {
    return false;
  }
}

async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child, "SIGKILL");
    return;
  }
  killGroup(child, "SIGTERM");
  const timer = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), STOP_GRACE_MS).unref());
  if ((await Promise.race([exited, timer])) === "timeout") killGroup(child, "SIGKILL");
  // next start may outlive its parent for a moment; make sure nothing of the group is left.
  killGroup(child, "SIGKILL");
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

function newestSourceMtime(): number {
  // Same inputs as ensureBuild in scripts/lib.mjs.
  const roots = ["app", "components", "lib", "public", "prisma", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
  let newest = 0;
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (!st.isDirectory()) newest = Math.max(newest, st.mtimeMs);
    else for (const e of fs.readdirSync(p)) if (e !== "generated") visit(path.join(p, e));
  };
  roots.forEach((r) => visit(path.join(ROOT, r)));
  return newest;
}
