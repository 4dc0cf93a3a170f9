import { jsonResponse } from "@/lib/server/api-response";
import { listPlaces } from "@/lib/server/places-repo";

export const dynamic = "force-dynamic";

// GET /api/places - every place with its device count
export async function GET() {
  return jsonResponse(await listPlaces());
}
