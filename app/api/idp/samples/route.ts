import { NextResponse, type NextRequest } from "next/server";
import { getCurrentAdmin } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { sampleIdpOu, sampleIdpUser, searchSampleAccounts } from "@/lib/server/idp/samples";

// The mapping preview's sample data: GET ?q= (accounts), ?accountId= (its idpUser), ?ouId= (its idpOrganizationalUnit).
export async function GET(request: NextRequest) {
  if (!(await getCurrentAdmin())) return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  const params = request.nextUrl.searchParams;
  const accountId = params.get("accountId");
  if (accountId) {
    const idpUser = await sampleIdpUser(db, accountId.slice(0, 64));
    return idpUser ? NextResponse.json({ idpUser }) : NextResponse.json({ error: "not_found" }, { status: 404 });
  }
  const ouId = params.get("ouId");
  if (ouId) {
    const idpOrganizationalUnit = await sampleIdpOu(db, ouId.slice(0, 64));
    return idpOrganizationalUnit
      ? NextResponse.json({ idpOrganizationalUnit })
      : NextResponse.json({ error: "not_found" }, { status: 404 });
  }
  return NextResponse.json({ results: await searchSampleAccounts(db, (params.get("q") ?? "").slice(0, 100)) });
}
