/** "UTC+09:00" style label for an offset in minutes. */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Event ids in a few characters: "10231", "10231–10330 (100)", or the first ones and a count. */
export function formatEventIds(ids: readonly number[]): string {
  if (ids.length === 0) return "—";
  if (ids.length === 1) return String(ids[0]);
  const isRun = ids.every((id, i) => i === 0 || id === ids[i - 1] + 1);
  if (isRun) return `${ids[0]}–${ids[ids.length - 1]} (${ids.length})`;
  return ids.length <= 3 ? ids.join(", ") : `${ids.slice(0, 3).join(", ")}, … (${ids.length})`;
}
