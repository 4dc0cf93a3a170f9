import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/server/db";
import { notifyBin } from "@/lib/server/inspector-events";
import { CORS_MODES, type BinPatch, type BinSettings, type CorsMode } from "@/lib/server/inspector-schema";

/** Newest requests kept per bin; older ones are deleted as new ones arrive. */
export const MAX_REQUESTS_PER_BIN = 500;

/** A bin with its settings and how many requests it holds. */
export type BinSummary = BinSettings & { id: string; createdAt: string; requestCount: number };

/** A recorded request as `GET /api/bins/:binId/requests` answers it. */
export type BinRequestApi = {
  id: string;
  method: string;
  path: string;
  query: string;
  headers: [string, string][];
  body: string;
  size: number;
  receivedAt: string;
};

/**
 * A recorded request as the inspector page shows it: the API shape plus the 413 flag and client
 * address; a body over 16 KiB is left out of listings (`bodyOmitted`) and fetched when opened.
 */
export type BinRequestView = BinRequestApi & { tooLarge: boolean; clientAddress: string; bodyOmitted: boolean };

/** Bodies up to this size travel with the page's listings and live events; bigger ones on demand. */
export const INLINE_BODY_BYTES = 16 * 1024;

/** What the receiver records of one request. */
export type NewBinRequest = Omit<BinRequestApi, "id" | "receivedAt"> & { tooLarge: boolean; clientAddress: string };

/** Creates a bin with a random URL-safe id (16 characters from 96 random bits). */
export async function createBin(settings: BinSettings): Promise<BinSummary> {
  const bin = await db.bin.create({ data: { id: newBinId(), ...settings } });
  return toSummary(bin, 0);
}

/** One bin, or null for an unknown or malformed id. */
export async function findBin(binId: string): Promise<BinSummary | null> {
  if (!isBinId(binId)) return null;
  const bin = await db.bin.findUnique({ where: { id: binId }, include: { _count: { select: { requests: true } } } });
  return bin ? toSummary(bin, bin._count.requests) : null;
}

/** Every bin, newest first. */
export async function listBins(): Promise<BinSummary[]> {
  const bins = await db.bin.findMany({ orderBy: { createdAt: "desc" }, include: { _count: { select: { requests: true } } } });
  return bins.map((b) => toSummary(b, b._count.requests));
}

/** Changes the settings sent; null for an unknown bin. */
export async function updateBin(binId: string, patch: BinPatch): Promise<BinSummary | null> {
  if (!isBinId(binId)) return null;
  const { count } = await db.bin.updateMany({ where: { id: binId }, data: patch });
  return count ? findBin(binId) : null;
}

/** Deletes a bin and its requests; false for an unknown bin. */
export async function deleteBin(binId: string): Promise<boolean> {
  if (!isBinId(binId)) return false;
  const [, { count }] = await db.$transaction([
    db.binRequest.deleteMany({ where: { binId } }),
    db.bin.deleteMany({ where: { id: binId } }),
  ]);
  if (count) notifyBin(binId);
  return count > 0;
}

/** Deletes every request of a bin; false for an unknown bin. */
export async function clearBinRequests(binId: string): Promise<boolean> {
  if (!(await findBin(binId))) return false;
  await db.binRequest.deleteMany({ where: { binId } });
  notifyBin(binId);
  return true;
}

/** Stores a request, drops the bin's requests beyond the newest 500 and wakes the bin's live streams. */
export async function recordBinRequest(binId: string, request: NewBinRequest): Promise<BinRequestView> {
  const row = await db.binRequest.create({ data: { binId, ...request, headers: JSON.stringify(request.headers) } });
  const oldestKept = await db.binRequest.findFirst({
    where: { binId },
    orderBy: { id: "desc" },
    skip: MAX_REQUESTS_PER_BIN - 1,
    select: { id: true },
  });
  if (oldestKept) await db.binRequest.deleteMany({ where: { binId, id: { lt: oldestKept.id } } });
  notifyBin(binId);
  return toView(row);
}

