import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/server/config";

// One client, so one SQLite connection, per process: instrumentation.ts and the route handlers are separate
// module graphs with their own copy of this file, and two connections in one process stall each other.
// (Outside production this also survives hot reloads.)
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** The one Prisma client of the process. */
export const db: PrismaClient = (globalForPrisma.prisma ??= createClient());

function createClient(): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: databaseUrl() }) });
  void enableWriteAheadLog(client);
  return client;
}

/**
 * better-sqlite3 is synchronous, so a commit's fsync stalls the whole server; in WAL mode commits are cheap
 * and readers never wait for the delivery engine's writes. A killed process still loses nothing committed.
 */
async function enableWriteAheadLog(client: PrismaClient): Promise<void> {
  try {
    await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  } catch (err) {
    console.warn("[db] could not switch SQLite to WAL mode; everything works, writes are slower", err);
  }
}
