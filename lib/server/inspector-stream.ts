import "server-only";
import { findBin, listBinRequestViews } from "@/lib/server/bins-repo";
import { subscribeBin } from "@/lib/server/inspector-events";

/** How often a stream looks for new requests by itself, in case a notification was missed (another process). */
export const STREAM_POLL_MS = 500;

/** A comment line this often keeps proxies and the browser from closing an idle stream. */
export const STREAM_HEARTBEAT_MS = 15_000;

/** How many requests a stream reads at once; more are read in further pages, oldest first. */
export const STREAM_PAGE_SIZE = 100;

/** How long the browser waits before reconnecting a dropped stream. */
export const STREAM_RETRY_MS = 1_000;

/**
 * Server-Sent Events of a bin: a `request` event (id = request id, data = the request as the page
 * shows it) for each request recorded after `afterId`, oldest first; `cleared` when the bin's
 * requests were deleted; `gone` (then the end) when the bin was.
 */
export function createBinEventStream(binId: string, afterId: number, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let lastId = afterId;
  let hadRequests = afterId > 0;
  let closed = false;
  let running = false;
  let again = false;
  let cleanup = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      const check = async () => {
        if (closed) return;
        if (running) {
          again = true;
          return;
        }
        running = true;
        try {
          do {
            again = false;
            const bin = await findBin(binId);
            if (!bin) {
              send("event: gone\ndata: {}\n\n");
              close();
              return;
            }
            if (bin.requestCount === 0 && hadRequests) {
              hadRequests = false;
              send("event: cleared\ndata: {}\n\n");
            }
            // Oldest first from the cursor, a page at a time: a full page means more may follow right after it.
            const fresh = await listBinRequestViews(binId, { afterId: lastId, limit: STREAM_PAGE_SIZE, order: "oldest" });
            for (const request of fresh) {
              if (closed) return;
              send(`id: ${request.id}\nevent: request\ndata: ${JSON.stringify(request)}\n\n`);
              lastId = Math.max(lastId, Number(request.id));
              hadRequests = true;
            }
            if (fresh.length === STREAM_PAGE_SIZE) again = true;
          } while (again && !closed);
        } catch {
          // a failed look is retried at the next tick
        } finally {
          running = false;
        }
      };

      const unsubscribe = subscribeBin(binId, () => void check());
      const poll = setInterval(() => void check(), STREAM_POLL_MS);
      const heartbeat = setInterval(() => send(": ping\n\n"), STREAM_HEARTBEAT_MS);
      const onAbort = () => close();
      cleanup = () => {
        unsubscribe();
        clearInterval(poll);
        clearInterval(heartbeat);
        signal.removeEventListener("abort", onAbort);
      };
      signal.addEventListener("abort", onAbort);
      send(`retry: ${STREAM_RETRY_MS}\n: connected\n\n`);
      void check();
    },
    cancel() {
      closed = true;
      cleanup();
    },
  });
}

/** The id to resume after: the larger of `?after=` and the browser's Last-Event-ID. */
export function resumeAfter(after: string | null, lastEventId: string | null): number {
  const ids = [after, lastEventId].map((v) => (v && /^\d{1,15}$/.test(v.trim()) ? Number(v.trim()) : 0));
  return Math.max(...ids);
}
