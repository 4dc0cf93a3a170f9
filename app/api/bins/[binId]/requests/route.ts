import { errorResponse, jsonResponse, notFoundResponse } from "@/lib/server/api-response";
import { clearBinRequests, findBin, listBinRequests, toApiRequest } from "@/lib/server/bins-repo";

export const dynamic = "force-dynamic";

type Ctx = RouteContext<"/api/bins/[binId]/requests">;

// GET /api/bins/:binId/requests[?after=<id>] - the recorded requests, newest first (only newer than `after` if given)
export async function GET(request: Request, ctx: Ctx) {
  const { binId } = await ctx.params;
  if (!(await findBin(binId))) return notFoundResponse(`Bin ${binId}`);
  const after = new URL(request.url).searchParams.get("after");
  if (after !== null && !/^\d{1,15}$/.test(after)) {
    return errorResponse(422, [{ code: "invalid_after", path: "after", message: "`after` must be the id of a request (a whole number)." }]);
  }
  const requests = await listBinRequests(binId, { afterId: after === null ? 0 : Number(after) });
  return jsonResponse(requests.map(toApiRequest));
}

// DELETE /api/bins/:binId/requests - forget every recorded request of the bin; 204
export async function DELETE(_request: Request, ctx: Ctx) {
  const { binId } = await ctx.params;
  if (!(await clearBinRequests(binId))) return notFoundResponse(`Bin ${binId}`);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
