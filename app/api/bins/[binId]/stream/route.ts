import { notFoundResponse } from "@/lib/server/api-response";
import { findBin } from "@/lib/server/bins-repo";
import { createBinEventStream, resumeAfter } from "@/lib/server/inspector-stream";

export const dynamic = "force-dynamic";

type Ctx = RouteContext<"/api/bins/[binId]/stream">;

// GET /api/bins/:binId/stream[?after=<id>] - Server-Sent Events: each new request of the bin as it arrives
export async function GET(request: Request, ctx: Ctx) {
  const { binId } = await ctx.params;
  if (!(await findBin(binId))) return notFoundResponse(`Bin ${binId}`);
  const after = resumeAfter(new URL(request.url).searchParams.get("after"), request.headers.get("last-event-id"));
  return new Response(createBinEventStream(binId, after, request.signal), {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps the server's gzip from holding events back
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
