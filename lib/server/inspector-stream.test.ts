import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

// A real SQLite database (the project's migrations in a temporary file), so the repository's real queries run.
const dir = mkdtempSync(path.join(tmpdir(), "inspector-stream-"));
const file = path.join(dir, "test.db");
process.env.DATABASE_URL = `file:${file}`;

type Repo = typeof import("@/lib/server/bins-repo");
type Stream = typeof import("@/lib/server/inspector-stream");
type Events = typeof import("@/lib/server/inspector-events");
let repo: Repo;
let stream: Stream;
let events: Events;

beforeAll(async () => {
  const sqlite = new Database(file);
  const migrations = path.join(process.cwd(), "prisma", "migrations");
  for (const name of readdirSync(migrations).filter((n) => /^\d/.test(n)).sort()) {
    sqlite.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  }
  sqlite.close();
  // imported only now: the database client reads DATABASE_URL when it is first loaded
  [repo, stream, events] = await Promise.all([
    import("@/lib/server/bins-repo"),
    import("@/lib/server/inspector-stream"),
    import("@/lib/server/inspector-events"),
  ]);
});

afterAll(async () => {
  const { db } = await import("@/lib/server/db");
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

async function newBin(): Promise<string> {
  const bin = await repo.createBin({ name: "", corsMode: "open", responseStatus: 200, responseBody: "", delayMs: 0 });
  return bin.id;
}

/** Adds `count` requests in one statement, without waking the streams (as if they all arrived between two reads). */
async function addSilently(binId: string, count: number, from = 0): Promise<void> {
  const { db } = await import("@/lib/server/db");
  const rows = Array.from({ length: count }, (_, i) => ({
    binId, method: "POST", path: `/n/${from + i}`, query: "", headers: "[]", body: String(from + i), size: 1,
  }));
  await db.binRequest.createMany({ data: rows });
}

async function allIds(binId: string): Promise<number[]> {
  const { db } = await import("@/lib/server/db");
  const rows = await db.binRequest.findMany({ where: { binId }, orderBy: { id: "asc" }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Reads `request` events from a bin's stream until `count` arrived (or 5 s passed); answers their ids in order. */
async function readRequestIds(body: ReadableStream<Uint8Array>, count: number, seen: number[] = []): Promise<number[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const deadline = Date.now() + 5_000;
  try {
    while (seen.length < count && Date.now() < deadline) {
      const next = await Promise.race([
        reader.read(),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(deadline - Date.now(), 0))),
      ]);
      if (next === null || next.done) break;
      buffer += decoder.decode(next.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const id = /^id: (\d+)$/m.exec(message)?.[1];
        if (id && /^event: request$/m.test(message)) seen.push(Number(id));
      }
    }
  } finally {
    reader.releaseLock();
  }
  return seen;
}

describe("listBinRequestViews", () => {
  test("oldest-first pages from a cursor cover every request exactly once", async () => {
    const binId = await newBin();
    await addSilently(binId, 250);
    const expected = await allIds(binId);
    const read: number[] = [];
    let cursor = 0;
    for (;;) {
      const page = await repo.listBinRequestViews(binId, { afterId: cursor, limit: 100, order: "oldest" });
      read.push(...page.map((r) => Number(r.id)));
      if (page.length < 100) break;
      cursor = Number(page[page.length - 1].id);
    }
    expect(read).toEqual(expected);
  });

  test("the default listing is still newest first and keeps to its limit", async () => {
    const binId = await newBin();
    await addSilently(binId, 120);
    const expected = (await allIds(binId)).reverse();
    const page = await repo.listBinRequestViews(binId);
    expect(page.map((r) => Number(r.id))).toEqual(expected);
    expect((await repo.listBinRequestViews(binId, { limit: 10 })).map((r) => Number(r.id))).toEqual(expected.slice(0, 10));
  });
});

describe("createBinEventStream", () => {
  test("250 requests that arrive between two reads all reach the stream, oldest first", async () => {
    const binId = await newBin();
    await addSilently(binId, 1);
    const [first] = await allIds(binId);
    const abort = new AbortController();
    const body = stream.createBinEventStream(binId, 0, abort.signal);
    try {
      // the stream is live and its cursor is at the first request
      const before = await readRequestIds(body, 1);
      expect(before).toEqual([first]);
      // then more than two pages arrive at once (a hidden tab, a burst, another process) and one wake-up follows
      await addSilently(binId, 250, 1);
      events.notifyBin(binId);
      const ids = await readRequestIds(body, 251, before);
      expect(ids).toEqual(await allIds(binId));
      expect(ids).toHaveLength(251);
    } finally {
      abort.abort();
    }
  });

  test("a stream resumed after a cursor sends everything newer, in pages, never skipping", async () => {
    const binId = await newBin();
    await addSilently(binId, 10);
    const cursor = (await allIds(binId))[9];
    await addSilently(binId, 250, 10);
    const abort = new AbortController();
    try {
      const ids = await readRequestIds(stream.createBinEventStream(binId, cursor, abort.signal), 250);
      expect(ids).toEqual((await allIds(binId)).filter((id) => id > cursor));
      expect(ids).toHaveLength(250);
    } finally {
      abort.abort();
    }
  });

  test("after more than 500 requests the stream sends the 500 the bin keeps, oldest first", async () => {
    const binId = await newBin();
    await addSilently(binId, 600);
    // recording one more trims the bin to its newest 500
    await repo.recordBinRequest(binId, {
      method: "GET", path: "/last", query: "", headers: [], body: "", size: 0, tooLarge: false, clientAddress: "",
    });
    const kept = await allIds(binId);
    expect(kept).toHaveLength(repo.MAX_REQUESTS_PER_BIN);
    const abort = new AbortController();
    try {
      const ids = await readRequestIds(stream.createBinEventStream(binId, 0, abort.signal), 500);
      expect(ids).toEqual(kept);
    } finally {
      abort.abort();
    }
  });
});
