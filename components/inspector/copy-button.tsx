"use client";

import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { toast } from "sonner";
import { buttonClass } from "@/components/inspector/controls";

/** Copies `text` to the clipboard; `label` names what is copied for screen readers and the toast. */
export function CopyButton({ text, label, showLabel = false, size = "sm" }: { text: string; label: string; showLabel?: boolean; size?: "sm" | "md" }) {
  const [copied, setCopied] = useState(false);
  async function onCopy() {
    if (await copyText(text)) {
      setCopied(true);
      toast.success(`${label.replace(/^Copy /, "")} copied`);
      setTimeout(() => setCopied(false), 1500);
    } else {
      toast.error("The browser refused the clipboard: select the text and copy it by hand.");
    }
  }
  const Icon = copied ? Check : Copy;
  return (
    <button type="button" onClick={onCopy} aria-label={showLabel ? undefined : label} title={label} className={buttonClass("secondary", size)}>
      <Icon aria-hidden className="size-3.5" />
      {showLabel && <span>{label}</span>}
    </button>
  );
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // the Clipboard API needs a secure context: fall back to a hidden textarea
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}
