import { jsonResponse, notFoundResponse } from "@/lib/server/api-response";
import { listDevices } from "@/lib/server/places-repo";

export const dynamic = "force-dynamic";

// GET /api/places/:placeId/devices - the devices of one place
export async function GET(_request: Request, ctx: RouteContext<"/api/places/[placeId]/devices">) {
  const { placeId } = await ctx.params;
  const devices = await listDevices(placeId);
  return devices ? jsonResponse(devices) : notFoundResponse(`Place ${placeId}`);
}
