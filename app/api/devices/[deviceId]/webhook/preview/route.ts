import { z } from "zod";
import { errorResponse, jsonResponse, notFoundResponse, readJsonBody } from "@/lib/server/api-response";
import { findDevice, toDeviceContext } from "@/lib/server/places-repo";
import { getPublicWebhookConfig } from "@/lib/server/webhook-service";
import { PayloadConfigError } from "@/lib/webhook/build-payload";
import { fieldErrorsFromZod, webhookConfigSchema } from "@/lib/webhook/config-schema";
import { EVENT_TYPES } from "@/lib/webhook/events";
import { buildSampleRequest, MAX_PREVIEW_EVENTS } from "@/lib/webhook/webhook-request";

export const dynamic = "force-dynamic";

const previewRequestSchema = z.object({
  config: webhookConfigSchema.optional(),
  eventType: z.enum(EVENT_TYPES, { error: "eventType must be an event type of the catalog, e.g. DEV_FACE_AUTH_SUCCESS" }).optional(),
  kind: z.enum(["online", "offline"], { error: 'kind must be "online" or "offline"' }),
  count: z.number({ error: "count must be a number" }).int("count must be a whole number").min(1, "count must be at least 1").max(MAX_PREVIEW_EVENTS, `count must be at most ${MAX_PREVIEW_EVENTS}`).optional(),
}, { error: "The body must be a JSON object" });

// POST /api/devices/:deviceId/webhook/preview - the exact body and headers for a config (the saved one by default)
export async function POST(request: Request, ctx: RouteContext<"/api/devices/[deviceId]/webhook/preview">) {
  const { deviceId } = await ctx.params;
  const device = await findDevice(deviceId);
  if (!device) return notFoundResponse(`Device ${deviceId}`);
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = previewRequestSchema.safeParse(body.value);
  if (!parsed.success) return errorResponse(422, fieldErrorsFromZod(parsed.error));
  const { config, eventType, kind, count } = parsed.data;
  const effective = config ?? (await getPublicWebhookConfig(deviceId))!;
  try {
    return jsonResponse(buildSampleRequest(effective, toDeviceContext(device), { kind, eventType, count, maskSecrets: true, firmware: device.firmware }));
  } catch (err) {
    if (err instanceof PayloadConfigError) return errorResponse(422, [{ code: "invalid_config", message: err.message }]);
    throw err;
  }
}
