import { errorResponse, jsonResponse, readJsonBody } from "@/lib/server/api-response";
import { createBin, listBins } from "@/lib/server/bins-repo";
import { parseBinCreate } from "@/lib/server/inspector-schema";
import { binUrl, portalOrigin } from "@/lib/server/inspector-url";

export const dynamic = "force-dynamic";

// GET /api/bins - every inspector bin with its settings, URL and request count, newest first
export async function GET(request: Request) {
  const origin = portalOrigin(request.headers);
  return jsonResponse((await listBins()).map((bin) => ({ ...bin, url: binUrl(origin, bin.id) })));
}

// POST /api/bins - create a bin; answers 201 { id, url }
export async function POST(request: Request) {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = parseBinCreate(body.value);
  if (!parsed.ok) return errorResponse(422, parsed.errors);
  const bin = await createBin(parsed.value);
  return jsonResponse({ id: bin.id, url: binUrl(portalOrigin(request.headers), bin.id) }, 201);
}
