import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Public on purpose (load balancers call it unauthenticated); it reveals only up/down. */
export async function GET() {
  let database: "up" | "down" = "down";
  try {
    await db.$queryRaw`SELECT 1`;
    database = "up";
  } catch {
    database = "down";
  }
  const healthy = database === "up";
  return Response.json({ status: healthy ? "ok" : "degraded", app: "up", database }, { status: healthy ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
