import "server-only";

/** The portal's public origin: PORTAL_URL when set, else the scheme and Host of the request. */
export function portalOrigin(headers: Pick<Headers, "get">, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.PORTAL_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // a malformed PORTAL_URL falls back to the request's own origin
    }
  }
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || "";
  const safeHost = /^[A-Za-z0-9.\-:[\]]{1,255}$/.test(host) ? host : "localhost";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${safeHost}`;
}

/** The receiving URL of a bin. */
export function binUrl(origin: string, binId: string): string {
  return `${origin}/api/hooks/${binId}`;
}
