import type { FieldError, WebhookConfig } from "@/lib/webhook/config-schema";

/** The origins a config sends to: those of its online and offline endpoints that are valid URLs. */
export function endpointOrigins(config: Pick<WebhookConfig, "onlineUrl" | "offlineUrl">): string[] {
  return [config.onlineUrl, config.offlineUrl].flatMap((url) => {
    const trimmed = url?.trim();
    return trimmed && URL.canParse(trimmed) ? [new URL(trimmed).origin] : [];
  });
}

/**
 * A saved secret (sent back as `value: null`) may only go to the origins it was saved with. When a
 * config or a test call would send it anywhere else, the user must type the value again; otherwise
 * anyone who can edit the form could read a secret back through a URL of their own.
 */
export function keptSecretErrors(
  headers: WebhookConfig["headers"],
  targetOrigins: readonly string[],
  savedOrigins: readonly string[],
): FieldError[] {
  const newOrigins = targetOrigins.filter((o) => !savedOrigins.includes(o));
  if (newOrigins.length === 0) return [];
  return headers.flatMap((header, i) =>
    header.secret && header.value === null
      ? [{
          code: "secret_needs_reentry",
          path: `headers.${i}.value`,
          message: `Header ${header.name}: the saved secret is only sent to ${savedOrigins.join(" and ") || "the endpoints it was saved with"}. To send it to ${newOrigins.join(" and ")}, enter its value again.`,
        }]
      : [],
  );
}
