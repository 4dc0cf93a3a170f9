/** The Chromium to drive, installing Debian's package when that is possible. */
export function findChromium(options?: { install?: boolean }): string | null;
