// Playwright's web server: a fresh throwaway database, migrated and seeded, behind `next start`.
import fs from "node:fs";
import path from "node:path";
import { prepareDatabase, ROOT, startServer } from "./lib.mjs";

const port = Number(process.env.E2E_PORT ?? 3100);
const databaseUrl = process.env.DATABASE_URL ?? "file:./data/e2e.db";
const file = path.resolve(ROOT, databaseUrl.replace(/^file:/, ""));
// E2E_KEEP_DB=1 restarts on the same database (the delivery restart test resumes its pending work).
if (process.env.E2E_KEEP_DB !== "1") {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

prepareDatabase(databaseUrl);
startServer(port, { DATABASE_URL: databaseUrl, PORT: String(port) });
