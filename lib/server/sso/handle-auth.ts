import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { buildAuthOptions } from "./auth-options";
import { QrCallbackFlow } from "./qr-flow";
import { SsoRefusal } from "./refusal";

export type AuthRouteContext = { params: Promise<{ nextauth: string[] }> };

/** app/api/auth/[...nextauth]: next-auth with this request's providers; QR callbacks end through their flow. */
export async function handleAuthRequest(req: NextRequest, ctx: AuthRouteContext): Promise<Response> {
  const flow = QrCallbackFlow.fromRequest(req);
  const options = await buildAuthOptions(flow);
  if (!flow) return NextAuth(req, ctx, options) as Promise<Response>;
  // An IdP disabled, deleted or with QR login off has no provider: refuse before anything else.
  if (!options.providers.some((p) => p.id === flow.providerId)) {
    await flow.refuse(new SsoRefusal("idp_unavailable"));
    return flow.finish(null);
  }
  return flow.finish((await NextAuth(req, ctx, options)) as Response);
}
