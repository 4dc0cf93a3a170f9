// Starts the webhook delivery engine once per server process, so pending deliveries resume after a restart.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startDeliveryEngine } = await import("@/lib/server/delivery-engine");
    startDeliveryEngine();
  }
}
