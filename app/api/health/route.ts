import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { checkHealth } from "@/lib/server/health";

// Read on every request (never prerendered at build time nor cached).
export const dynamic = "force-dynamic";

// For load balancers and monitors: the one API route with no session check, by design (a probe cannot
// sign in). It says only states, counts and an age (lib/server/health.ts): no URL, host, version or id.
// 200 while the database answers and its migrations are this build's; 503 otherwise. "degraded" (still 200)
// means no worker beat for 60 s while an IdP is enabled.
export async function GET() {
  const { report, httpStatus } = await checkHealth(db);
  return NextResponse.json(report, { status: httpStatus, headers: { "cache-control": "no-store" } });
}
