import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeEach, describe, expect, test } from "vitest";
import { claimDueJobs, insertJobs, releaseUnsendable, sqlDate, type JobRow } from "@/lib/server/delivery-sql";

// The claim runs against a real SQLite database built from the project's migrations.

type Runner = Parameters<typeof claimDueJobs>[0];

let sqlite: Database.Database;
let runner: Runner;

const NOW = new Date("2026-12-03T12:00:00Z");

beforeEach(() => {
  sqlite = new Database(":memory:");
  const migrations = path.join(process.cwd(), "prisma", "migrations");
  for (const dir of readdirSync(migrations).filter((d) => /^\d/.test(d)).sort()) {
    sqlite.exec(readFileSync(path.join(migrations, dir, "migration.sql"), "utf8"));
  }
  runner = {
    $queryRawUnsafe: async (sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params),
    $executeRawUnsafe: async (sql: string, ...params: unknown[]) => sqlite.prepare(sql).run(...params).changes,
  } as unknown as Runner;
  sqlite.prepare(`INSERT INTO "Place" ("id", "name") VALUES (1, 'HQ')`).run();
  for (const id of [1, 2, 3]) {
    sqlite.prepare(`INSERT INTO "Device" ("id", "placeId", "name", "model", "serial", "firmware") VALUES (?, 1, ?, 'BS3-DB', ?, '1.1.0')`)
      .run(id, `device ${id}`, `serial-${id}`);
    setWebhook(id, true);
  }
});

function setWebhook(deviceId: number, enabled: boolean) {
  sqlite.prepare(`
    INSERT INTO "WebhookConfig" ("deviceId", "version", "enabled", "method", "headers", "triggerEvents", "autoFields", "manualFields", "updatedAt")
    VALUES (?, 1, ?, 'POST', '[]', '[]', '[]', '[]', ?)
    ON CONFLICT ("deviceId") DO UPDATE SET "enabled" = excluded."enabled"`).run(deviceId, enabled ? 1 : 0, sqlDate(NOW));
}

function row(deviceId: number, kind: "online" | "offline", seq: number): JobRow {
  return { deviceId, kind, eventIds: "[]", method: "POST", url: "https://example.com", headers: "[]", body: "[]", maxAttempts: 5, seq };
}

async function jobs(...rows: JobRow[]): Promise<number[]> {
  return insertJobs(runner, rows, new Date(NOW.getTime() - 1000));
}

function setState(id: number, state: string) {
  sqlite.prepare(`UPDATE "DeliveryJob" SET "state" = ? WHERE "id" = ?`).run(state, id);
}

async function claimIds(): Promise<number[]> {
  return (await claimDueJobs(runner, 100, NOW)).map((j) => j.id);
}

describe("claimDueJobs", () => {
  test("offline batches go one at a time, in seq order", async () => {
    const [a, b, c] = await jobs(row(1, "offline", 1), row(1, "offline", 2), row(1, "offline", 3));
    expect(await claimIds()).toEqual([a]);
    expect(await claimIds()).toEqual([]); // a is being sent
    setState(a, "delivered");
    expect(await claimIds()).toEqual([b]);
    setState(b, "delivered");
    expect(await claimIds()).toEqual([c]);
  });

  test("a batch that failed for good holds the later ones back; its redelivery (same seq) goes first and unblocks them", async () => {
    const [first, second] = await jobs(row(1, "offline", 1), row(1, "offline", 2));
    setState(first, "failed");
    expect(await claimIds()).toEqual([]);

    setState(first, "redelivered");
    const [again] = await jobs(row(1, "offline", 1));
    expect(await claimIds()).toEqual([again]);
    expect(await claimIds()).toEqual([]);
    setState(again, "delivered");
    expect(await claimIds()).toEqual([second]);
  });

  test("a failed batch holds back only later offline batches of its own device", async () => {
    const [failed, , online, other] = await jobs(row(1, "offline", 1), row(1, "offline", 2), row(1, "online", 0), row(2, "offline", 1));
    setState(failed, "failed");
    expect((await claimIds()).sort()).toEqual([online, other].sort());
  });

  test("jobs of a device whose webhook is off stay pending and go once it is on again", async () => {
    const [online, offline] = await jobs(row(1, "online", 0), row(1, "offline", 1));
    const [elsewhere] = await jobs(row(2, "online", 0));
    setWebhook(1, false);
    expect(await claimIds()).toEqual([elsewhere]);
    const states = sqlite.prepare(`SELECT "state" FROM "DeliveryJob" WHERE "id" IN (?, ?)`).all(online, offline);
    expect(states).toEqual([{ state: "pending" }, { state: "pending" }]);
    setWebhook(1, true);
    expect(await claimIds()).toEqual([online, offline]);
  });

  test("online jobs of an offline device wait until it is back; its offline batches still go", async () => {
    const [online, offline] = await jobs(row(1, "online", 0), row(1, "offline", 1));
    sqlite.prepare(`UPDATE "Device" SET "online" = 0 WHERE "id" = 1`).run();
    expect(await claimIds()).toEqual([offline]);
    sqlite.prepare(`UPDATE "Device" SET "online" = 1 WHERE "id" = 1`).run();
    expect(await claimIds()).toEqual([online]);
  });

  test("jobs not due yet are not claimed", async () => {
    await insertJobs(runner, [row(1, "online", 0)], new Date(NOW.getTime() + 60_000));
    expect(await claimIds()).toEqual([]);
  });
});

describe("releaseUnsendable", () => {
  test("puts back claimed jobs that may no longer go, keeps the sendable ones and leaves finished ones alone", async () => {
    const [kept, offline, done] = await jobs(row(1, "online", 0), row(2, "online", 0), row(2, "online", 0));
    const [elsewhereOff] = await jobs(row(3, "offline", 1));
    expect((await claimIds()).sort()).toEqual([kept, offline, done, elsewhereOff].sort());
    setState(done, "delivered");
    sqlite.prepare(`UPDATE "Device" SET "online" = 0 WHERE "id" = 2`).run();
    setWebhook(3, false);

    expect((await releaseUnsendable(runner, [kept, offline, done, elsewhereOff])).sort()).toEqual([offline, elsewhereOff].sort());
    const states = sqlite.prepare(`SELECT "id", "state" FROM "DeliveryJob" ORDER BY "id"`).all();
    expect(states).toEqual([
      { id: kept, state: "sending" }, { id: offline, state: "pending" }, { id: done, state: "delivered" }, { id: elsewhereOff, state: "pending" },
    ]);
  });
});
