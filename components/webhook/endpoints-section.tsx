"use client";

import { TriangleAlert } from "lucide-react";
import { useFormContext, useWatch } from "react-hook-form";
import { FieldError, FormSection, inputClass, useErrorProps } from "@/components/ui/form-controls";
import { UseBinButton } from "@/components/webhook/use-bin-button";
import { HTTP_METHODS, urlWarnings, type WebhookConfig } from "@/lib/webhook/config-schema";

/** Method and the online/offline endpoint URLs, in CLUe's order. */
export function EndpointsSection() {
  const { register } = useFormContext<WebhookConfig>();
  const method = useErrorProps("method");
  return (
    <>
      <FormSection id="method" title="Method" description="How the device calls your endpoints.">
        <label htmlFor="method" className="sr-only">HTTP method</label>
        <div className="w-40"><select id="method" {...register("method")} {...method.props} className={inputClass}>
          {HTTP_METHODS.map((m) => <option key={m} value={m}>{m}</option>)}
        </select></div>
        <FieldError name="method" message={method.message} />
      </FormSection>
      <FormSection id="endpoints" title="Endpoints" description="Absolute http(s) URLs, at most 512 characters.">
        <div className="space-y-4">
          <UrlField name="onlineUrl" label="Online event URL" hint="Called for each event while the device is online." tools={<UseBinButton field="onlineUrl" />} />
          <UrlField
            name="offlineUrl"
            label="Offline event URL (optional)"
            hint="Receives the events recorded while the device was offline, as a JSON list, once it reconnects."
            tools={<UseBinButton field="offlineUrl" />}
          />
        </div>
      </FormSection>
    </>
  );
}

function UrlField({ name, label, hint, tools }: { name: "onlineUrl" | "offlineUrl"; label: string; hint: string; tools?: React.ReactNode }) {
  const { register, control } = useFormContext<WebhookConfig>();
  const value = useWatch({ control, name });
  const { message, props } = useErrorProps(name);
  const warnings = message ? [] : urlWarnings(value);
  if (name === "offlineUrl" && !message && !value?.trim()) {
    warnings.push("No offline URL: events recorded while the device is offline will not be delivered.");
  }
  const hintId = `${name}-hint`;
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label htmlFor={name} className="text-sm font-medium">{label}</label>
        {tools}
      </div>
      <input
        id={name}
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://hr.example.com/hooks/…"
        {...register(name)}
        {...props}
        aria-describedby={[props["aria-describedby"], hintId].filter(Boolean).join(" ")}
        className={`${inputClass} mt-1 font-mono`}
      />
      <p id={hintId} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{hint}</p>
      <FieldError name={name} message={message} />
      {warnings.map((w) => (
        <p key={w} className="mt-1 flex items-start gap-1 text-xs text-amber-800 dark:text-amber-300">
          <TriangleAlert aria-hidden className="mt-px size-3.5 shrink-0" />{w}
        </p>
      ))}
    </div>
  );
}
