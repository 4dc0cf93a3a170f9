import { Badge } from "@/components/ui/badge";
import type { WebhookSupport } from "@/lib/webhook/support";

/** Online/offline as a badge with a text label (never colour alone). */
export function OnlineBadge({ online }: { online: boolean }) {
  return (
    <Badge tone={online ? "green" : "neutral"}>
      <span aria-hidden className={online ? "size-1.5 rounded-full bg-emerald-500" : "size-1.5 rounded-full bg-zinc-400"} />
      {online ? "Online" : "Offline"}
    </Badge>
  );
}

/** Webhook on/off, or why the device has no webhook. */
export function WebhookBadge({ support, enabled }: { support: WebhookSupport; enabled: boolean }) {
  if (support === "planned") return <Badge>Planned</Badge>;
  if (support === "firmware-update-required") return <Badge tone="amber">Update firmware</Badge>;
  return <Badge tone={enabled ? "blue" : "neutral"}>{enabled ? "Webhook on" : "Webhook off"}</Badge>;
}
