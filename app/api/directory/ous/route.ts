import { NextResponse, type NextRequest } from "next/server";
import { getCurrentAdmin } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { listOuChildren, searchOus } from "@/lib/server/directory/ou-queries";

// GET ?parentId=<id|root> -> one tree level; GET ?q=<text> -> matching OUs with paths.
export async function GET(request: NextRequest) {
  if (!(await getCurrentAdmin())) return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  const params = request.nextUrl.searchParams;
  const q = params.get("q");
  if (q !== null) return NextResponse.json({ results: await searchOus(db, q.slice(0, 100)) });
  const parentId = params.get("parentId");
  return NextResponse.json({ children: await listOuChildren(db, !parentId || parentId === "root" ? null : parentId) });
}
