import { databaseHealth } from "@/lib/db/health";

export const dynamic = "force-dynamic";

// Public on purpose: load balancers and monitors call it without a session. It discloses nothing but up/down.
export async function GET() {
  const dbStatus = await databaseHealth();
  return Response.json({ status: dbStatus.ok ? "ok" : "degraded", db: dbStatus }, { status: dbStatus.ok ? 200 : 503 });
}
