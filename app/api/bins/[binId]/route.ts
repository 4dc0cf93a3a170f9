import { errorResponse, jsonResponse, notFoundResponse, readJsonBody } from "@/lib/server/api-response";
import { deleteBin, findBin, updateBin } from "@/lib/server/bins-repo";
import { parseBinPatch } from "@/lib/server/inspector-schema";
import { binUrl, portalOrigin } from "@/lib/server/inspector-url";

export const dynamic = "force-dynamic";

type Ctx = RouteContext<"/api/bins/[binId]">;

// GET /api/bins/:binId - the bin's settings, URL and request count
export async function GET(request: Request, ctx: Ctx) {
  const { binId } = await ctx.params;
  const bin = await findBin(binId);
  return bin ? jsonResponse({ ...bin, url: binUrl(portalOrigin(request.headers), bin.id) }) : notFoundResponse(`Bin ${binId}`);
}

// PATCH /api/bins/:binId - change some settings (same rules as POST /api/bins)
export async function PATCH(request: Request, ctx: Ctx) {
  const { binId } = await ctx.params;
  if (!(await findBin(binId))) return notFoundResponse(`Bin ${binId}`);
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = parseBinPatch(body.value);
  if (!parsed.ok) return errorResponse(422, parsed.errors);
  const bin = await updateBin(binId, parsed.value);
  return bin ? jsonResponse({ ...bin, url: binUrl(portalOrigin(request.headers), bin.id) }) : notFoundResponse(`Bin ${binId}`);
}

// DELETE /api/bins/:binId - delete the bin and its requests; 204
export async function DELETE(_request: Request, ctx: Ctx) {
  const { binId } = await ctx.params;
  if (!(await deleteBin(binId))) return notFoundResponse(`Bin ${binId}`);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
