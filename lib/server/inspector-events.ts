import "server-only";

type Listener = () => void;

// On globalThis so every route bundle of the process shares one registry (the receiver and the stream).
const globalForBins = globalThis as unknown as { binListeners?: Map<string, Set<Listener>> };
const listeners = (globalForBins.binListeners ??= new Map<string, Set<Listener>>());

/** Tells the open streams of a bin that it changed (a request arrived, or the bin was cleared or deleted). */
export function notifyBin(binId: string): void {
  for (const listener of listeners.get(binId) ?? []) {
    try {
      listener();
    } catch {
      // one broken stream must not stop the others
    }
  }
}

/** Calls `listener` on each change of the bin until the returned function is called. */
export function subscribeBin(binId: string, listener: Listener): () => void {
  let set = listeners.get(binId);
  if (!set) listeners.set(binId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0 && listeners.get(binId) === set) listeners.delete(binId);
  };
}
