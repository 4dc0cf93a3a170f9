import { errorResponse, jsonResponse, notFoundResponse, readJsonBody } from "@/lib/server/api-response";
import { DEFAULT_DELIVERIES_LIMIT, MAX_DELIVERIES_LIMIT, parseLimitParam } from "@/lib/server/delivery-log";
import { listSimEvents, triggerEvents } from "@/lib/server/simulator";

export const dynamic = "force-dynamic";

type Ctx = RouteContext<"/api/devices/[deviceId]/simulator/events">;

// POST /api/devices/:deviceId/simulator/events - record events on the simulated device; 201 { events }
export async function POST(request: Request, ctx: Ctx) {
  const { deviceId } = await ctx.params;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const result = await triggerEvents(deviceId, body.value);
  return result.ok ? jsonResponse({ events: result.events }, 201) : errorResponse(result.status, result.errors);
}

// GET /api/devices/:deviceId/simulator/events?limit= - the device's event log, newest first, with delivery states
export async function GET(request: Request, ctx: Ctx) {
  const { deviceId } = await ctx.params;
  const limit = parseLimitParam(new URL(request.url).searchParams.get("limit"), DEFAULT_DELIVERIES_LIMIT, MAX_DELIVERIES_LIMIT);
  if (!limit.ok) return errorResponse(422, [limit.error]);
  const events = await listSimEvents(deviceId, { limit: limit.value });
  return events ? jsonResponse(events) : notFoundResponse(`Device ${deviceId}`);
}
