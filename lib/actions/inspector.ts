"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { clearBinRequests, createBin, deleteBin, findBin, updateBin } from "@/lib/server/bins-repo";
import { parseBinCreate, parseBinPatch, toFieldErrors } from "@/lib/server/inspector-schema";
import { binUrl, portalOrigin } from "@/lib/server/inspector-url";

/** What a failed inspector action answers: a message per field ("form" for the rest). */
export type InspectorActionFailure = { ok: false; fieldErrors: Record<string, string> };

export type CreateBinResult = { ok: true; id: string; url: string } | InspectorActionFailure;
export type InspectorActionResult = { ok: true } | InspectorActionFailure;

/**
 * Creates a bin; any setting left out takes its default (CORS open, 200, `{"ok":true}`, no delay).
 * The webhook form's "use an inspector bin" button calls it with `{ name, corsMode }`.
 */
export async function createBinAction(input: unknown): Promise<CreateBinResult> {
  const parsed = parseBinCreate(input);
  if (!parsed.ok) return { ok: false, fieldErrors: toFieldErrors(parsed.errors) };
  const bin = await createBin(parsed.value);
  revalidatePath("/inspector");
  return { ok: true, id: bin.id, url: binUrl(portalOrigin(await headers()), bin.id) };
}

/** Changes the settings of a bin (only the ones sent). */
export async function updateBinAction(binId: string, input: unknown): Promise<InspectorActionResult> {
  if (!(await findBin(binId))) return gone();
  const parsed = parseBinPatch(input);
  if (!parsed.ok) return { ok: false, fieldErrors: toFieldErrors(parsed.errors) };
  if (!(await updateBin(binId, parsed.value))) return gone();
  revalidatePath("/inspector");
  revalidatePath(`/inspector/${binId}`);
  return { ok: true };
}

/** Deletes a bin and every request it recorded. */
export async function deleteBinAction(binId: string): Promise<InspectorActionResult> {
  if (!(await deleteBin(binId))) return gone();
  revalidatePath("/inspector");
  return { ok: true };
}

/** Forgets every request a bin recorded; the bin and its URL stay. */
export async function clearBinRequestsAction(binId: string): Promise<InspectorActionResult> {
  if (!(await clearBinRequests(binId))) return gone();
  revalidatePath("/inspector");
  return { ok: true };
}

function gone(): InspectorActionFailure {
  return { ok: false, fieldErrors: { form: "This bin no longer exists: it was deleted, maybe in another tab." } };
}