/** Requests of a bin with their full bodies, newest first; with `afterId` only those recorded after it. */
export async function listBinRequests(binId: string, { afterId = 0, limit = MAX_REQUESTS_PER_BIN } = {}): Promise<BinRequestView[]> {
  const rows = await db.binRequest.findMany({ where: { binId, id: { gt: afterId } }, orderBy: { id: "desc" }, take: clampLimit(limit) });
  return rows.map((row) => toView(row));
}

/** The order of a listing: "newest" first (the page, the API) or "oldest" first (reading on from a cursor). */
export type ListOrder = "newest" | "oldest";

/**
 * Like listBinRequests, but bodies over 16 KiB are left out (so 500 requests of 1 MiB never load at once).
 * To read everything after a cursor page by page, ask for `order: "oldest"`: each page then starts right
 * after `afterId`, and moving the cursor to the page's last id skips nothing ("newest" would answer the
 * newest `limit` and skip those between the cursor and them).
 */
export async function listBinRequestViews(
  binId: string,
  { afterId = 0, limit = MAX_REQUESTS_PER_BIN, order = "newest" as ListOrder } = {},
): Promise<BinRequestView[]> {
  const rows = await db.binRequest.findMany({
    where: { binId, id: { gt: afterId } },
    orderBy: { id: order === "oldest" ? "asc" : "desc" },
    take: clampLimit(limit),
    omit: { body: true },
  });
  const smallIds = rows.filter((r) => r.size <= INLINE_BODY_BYTES).map((r) => r.id);
  const bodies = new Map(
    (await db.binRequest.findMany({ where: { id: { in: smallIds } }, select: { id: true, body: true } })).map((r) => [r.id, r.body]),
  );
  return rows.map((row) => toView({ ...row, body: bodies.get(row.id) ?? "" }, !bodies.has(row.id) && !row.tooLarge));
}

/** One request of a bin with its full body, or null. */
export async function findBinRequest(binId: string, requestId: string): Promise<BinRequestView | null> {
  if (!isBinId(binId) || !/^[1-9]\d{0,14}$/.test(requestId)) return null;
  const row = await db.binRequest.findFirst({ where: { binId, id: Number(requestId) } });
  return row ? toView(row) : null;
}

/** The API shape of a request (without the page-only fields). */
export function toApiRequest({ id, method, path, query, headers, body, size, receivedAt }: BinRequestView): BinRequestApi {
  return { id, method, path, query, headers, body, size, receivedAt };
}

/** True for strings that can be a bin id (checked before any query). */
export function isBinId(value: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(value);
}

function clampLimit(limit: number): number {
  return Math.min(Math.max(Math.trunc(limit) || 1, 1), MAX_REQUESTS_PER_BIN);
}

function newBinId(): string {
  return randomBytes(12).toString("base64url");
}

type BinRow = { id: string; name: string; corsMode: string; responseStatus: number; responseBody: string; delayMs: number; createdAt: Date };

function toSummary(bin: BinRow, requestCount: number): BinSummary {
  return {
    id: bin.id,
    name: bin.name,
    corsMode: (CORS_MODES as readonly string[]).includes(bin.corsMode) ? (bin.corsMode as CorsMode) : "open",
    responseStatus: bin.responseStatus,
    responseBody: bin.responseBody,
    delayMs: bin.delayMs,
    createdAt: bin.createdAt.toISOString(),
    requestCount,
  };
}

type RequestRow = {
  id: number; method: string; path: string; query: string; headers: string; body: string;
  size: number; tooLarge: boolean; clientAddress: string; receivedAt: Date;
};

function toView(row: RequestRow, bodyOmitted = false): BinRequestView {
  return {
    id: String(row.id),
    method: row.method,
    path: row.path,
    query: row.query,
    headers: parseHeaders(row.headers),
    body: row.body,
    size: row.size,
    receivedAt: row.receivedAt.toISOString(),
    tooLarge: row.tooLarge,
    clientAddress: row.clientAddress,
    bodyOmitted,
  };
}

function parseHeaders(json: string): [string, string][] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter((p): p is [string, string] => Array.isArray(p) && typeof p[0] === "string" && typeof p[1] === "string");
  } catch {
    return [];
  }
}
