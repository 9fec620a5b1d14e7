import { NextResponse, type NextRequest } from "next/server";
import { getCurrentAdmin } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { listOuChildren, searchOus } from "@/lib/server/directory/ou-queries";

// GET ?parentId=<id|root> -> one tree level; GET ?q=<text>[&exclude=<id>,<id>] -> matching OUs with paths
// (the first 20, the already picked left out) and how many match in all.
export async function GET(request: NextRequest) {
  if (!(await getCurrentAdmin())) return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  const params = request.nextUrl.searchParams;
  const q = params.get("q");
  if (q !== null) {
    const excludeIds = (params.get("exclude") ?? "").split(",").filter((id) => id && id.length <= 64);
    return NextResponse.json(await searchOus(db, q.slice(0, 100), { excludeIds: excludeIds.slice(0, 200) }));
  }
  const parentId = params.get("parentId");
  return NextResponse.json({ children: await listOuChildren(db, !parentId || parentId === "root" ? null : parentId) });
}
