import type { NextRequest } from "next/server";
import { startQrLogin } from "@/lib/server/sso/start-qr-login";

export async function GET(req: NextRequest, { params }: { params: Promise<{ idpId: string }> }) {
  return startQrLogin(req, (await params).idpId);
}
