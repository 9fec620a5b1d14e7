import type { NextRequest } from "next/server";
import { handleAuthRequest, type AuthRouteContext } from "@/lib/server/sso/handle-auth";

// The providers are resolved per request: DingTalk QR login has one per IdP, read from the database.
function handler(req: NextRequest, ctx: AuthRouteContext) {
  return handleAuthRequest(req, ctx);
}

export { handler as GET, handler as POST };
