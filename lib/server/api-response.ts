import "server-only";
import { NextResponse } from "next/server";

/** One entry of the API's error envelope. */
export type ApiError = { code: string; message: string; path?: string };

/** `{ errors: [...] }` with the given status. */
export function errorResponse(status: number, errors: ApiError[]): NextResponse {
  return NextResponse.json({ errors }, { status, headers: { "Cache-Control": "no-store" } });
}

/** 404 naming what was not found. */
export function notFoundResponse(what: string): NextResponse {
  return errorResponse(404, [{ code: "not_found", message: `${what} not found` }]);
}

/** Largest JSON body the API reads: a full webhook config is a few KiB. */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

/**
 * Parses a JSON request body; a malformed one becomes a 400 response and one over 256 KiB a 413,
 * instead of a throw (and without reading more than the limit).
 */
export async function readJsonBody(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: NextResponse }> {
  const text = await readBounded(request, MAX_JSON_BODY_BYTES);
  if (text === null) {
    return {
      ok: false,
      response: errorResponse(413, [{ code: "body_too_large", message: `The request body is larger than ${MAX_JSON_BODY_BYTES / 1024} KiB; send a smaller JSON object.` }]),
    };
  }
  try {
    return { ok: true, value: text.trim() === "" ? undefined : JSON.parse(text) };
  } catch {
    return {
      ok: false,
      response: errorResponse(400, [{ code: "malformed_json", message: "The request body is not valid JSON. Send a JSON object with Content-Type: application/json." }]),
    };
  }
}

/** A JSON answer that is never cached. */
export function jsonResponse(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

async function readBounded(request: Request, limit: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
