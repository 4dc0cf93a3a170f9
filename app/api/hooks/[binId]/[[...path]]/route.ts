import { errorResponse, notFoundResponse } from "@/lib/server/api-response";
import { findBin, recordBinRequest } from "@/lib/server/bins-repo";
import {
  buildHookAnswer,
  buildPreflightAnswer,
  clientAddress,
  pathSuffix,
  readBodyLimited,
  type HookAnswer,
  type LimitedBody,
} from "@/lib/server/inspector-hook";

export const dynamic = "force-dynamic";

type Ctx = RouteContext<"/api/hooks/[binId]/[[...path]]">;

// Any method on /api/hooks/:binId/... - record the request in the bin, then answer as the bin is set up
async function receive(request: Request, ctx: Ctx): Promise<Response> {
  const { binId } = await ctx.params;
  const bin = await findBin(binId);
  if (!bin) return notFoundResponse(`Bin ${binId}`);

  let body: LimitedBody;
  try {
    body = await readBodyLimited(request.body, { declaredLength: contentLength(request.headers) });
  } catch {
    return errorResponse(400, [{ code: "body_unreadable", message: "The request body could not be read: the connection closed before it ended." }]);
  }
  const url = new URL(request.url);
  await recordBinRequest(bin.id, {
    method: request.method,
    path: pathSuffix(url.pathname),
    query: url.search.slice(1),
    headers: [...request.headers],
    body: body.text,
    size: body.size,
    tooLarge: body.tooLarge,
    clientAddress: clientAddress(request.headers.get("x-forwarded-for")),
  });

  const origin = request.headers.get("origin");
  if (request.method === "OPTIONS") {
    return toResponse(buildPreflightAnswer(bin.corsMode, {
      origin,
      requestMethod: request.headers.get("access-control-request-method"),
      requestHeaders: request.headers.get("access-control-request-headers"),
    }));
  }
  if (!body.tooLarge && bin.delayMs > 0) await sleep(bin.delayMs, request.signal);
  return toResponse(buildHookAnswer(bin, { method: request.method, origin, tooLarge: body.tooLarge }));
}

export const GET = receive;
export const HEAD = receive;
export const POST = receive;
export const PUT = receive;
export const PATCH = receive;
export const DELETE = receive;
export const OPTIONS = receive;

function toResponse(answer: HookAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

function contentLength(headers: Headers): number | null {
  const value = headers.get("content-length");
  return value && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

/** Waits `ms`, or less when the client has gone away. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done);
  });
}
