import { errorResponse, jsonResponse, readJsonBody } from "@/lib/server/api-response";
import { setConnection } from "@/lib/server/simulator";

export const dynamic = "force-dynamic";

// PUT /api/devices/:deviceId/simulator/connection - take the simulated device offline or online (flushes its queue)
export async function PUT(request: Request, ctx: RouteContext<"/api/devices/[deviceId]/simulator/connection">) {
  const { deviceId } = await ctx.params;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const result = await setConnection(deviceId, body.value);
  if (!result.ok) return errorResponse(result.status, result.errors);
  const { online, queued, batches, undeliverable, notSent, reason } = result;
  return jsonResponse({ online, queued, batches, undeliverable, notSent, reason });
}
