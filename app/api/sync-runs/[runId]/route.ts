import { NextResponse, type NextRequest } from "next/server";
import { getCurrentAdmin } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { getRunDetail } from "@/lib/server/idp/queries";

// Polled by the run page while a run is active: the run, its filtered records and counts.
export async function GET(request: NextRequest, { params }: { params: Promise<{ runId: string }> }) {
  if (!(await getCurrentAdmin())) return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  const { runId } = await params;
  const search = request.nextUrl.searchParams;
  const detail = await getRunDetail(db, runId.slice(0, 64), {
    status: search.get("status") || undefined,
    objectType: search.get("objectType") || undefined,
    page: Number(search.get("page") ?? 1) || 1,
  });
  if (!detail) return NextResponse.json({ error: "not_found" }, { status: 404 });
  return NextResponse.json(detail, { headers: { "cache-control": "no-store" } });
}
