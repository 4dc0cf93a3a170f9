import { errorResponse, jsonResponse, readJsonBody } from "@/lib/server/api-response";
import { redeliverFromInput } from "@/lib/server/delivery-redeliver";

export const dynamic = "force-dynamic";

// POST /api/devices/:deviceId/deliveries/redeliver - send one job ({ jobId }) or every failed one again
export async function POST(request: Request, ctx: RouteContext<"/api/devices/[deviceId]/deliveries/redeliver">) {
  const { deviceId } = await ctx.params;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const result = await redeliverFromInput(deviceId, body.value);
  if (!result.ok) return errorResponse(result.status, result.errors);
  return jsonResponse({ jobs: result.jobs, events: result.events }, 202);
}
