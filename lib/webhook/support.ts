/** Device models the portal knows, in CLUe's naming. */
export const DEVICE_MODELS = ["BS3-DB", "BS3-APWB", "W3", "N2", "XS2", "XP2"] as const;
export type DeviceModel = (typeof DEVICE_MODELS)[number];

/** Models that have the Webhook tab today; the rest are announced as planned. */
export const WEBHOOK_MODELS = ["BS3-DB", "BS3-APWB"] as const satisfies readonly DeviceModel[];

export const MIN_WEBHOOK_FIRMWARE = "1.1.0";
export const WEBHOOK_FIRMWARE_FILE = "bs3-all_v1.1.0_20250626_00100CL.bin";

export const MODEL_LABELS: Record<DeviceModel, string> = {
  "BS3-DB": "BioStation 3",
  "BS3-APWB": "BioStation 3 (APWB)",
  W3: "BioEntry W3",
  N2: "BioLite N2",
  XS2: "X-Station 2",
  XP2: "XPass 2",
};

export type WebhookSupport = "supported" | "firmware-update-required" | "planned";

/**
 * Compares dotted version strings numerically (1.10.0 > 1.9.0); missing parts count as 0 and
 * a suffix such as "-rc1" is ignored. Returns a negative, zero or positive number.
 */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Whether a device of this model and firmware has the Webhook tab. */
export function getWebhookSupport(model: string, firmware: string): WebhookSupport {
  if (!(WEBHOOK_MODELS as readonly string[]).includes(model)) return "planned";
  return compareVersions(firmware, MIN_WEBHOOK_FIRMWARE) >= 0 ? "supported" : "firmware-update-required";
}

function parseVersion(v: string): number[] {
  const core = v.trim().replace(/^v/i, "").split(/[-+ ]/)[0] ?? "";
  return core.split(".").map((part) => {
    const n = Number.parseInt(part, 10);
    return Number.isFinite(n) ? n : 0;
  });
}
