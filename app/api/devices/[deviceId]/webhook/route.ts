import { errorResponse, jsonResponse, notFoundResponse, readJsonBody } from "@/lib/server/api-response";
import { getPublicWebhookConfig, saveWebhookConfig } from "@/lib/server/webhook-service";

export const dynamic = "force-dynamic";

type Ctx = RouteContext<"/api/devices/[deviceId]/webhook">;

// GET /api/devices/:deviceId/webhook - the config with its version; secret values masked
export async function GET(_request: Request, ctx: Ctx) {
  const { deviceId } = await ctx.params;
  const config = await getPublicWebhookConfig(deviceId);
  return config ? jsonResponse(config) : notFoundResponse(`Device ${deviceId}`);
}

// PUT /api/devices/:deviceId/webhook - replace the webhook config (optimistic concurrency on version)
export async function PUT(request: Request, ctx: Ctx) {
  const { deviceId } = await ctx.params;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const result = await saveWebhookConfig(deviceId, body.value);
  return result.ok ? jsonResponse(result.config) : errorResponse(result.status, result.errors);
}
