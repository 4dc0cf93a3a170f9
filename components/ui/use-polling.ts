"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Fetches JSON from `url` now and every `intervalMs` while the tab is visible; `reload()` fetches at once.
 * Keeps the last good data when a poll fails, and reports the failure.
 */
export function usePolling<T>(url: string, intervalMs: number, initial: T) {
  const [data, setData] = useState<T>(initial);
  const [error, setError] = useState<string | null>(null);
  const tick = useRef<() => void>(() => {});

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      clearTimeout(timer);
      try {
        const response = await fetch(url, { cache: "no-store" });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const json = (await response.json()) as T;
        if (!cancelled) {
          setData(json);
          setError(null);
        }
      } catch (err) {
        if (!cancelled) setError(err instanceof Error ? err.message : String(err));
      } finally {
        if (!cancelled && document.visibilityState === "visible") timer = setTimeout(load, intervalMs);
      }
    };
    const onVisible = () => { if (document.visibilityState === "visible") load(); };
    tick.current = load;
    load();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [url, intervalMs]);

  return { data, error, reload: () => tick.current() };
}
