import { defineRoute } from "@/lib/route";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/** Public on purpose (load balancers call it unauthenticated); it reveals only up/down. */
export const GET = defineRoute({
  name: "health",
  permission: "public",
  async handle() {
    const health = await checkHealth();
    return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
  },
});
