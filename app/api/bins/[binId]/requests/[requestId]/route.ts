import { jsonResponse, notFoundResponse } from "@/lib/server/api-response";
import { findBin, findBinRequest, toApiRequest } from "@/lib/server/bins-repo";

export const dynamic = "force-dynamic";

type Ctx = RouteContext<"/api/bins/[binId]/requests/[requestId]">;

// GET /api/bins/:binId/requests/:requestId - one recorded request with its full body
export async function GET(_request: Request, ctx: Ctx) {
  const { binId, requestId } = await ctx.params;
  if (!(await findBin(binId))) return notFoundResponse(`Bin ${binId}`);
  const request = await findBinRequest(binId, requestId);
  return request ? jsonResponse(toApiRequest(request)) : notFoundResponse(`Request ${requestId}`);
}
