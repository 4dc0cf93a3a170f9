import "server-only";
import { z } from "zod";
import type { ApiError } from "@/lib/server/api-response";

/** How a bin answers CORS: like a permissive API, like a server without CORS, or like webhook.site. */
export const CORS_MODES = ["open", "off", "webhook.site"] as const;
export type CorsMode = (typeof CORS_MODES)[number];

/** Labels and one-line explanations of the CORS modes, for the settings forms. */
export const CORS_MODE_OPTIONS: readonly { value: CorsMode; label: string; hint: string }[] = [
  { value: "open", label: "Open", hint: "Allows the requesting origin, its method and exactly the headers it asks for." },
  { value: "off", label: "Off", hint: "No CORS headers: a browser call fails, as with a server that knows nothing of CORS." },
  { value: "webhook.site", label: "webhook.site-like", hint: "Any origin, but only a fixed header list: Authorization or X-Api-Key fail the preflight." },
];

export const MIN_RESPONSE_STATUS = 200;
export const MAX_RESPONSE_STATUS = 599;
export const MAX_RESPONSE_BODY_BYTES = 64 * 1024;
export const MAX_DELAY_MS = 10_000;
export const MAX_BIN_NAME_LENGTH = 100;

/** Settings of a new bin when the request leaves them out. */
export const BIN_DEFAULTS = {
  name: "",
  corsMode: "open",
  responseStatus: 200,
  responseBody: '{"ok":true}',
  delayMs: 0,
} as const satisfies BinSettings;

const settingsShape = {
  name: z
    .string({ error: "Name must be text." })
    .trim()
    .max(MAX_BIN_NAME_LENGTH, { error: `Shorten the name to at most ${MAX_BIN_NAME_LENGTH} characters.` }),
  corsMode: z.enum(CORS_MODES, { error: `CORS mode must be one of ${CORS_MODES.map((m) => `"${m}"`).join(", ")}.` }),
  // A final answer cannot be 1xx: the Fetch API (and HTTP) only allow 200-599 as a response status.
  responseStatus: z
    .int({ error: `Response status must be a whole number from ${MIN_RESPONSE_STATUS} to ${MAX_RESPONSE_STATUS}.` })
    .min(MIN_RESPONSE_STATUS, { error: `Use a response status from ${MIN_RESPONSE_STATUS} to ${MAX_RESPONSE_STATUS}.` })
    .max(MAX_RESPONSE_STATUS, { error: `Use a response status from ${MIN_RESPONSE_STATUS} to ${MAX_RESPONSE_STATUS}.` }),
  responseBody: z
    .string({ error: "Response body must be text." })
    .refine((s) => Buffer.byteLength(s, "utf8") <= MAX_RESPONSE_BODY_BYTES, {
      error: `Shorten the response body to at most ${MAX_RESPONSE_BODY_BYTES / 1024} KiB.`,
    }),
  delayMs: z
    .int({ error: `Delay must be a whole number of milliseconds from 0 to ${MAX_DELAY_MS}.` })
    .min(0, { error: `Use a delay from 0 to ${MAX_DELAY_MS} ms.` })
    .max(MAX_DELAY_MS, { error: `Use a delay from 0 to ${MAX_DELAY_MS} ms (10 seconds).` }),
};

const OBJECT_ERROR = "Send the bin settings as a JSON object.";

/** Body of `POST /api/bins` and of the create form: every setting optional, defaults filled in. */
export const binCreateSchema = z.object(
  {
    name: settingsShape.name.default(BIN_DEFAULTS.name),
    corsMode: settingsShape.corsMode.default(BIN_DEFAULTS.corsMode),
    responseStatus: settingsShape.responseStatus.default(BIN_DEFAULTS.responseStatus),
    responseBody: settingsShape.responseBody.default(BIN_DEFAULTS.responseBody),
    delayMs: settingsShape.delayMs.default(BIN_DEFAULTS.delayMs),
  },
  { error: OBJECT_ERROR },
);

/** Body of `PATCH /api/bins/:binId` and of the settings form: only the settings sent change. */
export const binPatchSchema = z.object(settingsShape, { error: OBJECT_ERROR }).partial();

/** A bin's settings, complete. */
export type BinSettings = { name: string; corsMode: CorsMode; responseStatus: number; responseBody: string; delayMs: number };
export type BinPatch = z.infer<typeof binPatchSchema>;

/** Validates a create body (undefined counts as `{}`). */
export function parseBinCreate(input: unknown): { ok: true; value: BinSettings } | { ok: false; errors: ApiError[] } {
  const parsed = binCreateSchema.safeParse(input ?? {});
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: toApiErrors(parsed.error) };
}

/** Validates a partial settings update (undefined counts as `{}`). */
export function parseBinPatch(input: unknown): { ok: true; value: BinPatch } | { ok: false; errors: ApiError[] } {
  const parsed = binPatchSchema.safeParse(input ?? {});
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: toApiErrors(parsed.error) };
}

/** One API error per zod issue, the path dotted ("responseStatus"). */
export function toApiErrors(error: z.ZodError): ApiError[] {
  return error.issues.map((issue) => ({ code: issue.code, message: issue.message, path: issue.path.map(String).join(".") }));
}

/** The same errors keyed by field, first message wins: what a form shows under each control. */
export function toFieldErrors(errors: readonly ApiError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const key = e.path || "form";
    out[key] ??= e.message;
  }
  return out;
}
