"use client";

import { useEffect, useRef, useState } from "react";
import type { BinRequestView } from "@/lib/server/bins-repo";

/** State of the live connection, as the page shows it. */
export type StreamStatus = "connecting" | "live" | "reconnecting" | "paused" | "gone";

type Handlers = { onRequest: (request: BinRequestView) => void; onCleared: () => void; onGone: () => void };

// EventSource retries by itself after a dropped connection, but not after an HTTP error answer.
const RECONNECT_AFTER_ERROR_MS = 2_000;

/**
 * Follows `GET /api/bins/:binId/stream` (Server-Sent Events): each request recorded after `afterId`
 * arrives once, oldest first; a reconnect resumes after the last one seen.
 */
export function useBinStream(binId: string, afterId: number, handlers: Handlers): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>("connecting");
  const lastIdRef = useRef(afterId);
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const disconnect = () => {
      source?.close();
      source = null;
      clearTimeout(retry);
    };
    const connect = () => {
      disconnect();
      source = new EventSource(`/api/bins/${encodeURIComponent(binId)}/stream?after=${lastIdRef.current}`);
      source.onopen = () => setStatus("live");
      source.addEventListener("request", (event) => {
        const request = JSON.parse((event as MessageEvent<string>).data) as BinRequestView;
        lastIdRef.current = Math.max(lastIdRef.current, Number(request.id));
        handlersRef.current.onRequest(request);
      });
      source.addEventListener("cleared", () => handlersRef.current.onCleared());
      source.addEventListener("gone", () => {
        stopped = true;
        disconnect();
        setStatus("gone");
        handlersRef.current.onGone();
      });
      source.onerror = () => {
        if (stopped) return;
        setStatus("reconnecting");
        if (source?.readyState === EventSource.CLOSED) retry = setTimeout(connect, RECONNECT_AFTER_ERROR_MS);
      };
    };
    // A hidden tab lets its stream go: browsers allow only 6 HTTP/1.1 connections per host across all tabs.
    const onVisibility = () => {
      if (stopped) return;
      if (document.hidden) {
        disconnect();
        setStatus("paused");
      } else connect();
    };
    if (!document.hidden) connect();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stopped = true;
      disconnect();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [binId]);

  return status;
}
