import { errorResponse, jsonResponse, notFoundResponse } from "@/lib/server/api-response";
import { startDeliveryEngine } from "@/lib/server/delivery-engine";
import { listDeliveries, parseDeliveriesQuery } from "@/lib/server/delivery-log";

export const dynamic = "force-dynamic";

// GET /api/devices/:deviceId/deliveries?result=&limit= - every attempt and every waiting job, newest first
export async function GET(request: Request, ctx: RouteContext<"/api/devices/[deviceId]/deliveries">) {
  const { deviceId } = await ctx.params;
  startDeliveryEngine();
  const query = parseDeliveriesQuery(new URL(request.url).searchParams);
  if (!query.ok) return errorResponse(422, query.errors);
  const entries = await listDeliveries(deviceId, query.value);
  return entries ? jsonResponse(entries) : notFoundResponse(`Device ${deviceId}`);
}
