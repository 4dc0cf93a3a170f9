"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** A time in the viewer's own time zone; the server (which does not know it) renders UTC first. */
export function LocalTime({ iso, withDate = false, className }: { iso: string; withDate?: boolean; className?: string }) {
  const isClient = useSyncExternalStore(subscribe, () => true, () => false);
  const date = new Date(iso);
  const options: Intl.DateTimeFormatOptions = {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
    ...(withDate ? { year: "numeric", month: "short", day: "numeric" } : {}),
    ...(isClient ? {} : { timeZone: "UTC", timeZoneName: "short" }),
  };
  return (
    <time dateTime={iso} title={iso} className={className}>
      {new Intl.DateTimeFormat(isClient ? undefined : "en-GB", options).format(date)}
    </time>
  );
}
