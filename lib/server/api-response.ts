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

/** Parses a JSON request body; a malformed one becomes a 400 response instead of a throw. */
export async function readJsonBody(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: NextResponse }> {
  const text = await request.text();
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
